#include "sync/SyncEngine.h"

#include "store/Cache.h"
#include "store/StoreError.h"

namespace spoke::sync {

PassReport currentSyncFigures(store::Cache& cache)
{
    PassReport figures;
    auto outbox = cache.outbox();
    figures.pending = outbox.pendingCount();
    figures.stopped = outbox.stoppedCount();
    if (const auto account = cache.hub().activeAccount()) {
        figures.cursor = account->cursor;
        figures.lastSuccessMs = account->lastSyncMs;
        if (const auto kind = syncErrorKindFrom(QString::fromStdString(account->lastError)))
            figures.error = SyncError{*kind, 0, {}, QString::fromStdString(account->lastDetail)};
    }
    return figures;
}

PassReport SyncEngine::runPass(bool ignoreBackoff, std::int64_t (*clock)())
{
    PassReport report;
    try {
        OutboxDelivery delivery(cache_, client_, hubUrl_);
        report.delivery = delivery.deliver(clock(), ignoreBackoff, clock);
        report.reachedHub = report.delivery.reachedHub;
        const SyncErrorKind kind = report.delivery.error.kind;
        // Not worth a pull when the hub cannot be reached or refuses the token.
        const bool hubAway = !report.delivery.reachedHub && report.delivery.error.isTransient();
        if (hubAway || kind == SyncErrorKind::Unauthenticated) {
            report.error = report.delivery.error;
        } else {
            auto pulled = Puller(cache_, client_, hubUrl_).pull(clock());
            if (pulled) {
                report.reachedHub = true;
                report.pull = std::move(*pulled);
                // A refused entry is the case's problem, shown on the case; the pass itself went through.
                report.error = report.delivery.error.isTransient() ? report.delivery.error : SyncError{};
            } else {
                report.error = pulled.error();
                report.reachedHub = report.reachedHub || pulled.error().httpStatus != 0;
            }
        }
        const bool clean = report.error.ok();
        cache_.hub().recordPass(hubUrl_, clean ? std::optional(clock()) : std::nullopt,
                                clean ? std::string() : toString(report.error.kind).toStdString(),
                                report.error.detail.toStdString());
    } catch (const store::StoreError& error) {
        report.error = SyncError{SyncErrorKind::LocalStore, 0, {}, QString::fromUtf8(error.what())};
    }
    try {
        const PassReport figures = currentSyncFigures(cache_);
        report.pending = figures.pending;
        report.stopped = figures.stopped;
        report.cursor = figures.cursor;
        report.lastSuccessMs = figures.lastSuccessMs;
    } catch (const store::StoreError&) {
        // The pass's own error already says the cache is in trouble.
    }
    return report;
}

} // namespace spoke::sync
