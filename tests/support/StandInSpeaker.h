#pragma once

#include "media/AudioFrame.h"
#include "media/MediaError.h"
#include "media/devices/AudioSink.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <span>
#include <thread>
#include <utility>
#include <vector>

namespace spoke::test {

// Stands in for the sound card (there is none here): plays 48 kHz in real
// time from the first write, keeps a 40 ms buffer, reports what it played
// like ALSA's output timestamp, records every sample with the steady-clock
// ms each write arrived, can be unplugged after a number of samples, and
// can hand what it plays to an echo path. Written on one playout thread;
// the recording may be read from any.
class StandInSpeaker final : public media::AudioSink {
public:
    struct Options {
        std::int64_t unplugAfterSamples = -1;
        std::function<void(std::span<const std::int16_t>)> onPlayed; // e.g. into a room's echo path
        std::function<void()> onInterrupted;
    };

    StandInSpeaker() : StandInSpeaker(Options{}) { }
    // Unplugged (the next write throws DeviceLost) once this many samples were written.
    explicit StandInSpeaker(std::int64_t unplugAfterSamples) : StandInSpeaker(unplugging(unplugAfterSamples)) { }
    explicit StandInSpeaker(Options options) : options_(std::move(options)) { info_.name = "stand-in speaker"; }

    const media::DeviceInfo& device() const override { return info_; }

    bool write(const media::AudioFrame& frame) override
    {
        if (interrupted_)
            return false;
        if (options_.unplugAfterSamples >= 0 && written_ >= options_.unplugAfterSamples)
            throw media::MediaError(media::MediaErrorKind::DeviceLost, "The speaker \"stand-in\" was unplugged");
        if (written_ == 0)
            started_ = Clock::now();
        {
            const std::lock_guard lock(mutex_);
            const auto samples = frame.samples();
            samples_.insert(samples_.end(), samples.begin(), samples.end());
            writeTimesMs_.push_back(
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch()).count());
        }
        if (options_.onPlayed)
            options_.onPlayed(frame.samples());
        written_ += frame.sampleCount();
        while (!interrupted_ && written_ - played() > kBufferSamples)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        return !interrupted_;
    }
    void drain() override { }
    void interrupt() override
    {
        interrupted_ = true;
        if (options_.onInterrupted)
            options_.onInterrupted();
    }
    std::optional<std::int64_t> samplesPlayed() override { return played(); }

    std::vector<std::int16_t> samples() const
    {
        const std::lock_guard lock(mutex_);
        return samples_;
    }
    // Every sample, and when each write arrived (steady clock, ms since its epoch).
    std::pair<std::vector<std::int16_t>, std::vector<std::int64_t>> recording() const
    {
        const std::lock_guard lock(mutex_);
        return {samples_, writeTimesMs_};
    }

private:
    static Options unplugging(std::int64_t samples)
    {
        Options options;
        options.unplugAfterSamples = samples;
        return options;
    }

    using Clock = std::chrono::steady_clock;
    static constexpr std::int64_t kBufferSamples = 48 * 40;

    std::int64_t played() const
    {
        if (written_ == 0)
            return 0;
        const auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started_).count();
        return std::min<std::int64_t>(written_, us * 48 / 1000);
    }

    Options options_;
    media::DeviceInfo info_{};
    std::atomic<std::int64_t> written_{0};
    Clock::time_point started_;
    std::atomic<bool> interrupted_{false};
    mutable std::mutex mutex_;
    std::vector<std::int16_t> samples_;
    std::vector<std::int64_t> writeTimesMs_;
};

} // namespace spoke::test
