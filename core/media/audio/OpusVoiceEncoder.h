#pragma once

#include "media/AudioFrame.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <memory>
#include <vector>

struct OpusEncoder;

namespace spoke::media {

struct OpusVoiceConfig {
    int bitrateBps = 24'000;
    int expectedLossPercent = 10; // in-band FEC is only sent when this is > 0
    bool inbandFec = true;
    bool dtx = true; // near-silence costs ~1 packet per 400 ms instead of 50/s
    // 5, not 10: about 1.7x as fast (docs/codec-anchors.md §"Opus
    // complexity") for a difference in voice quality nobody hears over a
    // rural link; encode + decode then take about 0.6 % of a fast core, a
    // few percent at most of an old laptop's.
    int complexity = 5;
};

// Opus for voice: 48 kHz mono, 20 ms frames, VoIP mode. Bitrate and the
// loss hint change on the fly. Owned by the audio encode thread (asserted).
class OpusVoiceEncoder {
public:
    explicit OpusVoiceEncoder(const OpusVoiceConfig& config = {});
    ~OpusVoiceEncoder();
    OpusVoiceEncoder(const OpusVoiceEncoder&) = delete;
    OpusVoiceEncoder& operator=(const OpusVoiceEncoder&) = delete;

    // One 20 ms frame (960 samples) in, one packet out. With DTX a packet of
    // 1-2 bytes means "silence continues": the sender need not transmit it.
    // Throws MediaError for a wrong frame size or an encoder failure.
    std::vector<std::uint8_t> encode(const AudioFrame& frame);

    void setBitrateBps(int bitrateBps);
    void setExpectedLossPercent(int percent);

    int bitrateBps() const { return config_.bitrateBps; }
    // Samples of delay the encoder adds (312 at 48 kHz in VoIP mode): what a
    // container's Opus pre-skip must say so playback starts in sync.
    int lookaheadSamples() const;
    // True if the last packet was a DTX "still silent" packet.
    bool lastWasDtx() const { return lastWasDtx_; }

    void moveToCurrentThread() { affinity_.rebindToCurrentThread(); }

private:
    struct Deleter {
        void operator()(::OpusEncoder* encoder) const;
    };
    ThreadAffinity affinity_;
    OpusVoiceConfig config_;
    std::unique_ptr<::OpusEncoder, Deleter> encoder_;
    bool lastWasDtx_ = false;
};

} // namespace spoke::media
