#include "call/AudioMixer.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace spoke::call {

namespace {

constexpr int kSamplesPerMs = media::AudioFrame::kSampleRateHz / 1000;

} // namespace

AudioMixer::AudioMixer() : AudioMixer(Config{}) { }

AudioMixer::AudioMixer(Config config) : config_(config) { }

void AudioMixer::push(quint64 feedId, const media::AudioFrame& frame)
{
    if (frame.isNull())
        return;
    const auto samples = frame.samples();
    const std::size_t capacity = static_cast<std::size_t>(config_.maxQueuedMs) * kSamplesPerMs;
    const std::lock_guard lock(mutex_);
    auto& feed = feeds_[feedId];
    feed.samples.insert(feed.samples.end(), samples.begin(), samples.end());
    if (feed.samples.size() > capacity) {
        // The feed runs faster than the speaker: the oldest sound is the
        // stalest, and dropping it keeps the delay bounded.
        const std::size_t excess = feed.samples.size() - capacity;
        feed.samples.erase(feed.samples.begin(), feed.samples.begin() + static_cast<std::ptrdiff_t>(excess));
        counters_.droppedMs += excess / kSamplesPerMs;
    }
}

void AudioMixer::removeFeed(quint64 feedId)
{
    const std::lock_guard lock(mutex_);
    feeds_.erase(feedId);
}

media::AudioFrame AudioMixer::mixNext()
{
    constexpr int kSamples = media::AudioFrame::kSamplesPer20Ms;
    std::vector<std::int32_t> sum(kSamples, 0);
    {
        const std::lock_guard lock(mutex_);
        const std::size_t prebuffer = static_cast<std::size_t>(config_.prebufferMs) * kSamplesPerMs;
        for (auto& [id, feed] : feeds_) {
            if (feed.starving && feed.samples.size() >= std::max<std::size_t>(prebuffer, kSamples))
                feed.starving = false;
            if (feed.starving) {
                ++counters_.underrunFrames;
                continue;
            }
            const std::size_t take = std::min<std::size_t>(feed.samples.size(), kSamples);
            for (std::size_t i = 0; i < take; ++i)
                sum[i] += feed.samples[i];
            feed.samples.erase(feed.samples.begin(), feed.samples.begin() + static_cast<std::ptrdiff_t>(take));
            if (take < static_cast<std::size_t>(kSamples)) {
                ++counters_.underrunFrames;
                feed.starving = true;
            }
        }
        ++counters_.framesMixed;
    }
    auto mixed = media::AudioFrame::allocate(kSamples);
    auto out = mixed.mutableSamples();
    std::uint64_t clipped = 0;
    for (int i = 0; i < kSamples; ++i) {
        // Saturate: wrapping round would turn two loud voices into a crack.
        const std::int32_t value =
            std::clamp<std::int32_t>(sum[static_cast<std::size_t>(i)], std::numeric_limits<std::int16_t>::min(),
                                     std::numeric_limits<std::int16_t>::max());
        clipped += value != sum[static_cast<std::size_t>(i)] ? 1 : 0;
        out[static_cast<std::size_t>(i)] = static_cast<std::int16_t>(value);
    }
    if (clipped > 0) {
        const std::lock_guard lock(mutex_);
        counters_.clippedSamples += clipped;
    }
    return mixed;
}

AudioMixerCounters AudioMixer::counters() const
{
    const std::lock_guard lock(mutex_);
    AudioMixerCounters counters = counters_;
    counters.feeds = static_cast<int>(feeds_.size());
    for (const auto& [id, feed] : feeds_)
        counters.queuedMs = std::max(counters.queuedMs, static_cast<int>(feed.samples.size()) / kSamplesPerMs);
    return counters;
}

} // namespace spoke::call
