#include "media/audio/ToneSource.h"

#include "media/MediaClock.h"
#include "media/audio/ToneMarker.h"

#include <chrono>

namespace spoke::media {

ToneSource::ToneSource(Config config) : config_(config), info_(config.silent ? silenceDeviceInfo() : deviceInfo()) { }

DeviceInfo ToneSource::silenceDeviceInfo()
{
    return DeviceInfo{
        "synthetic:silence", "Silence (a room where nobody talks)", "synthetic", DeviceKind::Microphone, true, false};
}

DeviceInfo ToneSource::deviceInfo()
{
    return DeviceInfo{
        "synthetic:tone", "Test tone (frame number coded in pitch)", "synthetic", DeviceKind::Microphone, true, false};
}

AudioFrame ToneSource::read()
{
    if (!bound_) {
        affinity_.rebindToCurrentThread();
        bound_ = true;
    }
    affinity_.assertOwner();
    if (interrupted_.load())
        return {};
    if (config_.paced) {
        if (startUs_ < 0)
            startUs_ = MediaClock::nowUs();
        const std::int64_t dueUs = startUs_ + sequence_ * 20'000;
        std::unique_lock lock(mutex_);
        const auto due = std::chrono::steady_clock::now() + std::chrono::microseconds(dueUs - MediaClock::nowUs());
        wake_.wait_until(lock, due, [this] { return interrupted_.load(); });
        if (interrupted_.load())
            return {};
    }
    AudioFrame frame = AudioFrame::allocate(AudioFrame::kSamplesPer20Ms, MediaClock::nowUs(), sequence_);
    ToneMarker::synthesize(sequence_, frame.mutableSamples(), config_.silent ? 0.0 : config_.amplitude);
    ++sequence_;
    return frame;
}

void ToneSource::interrupt()
{
    {
        std::lock_guard lock(mutex_);
        interrupted_ = true;
    }
    wake_.notify_all();
}

} // namespace spoke::media
