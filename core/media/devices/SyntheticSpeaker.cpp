#include "media/devices/SyntheticSpeaker.h"

#include "media/MediaClock.h"

#include <algorithm>
#include <chrono>

namespace spoke::media {

namespace {

constexpr std::int64_t kSamplesPerMs = AudioFrame::kSampleRateHz / 1000;

} // namespace

SyntheticSpeaker::SyntheticSpeaker() : info_(deviceInfo()) { }

DeviceInfo SyntheticSpeaker::deviceInfo()
{
    return DeviceInfo{"synthetic:speaker",
                      "Silent speaker (plays nothing, at a sound card's pace)",
                      "synthetic",
                      DeviceKind::Speaker,
                      true,
                      false};
}

std::int64_t SyntheticSpeaker::nowUs()
{
    return MediaClock::nowUs();
}

std::int64_t SyntheticSpeaker::playedBy(std::int64_t atUs) const
{
    if (startUs_ < 0)
        return 0;
    return std::min(written_, (atUs - startUs_) * kSamplesPerMs / 1000);
}

bool SyntheticSpeaker::waitUntilQueued(std::int64_t queuedSamples)
{
    // The moment the card will have played all but `queuedSamples`.
    const std::int64_t dueUs = startUs_ + (written_ - queuedSamples) * 1000 / kSamplesPerMs;
    const auto due = std::chrono::steady_clock::now() + std::chrono::microseconds(dueUs - nowUs());
    std::unique_lock lock(mutex_);
    wake_.wait_until(lock, due, [this] { return interrupted_.load(); });
    return !interrupted_.load();
}

bool SyntheticSpeaker::write(const AudioFrame& frame)
{
    if (interrupted_.load())
        return false;
    if (startUs_ < 0)
        startUs_ = nowUs();
    written_ += frame.sampleCount();
    return waitUntilQueued(kBufferMs * kSamplesPerMs);
}

void SyntheticSpeaker::drain()
{
    if (startUs_ >= 0)
        waitUntilQueued(0);
}

void SyntheticSpeaker::interrupt()
{
    {
        std::lock_guard lock(mutex_);
        interrupted_ = true;
    }
    wake_.notify_all();
}

} // namespace spoke::media
