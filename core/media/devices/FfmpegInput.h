#pragma once

#include "media/AvHandles.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>

namespace spoke::media {

// One stream (video or audio) of an FFmpeg input: a device (v4l2, x11grab,
// alsa, pulse; later dshow, avfoundation, pipewire) or a file. Shared by the
// FFmpeg-backed sources. Opening and reading are bounded in time by
// FFmpeg's interrupt callback, so a camera that stops answering makes read()
// throw DeviceLost instead of blocking its thread forever. Owned by one
// reader thread; interrupt() is thread-safe.
class FfmpegInput {
public:
    // `formatName` is an FFmpeg demuxer ("video4linux2", "x11grab", "alsa",
    // "pulse") or empty to let FFmpeg guess from a file. Throws
    // MediaError(DeviceNotFound) if the device or file does not exist,
    // MediaError(FormatRefused) if it will not deliver what was asked.
    FfmpegInput(const std::string& formatName, const std::string& url, AVMediaType type,
                const std::map<std::string, std::string>& options, std::chrono::milliseconds readTimeout);
    ~FfmpegInput();
    FfmpegInput(const FfmpegInput&) = delete;
    FfmpegInput& operator=(const FfmpegInput&) = delete;

    // The next decoded frame, or null once interrupted or at the end of a
    // file (ended() tells which). Throws MediaError(DeviceLost).
    AvFramePtr read();

    bool ended() const { return ended_; }
    void interrupt() { interrupted_ = true; }

    const AVCodecContext* decoder() const { return decoder_.get(); }
    const std::string& description() const { return description_; }

private:
    static int interruptCallback(void* opaque);
    void armDeadline(std::chrono::milliseconds timeout);

    std::string description_;
    AvInputContextPtr input_;
    AvCodecContextPtr decoder_;
    AvPacketPtr packet_;
    int streamIndex_ = -1;
    std::chrono::milliseconds readTimeout_;
    std::atomic<bool> interrupted_{false};
    std::atomic<std::int64_t> deadlineNs_{0};
    bool ended_ = false;
    bool draining_ = false;
};

} // namespace spoke::media
