#pragma once

#include "call/AudioPlayout.h"
#include "call/CallMediaTap.h"
#include "call/CallStats.h"
#include "call/StatsRecorder.h"
#include "media/BoundedQueue.h"
#include "session/RoomState.h"
#include "session/VideoRoomHandle.h"
#include "transport/MediaTransport.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace spoke::call {

struct RemoteFeedConfig {
    quint64 room = 0;
    quint64 privateId = 0; // our publisher's, links the handles in Janus
    std::string iceInterface;
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
};

// One subscriber PeerConnection for one remote publisher: attach a
// VideoRoom handle, join as subscriber, answer Janus' offer, then receive.
// Receive path, on a thread of its own fed by the transport through a
// bounded queue: video RTP → NackGenerator (NACKs and PLIs sent back) →
// Vp8FrameAssembler → VP8 decode → FrameStamp (frame number and capture
// time: lost frames and glass-to-glass latency, since every client on this
// machine shares the steady clock) → VideoRenderQueue (lip sync: a picture
// waits until its sound plays) → the tap; audio RTP → AudioJitterBuffer →
// Opus decode, concealment where packets are missing, one 20 ms tick at a
// time. The thread sleeps until the earlier of the next tick and the next
// picture due.
//
// Threading: the QObject belongs to the signalling thread (asserted);
// transport callbacks arrive on its network thread and only queue; the
// receive thread owns every rtc/media object of the path. stats() and
// msSinceMedia() are safe from any thread.
class RemoteFeed : public QObject {
    Q_OBJECT
public:
    RemoteFeed(session::JanusConnection& connection, const session::Participant& participant, RemoteFeedConfig config,
               QObject* parent = nullptr);
    ~RemoteFeed() override;

    void start();
    void stop(); // idempotent; joins the receive thread and closes the transport

    RemoteStats stats() const;
    std::int64_t msSinceMedia() const; // since the last RTP packet (or since start)
    quint64 feedId() const { return participant_.id; }
    // Bytes this subscriber PeerConnection has received (the downlink
    // measure the layer choice runs on); signalling thread.
    std::uint64_t bytesReceived() const;
    // Asks Janus for this simulcast substream (0 = lowest) with a subscriber
    // `configure`; the stats' video.layer follows Janus' "substream" events.
    void requestSubstream(int substream);
    void markGone(std::int64_t atMs, const QString& reason);

Q_SIGNALS:
    void failed(const QString& why);

private:
    void onOffer(const session::SdpResult& offer);
    void answerWhenGathered();
    void receiveLoop();

    struct Incoming {
        std::vector<std::uint8_t> bytes;
        std::int64_t arrivalUs = 0;
        bool rtcp = false;
    };

    ThreadAffinity affinity_;
    session::Participant participant_;
    RemoteFeedConfig config_;
    std::int64_t senderClockEpochMs_ = -1; // sender's MediaClock zero on the steady clock, if published
    session::VideoRoomHandle handle_;
    std::unique_ptr<transport::MediaTransport> transport_;
    std::string offerSdp_;
    std::vector<std::string> candidates_;
    std::mutex candidatesMutex_;
    std::atomic<bool> gathered_{false};
    QTimer gatherPoll_;
    media::BoundedQueue<Incoming> incoming_{2048};
    std::thread receiver_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::int64_t> lastMediaMs_{0};

    mutable std::mutex statsMutex_;
    RemoteStats stats_;
};

// The stream description a publisher sets so receivers can turn stamp
// times (the sender's MediaClock) into the steady clock: "clock=<ms>".
QString clockDescription(std::int64_t epochMs);
std::int64_t parseClockDescription(const QString& description); // -1 if absent

} // namespace spoke::call
