#pragma once

#include "media/devices/AudioSink.h"
#include "recording/AudioOutput.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace spoke::recording {

// The player's sound through a real speaker (a core/media AudioSink, mono).
// A device thread of its own owns the sink, so the player may restart its
// audio thread after a seek without handing the device between threads;
// write() queues up to about 100 ms and blocks beyond that, which paces the
// player. The clock is what the device reports as played (ALSA/PulseAudio
// output timestamps), extrapolated at 48 kHz between reports; a device that
// reports nothing is assumed to lag by kAssumedLatencyMs.
//
// Limits of libavdevice outputs, accepted: a pause or a seek cannot empty the
// device's own buffer, so up to that buffer's length of the old sound still
// plays after them, and the clock counts it. A device that fails mid-play
// (unplugged headset) ends the sound: write() returns false, the player
// goes on without audio, and error() says why.
class DeviceAudioOutput final : public AudioOutput {
public:
    static constexpr int kAssumedLatencyMs = 60;

    explicit DeviceAudioOutput(std::unique_ptr<media::AudioSink> sink);
    ~DeviceAudioOutput() override;
    DeviceAudioOutput(const DeviceAudioOutput&) = delete;
    DeviceAudioOutput& operator=(const DeviceAudioOutput&) = delete;

    int channels() const override { return 1; }
    bool write(std::span<const std::int16_t> interleaved) override;
    std::int64_t writtenFrames() const override;
    std::int64_t playedFrames() const override;
    void setPaused(bool paused) override;
    void flush() override;
    void abort() override;

    // Why the device stopped playing; empty while it works.
    std::string error() const;

private:
    void run();
    std::int64_t playedLocked() const;

    std::unique_ptr<media::AudioSink> sink_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::int16_t> queue_;
    std::int64_t written_ = 0; // frames accepted from the player (after flush: re-based)
    std::int64_t handed_ = 0; // samples given to the device
    std::int64_t devicePlayed_ = 0; // the device's last report
    std::chrono::steady_clock::time_point reportedAt_;
    std::int64_t playedAtFlush_ = 0; // clock value when the last flush happened
    std::int64_t handedAtFlush_ = 0;
    bool paused_ = false;
    bool aborted_ = false;
    bool stopping_ = false;
    std::string error_;
    std::thread device_;
};

} // namespace spoke::recording
