#pragma once

#include "media/AvHandles.h"

#include <cstdint>
#include <span>

namespace spoke::media {

// The pipeline's audio unit: 48 kHz mono signed 16-bit, normally 20 ms
// (960 samples), the size Opus and the RTP packetiser want. Ref-counted like
// VideoFrame (an AVFrame underneath); copies share samples.
class AudioFrame {
public:
    static constexpr int kSampleRateHz = 48000;
    static constexpr int kSamplesPer20Ms = kSampleRateHz / 50;

    AudioFrame() = default;
    static AudioFrame allocate(int samples, std::int64_t captureTimeUs = 0, std::int64_t sequence = 0);

    AudioFrame(const AudioFrame& other);
    AudioFrame& operator=(const AudioFrame& other);
    AudioFrame(AudioFrame&&) noexcept = default;
    AudioFrame& operator=(AudioFrame&&) noexcept = default;
    ~AudioFrame() = default;

    bool isNull() const { return !frame_; }
    int sampleCount() const { return frame_ ? frame_->nb_samples : 0; }
    std::span<const std::int16_t> samples() const;
    // Copies first if the samples are shared.
    std::span<std::int16_t> mutableSamples();

    AVFrame* av() const { return frame_.get(); }

    std::int64_t captureTimeUs() const { return captureTimeUs_; }
    std::int64_t sequence() const { return sequence_; }
    void setCaptureTimeUs(std::int64_t us) { captureTimeUs_ = us; }
    void setSequence(std::int64_t sequence) { sequence_ = sequence; }

private:
    AvFramePtr frame_;
    std::int64_t captureTimeUs_ = 0;
    std::int64_t sequence_ = 0;
};

} // namespace spoke::media
