#include "sync/SyncWorker.h"

#include "cases/DeidGate.h"
#include "cases/SchemaRegistry.h"
#include "slides/DeckCache.h"
#include "store/Cache.h"
#include "store/RecordingTimeline.h"
#include "store/StoreError.h"
#include "sync/DeviceId.h"
#include "sync/DownloadQueue.h"
#include "sync/EventListener.h"
#include "sync/HubAccounts.h"
#include "sync/LiveSessionClient.h"
#include "sync/LiveSlides.h"
#include "sync/SyncEngine.h"
#include "sync/TokenStore.h"
#include "util/DataDir.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTime>
#include <QTimer>
#include <QUuid>

#include <atomic>
#include <deque>
#include <initializer_list>

namespace spoke::sync {

namespace {

SyncError localStoreError(const std::exception& error)
{
    return SyncError{SyncErrorKind::LocalStore, 0, {}, QString::fromUtf8(error.what())};
}

CaseSyncState toCaseSyncState(const store::CaseDelivery& d)
{
    CaseSyncState state;
    state.localCaseId = d.caseId;
    switch (d.state) {
    case store::CaseDelivery::State::Waiting: state.delivery = CaseSyncState::Delivery::WaitingToSend; break;
    case store::CaseDelivery::State::Sent: state.delivery = CaseSyncState::Delivery::Sent; break;
    case store::CaseDelivery::State::Refused: state.delivery = CaseSyncState::Delivery::Refused; break;
    }
    state.hubCaseId = d.hubCaseId;
    if (d.hubStatus)
        state.hubStatus = hubCaseStatusFrom(QString::fromStdString(*d.hubStatus));
    state.question = QString::fromStdString(d.question);
    if (d.state == store::CaseDelivery::State::Refused) {
        state.deliveryError = errorForReply({d.errorStatus, {}});
        state.deliveryError.hubCode = QString::fromStdString(d.errorCode);
        state.deliveryError.detail = QString::fromStdString(d.errorDetail);
        const QByteArray wrapped = "{\"findings\":" + QByteArray::fromStdString(d.findingsJson) + "}";
        state.hubFindings = findingsOf(wrapped);
    }
    return state;
}

} // namespace

// Everything of the sync thread: the cache connection, the token store, the
// hub client, the event socket and the timers. Jobs run one after another
// from a queue of its own, because a hub request waits in a local event loop
// and a job posted meanwhile must not start inside it.
// Lives on, and is used only on, the sync thread.
class SyncHost : public QObject {
public:
    SyncHost(SyncWorker* owner, SyncWorker::Options options) : owner_(owner), options_(std::move(options)) { }
    // The members go before QObject's own destructor drops their connections,
    // and a socket aborted as it goes still says "closed": its handler would
    // then write state_ after state_ is gone (a use-after-free an ASan run of
    // the live session test met). So the handlers are cut off first.
    ~SyncHost() override
    {
        for (QObject* sender : std::initializer_list<QObject*>{listener_.get(), downloads_.get(), periodic_.get(),
                                                               retry_.get(), policyCheck_.get()}) {
            if (sender)
                QObject::disconnect(sender, nullptr, this, nullptr);
        }
    }

    void enqueue(std::function<void(SyncHost&)> job)
    {
        jobs_.push_back(std::move(job));
        if (running_)
            return;
        running_ = true;
        while (!jobs_.empty() && !stopping_) {
            auto next = std::move(jobs_.front());
            jobs_.pop_front();
            next(*this);
        }
        running_ = false;
    }

    void start();
    void redeemInvite(const QString& url, const QString& code, const QString& email, const QString& name,
                      const QString& password);
    void signIn(const QString& url, const QString& email, const QString& password);
    void signOut();
    void runPass(bool ignoreBackoff);
    void submitCase(std::int64_t caseId);
    void queueAction(SyncWorker::Operation operation, const std::string& kind, const QJsonObject& payload);
    void registerAttendance(std::int64_t localSessionId);
    void loadReviewQueue(std::optional<std::int64_t> programme);
    void loadHubCase(std::int64_t hubCaseId);
    void loadCaseSyncStates();
    void live(std::int64_t hubSessionId, const std::function<SyncWorker::LiveAnswer(LiveSessionClient*)>& call);
    void slides(std::int64_t hubSessionId, const std::function<SyncWorker::LiveAnswer(LiveSlides*)>& call);
    void fetchJoinInfo(std::int64_t hubSessionId, const SyncWorker::JoinInfoAnswer& answer);
    void reportAttendance(std::int64_t hubSessionId, AttendanceEvent event, std::int64_t atMs);
    void loadHubRecordings();
    void setDownloadPolicy(const DownloadPolicy& policy);
    DownloadQueue* downloads();
    // Called on the owner's thread as it goes: no job starts after this.
    void requestStop() { stopping_ = true; }
    // On the sync thread. It may run inside a job that waits for the hub (a
    // local event loop), so it only stops things; the members go with the
    // host when the thread ends.
    void stop()
    {
        if (listener_)
            listener_->stop();
        if (periodic_)
            periodic_->stop();
        if (retry_)
            retry_->stop();
        if (policyCheck_)
            policyCheck_->stop();
    }

private:
    // Runs `apply` on the owner's thread while the owner exists.
    void toOwner(std::function<void(SyncWorker&)> apply)
    {
        QMetaObject::invokeMethod(
            owner_.data(),
            [owner = owner_, apply = std::move(apply)]() {
                if (owner)
                    apply(*owner);
            },
            Qt::QueuedConnection);
    }
    void fail(SyncWorker::Operation operation, const SyncError& error)
    {
        toOwner([operation, error](SyncWorker& w) { Q_EMIT w.operationFailed(operation, error); });
    }
    bool ready(SyncWorker::Operation operation);
    void signedIn(SyncWorker::Operation operation, const HubExpected<HubAccount>& account);
    void publishAccount()
    {
        toOwner([account = accounts_->current()](SyncWorker& w) { w.applyAccount(account); });
    }
    void publishState();
    void triggerPass();
    void scheduleRetry();
    void connectClient();
    void forwardJoinEvents();
    void reconsiderDownloads();
    void addToLibrary(const QueuedDownload& download, const DownloadStatus& status);
    void storeRecordingTimeline(std::int64_t hubRecordingId, std::int64_t localRecordingId);
    slides::DeckCache& deckCache();

    QPointer<SyncWorker> owner_;
    SyncWorker::Options options_;
    std::unique_ptr<store::Cache> cache_;
    QString openError_;
    std::unique_ptr<TokenStore> tokens_;
    std::unique_ptr<HubAccounts> accounts_;
    std::unique_ptr<HubClient> client_;
    std::unique_ptr<EventListener> listener_;
    std::unique_ptr<slides::DeckCache> decks_; // made at first use (deckCache())
    std::unique_ptr<QTimer> periodic_;
    std::unique_ptr<QTimer> retry_;
    std::unique_ptr<DownloadQueue> downloads_; // made at the first download job
    std::unique_ptr<QTimer> policyCheck_;
    QString deviceId_; // read or made on the first join
    std::deque<std::function<void(SyncHost&)>> jobs_;
    SyncState state_;
    bool running_ = false;
    bool passQueued_ = false;
    std::atomic<bool> stopping_ = false;
};

void SyncHost::start()
{
    try {
        std::filesystem::create_directories(options_.dataDir);
        cache_ = std::make_unique<store::Cache>(store::Cache::open(cacheFileIn(options_.dataDir)));
    } catch (const std::exception& error) {
        openError_ = QString::fromUtf8(error.what());
    }
    tokens_ = std::make_unique<TokenStore>(TokenStore::Options{options_.dataDir, false, 5000});
    if (!cache_) {
        state_.lastError = SyncError{SyncErrorKind::LocalStore, 0, {}, openError_};
        publishState();
        return;
    }
    accounts_ = std::make_unique<HubAccounts>(*cache_, *tokens_, options_.requestTimeoutMs);
    periodic_ = std::make_unique<QTimer>();
    periodic_->setInterval(options_.periodicSyncMs);
    QObject::connect(periodic_.get(), &QTimer::timeout, this, [this] { triggerPass(); });
    retry_ = std::make_unique<QTimer>();
    retry_->setSingleShot(true);
    QObject::connect(retry_.get(), &QTimer::timeout, this, [this] { triggerPass(); });
    publishAccount();
    connectClient();
    publishState();
    if (client_)
        triggerPass();
}

bool SyncHost::ready(SyncWorker::Operation operation)
{
    if (cache_)
        return true;
    fail(operation, SyncError{SyncErrorKind::LocalStore, 0, {}, openError_});
    return false;
}

// (Re)builds the client and the event socket for the account signed in now.
void SyncHost::connectClient()
{
    client_.reset();
    listener_.reset();
    auto client = accounts_->client();
    if (!client) {
        periodic_->stop();
        return;
    }
    client_ = std::move(*client);
    periodic_->start();
    if (policyCheck_) // downloads waiting for an account go on now, not at the next check
        reconsiderDownloads();
    if (!options_.listenForEvents)
        return;
    listener_ = std::make_unique<EventListener>();
    QObject::connect(listener_.get(), &EventListener::changed, this, [this](qint64) { triggerPass(); });
    QObject::connect(listener_.get(), &EventListener::chatReceived, this, [this](const HubChatMessage& message) {
        toOwner([message](SyncWorker& w) { Q_EMIT w.liveChatReceived(message); });
    });
    QObject::connect(listener_.get(), &EventListener::handsChanged, this, [this](const HubHands& hands) {
        toOwner([hands](SyncWorker& w) { Q_EMIT w.liveHandsChanged(hands); });
    });
    QObject::connect(listener_.get(), &EventListener::agendaChanged, this, [this](const HubAgenda& agenda) {
        toOwner([agenda](SyncWorker& w) { Q_EMIT w.liveAgendaChanged(agenda); });
    });
    QObject::connect(listener_.get(), &EventListener::slideTurned, this, [this](const HubSlideTurn& turn) {
        toOwner([turn](SyncWorker& w) { Q_EMIT w.liveSlideTurned(turn); });
    });
    QObject::connect(listener_.get(), &EventListener::caseViewed, this, [this](const HubCaseView& view) {
        toOwner([view](SyncWorker& w) { Q_EMIT w.liveCaseViewed(view); });
    });
    forwardJoinEvents();
    QObject::connect(listener_.get(), &EventListener::openChanged, this, [this](bool open) {
        toOwner([open](SyncWorker& w) { Q_EMIT w.liveSocketChanged(open); });
        state_.online = open; // a pass that reaches the hub says online again
        if (open)
            triggerPass(); // anything missed while the socket was down
        publishState();
    });
    // The pass meets the 401 and signs out, which deletes the listener: so
    // not from inside its own signal.
    QObject::connect(
        listener_.get(), &EventListener::tokenRefused, this, [this] { triggerPass(); }, Qt::QueuedConnection);
    listener_->start(client_->baseUrl(), client_->token());
}

void SyncHost::signedIn(SyncWorker::Operation operation, const HubExpected<HubAccount>& account)
{
    if (!account) {
        fail(operation, account.error());
        return;
    }
    publishAccount();
    connectClient();
    runPass(true);
}

void SyncHost::redeemInvite(const QString& url, const QString& code, const QString& email, const QString& name,
                            const QString& password)
{
    if (ready(SyncWorker::Operation::RedeemInvite))
        signedIn(SyncWorker::Operation::RedeemInvite, accounts_->redeemInvite(url, code, email, name, password));
}

void SyncHost::signIn(const QString& url, const QString& email, const QString& password)
{
    if (ready(SyncWorker::Operation::SignIn))
        signedIn(SyncWorker::Operation::SignIn, accounts_->signIn(url, email, password));
}

void SyncHost::signOut()
{
    if (!ready(SyncWorker::Operation::SignOut))
        return;
    listener_.reset();
    accounts_->signOut();
    connectClient();
    state_.online = false;
    publishAccount();
    publishState();
}

void SyncHost::triggerPass()
{
    if (passQueued_)
        return;
    passQueued_ = true;
    // Through the queue: an event that arrives during a request waits its turn.
    QMetaObject::invokeMethod(
        this,
        [this] {
            enqueue([](SyncHost& host) {
                host.passQueued_ = false;
                host.runPass(false);
            });
        },
        Qt::QueuedConnection);
}

void SyncHost::runPass(bool ignoreBackoff)
{
    if (!ready(SyncWorker::Operation::Sync))
        return;
    if (!client_) {
        state_.lastError = SyncError{SyncErrorKind::NotSignedIn, 0, {}, {}};
        publishState();
        return;
    }
    state_.syncing = true;
    publishState();
    const std::string url = client_->baseUrl().toString().toStdString();
    const PassReport report = SyncEngine(*cache_, *client_, url).runPass(ignoreBackoff);
    state_.syncing = false;
    state_.online = report.reachedHub || (listener_ && listener_->isOpen());
    if (report.error.kind == SyncErrorKind::Unauthenticated) {
        accounts_->forgetToken();
        connectClient();
        publishAccount();
    } else if (report.pull && report.pull->programmes > 0 && accounts_->refreshMemberships(*client_)) {
        publishAccount();
    }
    publishState();
    if (report.pull && !report.pull->casesWithNewRecommendations.empty()) {
        QList<qint64> ids(report.pull->casesWithNewRecommendations.begin(),
                          report.pull->casesWithNewRecommendations.end());
        toOwner([ids](SyncWorker& w) { Q_EMIT w.recommendationsArrived(ids); });
    }
    if (report.delivery.sent + report.delivery.stopped > 0 || (report.pull && report.pull->rowsChanged > 0))
        toOwner([](SyncWorker& w) { Q_EMIT w.cacheChanged(); });
    scheduleRetry();
}

// Wakes up when the earliest waiting entry is due again (Outbox back-off).
void SyncHost::scheduleRetry()
{
    if (!client_ || !cache_)
        return;
    try {
        const auto due = cache_->outbox().due(std::numeric_limits<std::int64_t>::max(), 1);
        if (due.empty())
            return;
        const std::int64_t waitMs = due.front().nextTryMs - store::currentTimeMs();
        retry_->start(static_cast<int>(std::clamp<std::int64_t>(waitMs, 1'000, options_.periodicSyncMs)));
    } catch (const store::StoreError&) {
        // The next pass reports the cache's trouble.
    }
}

void SyncHost::publishState()
{
    if (cache_) {
        try {
            const PassReport figures = currentSyncFigures(*cache_);
            state_.pendingCount = figures.pending;
            state_.stoppedCount = figures.stopped;
            state_.cursor = figures.cursor;
            state_.lastSuccessMs = figures.lastSuccessMs;
            if (!client_)
                state_.lastError = SyncError{SyncErrorKind::NotSignedIn, 0, {}, {}};
            else if (!state_.syncing)
                state_.lastError = figures.error;
        } catch (const store::StoreError& error) {
            state_.lastError = localStoreError(error);
        }
    }
    toOwner([state = state_](SyncWorker& w) { w.applyState(state); });
}

void SyncHost::submitCase(std::int64_t caseId)
{
    if (!ready(SyncWorker::Operation::SubmitCase))
        return;
    CaseSubmission submission(*cache_, cases::DeidGate::builtIn(), cases::SchemaRegistry::builtIn());
    const auto queued = submission.submit(caseId, store::currentTimeMs());
    if (!queued) {
        toOwner([failure = queued.error()](SyncWorker& w) { Q_EMIT w.submitFailed(failure); });
        return;
    }
    toOwner([caseId](SyncWorker& w) {
        Q_EMIT w.caseSubmitted(caseId);
        Q_EMIT w.cacheChanged();
    });
    publishState();
    triggerPass();
}

void SyncHost::queueAction(SyncWorker::Operation operation, const std::string& kind, const QJsonObject& payload)
{
    if (!ready(operation))
        return;
    if (!client_) {
        fail(operation, SyncError{SyncErrorKind::NotSignedIn, 0, {}, {}});
        return;
    }
    try {
        // A fresh key per action: the same words written twice are two recommendations.
        const std::string key = kind + ":" + QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
        const std::int64_t id = cache_->outbox().enqueue(
            key, kind, QJsonDocument(payload).toJson(QJsonDocument::Compact).toStdString(), store::currentTimeMs());
        toOwner([operation, id](SyncWorker& w) { Q_EMIT w.actionQueued(operation, id); });
    } catch (const store::StoreError& error) {
        fail(operation, localStoreError(error));
        return;
    }
    publishState();
    triggerPass();
}

void SyncHost::registerAttendance(std::int64_t localSessionId)
{
    if (!ready(SyncWorker::Operation::RegisterAttendance))
        return;
    const auto account = cache_->hub().activeAccount();
    const auto hubSession = account ? cache_->hub().hubSessionOf(account->url, localSessionId) : std::nullopt;
    if (!hubSession) {
        fail(SyncWorker::Operation::RegisterAttendance, SyncError{SyncErrorKind::NotFound, 0, {}, {}});
        return;
    }
    queueAction(SyncWorker::Operation::RegisterAttendance, "attendance.register",
                QJsonObject{{QStringLiteral("session_hub_id"), static_cast<qint64>(*hubSession)}});
}

void SyncHost::loadReviewQueue(std::optional<std::int64_t> programme)
{
    if (!ready(SyncWorker::Operation::LoadReviewQueue))
        return;
    if (!client_)
        return fail(SyncWorker::Operation::LoadReviewQueue, SyncError{SyncErrorKind::NotSignedIn, 0, {}, {}});
    QString path = QStringLiteral("api/v1/review/queue");
    if (programme)
        path += QStringLiteral("?programme=%1").arg(*programme);
    auto body = client_->call("GET", path);
    auto queue = body ? parseQueueAnswer(*body) : HubExpected<QList<HubCase>>(body.error());
    if (!queue)
        return fail(SyncWorker::Operation::LoadReviewQueue, queue.error());
    toOwner([cases = *queue](SyncWorker& w) { Q_EMIT w.reviewQueueLoaded(cases); });
}

void SyncHost::loadHubCase(std::int64_t hubCaseId)
{
    if (!ready(SyncWorker::Operation::LoadHubCase))
        return;
    if (!client_)
        return fail(SyncWorker::Operation::LoadHubCase, SyncError{SyncErrorKind::NotSignedIn, 0, {}, {}});
    auto body = client_->call("GET", QStringLiteral("api/v1/cases/%1").arg(hubCaseId));
    auto detail = body ? parseCaseAnswer(*body) : HubExpected<HubCaseDetail>(body.error());
    if (!detail)
        return fail(SyncWorker::Operation::LoadHubCase, detail.error());
    toOwner([detail = *detail](SyncWorker& w) { Q_EMIT w.hubCaseLoaded(detail); });
}

void SyncHost::live(std::int64_t hubSessionId, const std::function<SyncWorker::LiveAnswer(LiveSessionClient*)>& call)
{
    if (!client_) {
        toOwner([answer = call(nullptr)](SyncWorker&) { answer(); });
        return;
    }
    LiveSessionClient client(*client_, hubSessionId);
    toOwner([answer = call(&client)](SyncWorker&) { answer(); });
}

// The deck cache of the slides panel and of downloaded recordings' decks,
// made at first use.
slides::DeckCache& SyncHost::deckCache()
{
    if (!decks_)
        decks_ = std::make_unique<slides::DeckCache>(slides::DeckCache::folderIn(options_.dataDir),
                                                     SyncWorker::kDeckCacheCapBytes);
    return *decks_;
}

void SyncHost::slides(std::int64_t hubSessionId, const std::function<SyncWorker::LiveAnswer(LiveSlides*)>& call)
{
    if (!client_) {
        toOwner([answer = call(nullptr)](SyncWorker&) { answer(); });
        return;
    }
    LiveSlides slides(*client_, hubSessionId, deckCache());
    toOwner([answer = call(&slides)](SyncWorker&) { answer(); });
}

void SyncHost::loadCaseSyncStates()
{
    if (!ready(SyncWorker::Operation::LoadCaseSyncStates))
        return;
    try {
        QList<CaseSyncState> states;
        for (const store::CaseDelivery& d : cache_->hub().deliveries())
            states.append(toCaseSyncState(d));
        toOwner([states](SyncWorker& w) { Q_EMIT w.caseSyncStatesLoaded(states); });
    } catch (const store::StoreError& error) {
        fail(SyncWorker::Operation::LoadCaseSyncStates, localStoreError(error));
    }
}

// --- Hub recordings (issue 14) ----------------------------------------------

void SyncHost::loadHubRecordings()
{
    if (!client_) {
        fail(SyncWorker::Operation::LoadHubRecordings,
             SyncError{SyncErrorKind::NotSignedIn, 0, {}, QStringLiteral("not signed in")});
        return;
    }
    const auto body = client_->call("GET", QStringLiteral("api/v1/recordings"));
    const auto recordings =
        body ? parseRecordingsAnswer(*body) : Expected<QList<HubRecording>, SyncError>(body.error());
    if (!recordings) {
        fail(SyncWorker::Operation::LoadHubRecordings, recordings.error());
        return;
    }
    toOwner([list = *recordings](SyncWorker& w) { Q_EMIT w.hubRecordingsLoaded(list); });
}

DownloadQueue* SyncHost::downloads()
{
    if (downloads_)
        return downloads_.get();
    DownloadQueue::Options o;
    o.folder = options_.dataDir / "downloads";
    o.stallTimeoutMs = options_.requestTimeoutMs;
    o.access = [this](const QString& path) -> std::optional<DownloadQueue::Access> {
        if (!client_)
            return std::nullopt;
        return DownloadQueue::Access{client_->urlFor(path), client_->token()};
    };
    downloads_ = std::make_unique<DownloadQueue>(std::move(o));
    QObject::connect(downloads_.get(), &DownloadQueue::statusChanged, this, [this](const DownloadStatus& status) {
        toOwner([status](SyncWorker& w) { Q_EMIT w.downloadChanged(status); });
    });
    QObject::connect(downloads_.get(), &DownloadQueue::completed, this,
                     [this](const QueuedDownload& d, const DownloadStatus& s) { addToLibrary(d, s); });
    QString error;
    if (!downloads_->load(&error))
        qWarning("downloads: %s", qPrintable(error));
    return downloads_.get();
}

void SyncHost::setDownloadPolicy(const DownloadPolicy& policy)
{
    downloads()->setPolicy(policy);
    if (!policyCheck_) {
        policyCheck_ = std::make_unique<QTimer>();
        policyCheck_->setInterval(SyncWorker::kDownloadPolicyCheckMs);
        QObject::connect(policyCheck_.get(), &QTimer::timeout, this, [this] { reconsiderDownloads(); });
        policyCheck_->start();
    }
    reconsiderDownloads();
}

// The one place the download policy meets the clock and the network.
void SyncHost::reconsiderDownloads()
{
    const QTime now = QTime::currentTime();
    downloads()->reconsider(now.hour() * 60 + now.minute(), currentRouteInterfaces());
}

void SyncHost::addToLibrary(const QueuedDownload& download, const DownloadStatus& status)
{
    if (!cache_)
        return;
    try {
        store::RecordingStore recordings = cache_->recordings();
        for (int i = 0; i < download.parts.size() && i < static_cast<int>(status.files.size()); ++i) {
            const HubRecordingPart& part = download.parts.at(i);
            store::Recording r;
            r.title = (download.parts.size() > 1 ? QStringLiteral("%1 (%2)").arg(download.title).arg(part.part + 1)
                                                 : download.title)
                          .toStdString();
            r.filePath = status.files[static_cast<std::size_t>(i)].string();
            r.durationMs = part.durationMs > 0 ? part.durationMs : download.durationMs;
            r.sizeBytes = part.bytes;
            r.sha256 = part.sha256Hex.toStdString();
            r.source = store::RecordingSource::Hub;
            r.createdMs = download.recordedMs;
            const std::int64_t localId = recordings.add(r);
            if (i == 0)
                storeRecordingTimeline(download.recordingId, localId);
        }
        toOwner([](SyncWorker& w) { Q_EMIT w.cacheChanged(); });
    } catch (const store::StoreError& error) {
        qWarning("downloads: cannot add to the library: %s", error.what());
    }
}

// A downloaded recording replays with its chapters, chat, hands and slides
// (docs/hub-api.md, Recordings): the hub's timeline goes into the cache
// beside it, and its decks into the deck cache (downloaded once by SHA-256),
// so an offline replay shows the page that was on screen. A timeline that
// cannot be had now only costs the panels, never the download: it is
// logged, and the recording plays without them.
void SyncHost::storeRecordingTimeline(std::int64_t hubRecordingId, std::int64_t localRecordingId)
{
    if (!client_)
        return;
    const auto body = client_->call("GET", QStringLiteral("api/v1/recordings/%1/timeline").arg(hubRecordingId));
    if (!body) {
        qWarning("downloads: no timeline for recording %lld: %s", static_cast<long long>(hubRecordingId),
                 qPrintable(body.error().detail));
        return;
    }
    const auto stored = store::storeHubTimeline(cache_->db(), localRecordingId, body->toStdString(),
                                                slides::DeckCache::folderIn(options_.dataDir));
    if (!stored) {
        qWarning("downloads: the timeline of recording %lld is malformed: %s", static_cast<long long>(hubRecordingId),
                 stored.error().message.c_str());
        return;
    }
    LiveSlides fetcher(*client_, 0, deckCache());
    for (const store::RecordingDeck& deck : stored->decks)
        if (const auto fetched =
                fetcher.fetchDeck(QString::fromStdString(deck.sha256), QDateTime::currentMSecsSinceEpoch());
            !fetched)
            qWarning("downloads: deck %s not fetched: %s", deck.sha256.c_str(), qPrintable(fetched.error().detail));
}

// --- Joining a session's call and the chair's controls (issue 13) ---------

void SyncHost::forwardJoinEvents()
{
    QObject::connect(listener_.get(), &EventListener::mediaChanged, this, [this](const HubMediaState& state) {
        toOwner([state](SyncWorker& w) { Q_EMIT w.liveMediaChanged(state); });
    });
    QObject::connect(listener_.get(), &EventListener::moderated, this, [this](const HubModeration& moderation) {
        toOwner([moderation](SyncWorker& w) { Q_EMIT w.liveModerated(moderation); });
    });
    QObject::connect(listener_.get(), &EventListener::removed, this, [this](const HubRemoval& removal) {
        toOwner([removal](SyncWorker& w) { Q_EMIT w.liveRemoved(removal); });
    });
}

void SyncHost::fetchJoinInfo(std::int64_t hubSessionId, const SyncWorker::JoinInfoAnswer& answer)
{
    const auto reply = [this, answer](const HubExpected<JoinInfo>& info) {
        toOwner([answer, info](SyncWorker&) { answer(info); });
    };
    if (!client_)
        return reply(SyncError{SyncErrorKind::NotSignedIn, 0, {}, {}});
    if (deviceId_.isEmpty()) {
        auto id = loadOrCreateDeviceId(options_.dataDir);
        if (!id)
            return reply(id.error());
        deviceId_ = *id;
    }
    reply(sync::fetchJoinInfo(*client_, hubSessionId, deviceId_));
}

// The hub keeps the first join and the last leave per account, and checks
// them against Janus' own events (docs/hub-api.md "Attendance check"): a
// report that fails is logged, the call goes on.
void SyncHost::reportAttendance(std::int64_t hubSessionId, AttendanceEvent event, std::int64_t atMs)
{
    if (!client_ || deviceId_.isEmpty())
        return; // no join info was fetched, so this device never joined
    LiveSessionClient live(*client_, hubSessionId);
    if (const auto reported = live.reportAttendance(event, deviceId_, atMs); !reported)
        qInfo("attendance not reported: %s", qPrintable(reported.error().detail));
}

void SyncWorker::reportAttendance(std::int64_t hubSessionId, AttendanceEvent event, std::int64_t atMs)
{
    post([=](SyncHost& host) { host.reportAttendance(hubSessionId, event, atMs); });
}

void SyncWorker::fetchJoinInfo(std::int64_t hubSessionId, JoinInfoAnswer answer)
{
    post([hubSessionId, answer = std::move(answer)](SyncHost& host) { host.fetchJoinInfo(hubSessionId, answer); });
}

// --- end of the join block ------------------------------------------------

SyncWorker::SyncWorker(Options options, QObject* parent) : QObject(parent), options_(std::move(options))
{
    static const int registered = [] {
        qRegisterMetaType<HubAccount>();
        qRegisterMetaType<HubCase>();
        qRegisterMetaType<HubCaseDetail>();
        qRegisterMetaType<HubRecommendation>();
        qRegisterMetaType<SyncError>();
        qRegisterMetaType<SyncState>();
        qRegisterMetaType<CaseSyncState>();
        qRegisterMetaType<SubmitFailure>();
        return 0;
    }();
    (void)registered;
    thread_.setObjectName(QStringLiteral("spoke-sync"));
    host_ = new SyncHost(this, options_);
    host_->moveToThread(&thread_);
    // Deleted on the sync thread as it finishes, so the cache closes where it was opened.
    connect(&thread_, &QThread::finished, host_, &QObject::deleteLater);
    thread_.start();
}

SyncWorker::~SyncWorker()
{
    // No job starts from now; the socket and timers stop on their thread, and
    // a request in flight ends with the thread's event loops.
    host_->requestStop();
    QMetaObject::invokeMethod(host_, [host = host_] { host->stop(); });
    thread_.quit();
    thread_.wait();
}

void SyncWorker::post(std::function<void(SyncHost&)> job)
{
    QMetaObject::invokeMethod(host_, [host = host_, job = std::move(job)]() mutable { host->enqueue(std::move(job)); });
}

void SyncWorker::start()
{
    post([](SyncHost& host) { host.start(); });
}

void SyncWorker::redeemInvite(const QString& hubUrl, const QString& code, const QString& email, const QString& name,
                              const QString& password)
{
    post([=](SyncHost& host) { host.redeemInvite(hubUrl, code, email, name, password); });
}

void SyncWorker::signIn(const QString& hubUrl, const QString& email, const QString& password)
{
    post([=](SyncHost& host) { host.signIn(hubUrl, email, password); });
}

void SyncWorker::signOut()
{
    post([](SyncHost& host) { host.signOut(); });
}

void SyncWorker::syncNow()
{
    post([](SyncHost& host) { host.runPass(true); });
}

void SyncWorker::submitCase(std::int64_t localCaseId)
{
    post([localCaseId](SyncHost& host) { host.submitCase(localCaseId); });
}

void SyncWorker::recommend(std::int64_t hubCaseId, const QStringList& items, const QString& text)
{
    const QJsonObject payload{{QStringLiteral("case_hub_id"), static_cast<qint64>(hubCaseId)},
                              {QStringLiteral("items"), QJsonArray::fromStringList(items)},
                              {QStringLiteral("text"), text}};
    post([payload](SyncHost& host) { host.queueAction(Operation::Recommend, "recommendation.create", payload); });
}

void SyncWorker::returnCase(std::int64_t hubCaseId, const QString& question)
{
    const QJsonObject payload{{QStringLiteral("case_hub_id"), static_cast<qint64>(hubCaseId)},
                              {QStringLiteral("question"), question}};
    post([payload](SyncHost& host) { host.queueAction(Operation::ReturnCase, "case.return", payload); });
}

void SyncWorker::registerAttendance(std::int64_t localSessionId)
{
    post([localSessionId](SyncHost& host) { host.registerAttendance(localSessionId); });
}

void SyncWorker::loadReviewQueue(std::optional<std::int64_t> hubProgrammeId)
{
    post([hubProgrammeId](SyncHost& host) { host.loadReviewQueue(hubProgrammeId); });
}

void SyncWorker::loadHubCase(std::int64_t hubCaseId)
{
    post([hubCaseId](SyncHost& host) { host.loadHubCase(hubCaseId); });
}

void SyncWorker::live(std::int64_t hubSessionId, std::function<LiveAnswer(LiveSessionClient*)> call)
{
    post([hubSessionId, call = std::move(call)](SyncHost& host) { host.live(hubSessionId, call); });
}

void SyncWorker::slides(std::int64_t hubSessionId, std::function<LiveAnswer(LiveSlides*)> call)
{
    post([hubSessionId, call = std::move(call)](SyncHost& host) { host.slides(hubSessionId, call); });
}

void SyncWorker::loadHubRecordings()
{
    post([](SyncHost& host) { host.loadHubRecordings(); });
}

void SyncWorker::setDownloadPolicy(const DownloadPolicy& policy)
{
    post([policy](SyncHost& host) { host.setDownloadPolicy(policy); });
}

void SyncWorker::queueDownload(const QueuedDownload& download)
{
    post([download](SyncHost& host) { host.downloads()->add(download); });
}

void SyncWorker::pauseDownload(std::int64_t recordingId, const QString& rendition)
{
    post([=](SyncHost& host) { host.downloads()->pause(recordingId, rendition); });
}

void SyncWorker::resumeDownload(std::int64_t recordingId, const QString& rendition)
{
    post([=](SyncHost& host) { host.downloads()->resume(recordingId, rendition); });
}

void SyncWorker::cancelDownload(std::int64_t recordingId, const QString& rendition)
{
    post([=](SyncHost& host) { host.downloads()->cancel(recordingId, rendition); });
}

void SyncWorker::loadCaseSyncStates()
{
    post([](SyncHost& host) { host.loadCaseSyncStates(); });
}

void SyncWorker::applyAccount(const HubAccount& account)
{
    account_ = account;
    Q_EMIT accountChanged(account_);
}

void SyncWorker::applyState(const SyncState& state)
{
    state_ = state;
    Q_EMIT syncStateChanged(state_);
}

} // namespace spoke::sync
