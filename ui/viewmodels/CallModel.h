#pragma once

#include "sync/HubTypes.h"
#include "sync/JoinInfo.h"
#include "viewmodels/CallMediaRouter.h"
#include "viewmodels/CallQuality.h"
#include "viewmodels/CallWorker.h"
#include "viewmodels/MediaPreferences.h"
#include "viewmodels/ParticipantModel.h"
#include "viewmodels/VideoView.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <deque>
#include <map>
#include <memory>

namespace spoke::sync {
class SyncWorker;
}

namespace spoke::ui {

// The call view's model: joins a live session (a Janus VideoRoom) through
// core/call, on a thread of its own (CallWorker), and turns what the engine
// reports into what the page shows: the state (Connecting…, In session,
// Reconnecting…, Left, Error with a plain message), one tile per
// participant with speaking/muted/camera-off, the mute and camera switches,
// and a Good/Fair/Poor connection verdict with the numbers behind it.
// Nothing here blocks: every engine call is queued to the call thread, and
// pictures go from the engine's decode threads straight to the tiles.
//
// A hub session's call (joinHubSession) is joined with the hub's join info
// (sync::JoinInfo: Janus URL, room, pin, this device's token, our feed ids,
// the account's name, STUN/TURN), fetched on the sync thread afresh before
// every join and rejoin, since the TURN credential expires and the chair
// may have removed us; it is applied on the call thread (CallWorker). Our
// mute, camera and audio-only state goes to the hub (POST …/media) when we
// join and on every change; the chair's mute (`moderation`) holds our Mute
// down and says so, and the chair's removal (`removed`) ends the call.
// Nothing about a normal join comes from the environment.
//
// Practice and screenshot runs only (scripts/practice, scripts/screenshots-*),
// with SPOKE_PRACTICE=1: SPOKE_JANUS_WS, SPOKE_JANUS_ROOM, SPOKE_ICE_IFACE and
// SPOKE_DISPLAY_NAME name a room directly, or SPOKE_HUB_SESSION a hub session
// to join through the hub; ws:// is then allowed beyond loopback and the call
// starts with the app. Without a hub session, join() uses the server kept in
// Settings (setServerUrl). Lives on the UI thread.
class CallModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The call model comes from AppController")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool active READ active NOTIFY stateChanged)
    Q_PROPERTY(bool inCall READ inCall NOTIFY stateChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY stateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY stateChanged)
    Q_PROPERTY(QString title READ title NOTIFY stateChanged)
    Q_PROPERTY(bool muted READ muted NOTIFY switchesChanged)
    Q_PROPERTY(bool cameraOn READ cameraOn NOTIFY switchesChanged)
    Q_PROPERTY(int quality READ quality NOTIFY qualityChanged)
    Q_PROPERTY(QString qualityText READ qualityText NOTIFY qualityChanged)
    Q_PROPERTY(QString qualityReason READ qualityReason NOTIFY qualityChanged)
    Q_PROPERTY(QString qualityDetails READ qualityDetails NOTIFY qualityChanged)
    Q_PROPERTY(spoke::ui::ParticipantModel* participants READ participants CONSTANT)
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverChanged)
    Q_PROPERTY(QString mediaNotice READ mediaNotice NOTIFY mediaNoticeChanged)
    Q_PROPERTY(bool practice READ practice CONSTANT)
    Q_PROPERTY(bool audioOnly READ audioOnly WRITE setAudioOnly NOTIFY switchesChanged)
    Q_PROPERTY(bool receiveVideo READ receiveVideo WRITE setReceiveVideo NOTIFY switchesChanged)
    Q_PROPERTY(QString dataUsedText READ dataUsedText NOTIFY qualityChanged)
    Q_PROPERTY(QString dataRateText READ dataRateText NOTIFY qualityChanged)
    Q_PROPERTY(qint64 hubSession READ hubSession NOTIFY stateChanged)
    Q_PROPERTY(bool mutedByChair READ mutedByChair NOTIFY switchesChanged)
    Q_PROPERTY(QString chairNotice READ chairNotice NOTIFY switchesChanged)
    Q_PROPERTY(QString caFile READ caFile WRITE setCaFile NOTIFY serverChanged)
public:
    enum class State { Idle, Connecting, InSession, Reconnecting, Left, Error };
    Q_ENUM(State)
    // Same order as CallQualityLevel.
    enum Quality { QualityUnknown, QualityGood, QualityFair, QualityPoor };
    Q_ENUM(Quality)

    explicit CallModel(QObject* parent = nullptr);
    ~CallModel() override;

    State state() const { return state_; }
    bool active() const { return state_ != State::Idle; }
    bool inCall() const
    {
        return state_ == State::Connecting || state_ == State::InSession || state_ == State::Reconnecting;
    }
    QString statusText() const;
    QString errorText() const { return errorText_; }
    QString title() const { return title_; }
    bool muted() const { return muted_; }
    bool cameraOn() const { return cameraOn_; }
    int quality() const { return static_cast<int>(verdict_.level); }
    QString qualityText() const;
    QString qualityReason() const { return verdict_.reason; }
    QString qualityDetails() const { return qualityDetails_; }
    ParticipantModel* participants() { return &participants_; }
    QString serverUrl() const { return serverUrl_.toString(); }
    // Kept in the app's settings, so the hub's address is typed once.
    void setServerUrl(const QString& url);
    // A chosen camera or microphone that could not be used, and what is sent
    // instead; empty when the devices chosen in Settings are in use.
    QString mediaNotice() const { return mediaNotice_; }
    // Where the camera and microphone choice is read from at join (the
    // app's settings by default; tests pin the synthetic sources).
    void setMediaPreferences(MediaPreferences preferences) { preferences_ = std::move(preferences); }
    bool practice() const { return practice_; }
    quint64 room() const { return room_; }
    void setRoom(quint64 room) { room_ = room; }
    void setIceInterface(const QString& name) { iceInterface_ = name; }
    void setDisplayName(const QString& name) { displayName_ = name; }

    // The hub's joins, media reports and the chair's events go through
    // `sync` (the app's SyncWorker; it must outlive this model).
    void setHub(sync::SyncWorker* sync);
    // Joins hub session `hubSessionId`'s call with fresh join info.
    Q_INVOKABLE void joinHubSession(qint64 hubSessionId, const QString& title);
    // Joins again the way the last join did (the hub session, fresh join
    // info), or, with no hub session, the server in Settings / the practice room.
    Q_INVOKABLE void join(const QString& title);
    // The hub session the call belongs to (0: none).
    qint64 hubSession() const { return hubSessionId_; }
    void setHubSession(qint64 hubSessionId) { hubSessionId_ = hubSessionId; }
    // The chair muted us (Janus drops our audio); Mute stays on until the chair lets us speak.
    bool mutedByChair() const { return mutedByChair_; }
    // "The chair has muted you…" and the like; empty when nothing to say.
    QString chairNotice() const { return chairNotice_; }
    // A PEM file of CAs to verify a self-signed hub's wss:// with (kept in
    // the app's settings); empty: the system's CAs.
    QString caFile() const { return caFile_; }
    void setCaFile(const QString& path);
    // What the hub said of account `accountId`'s microphone and camera (a
    // `media` event), for the tiles; a feed's account is its id / 1000
    // (docs/hub-api.md "Media").
    void applyHubMedia(const sync::HubMediaState& media);
    // The chair's events, as SyncWorker forwards them (public for tests).
    void applyModeration(const sync::HubModeration& moderation);
    void applyRemoval(const sync::HubRemoval& removal);
    Q_INVOKABLE void leave();
    Q_INVOKABLE void dismiss(); // back to the app after Left or Error
    Q_INVOKABLE void setMuted(bool muted);
    Q_INVOKABLE void setCameraOn(bool on);
    // Low bandwidth: audio only sends and receives no video; receiveVideo
    // false receives none and sends as the camera switch says.
    bool audioOnly() const { return audioOnly_; }
    bool receiveVideo() const { return receiveVideo_; }
    Q_INVOKABLE void setAudioOnly(bool on);
    Q_INVOKABLE void setReceiveVideo(bool on);
    // "12.4 MB used this session" and "48 kbit/s now" (sent + received).
    QString dataUsedText() const;
    QString dataRateText() const;
    std::uint64_t bytesUsed() const { return last_.bytesSent + last_.bytesReceived; }
    // One remote feed's connection over the quality window, worded
    // ("Good (0.4 % lost)"); empty when nothing was received from it yet.
    QString feedQualityText(qint64 feedId) const;
    Q_INVOKABLE void toggleMute() { setMuted(!muted()); }
    Q_INVOKABLE void toggleCamera() { setCameraOn(!cameraOn()); }
    // A tile shows feed `feedId` (decimal text, "0" = ourselves) in `view`
    // until it detaches.
    Q_INVOKABLE void attachView(const QString& feedId, spoke::ui::VideoView* view);
    // The call's worker while a call runs, else null: the screen-share
    // chooser (ScreenShareModel) starts and stops the share through it.
    CallWorker* worker() const { return worker_; }
    Q_INVOKABLE void detachView(const QString& feedId, spoke::ui::VideoView* view);

    CallMediaRouter& router() { return *router_; }

    // The interface ICE is pinned to when none is configured: the first one
    // that is up, not loopback, and has an IPv4 address.
    static QString defaultIceInterface();

Q_SIGNALS:
    void stateChanged();
    void switchesChanged();
    void qualityChanged();
    void serverChanged();
    void mediaNoticeChanged();

private:
    void setState(State state, const QString& error = {});
    // Joining: the options every join shares, fetching the join info, and
    // starting the call thread with what the join needs.
    call::CallOptions baseOptions() const;
    void requestJoinInfo();
    void onJoinInfo(int attempt, const sync::HubExpected<sync::JoinInfo>& info);
    void startCall(call::CallOptions options, std::optional<sync::JoinInfo> join);
    QString joinRefusalText(sync::JoinInfoRefusal refusal) const;
    void reportMedia();
    void reportAttendance(State from, State to);
    void onSnapshot(const CallSnapshot& snapshot);
    void onFailed(CallWorker::Failure kind, const call::CallFailure& why);
    void refreshParticipants();
    void refreshQuality();
    static QString levelText(CallQualityLevel level);
    void stopThread();

    State state_ = State::Idle;
    QString errorText_;
    QString title_;
    MediaPreferences preferences_;
    QString mediaNotice_;
    QUrl serverUrl_;
    quint64 room_ = 1234;
    QString iceInterface_;
    QString displayName_;
    bool practice_ = false;
    QString caFile_;
    sync::SyncWorker* sync_ = nullptr;
    qint64 hubSessionId_ = 0;
    int joinAttempt_ = 0; // answers to an earlier join's fetch are dropped
    bool tokenRetried_ = false; // a refused token is fetched afresh once per join
    bool removed_ = false;
    bool mutedByChair_ = false;
    QString chairNotice_;
    QMetaObject::Connection waitForAccount_;
    int accountWaitAttempt_ = 0; // the join that waited for the hub account already
    std::map<std::int64_t, sync::HubMediaState> hubMedia_; // by account
    std::map<std::int64_t, bool> chairMuted_; // others muted by the chair, by account
    bool signallingDown_ = false;
    bool mediaStalled_ = false;
    std::shared_ptr<CallMediaRouter> router_;
    // The user's switches; the engine's copy (CallSession) follows through the worker.
    bool muted_ = false;
    bool cameraOn_ = true;
    bool audioOnly_ = false;
    bool receiveVideo_ = true;
    std::map<quint64, QString> feedQuality_; // over the quality window
    ParticipantModel participants_;
    QThread* thread_ = nullptr; // owned; deleted after it finished
    CallWorker* worker_ = nullptr; // lives on thread_, deleted with it
    CallSnapshot last_;
    struct Sample {
        std::int64_t atMs = 0;
        CallSnapshot snapshot;
    };
    std::deque<Sample> window_; // the last ~10 s of snapshots
    CallQualityVerdict verdict_;
    QString qualityDetails_;
    QTimer tick_; // speaking rings and stalls, faster than the snapshots
};

} // namespace spoke::ui
