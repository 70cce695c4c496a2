#pragma once

#include "call/CallSession.h"
#include "sync/JoinInfo.h"
#include "viewmodels/MediaPreferences.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace spoke::ui {

// One participant as the call view needs it, counted from the engine's stats.
struct CallFeedSnapshot {
    quint64 feedId = 0;
    QString display;
    std::uint64_t videoPackets = 0;
    std::uint64_t videoLost = 0;
    std::uint64_t audioPackets = 0;
    std::uint64_t audioLost = 0;
    std::uint64_t framesDecoded = 0;
    std::uint64_t freezes = 0;
    // Capture to screen: the median glass-to-glass of the last stamped
    // pictures, else RTT/2 + queue delay + the receiver's buffering; -1 unknown.
    double delayMs = -1;
    bool screenShare = false; // someone's screen share (call::isScreenShare), not a camera
};

struct CallSnapshot {
    std::vector<CallFeedSnapshot> feeds; // participants in the room now, no duplicates
    std::int64_t sendBitrateBps = -1; // last second, -1 before the first sample
    std::uint64_t videoFramesSent = 0;
    std::uint64_t audioPacketsSent = 0;
    // The data meter (call::CallStats): bytes on the wire so far, and the
    // rate over its last few seconds.
    std::uint64_t bytesSent = 0;
    std::uint64_t bytesReceived = 0;
    std::int64_t sendBps = 0;
    std::int64_t receiveBps = 0;
};

// Runs one CallSession on a thread of its own (the signalling thread the
// engine asks for), so nothing of the call ever runs on the UI thread. The
// call model talks to it only through queued calls and queued signals.
//
// Threading: created on the UI thread and moved to the call thread before
// start(); every slot runs there (asserted through CallSession).
class CallWorker : public QObject {
    Q_OBJECT
public:
    // NotAuthorized: Janus refused our pin or token (a stale token after the
    // hub re-created the room; fresh join info fixes it). IceServers: the
    // hub's STUN/TURN servers could not be used (a host that does not resolve).
    enum class Failure { Unreachable, RoomRefused, NotAuthorized, IceServers, Lost };
    Q_ENUM(Failure)

    // `chosen`: the camera and microphone saved in Settings, checked against
    // the devices present when the call starts (on the call thread, since
    // listing devices can take a moment). Without it the options' devices
    // are used as given.
    // `join`: the hub's join info, applied on the call thread as the call
    // starts (sync::applyJoinInfo resolves the ICE servers' hosts, which
    // may wait on DNS); without it the options name the room.
    explicit CallWorker(call::CallOptions options, std::optional<MediaChoice> chosen = std::nullopt,
                        std::optional<sync::JoinInfo> join = std::nullopt);
    ~CallWorker() override;

public Q_SLOTS:
    void start();
    // Leaves the room and closes the Janus session (bounded), then emits left().
    void leave();
    // Immediate teardown without waiting for Janus (application exit).
    void shutdown();
    // The user's switches, handed to the engine (CallSession); before the
    // session exists they become its starting state.
    void setMuted(bool muted);
    void setCameraOn(bool on);
    // Low bandwidth (CallSession::setAudioOnly / setReceiveVideo).
    void setAudioOnly(bool on);
    void setReceiveVideo(bool on);
    // A screen share next to the camera (CallSession::startScreenShare):
    // `deviceId` as media::ScreenSource names it. Answers screenShareStarted
    // or screenShareStopped.
    void startScreenShare(const QString& deviceId);
    void stopScreenShare();

Q_SIGNALS:
    void connected();
    void inSession(); // joined and our media flows out
    void reconnecting(const QString& why);
    void reconnected();
    // `kind`: how far the call got; `why`: what core said (CallEventText words it).
    void failed(spoke::ui::CallWorker::Failure kind, const spoke::call::CallFailure& why);
    void left();
    void mediaWarning(const spoke::call::CallEvent& event); // worded by CallEventText
    void snapshot(const spoke::ui::CallSnapshot& snapshot);
    void screenShareStarted();
    // `why` is the engine's detail (empty after stopScreenShare).
    void screenShareStopped(const QString& why);

private:
    void onFailed(const call::CallFailure& why);
    void takeSnapshot();
    void finish();

    call::CallOptions options_;
    std::optional<MediaChoice> chosen_;
    std::optional<sync::JoinInfo> join_;
    bool notAuthorized_ = false; // Janus refused the pin or token
    std::unique_ptr<call::CallSession> session_;
    std::unique_ptr<QTimer> snapshotTimer_;
    std::unique_ptr<QTimer> deadline_;
    bool connected_ = false;
    bool joined_ = false;
    bool over_ = false; // failed or leaving: no second verdict
    bool left_ = false;
};

} // namespace spoke::ui

Q_DECLARE_METATYPE(spoke::ui::CallSnapshot)
