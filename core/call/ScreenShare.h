#pragma once

#include "call/LocalStats.h"
#include "call/Publisher.h"
#include "call/RemoteFeed.h"
#include "session/JanusConnection.h"
#include "session/RoomState.h"
#include "session/VideoRoomHandle.h"
#include "transport/ImpairmentConfig.h"
#include "transport/MediaTransport.h"
#include "util/ThreadAffinity.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace spoke::call {

// What a screen share sends: one VP8 stream (no simulcast, no audio) in the
// screen-content profile (media::screenContentProfile), at a few frames a
// second and its own bitrate cap.
struct ScreenShareConfig {
    // A DeviceRegistry id: "x11grab::0.0" (a screen), "x11grab:window:0x…"
    // (one window), "synthetic:text-pattern" (the stamped text, for tests).
    std::string deviceId = "synthetic:text-pattern";
    int width = 1280;
    int height = 720;
    int fps = 5;
    int maxBitrateBps = 150'000;
    std::string iceInterface;
    std::optional<transport::IceServer> stun; // the call's ICE servers (CallOptions)
    std::vector<transport::TurnServer> turnServers;
    transport::ImpairmentConfig sendImpairment; // the uplink's, as the camera's publisher has
    std::int64_t callStartMs = 0; // the call's zero on the steady clock
    std::int64_t clockEpochMs = 0; // our MediaClock zero on the steady clock (for the description)
    QString cname;
};

// How subscribers tell a screen share from a camera: the description Janus
// 1.1 keeps per published stream (`descriptions` in publish, echoed in every
// "publishers" list) reads "screen;clock=<epoch>" instead of "clock=<epoch>".
// The display stays the account's name, so a person's camera and share sit
// together in the UI.
QString screenShareDescription(std::int64_t clockEpochMs);
bool isScreenShareDescription(const QString& description);
bool isScreenShare(const session::Participant& participant);

// A second VideoRoom publisher in the same call, next to the camera: its own
// handle (joined with the call's join options for the screen feed), its own
// PeerConnection and Publisher. Started and stopped during the call;
// stopping unpublishes and leaves, so subscribers see the feed go.
//
// Threading: lives on the call's signalling thread (asserted), like
// CallSession. The transport's callbacks hop here queued, guarded by
// QPointer; the Publisher has its own send queue (Publisher.h).
class ScreenShare : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Joining, Connecting, Live, Stopped, Failed };

    ScreenShare(session::JanusConnection& connection, ScreenShareConfig config, session::videoroom::JoinOptions join,
                QObject* parent = nullptr);
    ~ScreenShare() override;

    void start();
    // Unpublishes, leaves and closes the PeerConnection; idempotent. Emits
    // stopped() once (also after a failure).
    void stop();

    State state() const;
    quint64 feedId() const; // our screen publisher's id once joined, else 0
    LocalStats stats() const; // frames, layers and rates, as the camera's
    RemoteFeed::WireBytes wireBytes() const; // the share's PeerConnection, closed or not

Q_SIGNALS:
    void joined(quint64 feedId);
    void live(); // the PeerConnection is up and pictures flow out
    void failed(const QString& why);
    void stopped();

private:
    void joinRoom();
    void makePublisher();
    void sendOffer();
    void onAnswer(const session::SdpResult& answer);
    void onTransportState();
    void fail(const QString& why);
    void closeMedia();

    ThreadAffinity affinity_;
    ScreenShareConfig config_;
    session::videoroom::JoinOptions join_;
    State state_ = State::Idle;
    std::unique_ptr<session::VideoRoomHandle> handle_;
    std::unique_ptr<Publisher> publisher_;
    std::unique_ptr<transport::MediaTransport> transport_;
    std::mutex candidatesMutex_;
    std::vector<std::string> candidates_;
    bool offerSent_ = false;
    PublisherConfig publisherConfig_;
    QTimer gatherTimeout_;
    QTimer readyTimeout_;
    LocalStats lastStats_;
    RemoteFeed::WireBytes closedBytes_;
};

} // namespace spoke::call
