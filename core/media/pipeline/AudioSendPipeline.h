#pragma once

#include "media/BoundedQueue.h"
#include "media/audio/AudioProcessor.h"
#include "media/audio/OpusVoiceEncoder.h"
#include "media/devices/AudioSource.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace spoke::media {

// One Opus packet with what the RTP sender needs: capture time (for the RTP
// timestamp and lip sync with video), the source's frame sequence, and
// whether it is a DTX "still silent" packet the sender may skip.
struct EncodedAudio {
    std::vector<std::uint8_t> data;
    std::int64_t captureTimeUs = 0;
    std::int64_t sequence = 0;
    bool dtx = false;
};

struct AudioSendStats {
    std::uint64_t framesCaptured = 0;
    std::uint64_t packetsEncoded = 0;
    std::uint64_t dtxPackets = 0;
    std::uint64_t outputDropped = 0;
    std::uint64_t sourceErrors = 0;
    std::string lastError;
};

// microphone → AEC/NS/AGC → Opus on one thread of its own (20 ms of work
// is well under a millisecond), packets out through a bounded queue. A
// microphone that fails is reported in stats() and the thread ends; the
// caller picks another device. Control methods are thread-safe;
// setOutputReady() belongs to the creating thread and its callback runs on
// the pipeline's thread after each packet is in output() (hand off only), so
// the consumer need not poll.
class AudioSendPipeline {
public:
    struct Config {
        OpusVoiceConfig opus;
        std::optional<AudioProcessingSwitches> processing = AudioProcessingSwitches{}; // nullopt: raw microphone
        std::size_t outputQueueCapacity = 50; // one second
    };

    AudioSendPipeline(std::unique_ptr<AudioSource> source, const Config& config);
    ~AudioSendPipeline();
    AudioSendPipeline(const AudioSendPipeline&) = delete;
    AudioSendPipeline& operator=(const AudioSendPipeline&) = delete;

    void start();
    void stop();

    BoundedQueue<EncodedAudio>& output() { return output_; }
    void setOutputReady(std::function<void()> ready); // before start()
    void setBitrateBps(int bitrateBps) { pendingBitrateBps_ = bitrateBps; }
    void setExpectedLossPercent(int percent) { pendingLossPercent_ = percent; }
    // What the speaker is about to play, as the echo canceller's reference,
    // and how long the speaker and microphone take between them (ms). Any
    // thread (the call's playout thread); no-ops for a raw (unprocessed)
    // source.
    void processFarEnd(std::span<const std::int16_t> samples);
    void setEchoDelayMs(int delayMs) { pendingEchoDelayMs_ = delayMs; }

    AudioSendStats stats() const;

private:
    void run();

    ThreadAffinity affinity_;
    std::unique_ptr<AudioSource> source_;
    OpusVoiceEncoder encoder_;
    std::unique_ptr<AudioProcessor> processor_;
    BoundedQueue<EncodedAudio> output_;
    std::function<void()> outputReady_;
    std::thread thread_;
    std::atomic<bool> started_{false};
    std::atomic<int> pendingBitrateBps_{0};
    std::atomic<int> pendingLossPercent_{-1};
    std::atomic<int> pendingEchoDelayMs_{-1};
    std::atomic<std::uint64_t> framesCaptured_{0};
    std::atomic<std::uint64_t> packetsEncoded_{0};
    std::atomic<std::uint64_t> dtxPackets_{0};
    std::atomic<std::uint64_t> sourceErrors_{0};
    mutable std::mutex errorMutex_;
    std::string lastError_;
};

} // namespace spoke::media
