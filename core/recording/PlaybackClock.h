#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>

namespace spoke::recording {

class AudioOutput;

// The player's master clock, in media microseconds. While audio plays it is
// the audio device's progress: the media time at the end of what was written
// minus what is still buffered (scaled by the speed, because atempo packs
// `speed` media seconds into each second of sound). Without audio (a
// video-only file, or after the audio track ended) it runs on the steady
// clock at `speed`. Thread-safe.
class PlaybackClock {
public:
    explicit PlaybackClock(const AudioOutput* output) : output_(output) { }

    std::int64_t nowUs() const;

    // Audio thread: `frames` frames covering media time up to `mediaEndUs`
    // were just written to the output.
    // Writes from before the latest reset (a seek racing the audio thread)
    // carry an old serial and are ignored.
    void audioWritten(std::int64_t mediaEndUs, int serial);
    // The audio track ended or there is none: continue on the steady clock.
    void audioEnded();

    // Control thread: restart at `mediaUs` (a seek), with or without audio.
    void reset(std::int64_t mediaUs, bool audioDrives, int serial);
    void setSpeed(double speed);
    void setPaused(bool paused);
    double speed() const;

private:
    std::int64_t wallNowLocked() const;

    const AudioOutput* output_;
    mutable std::mutex mutex_;
    bool audioDrives_ = false;
    int serial_ = 0;
    bool audioStarted_ = false;
    std::int64_t audioEndUs_ = 0;
    std::int64_t audioWrittenFrames_ = 0;
    std::int64_t wallBaseUs_ = 0;
    std::chrono::steady_clock::time_point wallBaseAt_ = std::chrono::steady_clock::now();
    double speed_ = 1.0;
    bool paused_ = true;
};

} // namespace spoke::recording
