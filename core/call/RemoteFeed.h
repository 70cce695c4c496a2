#pragma once

#include "call/AudioPlayout.h"
#include "call/CallMediaTap.h"
#include "call/CallStats.h"
#include "call/StatsRecorder.h"
#include "session/RoomState.h"
#include "session/VideoRoomHandle.h"
#include "transport/MediaTransport.h"
#include "util/TaskQueue.h"
#include "util/ThreadAffinity.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

namespace spoke::call {

namespace receive {
class FeedReceiver;
}

struct RemoteFeedConfig {
    quint64 room = 0;
    quint64 privateId = 0; // our publisher's, links the handles in Janus
    std::string iceInterface;
    std::optional<transport::IceServer> stun; // CallOptions::stun
    std::vector<transport::TurnServer> turnServers; // CallOptions::turnServers
    QString pin; // the room's pin and our token, on the subscriber join too
    QString token;
    transport::ImpairmentConfig receiveImpairment;
    std::int64_t callStartMs = 0; // steady-clock ms
    std::shared_ptr<CallMediaTap> tap; // decoded pictures and sound for the call view (optional)
    // The speaker (null: none): each decoded 20 ms goes into its mixer, and
    // lip sync compares pictures with the sound as heard, after its latency.
    std::shared_ptr<AudioPlayout> playout;
    // Lip sync applied: pictures wait for their sound, sound waits for
    // slower pictures. Off only to measure what it corrects (tests).
    bool avSyncEnabled = true;
    // A floor under the audio jitter buffer's delay, in ms (0: its own
    // adaptive minimum); tests use it to make sound the slower stream.
    std::int64_t audioMinDelayMs = 0;
    std::shared_ptr<StatsRecorder> statsRecorder; // optional per-sample series (CallOptions::statsRecorder)
    // Janus relays the feed's video from the start; false: it is asked not
    // to (a `configure` with `"send": false` once the subscription starts).
    bool receiveVideo = true;
    // A screen share (isScreenShare in ScreenShare.h): one stream, no
    // layers to pick; its pictures are read for the stamped text.
    bool screenShare = false;
};

// One subscriber PeerConnection for one remote publisher: attach a
// VideoRoom handle, join as subscriber, answer Janus' offer, then receive.
// The media work is receive::FeedReceiver's (video and audio receive
// streams, lip sync, RTCP, the stats collector: clock-free stages, see
// core/call/README.md); this class wires it to a transport, a clock and a
// thread: one util::TaskQueue per feed, named "feed-<id>". Packets are
// posted to it (bounded: past kMaxQueuedPackets the newest are dropped and
// counted, the network thread never waits), and one delayed task wakes it
// at the receiver's next due time, so a feed with nothing due costs no wakeups.
//
// Threading: the QObject belongs to the signalling thread (asserted);
// transport callbacks arrive on its network thread and only post; the
// feed's queue owns every rtc/media object of the path. stats() and
// msSinceMedia() are safe from any thread: stats() copies a small snapshot
// the queue publishes every kPublishIntervalMs while anything happens (and
// at stop), under a lock the queue takes only then.
class RemoteFeed : public QObject {
    Q_OBJECT
public:
    bool screenShare() const { return config_.screenShare; } // see RemoteFeedConfig
    RemoteFeed(session::JanusConnection& connection, const session::Participant& participant, RemoteFeedConfig config,
               QObject* parent = nullptr);
    ~RemoteFeed() override;

    void start();
    void stop(); // idempotent; joins the receive thread and closes the transport

    RemoteStats stats() const;
    // The subscriber PeerConnection's ICE pair, once chosen (signalling thread).
    std::optional<transport::SelectedPair> selectedIcePair() const;
    std::int64_t msSinceMedia() const; // since the last RTP packet (or since start)
    quint64 feedId() const { return participant_.id; }
    // Bytes this subscriber PeerConnection has received (the downlink
    // measure the layer choice runs on); signalling thread.
    std::uint64_t bytesReceived() const;
    // Bytes on the wire of this subscriber PeerConnection, both ways (DTLS
    // and SRTP datagrams, core/transport's counters); signalling thread.
    struct WireBytes {
        std::uint64_t sent = 0;
        std::uint64_t received = 0;
    };
    WireBytes wireBytes() const;
    // Asks Janus for this simulcast substream (0 = lowest) with a subscriber
    // `configure`; the stats' video.layer follows Janus' "substream" events.
    void requestSubstream(int substream);
    int requestedSubstream() const { return requestedSubstream_; }
    // Stops or restarts Janus' relay of this feed's video (subscriber
    // `configure` with `"send"` for the video mid, docs/janus.md
    // §"Pausing a subscription's video"); the audio is untouched. Restarting
    // asks for `substream` too (-1: whatever Janus had). Before the
    // subscription has started, it is remembered and sent then.
    void setVideoReceiving(bool on, int substream = -1);
    bool videoReceiving() const { return videoWanted_; }
    void markGone(std::int64_t atMs, const QString& reason);

    static constexpr std::size_t kMaxQueuedPackets = 2048; // ~1.5 s of a 2 Mbit/s feed
    static constexpr std::int64_t kPublishIntervalMs = 250;
    static constexpr int kGatherTimeoutMs = 5000;

Q_SIGNALS:
    void failed(const QString& why);

private:
    void onOffer(const session::SdpResult& offer);
    QString videoMid() const;
    void sendVideoConfigure(int substream);
    void startReceiver();
    void sendAnswer(); // once gathering is done (or has taken kGatherTimeoutMs)
    // On the feed's queue:
    void onPacket(const std::vector<std::uint8_t>& bytes, std::int64_t arrivalUs, bool rtcp);
    void runDue();
    void scheduleWake(std::int64_t nowMs);
    void publish(std::int64_t nowMs);
    void post(std::vector<std::uint8_t>&& bytes, bool rtcp); // network thread

    ThreadAffinity affinity_;
    session::Participant participant_;
    RemoteFeedConfig config_;
    std::int64_t senderClockEpochMs_ = -1; // sender's MediaClock zero on the steady clock, if published
    session::VideoRoomHandle handle_;
    std::unique_ptr<transport::MediaTransport> transport_;
    std::string offerSdp_;
    std::vector<std::string> candidates_;
    std::mutex candidatesMutex_;
    bool answered_ = false;
    bool started_ = false; // Janus accepted our answer: configure may follow
    bool videoWanted_ = true;
    int requestedSubstream_ = 2; // Janus relays the top substream until told otherwise
    QTimer gatherTimeout_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::int64_t> lastMediaMs_{0};
    std::atomic<std::uint64_t> packetsDropped_{0};

    // The feed's queue and what lives on it (built by its first task).
    std::unique_ptr<util::TaskQueue> queue_;
    std::unique_ptr<receive::FeedReceiver> receiver_;
    std::optional<std::int64_t> wakeScheduledMs_; // the earliest delayed wake posted
    std::int64_t lastPublishMs_ = 0;
    bool unpublishedPackets_ = false;

    // What stats() returns: the queue's latest snapshot, and the fields the
    // signalling thread sets.
    mutable std::mutex statsMutex_;
    RemoteStats published_;
    int layer_ = 0;
    bool videoPaused_ = false;
    std::int64_t subscribedAtMs_ = -1;
    std::int64_t transportStartedAtMs_ = -1;
    std::int64_t goneAtMs_ = -1;
    QString goneReason_;
};

// The stream description a publisher sets so receivers can turn stamp
// times (the sender's MediaClock) into the steady clock: "clock=<ms>".
QString clockDescription(std::int64_t epochMs);
// The epoch in "clock=<ms>" or "screen;clock=<ms>" (a screen share,
// ScreenShare.h); -1 when there is none.
std::int64_t parseClockDescription(const QString& description);

} // namespace spoke::call
