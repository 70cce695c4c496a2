#pragma once

#include "media/AudioFrame.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>

struct OpusDecoder;

namespace spoke::media {

// Opus decoder for 48 kHz mono 20 ms voice. Packets come from the network:
// a bad one is counted and concealed, never thrown. For a lost packet the
// jitter buffer calls recoverFromNext() if the next packet has arrived
// (in-band FEC rebuilds the lost frame from it), or conceal() if not (PLC).
// Owned by the audio decode thread (asserted).
class OpusVoiceDecoder {
public:
    OpusVoiceDecoder();
    ~OpusVoiceDecoder();
    OpusVoiceDecoder(const OpusVoiceDecoder&) = delete;
    OpusVoiceDecoder& operator=(const OpusVoiceDecoder&) = delete;

    // 20 ms of audio for this packet (concealment if it is damaged).
    AudioFrame decode(std::span<const std::uint8_t> packet);
    // 20 ms for the packet *before* `next`, from the FEC data in `next`.
    AudioFrame recoverFromNext(std::span<const std::uint8_t> next);
    // 20 ms of packet-loss concealment.
    AudioFrame conceal();

    std::uint64_t errorCount() const { return errors_; }
    const std::string& lastError() const { return lastError_; }

private:
    AudioFrame run(const std::uint8_t* data, int size, bool fec);

    struct Deleter {
        void operator()(::OpusDecoder* decoder) const;
    };
    ThreadAffinity affinity_;
    std::unique_ptr<::OpusDecoder, Deleter> decoder_;
    std::uint64_t errors_ = 0;
    std::string lastError_;
};

} // namespace spoke::media
