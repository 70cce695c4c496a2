#include "call/AudioPlayout.h"

#include "media/MediaError.h"
#include "util/ThreadName.h"

#include <algorithm>

namespace spoke::call {

namespace {

constexpr int kSamplesPerMs = media::AudioFrame::kSampleRateHz / 1000;
// What a sound server typically keeps queued when the backend reports
// nothing (PulseAudio's default target is 2-4 fragments of ~25 ms).
constexpr int kAssumedDeviceLatencyMs = 60;

} // namespace

AudioPlayout::AudioPlayout(std::unique_ptr<media::AudioSink> sink, AudioMixer::Config mixerConfig, Callbacks callbacks)
    : sink_(std::move(sink))
    , mixer_(mixerConfig)
    , callbacks_(std::move(callbacks))
{
    if (!sink_)
        throw media::MediaError(media::MediaErrorKind::InvalidArgument, "Playout needs a speaker");
}

AudioPlayout::~AudioPlayout()
{
    // The last owner may be a feed's tap on another thread; by then stop()
    // has normally run, and running this again is harmless.
    shutdown();
}

void AudioPlayout::start()
{
    affinity_.assertOwner();
    if (running_.exchange(true))
        return;
    thread_ = std::thread([this] {
        util::setCurrentThreadName("playout");
        run();
    });
}

void AudioPlayout::stop()
{
    affinity_.assertOwner();
    shutdown();
}

void AudioPlayout::shutdown()
{
    running_ = false;
    sink_->interrupt();
    if (thread_.joinable())
        thread_.join();
}

void AudioPlayout::push(quint64 feedId, const media::AudioFrame& frame)
{
    if (ended_)
        return; // nobody would ever take it out
    mixer_.push(feedId, frame);
}

void AudioPlayout::run()
{
    std::int64_t handed = 0;
    while (running_) {
        const media::AudioFrame mixed = mixer_.mixNext();
        try {
            if (callbacks_.farEnd)
                callbacks_.farEnd(mixed.samples(), deviceLatencyMs_.load());
            // Blocks until the card has room: this thread's only pace.
            if (!sink_->write(mixed))
                break; // interrupted: stop() is under way
            handed += mixed.sampleCount();
            ++framesPlayed_;
            if (const auto played = sink_->samplesPlayed())
                deviceLatencyMs_ = static_cast<int>(std::max<std::int64_t>(0, handed - *played) / kSamplesPerMs);
        } catch (const media::MediaError& failure) {
            // The device's reason only: the caller words it (call::CallEvent).
            const std::string why = failure.what();
            {
                const std::lock_guard lock(errorMutex_);
                error_ = why;
            }
            ended_ = true;
            if (callbacks_.stopped)
                callbacks_.stopped(why);
            return;
        }
    }
}

PlayoutStats AudioPlayout::stats() const
{
    const auto counters = mixer_.counters();
    PlayoutStats stats;
    stats.device = QString::fromStdString(sink_->device().name);
    stats.framesPlayed = framesPlayed_.load();
    stats.underrunFrames = counters.underrunFrames;
    stats.droppedMs = counters.droppedMs;
    stats.clippedSamples = counters.clippedSamples;
    stats.queuedMs = counters.queuedMs;
    stats.deviceLatencyMs = deviceLatencyMs_.load();
    const std::lock_guard lock(errorMutex_);
    stats.error = QString::fromStdString(error_);
    return stats;
}

int AudioPlayout::outputLatencyMs() const
{
    const int device = deviceLatencyMs_.load();
    return mixer_.counters().queuedMs + (device >= 0 ? device : kAssumedDeviceLatencyMs);
}

} // namespace spoke::call
