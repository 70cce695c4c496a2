#pragma once

#include "cases/Finding.h"
#include "sync/CaseSubmission.h"
#include "sync/DownloadPolicy.h"
#include "sync/DownloadQueue.h"
#include "sync/HubTypes.h"
#include "sync/JoinInfo.h"
#include "sync/LiveSessionClient.h"
#include "sync/RecordingCatalogue.h"
#include "sync/SyncError.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThread>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace spoke::sync {

class SyncHost;
class LiveSessionClient;
class LiveSlides;

// What the outbox label shows (docs/hub-api.md "Client rules").
struct SyncState {
    int pendingCount = 0; // outbox entries not yet accepted by the hub
    int stoppedCount = 0; // of those, entries the hub refused (4xx); they wait for the user
    std::optional<std::int64_t> lastSuccessMs; // end of the last pass that reached the hub
    SyncError lastError; // of the last pass; kind None after a clean one
    bool online = false; // the last request reached the hub, or the event socket is open
    bool syncing = false; // a pass is running now
    std::int64_t cursor = 0; // the hub's change cursor this laptop has pulled up to
};

// Where one local case stands with the hub, for case lists and the case view.
struct CaseSyncState {
    enum class Delivery {
        Local, // never submitted from this laptop
        WaitingToSend, // submitted here, still in the outbox ("Waiting to send")
        Sent, // the hub has it; hubStatus says where it is
        Refused, // the hub refused it (4xx); deliveryError says why, the user must act
    };
    std::int64_t localCaseId = 0;
    Delivery delivery = Delivery::Local;
    std::optional<std::int64_t> hubCaseId;
    std::optional<HubCaseStatus> hubStatus;
    QString question; // the hub's question while it is returned
    SyncError deliveryError; // when Refused: the hub's status, code and detail
    QList<cases::Finding> hubFindings; // 422 findings from the hub (path, span, category, reason; no text)
};

// The app-facing side of the hub. It owns a thread ("sync") with the hub
// client, the event socket, the token store and its own store::Cache
// connection, in the manner of store::CacheWorker: every call returns at once,
// the work runs on the sync thread in the order it was asked for, and the
// answer comes back as a signal emitted on the thread the SyncWorker lives on
// (the UI thread), only while the SyncWorker still exists.
//
// While signed in it syncs on start, whenever the hub's event socket says
// something changed, after every local change that queues an outbox entry,
// and otherwise on a timer; it works fully offline and says so in
// syncStateChanged. Construct, connect the signals, then start().
//
// Owned by, and to be called on, the thread that constructs it.
class SyncWorker : public QObject {
    Q_OBJECT
public:
    struct Options {
        std::filesystem::path dataDir; // the cache file and the token fallback live here
        int periodicSyncMs = 5 * 60 * 1000; // a pull when no event arrives
        int requestTimeoutMs = 30'000;
        bool listenForEvents = true; // the WebSocket of docs/hub-api.md
    };

    explicit SyncWorker(Options options, QObject* parent = nullptr);
    ~SyncWorker() override; // stops the thread; queued work not started is dropped

    // Loads the account and the outbox state, then begins syncing if signed in.
    void start();

    // The most recent values the signals carried (for views that open late).
    const HubAccount& account() const { return account_; }
    const SyncState& syncState() const { return state_; }

    // Account. Each answers with accountChanged, or operationFailed.
    void redeemInvite(const QString& hubUrl, const QString& code, const QString& email, const QString& name,
                      const QString& password);
    void signIn(const QString& hubUrl, const QString& email, const QString& password);
    void signOut(); // revokes the token on the hub when reachable; forgets it here in any case

    // One pass now: deliver the outbox, then pull.
    void syncNow();

    // Gate + schema validation + mark ready + queue `case.submit`, atomically
    // in the cache. Answers caseSubmitted or submitFailed; delivery follows.
    void submitCase(std::int64_t localCaseId);

    // Specialist and coordinator actions, queued in the outbox like every
    // change (so they survive being offline). Answer with actionQueued.
    void recommend(std::int64_t hubCaseId, const QStringList& items, const QString& text);
    void returnCase(std::int64_t hubCaseId, const QString& question);
    // Registers the signed-in account for a session synced from the hub.
    void registerAttendance(std::int64_t localSessionId);

    // Straight from the hub (they need the network). Answer with
    // reviewQueueLoaded / hubCaseLoaded, or operationFailed.
    void loadReviewQueue(std::optional<std::int64_t> hubProgrammeId = std::nullopt);
    void loadHubCase(std::int64_t hubCaseId);

    // From the cache. Answers caseSyncStatesLoaded (every case that was ever submitted).
    void loadCaseSyncStates();

    // A live session's call (chat, hands, agenda; docs/hub-api.md "Live
    // session"): `call` runs on the sync thread, after the jobs before it,
    // with a LiveSessionClient for `hubSessionId` (null when not signed in),
    // and the function it returns runs on this object's thread while this
    // object exists. The caller guards what that function touches.
    using LiveAnswer = std::function<void()>;
    void live(std::int64_t hubSessionId, std::function<LiveAnswer(LiveSessionClient*)> call);

    // The same for slides (sync::LiveSlides over the decks kept in
    // slides::DeckCache::folderIn(dataDir), kDeckCacheCapBytes): uploads,
    // downloads and page turns run on the sync thread, never the UI's.
    static constexpr std::int64_t kDeckCacheCapBytes = 256LL * 1024 * 1024;
    void slides(std::int64_t hubSessionId, std::function<LiveAnswer(LiveSlides*)> call);

    // --- Joining a session's call and the chair's controls (issue 13) ---
    // The join info for hub session `hubSessionId` with this install's
    // device id (DeviceId.h, made once in the data dir): fetched on the
    // sync thread, answered on this object's thread while it exists. Ask
    // again before every join and rejoin: the TURN credential expires
    // (JoinInfo::expiresMs) and a removed member is refused (403).
    using JoinInfoAnswer = std::function<void(const HubExpected<JoinInfo>& info)>;
    void fetchJoinInfo(std::int64_t hubSessionId, JoinInfoAnswer answer);
    // This device joined or left hub session `hubSessionId`'s call at
    // `atMs` (UTC ms), reported with the device id the join info was asked
    // with; in order with the other live calls, on the sync thread.
    void reportAttendance(std::int64_t hubSessionId, AttendanceEvent event, std::int64_t atMs);
    // --- end of the join block ---

    // --- Hub recordings (issue 14) ---
    // The catalogue (docs/hub-api.md "Recordings"): hubRecordingsLoaded, or
    // operationFailed(LoadHubRecordings).
    void loadHubRecordings();
    // The download queue (DownloadQueue.h) lives on the sync thread, in
    // DATA_DIR/downloads. It starts nothing until the first
    // setDownloadPolicy(), so the settings apply from the first byte; then
    // the policy is reconsidered every kDownloadPolicyCheckMs with the local
    // time and the default route's interfaces. A finished download is added
    // to the local library (store::RecordingStore, source Hub) and
    // cacheChanged follows. Every change comes as downloadChanged.
    static constexpr int kDownloadPolicyCheckMs = 30'000;
    void setDownloadPolicy(const DownloadPolicy& policy);
    void queueDownload(const QueuedDownload& download);
    void pauseDownload(std::int64_t recordingId, const QString& rendition);
    void resumeDownload(std::int64_t recordingId, const QString& rendition);
    void cancelDownload(std::int64_t recordingId, const QString& rendition);
    // --- end of the recordings block ---

    enum class Operation {
        RedeemInvite,
        SignIn,
        SignOut,
        Sync,
        SubmitCase,
        Recommend,
        ReturnCase,
        RegisterAttendance,
        LoadReviewQueue,
        LoadHubCase,
        LoadCaseSyncStates,
        LoadHubRecordings,
    };
    Q_ENUM(Operation)

Q_SIGNALS:
    void accountChanged(const spoke::sync::HubAccount& account);
    void syncStateChanged(const spoke::sync::SyncState& state);
    // Recommendations that arrived in the last pull, by local case id (once each).
    void recommendationsArrived(const QList<qint64>& localCaseIds);
    // Programmes, sessions, cases or recommendations in the cache changed; lists reload.
    void cacheChanged();
    void caseSubmitted(qint64 localCaseId);
    void submitFailed(const spoke::sync::SubmitFailure& failure);
    void actionQueued(spoke::sync::SyncWorker::Operation operation, qint64 id);
    void reviewQueueLoaded(const QList<spoke::sync::HubCase>& cases);
    void hubCaseLoaded(const spoke::sync::HubCaseDetail& detail);
    void caseSyncStatesLoaded(const QList<spoke::sync::CaseSyncState>& states);
    void operationFailed(spoke::sync::SyncWorker::Operation operation, const spoke::sync::SyncError& error);
    // The event socket's live-session events, as they arrive (EventListener).
    void liveChatReceived(const spoke::sync::HubChatMessage& message);
    void liveHandsChanged(const spoke::sync::HubHands& hands);
    void liveAgendaChanged(const spoke::sync::HubAgenda& agenda);
    void liveSocketChanged(bool open);
    void liveSlideTurned(const spoke::sync::HubSlideTurn& turn);
    void liveCaseViewed(const spoke::sync::HubCaseView& view);
    // Joining and the chair's controls: a member's mute/camera report
    // (`media`), the chair's mute (`moderation`) and removal (`removed`).
    void liveMediaChanged(const spoke::sync::HubMediaState& state);
    void liveModerated(const spoke::sync::HubModeration& moderation);
    void liveRemoved(const spoke::sync::HubRemoval& removal);
    // Hub recordings: the catalogue, and each download's state as it changes.
    void hubRecordingsLoaded(const QList<spoke::sync::HubRecording>& recordings);
    void downloadChanged(const spoke::sync::DownloadStatus& status);

private:
    friend class SyncHost;
    // Runs `job` on the sync thread with the host, after the jobs before it.
    void post(std::function<void(SyncHost&)> job);

    void applyAccount(const HubAccount& account);
    void applyState(const SyncState& state);

    Options options_;
    QThread thread_;
    SyncHost* host_ = nullptr; // lives on thread_, deleted there
    HubAccount account_; // UI-thread copy
    SyncState state_; // UI-thread copy
};

} // namespace spoke::sync

Q_DECLARE_METATYPE(spoke::sync::SyncState)
Q_DECLARE_METATYPE(spoke::sync::CaseSyncState)
