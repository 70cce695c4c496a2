#pragma once

#include "media/AudioFrame.h"

#include <QtGlobal>

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>

namespace spoke::call {

struct AudioMixerCounters {
    std::uint64_t framesMixed = 0; // 20 ms mixes handed out
    std::uint64_t underrunFrames = 0; // per feed: a 20 ms share that had to be (partly) silence
    std::uint64_t droppedMs = 0; // oldest audio thrown away because a feed's FIFO was full
    std::uint64_t clippedSamples = 0; // sums that hit full scale and were held there
    int feeds = 0;
    int queuedMs = 0; // the fullest feed's FIFO right now
};

// Remote participants' sound, summed for one speaker. Each feed (Janus feed
// id) has a bounded FIFO its receive thread pushes decoded 20 ms frames
// into; the playout thread takes 20 ms from every FIFO per mix. The feeds'
// clocks (their jitter-buffer ticks) and the sound card's drift apart, so a
// FIFO that grows past maxQueuedMs loses its oldest audio (counted) and one
// that runs dry plays silence (counted) until it holds prebufferMs again,
// which keeps two 20 ms clocks with a little phase jitter from starving on
// every other tick. Thread-safe: every method takes one short lock.
class AudioMixer {
public:
    struct Config {
        int prebufferMs = 40;
        int maxQueuedMs = 120;
    };

    AudioMixer();
    explicit AudioMixer(Config config);

    // Any thread (a feed's receive thread). Frames of any length are accepted.
    void push(quint64 feedId, const media::AudioFrame& frame);
    // A participant left: its FIFO and whatever it still held go.
    void removeFeed(quint64 feedId);
    // The next 20 ms of the mix: every feed's share summed with saturation.
    // With no feeds at all this is silence.
    media::AudioFrame mixNext();

    AudioMixerCounters counters() const;

private:
    struct Feed {
        std::deque<std::int16_t> samples;
        bool starving = true; // waiting for prebufferMs before it plays again
    };

    Config config_;
    mutable std::mutex mutex_;
    std::map<quint64, Feed> feeds_;
    AudioMixerCounters counters_;
};

} // namespace spoke::call
