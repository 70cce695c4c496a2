#pragma once

#include "call/AudioMixer.h"
#include "call/CallStats.h"
#include "media/devices/AudioSink.h"
#include "util/ThreadAffinity.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>

namespace spoke::call {

// Remote participants' sound on the speaker: an AudioMixer the feeds push
// into, and one playout thread of its own that owns the AudioSink. The
// thread is paced by the device (AudioSink::write blocks about as long as
// the card needs), takes one 20 ms mix per write, and hands the very same
// samples to `farEnd` just before they go to the card: the echo canceller's
// reference is what the speaker really plays. The device latency is
// estimated from AudioSink::samplesPlayed (handed to the card minus played);
// a backend that cannot tell leaves it unknown (-1).
//
// A speaker that goes away (MediaError) ends playout, never the call:
// `stopped` gets the reason once, on the playout thread, and pushes are then
// discarded. Threading: construct, start, stop and destroy on one thread
// (asserted); mixer(), removeFeed(), stats() and outputLatencyMs() from any.
class AudioPlayout {
public:
    struct Callbacks {
        // Each mixed 20 ms frame and the device latency (-1: unknown), on
        // the playout thread, before the frame is written. Must be quick.
        std::function<void(std::span<const std::int16_t>, int deviceLatencyMs)> farEnd;
        // Why playout ended early (the device error; CallSession words it as
        // a CallEvent::Kind::SpeakerStopped); on the playout thread.
        std::function<void(const std::string&)> stopped;
    };

    AudioPlayout(std::unique_ptr<media::AudioSink> sink, AudioMixer::Config mixerConfig, Callbacks callbacks);
    ~AudioPlayout();
    AudioPlayout(const AudioPlayout&) = delete;
    AudioPlayout& operator=(const AudioPlayout&) = delete;

    void start();
    void stop(); // interrupts the device and joins the thread; idempotent

    // Feed threads: one decoded frame of participant `feedId`.
    void push(quint64 feedId, const media::AudioFrame& frame);
    void removeFeed(quint64 feedId) { mixer_.removeFeed(feedId); }

    PlayoutStats stats() const;
    // From a frame entering the mixer until it leaves the speaker: the
    // fullest FIFO plus the device's buffer (an assumed figure when the
    // backend cannot tell).
    int outputLatencyMs() const;

private:
    void run();
    void shutdown();

    ThreadAffinity affinity_;
    std::unique_ptr<media::AudioSink> sink_;
    AudioMixer mixer_;
    Callbacks callbacks_;
    std::thread thread_;
    std::atomic<bool> running_{false};
    std::atomic<bool> ended_{false};
    std::atomic<int> deviceLatencyMs_{-1};
    std::atomic<std::uint64_t> framesPlayed_{0};
    mutable std::mutex errorMutex_;
    std::string error_;
};

} // namespace spoke::call
