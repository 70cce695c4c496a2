#include "sync/Puller.h"

#include "store/Cache.h"
#include "store/StoreError.h"

namespace spoke::sync {

HubExpected<PullReport> Puller::pull(std::int64_t nowMs)
{
    const auto account = cache_.hub().activeAccount();
    const std::int64_t since = account && account->url == hubUrl_ ? account->cursor : 0;
    auto body = client_.call("GET", QStringLiteral("api/v1/sync?since=%1").arg(since));
    if (!body)
        return body.error();
    auto rows = parseSyncAnswer(*body);
    if (!rows)
        return rows.error();
    try {
        const store::PullApplied applied = cache_.hub().applyPull(hubUrl_, *rows, nowMs);
        return PullReport{std::max(since, rows->cursor), applied.rowsChanged, applied.programmesChanged,
                          applied.casesWithNewRecommendations};
    } catch (const store::StoreError& error) {
        return SyncError{SyncErrorKind::LocalStore, 0, {}, QString::fromUtf8(error.what())};
    }
}

} // namespace spoke::sync
