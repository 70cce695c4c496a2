#pragma once

#include "call/receive/ReceiveStatsCollector.h"
#include "media/AudioFrame.h"
#include "media/audio/OpusVoiceDecoder.h"
#include "rtc/AudioJitterBuffer.h"
#include "rtc/RtpPacket.h"
#include "rtc/SequenceUnwrapper.h"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace spoke::call::receive {

// One feed's sound from RTP to 20 ms of PCM: the adaptive jitter buffer
// (rtc::AudioJitterBuffer), then Opus decode, in-band FEC (RFC 6716 section
// 2.1.7) for a missing packet whose successor is here, or concealment, one
// decision per tick of a virtual sound card that runs at 20 ms from the
// first packet. The wire's own figures (sequence gaps) and the playout's go
// to the stats collector.
//
// Clock-free: packets and ticks carry the time; nextWakeMs() says when the
// next tick is due. Owned by the feed's queue (its decoder asserts its thread).
class AudioReceiveStream {
public:
    static constexpr std::int64_t kFrameMs = 20;
    // Held up for longer (a loaded machine), a sound card would have played
    // on without us: skip ahead rather than catch up.
    static constexpr std::int64_t kMaxPlayoutLagMs = 200;

    struct Config {
        // A floor under the jitter buffer's delay (0: its own adaptive minimum).
        std::int64_t minDelayMs = 0;
    };
    // One 20 ms tick's sound.
    struct Tick {
        std::int64_t tickMs = 0;
        rtc::PlayoutDecision::Kind kind = rtc::PlayoutDecision::Kind::Silence;
        media::AudioFrame pcm; // empty for Silence
        std::uint32_t playedTimestamp = 0; // the 20 ms slot played, on the buffer's grid (not for Silence)
        std::uint32_t sentTimestamp = 0; // Decode: the RTP timestamp as sent (for lip sync and latency)
    };

    AudioReceiveStream(Config config, ReceiveStatsCollector& stats);

    void onRtp(const rtc::RtpPacket& packet, std::int64_t nowMs);
    // Every tick due at `nowMs`, oldest first.
    std::vector<Tick> tick(std::int64_t nowMs);
    std::optional<std::int64_t> nextWakeMs() const { return nextTickMs_; }
    // Lip sync's extra delay (video is the slower stream).
    void setExtraDelayMs(std::int64_t delayMs) { jitter_.setExtraDelayMs(delayMs); }

    std::uint32_t ssrc() const { return ssrc_; }
    const rtc::AudioJitterBuffer& jitterBuffer() const { return jitter_; }

private:
    std::uint32_t snapToGrid(std::uint32_t timestamp);
    void countWire(std::int64_t sequence, std::int64_t nowMs);
    Tick play(const rtc::PlayoutDecision& decision, std::int64_t tickMs);

    static rtc::AudioJitterBuffer::Config jitterConfig(const Config& config);

    ReceiveStatsCollector& stats_;
    rtc::AudioJitterBuffer::Config jitterConfig_;
    rtc::AudioJitterBuffer jitter_;
    media::OpusVoiceDecoder opus_;
    // The buffer keys packets on a 20 ms grid (see snapToGrid); lip sync and
    // latency need the timestamps as sent: snapped → sent.
    std::map<std::uint32_t, std::uint32_t> sentTimestamps_;
    std::optional<std::uint32_t> firstTimestamp_;
    std::optional<std::int64_t> nextTickMs_;
    rtc::SequenceUnwrapper unwrapper_;
    std::optional<std::int64_t> firstSequence_;
    std::optional<std::int64_t> highestSequence_;
    std::uint32_t ssrc_ = 0;
};

} // namespace spoke::call::receive
