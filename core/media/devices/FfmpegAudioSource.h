#pragma once

#include "media/AvHandles.h"
#include "media/devices/AudioSource.h"
#include "media/devices/FfmpegInput.h"
#include "util/ThreadAffinity.h"

#include <deque>
#include <map>
#include <memory>

namespace spoke::media {

// A microphone (alsa, pulse) or audio file read through FFmpeg and
// resampled with swresample to 48 kHz mono, handed out in 20 ms frames.
// Owned by the thread that first calls read() (asserted); interrupt() is
// thread-safe.
class FfmpegAudioSource final : public AudioSource {
public:
    // `options`: the device's own (dshow's audio_buffer_size, …).
    FfmpegAudioSource(DeviceInfo info, const std::string& formatName, const std::string& url,
                      std::map<std::string, std::string> options = {});

    const DeviceInfo& device() const override { return info_; }
    AudioFrame read() override;
    void interrupt() override { input_->interrupt(); }

private:
    DeviceInfo info_;
    std::unique_ptr<FfmpegInput> input_;
    SwrContextPtr resampler_;
    std::deque<std::int16_t> pending_;
    ThreadAffinity affinity_;
    bool bound_ = false;
    std::int64_t sequence_ = 0;
};

} // namespace spoke::media
