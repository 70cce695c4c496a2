#pragma once

#include "media/devices/AudioSink.h"
#include "util/ThreadAffinity.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

class QAudioSink;
class QIODevice;

namespace spoke::media {

// A speaker through Qt Multimedia's QAudioSink (WASAPI on Windows, Core
// Audio on macOS): the speaker output of the Windows backend, where FFmpeg
// has no audio output device. Not platform code (Qt is), so it builds on
// Linux too and its error paths are tested there (tests/media); the Linux
// backend keeps FfmpegAudioSink. Push mode without an event loop: write()
// waits for room by polling bytesFree() every few milliseconds, which is
// what paces the playout thread as AudioSink asks. Untested on real Windows
// and macOS (core/media/README.md, "Platforms").
class QtAudioSink final : public AudioSink {
public:
    // `deviceId`: a QAudioDevice id as speakers() lists it, or "default".
    // Throws MediaError(DeviceNotFound) or MediaError(FormatRefused).
    QtAudioSink(DeviceInfo info, const std::string& deviceId);
    ~QtAudioSink() override;
    QtAudioSink(const QtAudioSink&) = delete;
    QtAudioSink& operator=(const QtAudioSink&) = delete;

    // Qt's outputs as registry entries ("qtaudio:<id>"); empty without any.
    static std::vector<DeviceInfo> speakers();

    const DeviceInfo& device() const override { return info_; }
    bool write(const AudioFrame& frame) override;
    void drain() override;
    void interrupt() override { interrupted_ = true; }
    std::optional<std::int64_t> samplesPlayed() override;

private:
    DeviceInfo info_;
    std::unique_ptr<QAudioSink> sink_;
    QIODevice* io_ = nullptr; // owned by sink_
    ThreadAffinity affinity_;
    bool bound_ = false;
    std::int64_t samplesWritten_ = 0;
    std::atomic<bool> interrupted_{false};
};

} // namespace spoke::media
