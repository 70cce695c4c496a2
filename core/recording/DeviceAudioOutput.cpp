#include "recording/DeviceAudioOutput.h"

#include "media/AudioFrame.h"
#include "media/MediaError.h"
#include "util/ThreadName.h"

#include <algorithm>

namespace spoke::recording {

namespace {

constexpr std::size_t kQueueCapacitySamples = AudioOutput::kSampleRateHz / 10; // 100 ms
constexpr int kChunkSamples = AudioOutput::kSampleRateHz / 50; // 20 ms per device write

} // namespace

DeviceAudioOutput::DeviceAudioOutput(std::unique_ptr<media::AudioSink> sink)
    : sink_(std::move(sink))
    , reportedAt_(std::chrono::steady_clock::now())
{
    device_ = std::thread([this] {
        util::setCurrentThreadName("audio-out");
        run();
    });
}

DeviceAudioOutput::~DeviceAudioOutput()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    sink_->interrupt();
    changed_.notify_all();
    device_.join();
}

void DeviceAudioOutput::run()
{
    for (;;) {
        media::AudioFrame chunk;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [this] { return stopping_ || aborted_ || (!paused_ && !queue_.empty()); });
            if (stopping_ || aborted_)
                return;
            const int samples = static_cast<int>(std::min<std::size_t>(queue_.size(), kChunkSamples));
            chunk = media::AudioFrame::allocate(samples);
            auto out = chunk.mutableSamples();
            std::copy_n(queue_.begin(), samples, out.begin());
            queue_.erase(queue_.begin(), queue_.begin() + samples);
        }
        changed_.notify_all(); // room for the player
        try {
            // Blocks about as long as the device needs: this thread's pace.
            if (!sink_->write(chunk))
                return;
            const auto report = sink_->samplesPlayed();
            std::lock_guard lock(mutex_);
            handed_ += chunk.sampleCount();
            devicePlayed_ =
                report.value_or(std::max<std::int64_t>(0, handed_ - kAssumedLatencyMs * kSampleRateHz / 1000));
            reportedAt_ = std::chrono::steady_clock::now();
        } catch (const media::MediaError& failure) {
            std::lock_guard lock(mutex_);
            error_ = failure.what();
            aborted_ = true;
            changed_.notify_all();
            return;
        }
    }
}

bool DeviceAudioOutput::write(std::span<const std::int16_t> interleaved)
{
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] {
        return aborted_ || stopping_ || queue_.empty() || queue_.size() + interleaved.size() <= kQueueCapacitySamples;
    });
    if (aborted_ || stopping_)
        return false;
    queue_.insert(queue_.end(), interleaved.begin(), interleaved.end());
    written_ += static_cast<std::int64_t>(interleaved.size());
    changed_.notify_all();
    return true;
}

std::int64_t DeviceAudioOutput::writtenFrames() const
{
    std::lock_guard lock(mutex_);
    return written_;
}

std::int64_t DeviceAudioOutput::playedLocked() const
{
    // The device keeps playing between reports; it never plays more than it
    // was given.
    const auto sinceReportUs =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - reportedAt_).count();
    const std::int64_t deviceNow = std::min(handed_, devicePlayed_ + sinceReportUs * kSampleRateHz / 1'000'000);
    // Sound handed over before the last flush still plays out first; the
    // clock moves on only once the device is past it.
    const std::int64_t sinceFlush = std::max<std::int64_t>(0, deviceNow - handedAtFlush_);
    return std::min(written_, playedAtFlush_ + sinceFlush);
}

std::int64_t DeviceAudioOutput::playedFrames() const
{
    std::lock_guard lock(mutex_);
    return playedLocked();
}

void DeviceAudioOutput::setPaused(bool paused)
{
    {
        std::lock_guard lock(mutex_);
        paused_ = paused;
    }
    changed_.notify_all();
}

void DeviceAudioOutput::flush()
{
    {
        std::lock_guard lock(mutex_);
        const std::int64_t now = playedLocked();
        queue_.clear();
        written_ = now;
        playedAtFlush_ = now;
        handedAtFlush_ = handed_;
    }
    changed_.notify_all();
}

void DeviceAudioOutput::abort()
{
    {
        std::lock_guard lock(mutex_);
        aborted_ = true;
    }
    sink_->interrupt();
    changed_.notify_all();
}

std::string DeviceAudioOutput::error() const
{
    std::lock_guard lock(mutex_);
    return error_;
}

} // namespace spoke::recording
