#include "recording/PlaybackClock.h"

#include "recording/AudioOutput.h"

namespace spoke::recording {

std::int64_t PlaybackClock::wallNowLocked() const
{
    if (paused_)
        return wallBaseUs_;
    const double elapsedUs = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - wallBaseAt_).count();
    return wallBaseUs_ + static_cast<std::int64_t>(elapsedUs * speed_);
}

std::int64_t PlaybackClock::nowUs() const
{
    std::lock_guard lock(mutex_);
    if (!audioDrives_)
        return wallNowLocked();
    if (!audioStarted_)
        return wallBaseUs_; // waiting for the first sound after a seek
    const std::int64_t buffered = audioWrittenFrames_ - output_->playedFrames();
    const double bufferedUs = static_cast<double>(buffered > 0 ? buffered : 0) * 1e6 / AudioOutput::kSampleRateHz;
    return audioEndUs_ - static_cast<std::int64_t>(bufferedUs * speed_);
}

void PlaybackClock::audioWritten(std::int64_t mediaEndUs, int serial)
{
    std::lock_guard lock(mutex_);
    if (serial != serial_)
        return;
    audioStarted_ = true;
    audioEndUs_ = mediaEndUs;
    audioWrittenFrames_ = output_->writtenFrames();
}

void PlaybackClock::audioEnded()
{
    std::unique_lock lock(mutex_);
    if (!audioDrives_)
        return;
    lock.unlock();
    const std::int64_t now = nowUs();
    lock.lock();
    audioDrives_ = false;
    wallBaseUs_ = now;
    wallBaseAt_ = std::chrono::steady_clock::now();
}

void PlaybackClock::reset(std::int64_t mediaUs, bool audioDrives, int serial)
{
    std::lock_guard lock(mutex_);
    serial_ = serial;
    audioDrives_ = audioDrives;
    audioStarted_ = false;
    audioEndUs_ = mediaUs;
    wallBaseUs_ = mediaUs;
    wallBaseAt_ = std::chrono::steady_clock::now();
}

void PlaybackClock::setSpeed(double speed)
{
    std::lock_guard lock(mutex_);
    wallBaseUs_ = wallNowLocked();
    wallBaseAt_ = std::chrono::steady_clock::now();
    speed_ = speed;
}

void PlaybackClock::setPaused(bool paused)
{
    std::lock_guard lock(mutex_);
    wallBaseUs_ = wallNowLocked();
    wallBaseAt_ = std::chrono::steady_clock::now();
    paused_ = paused;
}

double PlaybackClock::speed() const
{
    std::lock_guard lock(mutex_);
    return speed_;
}

} // namespace spoke::recording
