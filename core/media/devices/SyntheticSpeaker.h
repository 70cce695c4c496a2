#pragma once

#include "media/devices/AudioSink.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace spoke::media {

// The synthetic speaker: plays nothing, but takes samples at a sound card's
// pace (48 kHz from the first write, with kBufferMs queued ahead, like a
// small ALSA buffer), so playout code, `spoke-cli devices test-audio` and
// tests run headless on machines without a sound card exactly as they
// would with one. Owned by one playout thread; interrupt() from any.
class SyntheticSpeaker final : public AudioSink {
public:
    static constexpr int kBufferMs = 40;

    SyntheticSpeaker();

    static DeviceInfo deviceInfo();

    const DeviceInfo& device() const override { return info_; }
    bool write(const AudioFrame& frame) override;
    void drain() override;
    void interrupt() override;
    std::optional<std::int64_t> samplesPlayed() override { return playedBy(nowUs()); }

private:
    static std::int64_t nowUs();
    std::int64_t playedBy(std::int64_t atUs) const;
    // Blocks until at most `queuedSamples` are still waiting to be played;
    // false if interrupted first.
    bool waitUntilQueued(std::int64_t queuedSamples);

    DeviceInfo info_;
    std::int64_t startUs_ = -1;
    std::int64_t written_ = 0;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::atomic<bool> interrupted_{false};
};

} // namespace spoke::media
