#include "recording/AudioOutput.h"

#include <algorithm>

namespace spoke::recording {

NullAudioOutput::NullAudioOutput(int channels, std::chrono::milliseconds buffer)
    : channels_(channels)
    , bufferFrames_(std::max<std::int64_t>(480, buffer.count() * kSampleRateHz / 1000))
    , lastAdvance_(std::chrono::steady_clock::now())
{
}

void NullAudioOutput::setTap(Tap tap)
{
    std::lock_guard lock(mutex_);
    tap_ = std::move(tap);
}

void NullAudioOutput::advanceLocked() const
{
    const auto now = std::chrono::steady_clock::now();
    if (!paused_) {
        const double elapsed = std::chrono::duration<double>(now - lastAdvance_).count();
        playedFraction_ += elapsed * kSampleRateHz;
        const auto whole = static_cast<std::int64_t>(playedFraction_);
        playedFraction_ -= static_cast<double>(whole);
        played_ = std::min(written_, played_ + whole);
        if (played_ == written_)
            playedFraction_ = 0; // starved: a device plays silence, it does not bank time
    }
    lastAdvance_ = now;
}

bool NullAudioOutput::write(std::span<const std::int16_t> interleaved)
{
    const auto frames = static_cast<std::int64_t>(interleaved.size()) / channels_;
    std::unique_lock lock(mutex_);
    for (;;) {
        if (aborted_)
            return false;
        advanceLocked();
        if (written_ - played_ + frames <= bufferFrames_ || written_ == played_)
            break;
        // Sleep about as long as it takes the buffer to make room.
        const std::int64_t excess = written_ - played_ + frames - bufferFrames_;
        const auto waitUs = std::clamp<std::int64_t>(excess * 1'000'000 / kSampleRateHz, 500, 20'000);
        drained_.wait_for(lock, std::chrono::microseconds(waitUs));
    }
    written_ += frames;
    if (tap_)
        tap_(interleaved);
    return true;
}

std::int64_t NullAudioOutput::writtenFrames() const
{
    std::lock_guard lock(mutex_);
    return written_;
}

std::int64_t NullAudioOutput::playedFrames() const
{
    std::lock_guard lock(mutex_);
    advanceLocked();
    return played_;
}

void NullAudioOutput::setPaused(bool paused)
{
    std::lock_guard lock(mutex_);
    advanceLocked();
    paused_ = paused;
    drained_.notify_all();
}

void NullAudioOutput::flush()
{
    std::lock_guard lock(mutex_);
    advanceLocked();
    written_ = played_;
    playedFraction_ = 0;
    drained_.notify_all();
}

void NullAudioOutput::abort()
{
    std::lock_guard lock(mutex_);
    aborted_ = true;
    drained_.notify_all();
}

} // namespace spoke::recording
