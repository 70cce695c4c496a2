#include "viewmodels/AppController.h"

#include "demo/DemoSeed.h"
#include "store/CacheWorker.h"
#include "sync/SyncWorker.h"
#include "util/DataDir.h"
#include "viewmodels/Formatting.h"
#include "viewmodels/HubWording.h"

#include <QDateTime>
#include <QFileInfo>

namespace spoke::ui {

namespace {

const QStringList kSessionRoles{QStringLiteral("sessionId"), QStringLiteral("title"),      QStringLiteral("programme"),
                                QStringLiteral("hub"),       QStringLiteral("when"),       QStringLiteral("duration"),
                                QStringLiteral("cases"),     QStringLiteral("recordings"), QStringLiteral("held")};
const QStringList kCaseRoles{QStringLiteral("caseId"), QStringLiteral("code"),    QStringLiteral("title"),
                             QStringLiteral("status"), QStringLiteral("updated"), QStringLiteral("question")};
const QStringList kRecordingRoles{QStringLiteral("recordingId"), QStringLiteral("title"), QStringLiteral("duration"),
                                  QStringLiteral("created"), QStringLiteral("onDisk")};

struct Lists {
    std::vector<QVariantMap> upcoming;
    std::vector<QVariantMap> past;
    std::vector<QVariantMap> cases;
    std::vector<QVariantMap> recordings;
    bool empty = false;
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
    Lists lists;
    lists.empty = cache.isEmpty();
    const auto now = store::currentTimeMs();
    for (const auto& s : cache.sessions().list(store::SessionStore::When::Upcoming, now))
        lists.upcoming.push_back(sessionRow(s));
    for (const auto& s : cache.sessions().list(store::SessionStore::When::Past, now))
        lists.past.push_back(sessionRow(s));
    for (const auto& c : cache.cases().list())
        lists.cases.push_back({{QStringLiteral("caseId"), static_cast<qint64>(c.id)},
                               {QStringLiteral("code"), QString::fromStdString(c.caseCode)},
                               {QStringLiteral("title"), QString::fromStdString(c.title)},
                               {QStringLiteral("storeStatus"), QString::fromUtf8(store::toString(c.status))},
                               {QStringLiteral("updated"), formatDateTime(c.updatedMs)}});
    for (const auto& r : cache.recordings().list())
        lists.recordings.push_back(
            {{QStringLiteral("recordingId"), static_cast<qint64>(r.id)},
             {QStringLiteral("title"), QString::fromStdString(r.title)},
             {QStringLiteral("duration"), formatDuration(r.durationMs)},
             {QStringLiteral("created"), formatDateTime(r.createdMs)},
             {QStringLiteral("onDisk"), !r.filePath.empty() && QFileInfo::exists(QString::fromStdString(r.filePath))}});
    return lists;
}

} // namespace

AppController::AppController(const std::filesystem::path& dataDir, const QString& version, sync::SyncWorker& sync,
                             StartOptions options, QObject* parent)
    : QObject(parent)
    , dataDir_(QString::fromStdString(dataDir.string()))
    , version_(version)
    , sync_(sync)
    , worker_(std::make_unique<store::CacheWorker>(cacheFileIn(dataDir)))
    , upcoming_(kSessionRoles)
    , past_(kSessionRoles)
    , cases_(kCaseRoles)
    , recordings_(kRecordingRoles)
    , search_(std::make_unique<SearchModel>(*worker_))
    , detail_(std::make_unique<DetailModel>(*worker_))
    , library_(std::make_unique<LibraryModel>(*worker_, dataDir))
    , hubRecordings_(std::make_unique<HubRecordingsModel>(&sync, dataDir))
    , downloadSettings_(std::make_unique<DownloadSettingsModel>(&sync))
    , player_(std::make_unique<PlayerModel>(*worker_))
    , editor_(std::make_unique<CaseEditorModel>(*worker_, dataDir / "attachments", &sync))
    , call_(std::make_unique<CallModel>())
    , hub_(std::make_unique<HubAccountModel>(sync))
    , review_(std::make_unique<ReviewModel>(sync))
    , live_(std::make_unique<LiveSessionModel>(sync))
    , slides_(std::make_unique<LiveSlidesModel>(&sync))
    , screenShare_(std::make_unique<ScreenShareModel>(*call_))
    , liveCase_(std::make_unique<LiveCaseModel>(sync))
    , lock_(std::make_unique<LockModel>(dataDir))
{
    // A replay does not play on to whoever is at a locked laptop; a live
    // call does (LockModel.h): it cannot be paused.
    connect(lock_.get(), &LockModel::lockedChanged, this, [this] {
        if (lock_->locked())
            player_->pause();
    });
    call_->setHub(&sync_);
    live_->followCall(call_.get());
    // For scripts (scripts/screenshots-live), as SPOKE_JANUS_WS is: a deck to open at start.
    if (const QString deck = qEnvironmentVariable("SPOKE_SLIDES_FILE"); !deck.isEmpty())
        slides_->openDeck(deck, LiveSlidesModel::Source::LocalFile);
    connect(call_.get(), &CallModel::stateChanged, this, [this] {
        if (!call_->active())
            setLiveSession(0);
        else if (!live_->active()) {
            qint64 session = call_->hubSession();
            // A practice room's side panel may follow a hub session (scripts/screenshots-live).
            if (session <= 0 && call_->practice())
                session = qEnvironmentVariable("SPOKE_HUB_SESSION").toLongLong();
            setLiveSession(session);
        }
    });
    connect(editor_.get(), &CaseEditorModel::casesChanged, this, &AppController::refresh);
    connect(worker_.get(), &store::CacheWorker::openFailed, this, [this](const QString& message) {
        cacheError_ = message;
        Q_EMIT cacheErrorChanged();
    });
    connectSync();
    syncLabelClock_.setInterval(kSyncLabelRefreshMs);
    connect(&syncLabelClock_, &QTimer::timeout, this, &AppController::syncChanged);
    syncLabelClock_.start();
    demoRecordings_ = options.demoRecordings;
    if (options.seedDemoIfEmpty)
        worker_->run<bool>(
            this,
            [dataDir = options.demoRecordings ? dataDir : std::filesystem::path()](store::Cache& cache) {
                if (cache.isEmpty())
                    demo::seedDemoProgramme(cache, store::currentTimeMs(), dataDir);
                return true;
            },
            [](const store::Outcome<bool>&) {});
    // The sync thread opens the same cache file with a connection of its
    // own; it starts once the cache thread has created and migrated the
    // file, so two connections never run the first migrations at once. The
    // lists load after that: `loaded` means the hub's worker is there too.
    worker_->run<bool>(
        this, [](store::Cache&) { return true; },
        [this](const store::Outcome<bool>&) {
            sync_.start();
            syncStarted_ = true;
            refresh();
        });
}

void AppController::setLiveSession(qint64 hubSessionId)
{
    live_->open(hubSessionId);
    liveCase_->setSession(hubSessionId);
    slides_->setSession(hubSessionId);
}

void AppController::joinSession(qint64 localSessionId, const QString& title)
{
    // The session's id on the hub, from the cache (on its thread): a hub
    // session joins with the hub's join info, any other through the server
    // kept in Settings.
    worker_->run<std::optional<std::int64_t>>(
        this,
        [localSessionId](store::Cache& cache) -> std::optional<std::int64_t> {
            const auto account = cache.hub().activeAccount();
            return account ? cache.hub().hubSessionOf(account->url, localSessionId) : std::nullopt;
        },
        [this, title](const store::Outcome<std::optional<std::int64_t>>& hubSession) {
            const qint64 id = hubSession.ok() && *hubSession.value ? **hubSession.value : 0;
            call_->setHubSession(id);
            call_->join(title);
        });
}

void AppController::connectSync()
{
    connect(&sync_, &sync::SyncWorker::syncStateChanged, this, [this](const sync::SyncState& state) {
        Q_EMIT syncChanged();
        // A pass may have moved a case on (sent, refused, its status at the hub).
        if (!state.syncing)
            sync_.loadCaseSyncStates();
    });
    connect(&sync_, &sync::SyncWorker::accountChanged, this, &AppController::syncChanged);
    connect(&sync_, &sync::SyncWorker::cacheChanged, this, &AppController::refresh);
    connect(&sync_, &sync::SyncWorker::caseSubmitted, this, &AppController::refresh);
    connect(&sync_, &sync::SyncWorker::recommendationsArrived, this, &AppController::recommendationsArrived);
    connect(&sync_, &sync::SyncWorker::caseSyncStatesLoaded, this, [this](const QList<sync::CaseSyncState>& states) {
        caseSync_.clear();
        for (const sync::CaseSyncState& state : states)
            caseSync_.insert(state.localCaseId, state);
        rebuildCaseRows();
        editor_->setHubStates(caseSync_);
    });
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
            caseRows_ = std::move(lists.cases);
            rebuildCaseRows();
            recordings_.replace(std::move(lists.recordings));
            library_->refresh();
            empty_ = lists.empty;
        }
        loaded_ = true;
        Q_EMIT loadedChanged();
        Q_EMIT arrivalChanged(); // its text names a case from the list
    });
    if (syncStarted_)
        sync_.loadCaseSyncStates();
}

// The status a case list shows: where the case stands with the hub once it
// was submitted ("Waiting to send", "Returned with a question"), its local
// workflow status before that.
void AppController::rebuildCaseRows()
{
    std::vector<QVariantMap> rows = caseRows_;
    for (QVariantMap& row : rows) {
        const auto it = caseSync_.constFind(row.value(QStringLiteral("caseId")).toLongLong());
        QString status;
        row.insert(QStringLiteral("question"), QString());
        if (it != caseSync_.constEnd()) {
            status = HubWording::caseDeliveryLabel(*it);
            row.insert(QStringLiteral("question"), it->question);
        }
        if (status.isEmpty())
            status = caseStatusLabel(row.value(QStringLiteral("storeStatus")).toString());
        row.insert(QStringLiteral("status"), status);
    }
    cases_.replace(std::move(rows));
}

void AppController::tryDemo()
{
    worker_->run<demo::SeedCounts>(
        this,
        [dataDir = demoRecordings_ ? std::filesystem::path(dataDir_.toStdString()) : std::filesystem::path()](
            store::Cache& cache) { return demo::seedDemoProgramme(cache, store::currentTimeMs(), dataDir); },
        [this](const store::Outcome<demo::SeedCounts>& outcome) {
            if (!outcome.ok())
                demoMessage_ = tr("The demo programme could not be written: %1").arg(outcome.error);
            else if (outcome.value->alreadySeeded)
                demoMessage_ = tr("The demo programme is already on this laptop.");
            else
                demoMessage_ = tr("The demo programme was added: %1 sessions and %2 cases to look around in. "
                                  "Nothing of it is sent to a hub.")
                                   .arg(outcome.value->sessions)
                                   .arg(outcome.value->cases);
            Q_EMIT demoMessageChanged();
            refresh();
        });
}

void AppController::syncNow()
{
    sync_.syncNow();
}

int AppController::pendingOutbox() const
{
    return sync_.syncState().pendingCount;
}

bool AppController::syncing() const
{
    return sync_.syncState().syncing;
}

QString AppController::syncSummary() const
{
    const sync::SyncState& state = sync_.syncState();
    if (!sync_.account().signedIn)
        return state.pendingCount == 0
                   ? tr("Not signed in to a hub: changes stay on this laptop")
                   : tr("Not signed in to a hub: %n change(s) wait on this laptop", "", state.pendingCount);
    if (state.syncing)
        return tr("Syncing with the hub…");
    if (state.stoppedCount > 0)
        return tr("%n change(s) refused by the hub; open the case to see why", "", state.stoppedCount);
    if (state.pendingCount > 0)
        return tr("%n change(s) waiting to send", "", state.pendingCount);
    if (!state.lastSuccessMs)
        return tr("Nothing sent yet");
    return tr("Everything has been sent to the hub");
}

QString AppController::syncDetail() const
{
    if (!sync_.account().signedIn)
        return {};
    return HubWording::lastSyncedText(sync_.syncState().lastSuccessMs, QDateTime::currentMSecsSinceEpoch());
}

QString AppController::syncError() const
{
    if (!sync_.account().signedIn)
        return {};
    return HubWording::describeSyncError(sync_.syncState().lastError, sync::SyncWorker::Operation::Sync);
}

void AppController::recommendationsArrived(const QList<qint64>& localCaseIds)
{
    for (qint64 id : localCaseIds) {
        arrivals_.removeAll(id);
        arrivals_.append(id);
    }
    Q_EMIT arrivalChanged();
}

QString AppController::arrivalText() const
{
    if (arrivals_.isEmpty())
        return {};
    const qint64 newest = arrivals_.last();
    QString code;
    for (const QVariantMap& row : caseRows_)
        if (row.value(QStringLiteral("caseId")).toLongLong() == newest)
            code = row.value(QStringLiteral("code")).toString();
    if (arrivals_.size() > 1 && !code.isEmpty())
        return tr("New recommendations from the hub for %n case(s), the newest for %1.", "", arrivals_.size())
            .arg(code);
    if (arrivals_.size() > 1)
        return tr("New recommendations from the hub for %n case(s).", "", arrivals_.size());
    return code.isEmpty() ? tr("New recommendations from the hub.")
                          : tr("New recommendations from the hub for %1.").arg(code);
}

void AppController::dismissArrival()
{
    arrivals_.clear();
    Q_EMIT arrivalChanged();
}

} // namespace spoke::ui
