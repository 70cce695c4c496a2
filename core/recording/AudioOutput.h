#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <span>

namespace spoke::recording {

// Where the player sends sound: 48 kHz signed 16-bit interleaved. The
// device's progress is the player's master clock, so an output must report
// honestly how many frames (samples per channel) it has played. write()
// blocks while the device buffer is full; that back-pressure paces the
// audio thread. Called from the player's audio thread; pause(), flush() and
// abort() from the control thread. Implementations are thread-safe.
class AudioOutput {
public:
    static constexpr int kSampleRateHz = 48000;

    virtual ~AudioOutput() = default;
    virtual int channels() const = 0;
    // False once aborted.
    virtual bool write(std::span<const std::int16_t> interleaved) = 0;
    virtual std::int64_t writtenFrames() const = 0;
    virtual std::int64_t playedFrames() const = 0;
    virtual void setPaused(bool paused) = 0;
    // Drops what is buffered but not played (a seek).
    virtual void flush() = 0;
    virtual void abort() = 0;
};

// A sound card that plays into nothing, in real time: frames leave its
// 100 ms buffer at 48 kHz of steady-clock time while not paused, and it
// starves (plays silence, the count stands still) when not fed. Used by the
// CLI's --null-output, benchmarks and tests; the tap sees every sample
// written, so a test can check the pitch of what would have been heard.
class NullAudioOutput final : public AudioOutput {
public:
    using Tap = std::function<void(std::span<const std::int16_t>)>;

    explicit NullAudioOutput(int channels = 2, std::chrono::milliseconds buffer = std::chrono::milliseconds(100));

    void setTap(Tap tap); // call before playback starts

    int channels() const override { return channels_; }
    bool write(std::span<const std::int16_t> interleaved) override;
    std::int64_t writtenFrames() const override;
    std::int64_t playedFrames() const override;
    void setPaused(bool paused) override;
    void flush() override;
    void abort() override;

private:
    void advanceLocked() const;

    const int channels_;
    const std::int64_t bufferFrames_;
    Tap tap_;
    mutable std::mutex mutex_;
    std::condition_variable drained_;
    std::int64_t written_ = 0;
    mutable std::int64_t played_ = 0;
    mutable double playedFraction_ = 0;
    mutable std::chrono::steady_clock::time_point lastAdvance_;
    bool paused_ = false;
    bool aborted_ = false;
};

} // namespace spoke::recording
