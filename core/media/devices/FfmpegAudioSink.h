#pragma once

#include "media/devices/AudioSink.h"
#include "util/ThreadAffinity.h"

#include <atomic>
#include <memory>
#include <string>

struct AVFormatContext;

namespace spoke::media {

// A speaker through libavdevice's ALSA or PulseAudio output. Opening it
// opens the device, so a missing sound card, an absent PulseAudio server or
// a device that refuses 48 kHz mono is a MediaError from the constructor,
// never a stall later. Owned by the playout thread (asserted from the first
// write on); interrupt() is thread-safe.
class FfmpegAudioSink final : public AudioSink {
public:
    // `formatName` is "alsa" or "pulse"; `deviceName` that backend's device
    // ("default", "hw:0", a PulseAudio sink name). Throws
    // MediaError(DeviceNotFound) or MediaError(FormatRefused).
    FfmpegAudioSink(DeviceInfo info, const std::string& formatName, const std::string& deviceName);
    ~FfmpegAudioSink() override;
    FfmpegAudioSink(const FfmpegAudioSink&) = delete;
    FfmpegAudioSink& operator=(const FfmpegAudioSink&) = delete;

    const DeviceInfo& device() const override { return info_; }
    bool write(const AudioFrame& frame) override;
    void drain() override;
    void interrupt() override { interrupted_ = true; }
    // From libavdevice's output timestamp (ALSA and PulseAudio report it).
    std::optional<std::int64_t> samplesPlayed() override;

private:
    struct Deleter {
        void operator()(AVFormatContext* context) const;
    };
    static int interruptCallback(void* opaque);

    DeviceInfo info_;
    std::unique_ptr<AVFormatContext, Deleter> output_;
    ThreadAffinity affinity_;
    bool bound_ = false;
    bool trailerWritten_ = false;
    std::int64_t nextPts_ = 0;
    std::atomic<bool> interrupted_{false};
};

} // namespace spoke::media
