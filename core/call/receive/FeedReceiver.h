#pragma once

#include "call/ReceiverRtcp.h"
#include "call/StatsRecorder.h"
#include "call/receive/AudioReceiveStream.h"
#include "call/receive/LipSync.h"
#include "call/receive/ReceiveStatsCollector.h"
#include "call/receive/VideoReceiveStream.h"
#include "media/AudioFrame.h"
#include "media/VideoFrame.h"

#include <QtGlobal>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace spoke::call::receive {

// One subscriber PeerConnection's media, wired: RTP to the video or audio
// stream, Janus' RTCP to ReceiverRtcp and lip sync, and on each process()
// the due audio ticks, decodes, pictures, lip-sync step, NACKs, PLIs and
// receiver reports. It sends and shows through the outputs it is given.
// RemoteFeed only supplies a thread, a clock and a transport.
//
// Clock-free: packets carry their arrival time, process() takes the time,
// nextWakeMs() says when something is next due. Threading: built, fed and
// read on one thread (the feed's queue); the outputs run on it.
class FeedReceiver {
public:
    struct Config {
        quint64 feedId = 0;
        std::int64_t callStartMs = 0; // steady ms
        std::int64_t senderClockEpochMs = -1; // see VideoReceiveStream::Config
        bool screenShare = false; // see VideoReceiveStream::Config
        bool avSyncEnabled = true;
        std::int64_t audioMinDelayMs = 0;
        std::uint32_t ourSsrc = 1; // the SSRC our RRs and feedback carry
        std::shared_ptr<StatsRecorder> recorder;
    };
    struct Outputs {
        std::function<void(std::vector<std::uint8_t>)> sendRtcp;
        std::function<void(const media::VideoFrame&)> picture; // a picture due on screen now
        std::function<void(const media::AudioFrame&)> sound; // 20 ms to play now
        // The speaker's output latency: sound is heard that much after its
        // tick, which is what the picture must match (0 without a speaker).
        std::function<std::int64_t()> outputLatencyMs;
    };

    FeedReceiver(Config config, Outputs outputs);

    void onRtp(std::span<const std::uint8_t> bytes, std::int64_t arrivalUs, std::int64_t nowMs);
    void onRtcp(std::span<const std::uint8_t> bytes, std::int64_t arrivalUs);
    // Everything due at `nowUs`. `unixMinusSteadyMs` converts the sender's
    // wall-clock capture times (from SRs) for the play-latency figure.
    void process(std::int64_t nowUs, std::int64_t unixMinusSteadyMs);
    // The earliest time anything is due (no earlier than `nowMs`); none
    // when nothing ever will be until a packet comes.
    std::optional<std::int64_t> nextWakeMs(std::int64_t nowMs) const;

    RemoteStats snapshot() const;
    ReceiveStatsCollector& stats() { return stats_; }

private:
    void playAudio(std::int64_t nowMs, std::int64_t unixMinusSteadyMs);
    void sendFeedback(std::int64_t nowUs);
    void publishCounters();

    Config config_;
    Outputs outputs_;
    ReceiveStatsCollector stats_;
    ReceiverRtcp rtcp_;
    LipSync lipSync_;
    VideoReceiveStream video_;
    AudioReceiveStream audio_;
};

} // namespace spoke::call::receive
