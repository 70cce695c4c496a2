#pragma once

#include "call/AudioPlayout.h"
#include "call/CallEvent.h"
#include "call/CallMediaTap.h"
#include "call/CallStats.h"
#include "call/DataMeter.h"
#include "call/Publisher.h"
#include "call/RemoteFeed.h"
#include "call/ScreenShare.h"
#include "call/StatsRecorder.h"
#include "rtc/DownlinkLayerSelector.h"
#include "session/JanusConnection.h"
#include "session/VideoRoomHandle.h"
#include "transport/ImpairmentConfig.h"
#include "transport/MediaTransport.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace spoke::call {

struct CallOptions {
    QUrl janusUrl;
    quint64 room = 0;
    QString display;
    bool video = true;
    bool audio = true;
    // What is sent (DeviceRegistry ids): by default the stamped test pattern
    // and the marked tone, which the tests measure; the app passes the
    // camera and microphone chosen in Settings.
    std::string videoDeviceId = "synthetic:test-pattern";
    std::string audioDeviceId = "synthetic:tone";
    media::AudioProcessingSwitches audioProcessing;
    int width = 640;
    int height = 360;
    int fps = 30;
    int maxVideoBitrateBps = 800'000;
    std::string iceInterface; // ICE pinned here (Janus never uses loopback)
    transport::ImpairmentConfig impairment; // both directions of every PeerConnection
    // Per direction, replacing `impairment` there: what our publisher sends
    // (the uplink) and what our subscribers receive (the downlink).
    std::optional<transport::ImpairmentConfig> uplinkImpairment;
    std::optional<transport::ImpairmentConfig> downlinkImpairment;
    int simulcastLayers = 3; // VP8 layers we publish (1..3)
    bool adaptDownlinkLayer = true; // pick each feed's substream from its measured downlink
    int mediaSilenceLimitMs = 5000; // a feed silent this long counts as gone
    // Lip sync (RemoteFeedConfig): off only to measure what it corrects; a
    // floor under each feed's audio jitter buffer, to make sound the slower
    // stream in a test (0: the buffer's own adaptive minimum).
    bool avSync = true;
    int audioMinDelayMs = 0;
    // The desktop call view's hook: pictures and sound out (any media
    // thread). Optional; see CallMediaTap.h.
    std::shared_ptr<CallMediaTap> tap;
    // How the call starts; CallSession::setMuted/setCameraOn change it.
    bool startMuted = false;
    bool startCameraOn = true;
    // Low-bandwidth switches, as the call starts (CallSession::setAudioOnly
    // and setReceiveVideo change them): audio only sends no video and
    // receives none; receiveVideo false receives none and sends as set.
    bool audioOnly = false;
    bool receiveVideo = true;
    // Where the others' sound plays (a DeviceRegistry speaker id); empty:
    // nowhere, the default for headless runs. `openSpeaker`, when set, is
    // used instead (a test's stand-in speaker, an embedder's own device).
    std::string speakerDeviceId;
    std::function<std::unique_ptr<media::AudioSink>()> openSpeaker;
    std::function<std::unique_ptr<media::AudioSource>()> openMicrophone; // likewise, instead of audioDeviceId
    AudioMixer::Config playoutMixer;
    // Per-sample series (send rate, each feed's downlink, …) for a run that
    // plots them (spoke-cli join --stats); null: counters and bounded
    // distributions only, as the desktop app runs.
    std::shared_ptr<StatsRecorder> statsRecorder;

    // Joining the right room safely (the hub's join info, sync::JoinInfo;
    // docs/hub-api.md). The room's pin and our token in its allow-list go on
    // every join (publisher and subscribers); `feedId` is the publisher id the
    // hub gave this device (0: Janus chooses). Signalling is wss:// verified
    // against the system's CAs, or only those in `caCertificatesPath`; ws://
    // only to loopback unless `allowPlainWs` (a practice session).
    QString pin;
    QString token;
    quint64 feedId = 0;
    quint64 screenFeedId = 0; // the screen share's publisher id (0: Janus chooses)
    QString caCertificatesPath;
    bool allowPlainWs = false;
    // ICE servers; empty `iceInterface` gathers on every usable interface.
    std::optional<transport::IceServer> stun;
    std::vector<transport::TurnServer> turnServers;
    // Screen sharing (startScreenShare): the picture size asked of the
    // source, frames a second, and the share's own bitrate cap.
    int screenWidth = 1280;
    int screenHeight = 720;
    int screenFps = 5;
    int screenMaxBitrateBps = 150'000;
};

// One participant in a live VideoRoom session, headless: joins as
// publisher, publishes (VP8 simulcast, up to 3 layers), subscribes to every
// other publisher with one RemoteFeed each, and notices who vanishes
// (Janus "unpublished"/"leaving", or no media for mediaSilenceLimitMs).
// Each feed's substream follows its measured downlink
// (rtc::DownlinkLayerSelector, once a second, Janus subscriber configure),
// down to no video at all when the downlink cannot carry the audio and the
// lowest layer, so the audio stays whole (CallSessionDownlink.cpp).
// A dropped signalling socket is reconnected and the session claimed by
// JanusConnection; the PeerConnections live on meanwhile. A publisher
// PeerConnection that fails is published again.
//
// Threading: lives on the Qt thread that creates it (the signalling thread,
// which runs the event loop); asserted. See core/call/README.md for the
// threads beneath it.
class CallSession : public QObject {
    Q_OBJECT
public:
    explicit CallSession(CallOptions options, QObject* parent = nullptr);
    ~CallSession() override;

    void start();
    // Stops media, leaves and closes the Janus session; emits finished() once closed.
    void stop();
    CallStats stats() const;

    // Mute sends silence (the far end keeps the feed and its clock); camera
    // off stops pictures before the encoder (so turning it on needs no
    // keyframe request from anyone). Both take effect on the next captured
    // frame, before and during the call.
    void setMuted(bool muted);
    void setCameraOn(bool on);
    bool muted() const;
    bool cameraOn() const;
    // Low bandwidth, before and during the call. Audio only: no video sent
    // (as camera off, whatever the camera switch says) and none received.
    // Receive video off: Janus relays no one's video to us (a `configure`
    // per feed); our own video goes out as the camera switch says. Turning
    // reception back on starts each feed at the lowest substream.
    void setAudioOnly(bool on);
    void setReceiveVideo(bool on);
    bool audioOnly() const;
    bool receiveVideo() const;
    // A second publisher next to the camera (ScreenShare.h): `deviceId` is a
    // DeviceRegistry screen ("x11grab::0.0", "x11grab:window:0x…") or
    // "synthetic:text-pattern". Once joined; a share already running is
    // replaced. stopScreenShare() unpublishes it; the call goes on.
    void startScreenShare(const std::string& deviceId);
    void stopScreenShare();
    bool screenSharing() const;

Q_SIGNALS:
    void published(); // our PeerConnection is up and media flows out
    void connected(); // the Janus session exists (before the room is joined)
    void joined(); // we are in the room
    void signallingInterrupted(const QString& why); // reconnecting; media may live on
    void signallingRestored();
    // The call is over against our will; typed so the UI words it
    // (describeCallFailure() has the English for logs).
    void failed(const spoke::call::CallFailure& why);
    // Janus' VideoRoom refused our join (wrong pin, no valid token, …):
    // emitted just before failed(), so a UI can say what to do about it.
    void joinRefused(spoke::session::videoroom::JoinRefusal why, const QString& detail);
    // A chosen camera or microphone could not be used and a stand-in is
    // sent instead (the test pattern, silence), or the speaker is gone; the
    // call goes on. Typed, so the UI words it in the user's language.
    void mediaWarning(const spoke::call::CallEvent& event);
    void finished();
    // Our screen share is published and pictures flow; it ended (`why` is
    // empty when stopped by choice).
    void screenShareStarted();
    void screenShareStopped(const QString& why);

private:
    void logEvent(const QString& what);
    void reportMediaEvent(const CallEvent& event);
    void stopMedia();
    void joinRoom();
    // What every publisher handle of ours joins with (room, display, and
    // whatever the room asks of a publisher): the camera's and the screen
    // share's come from here, so they cannot drift apart.
    enum class PublisherFeed { Camera, Screen };
    session::videoroom::JoinOptions publisherJoin(PublisherFeed feed) const;
    void publish();
    void sendPublishOffer(int generation);
    void onPublishAnswer(const session::SdpResult& answer);
    void onPublisherTransportState(int generation);
    void subscribeTo(const session::Participant& participant);
    void dropFeed(quint64 id, const QString& reason);
    void watchdog();
    std::int64_t callMs() const;
    void applySendSwitches();
    void applyVideoReception();
    bool videoWanted() const { return receiveVideo_ && !audioOnly_; }
    // Bytes on the wire so far, every PeerConnection of the call (those
    // closed included); what the data meter reads.
    RemoteFeed::WireBytes wireTotals() const;

    ThreadAffinity affinity_;
    CallOptions options_;
    std::int64_t startMs_ = 0;
    std::int64_t clockEpochMs_ = 0; // our MediaClock zero on the steady clock
    session::JanusConnection connection_;
    std::unique_ptr<session::VideoRoomHandle> publisherHandle_;
    quint64 privateId_ = 0;
    std::unique_ptr<transport::MediaTransport> publisherTransport_;
    std::unique_ptr<Publisher> publisher_;
    std::atomic<bool> publisherFailed_{false};
    std::vector<std::string> publisherCandidates_;
    std::mutex publisherCandidatesMutex_;
    // One publisher transport after another (re-publish): queued callbacks
    // carry the generation they came from, and stale ones are ignored.
    int publishGeneration_ = 0;
    PublisherConfig publisherConfig_; // what the pending offer describes
    bool offerSent_ = false;
    bool awaitingReady_ = false;
    QTimer gatherTimeout_;
    QTimer readyTimeout_;
    QTimer watchdog_;
    std::map<quint64, std::unique_ptr<RemoteFeed>> feeds_;
    std::vector<RemoteStats> goneFeeds_;
    std::map<quint64, std::int64_t> lastResubscribeMs_; // call ms, per feed
    // One feed's downlink as the layer selector sees it: the previous
    // sample's counters (each sample is what arrived since). Each sample
    // also goes to the stats recorder, when one is attached (kDownlinkSeries).
    struct DownlinkProbe {
        explicit DownlinkProbe(const rtc::DownlinkLayerSelector::Config& config) : selector(config) { }
        rtc::DownlinkLayerSelector selector;
        std::int64_t lastMs = -1;
        std::uint64_t lastBytes = 0;
        std::uint64_t lastPackets = 0;
        std::uint64_t lastNacked = 0;
        std::uint64_t lastFreezes = 0;
        std::uint64_t lastAudioPackets = 0;
        std::uint64_t lastAudioLost = 0;
        std::int64_t switchedAtMs = -1; // when we last asked Janus for another substream
        std::int64_t resumedAtMs = -1; // when we last asked for the video again
    };
    std::map<quint64, std::unique_ptr<DownlinkProbe>> downlinks_;
    void steerLayers();
    DownlinkProbe& probeFor(quint64 id, const RemoteFeed& feed);
    std::optional<rtc::DownlinkSample> sampleDownlink(DownlinkProbe& probe, RemoteFeed& feed, std::int64_t nowMs);
    void applyDownlinkChoice(RemoteFeed& feed, DownlinkProbe& probe, const rtc::DownlinkSample& sample, int choice);
    void startPlayout();
    // The playout thread's far-end reference goes to whichever publisher is
    // current; publish() swaps it under this lock.
    std::mutex farEndMutex_;
    Publisher* farEndTarget_ = nullptr;
    // Read by the capture threads (MutableAudioSource, TappedVideoSource).
    std::shared_ptr<SendSwitches> switches_ = std::make_shared<SendSwitches>();
    std::shared_ptr<AudioPlayout> playout_; // shared with every feed, which pushes its sound into it
    LocalStats lastLocal_; // kept across a re-publish
    std::vector<QString> events_;
    // The user's switches (signalling thread); the capture threads read
    // their effect through switches_.
    bool cameraOn_ = true;
    bool audioOnly_ = false;
    bool receiveVideo_ = true;
    DataMeter meter_;
    RemoteFeed::WireBytes closedWireBytes_; // of PeerConnections already gone
    bool stopping_ = false;
    int republishes_ = 0;
    std::set<quint64> icePairLogged_; // feeds whose selected ICE pair is in events_
    void logIcePairs();
    std::unique_ptr<ScreenShare> screenShare_;
    std::string screenDeviceId_;
    std::set<quint64> ownScreenFeeds_; // never subscribed to: they are us
    std::optional<ScreenShareStats> lastScreenStats_; // of the share that ended
    void closeScreenShare();
};

} // namespace spoke::call
