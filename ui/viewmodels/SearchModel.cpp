#include "viewmodels/SearchModel.h"

#include "store/CacheWorker.h"
#include "viewmodels/Formatting.h"

namespace spoke::ui {

namespace {

QString kindLabel(const std::string& kind)
{
    if (kind == "session")
        return QObject::tr("Session");
    if (kind == "case")
        return QObject::tr("Case");
    if (kind == "recommendation")
        return QObject::tr("Recommendation");
    if (kind == "chat")
        return QObject::tr("Chat");
    if (kind == "chapter")
        return QObject::tr("Chapter");
    if (kind == "slide")
        return QObject::tr("Slide");
    return QObject::tr("Note");
}

QVariant optional(const std::optional<std::int64_t>& value)
{
    return value ? QVariant::fromValue(static_cast<qint64>(*value)) : QVariant(-1);
}

} // namespace

SearchModel::SearchModel(store::CacheWorker& worker, QObject* parent)
    : RowModel({QStringLiteral("kind"), QStringLiteral("kindLabel"), QStringLiteral("itemId"), QStringLiteral("title"),
                QStringLiteral("snippetHtml"), QStringLiteral("sessionId"), QStringLiteral("caseId"),
                QStringLiteral("recordingId"), QStringLiteral("positionMs"), QStringLiteral("positionText")},
               parent)
    , worker_(worker)
{
    debounce_.setSingleShot(true);
    debounce_.setInterval(150);
    connect(&debounce_, &QTimer::timeout, this, &SearchModel::runQuery);
}

void SearchModel::setQuery(const QString& query)
{
    if (query == query_)
        return;
    query_ = query;
    Q_EMIT queryChanged();
    if (query_.trimmed().isEmpty()) {
        ++generation_;
        replace({});
        setBusy(false);
        return;
    }
    debounce_.start();
}

void SearchModel::runQuery()
{
    const quint64 generation = ++generation_;
    setBusy(true);
    const std::string text = query_.toStdString();
    worker_.run<std::vector<store::SearchHit>>(
        this,
        [text](store::Cache& cache) {
            store::SearchOptions options;
            options.limit = 30;
            options.prefixLastTerm = true;
            return cache.search(text, options);
        },
        [this, generation](const store::Outcome<std::vector<store::SearchHit>>& outcome) {
            if (generation != generation_)
                return;
            setBusy(false);
            std::vector<QVariantMap> rows;
            for (const auto& hit : outcome.value.value_or(std::vector<store::SearchHit>{})) {
                rows.push_back({
                    {QStringLiteral("kind"), QString::fromStdString(hit.kind)},
                    {QStringLiteral("kindLabel"), kindLabel(hit.kind)},
                    {QStringLiteral("itemId"), static_cast<qint64>(hit.id)},
                    {QStringLiteral("title"), QString::fromStdString(hit.title)},
                    {QStringLiteral("snippetHtml"), highlightSnippet(hit.snippet, hit.highlights)},
                    {QStringLiteral("sessionId"), optional(hit.sessionId)},
                    {QStringLiteral("caseId"), optional(hit.caseId)},
                    {QStringLiteral("recordingId"), optional(hit.recordingId)},
                    {QStringLiteral("positionMs"), optional(hit.positionMs)},
                    {QStringLiteral("positionText"), hit.positionMs ? formatPosition(*hit.positionMs) : QString()},
                });
            }
            replace(std::move(rows));
        });
}

void SearchModel::setBusy(bool busy)
{
    if (busy_ != busy) {
        busy_ = busy;
        Q_EMIT busyChanged();
    }
}

} // namespace spoke::ui
