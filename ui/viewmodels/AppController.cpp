#include "viewmodels/AppController.h"

#include "demo/DemoSeed.h"
#include "store/CacheWorker.h"
#include "util/DataDir.h"
#include "viewmodels/Formatting.h"

#include <QFileInfo>

namespace spoke::ui {

namespace {

const QStringList kSessionRoles{QStringLiteral("sessionId"), QStringLiteral("title"),      QStringLiteral("programme"),
                                QStringLiteral("hub"),       QStringLiteral("when"),       QStringLiteral("duration"),
                                QStringLiteral("cases"),     QStringLiteral("recordings"), QStringLiteral("held")};
const QStringList kCaseRoles{QStringLiteral("caseId"), QStringLiteral("code"), QStringLiteral("title"),
                             QStringLiteral("status"), QStringLiteral("updated")};
const QStringList kRecordingRoles{QStringLiteral("recordingId"), QStringLiteral("title"), QStringLiteral("duration"),
                                  QStringLiteral("created"), QStringLiteral("onDisk")};

struct Lists {
    std::vector<QVariantMap> upcoming;
    std::vector<QVariantMap> past;
    std::vector<QVariantMap> cases;
    std::vector<QVariantMap> recordings;
    int pendingOutbox = 0;
};

QVariantMap sessionRow(const store::SessionSummary& s)
{
    return {{QStringLiteral("sessionId"), static_cast<qint64>(s.session.id)},
            {QStringLiteral("title"), QString::fromStdString(s.session.title)},
            {QStringLiteral("programme"), QString::fromStdString(s.programmeName)},
            {QStringLiteral("hub"), QString::fromStdString(s.session.hub)},
            {QStringLiteral("when"), formatDateTime(s.session.scheduledStartMs)},
            {QStringLiteral("duration"), formatDuration(s.session.durationMin * 60'000LL)},
            {QStringLiteral("cases"), s.caseCount},
            {QStringLiteral("recordings"), s.recordingCount},
            {QStringLiteral("held"), s.session.status == store::SessionStatus::Held}};
}

Lists loadLists(store::Cache& cache)
{
    if (cache.isEmpty())
        demo::seedDemoProgramme(cache, store::currentTimeMs());
    Lists lists;
    const auto now = store::currentTimeMs();
    for (const auto& s : cache.sessions().list(store::SessionStore::When::Upcoming, now))
        lists.upcoming.push_back(sessionRow(s));
    for (const auto& s : cache.sessions().list(store::SessionStore::When::Past, now))
        lists.past.push_back(sessionRow(s));
    for (const auto& c : cache.cases().list())
        lists.cases.push_back({{QStringLiteral("caseId"), static_cast<qint64>(c.id)},
                               {QStringLiteral("code"), QString::fromStdString(c.caseCode)},
                               {QStringLiteral("title"), QString::fromStdString(c.title)},
                               {QStringLiteral("status"), caseStatusLabel(c.status)},
                               {QStringLiteral("updated"), formatDateTime(c.updatedMs)}});
    for (const auto& r : cache.recordings().list())
        lists.recordings.push_back(
            {{QStringLiteral("recordingId"), static_cast<qint64>(r.id)},
             {QStringLiteral("title"), QString::fromStdString(r.title)},
             {QStringLiteral("duration"), formatDuration(r.durationMs)},
             {QStringLiteral("created"), formatDateTime(r.createdMs)},
             {QStringLiteral("onDisk"), !r.filePath.empty() && QFileInfo::exists(QString::fromStdString(r.filePath))}});
    lists.pendingOutbox = cache.outbox().pendingCount();
    return lists;
}

} // namespace

AppController::AppController(const std::filesystem::path& dataDir, const QString& version, QObject* parent)
    : QObject(parent)
    , dataDir_(QString::fromStdString(dataDir.string()))
    , version_(version)
    , worker_(std::make_unique<store::CacheWorker>(cacheFileIn(dataDir)))
    , upcoming_(kSessionRoles)
    , past_(kSessionRoles)
    , cases_(kCaseRoles)
    , recordings_(kRecordingRoles)
    , search_(std::make_unique<SearchModel>(*worker_))
    , detail_(std::make_unique<DetailModel>(*worker_))
    , library_(std::make_unique<LibraryModel>(*worker_, dataDir))
    , player_(std::make_unique<PlayerModel>(*worker_))
    , editor_(std::make_unique<CaseEditorModel>(*worker_, dataDir / "attachments"))
    , call_(std::make_unique<CallModel>())
{
    connect(editor_.get(), &CaseEditorModel::casesChanged, this, &AppController::refresh);
    connect(worker_.get(), &store::CacheWorker::openFailed, this, [this](const QString& message) {
        cacheError_ = message;
        Q_EMIT cacheErrorChanged();
    });
    refresh();
}

AppController::~AppController()
{
    // The last keystrokes of an open case reach the cache before it closes;
    // so does where replay was left off.
    editor_->saveNow();
    player_->close();
    worker_->drain();
}

namespace {
AppController* g_instance = nullptr;
}

void AppController::setInstance(AppController* instance)
{
    g_instance = instance;
}

AppController* AppController::create(QQmlEngine*, QJSEngine*)
{
    Q_ASSERT(g_instance && "main() must call AppController::setInstance before loading QML");
    // Owned by main(), not by the QML engine.
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

void AppController::refresh()
{
    worker_->run<Lists>(this, loadLists, [this](const store::Outcome<Lists>& outcome) {
        if (!outcome.ok()) {
            if (cacheError_.isEmpty()) {
                cacheError_ = outcome.error;
                Q_EMIT cacheErrorChanged();
            }
        } else {
            Lists lists = *outcome.value;
            upcoming_.replace(std::move(lists.upcoming));
            past_.replace(std::move(lists.past));
            cases_.replace(std::move(lists.cases));
            recordings_.replace(std::move(lists.recordings));
            library_->refresh();
            pendingOutbox_ = lists.pendingOutbox;
        }
        loaded_ = true;
        Q_EMIT loadedChanged();
    });
}

} // namespace spoke::ui
