#pragma once

#include "media/AudioFrame.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <memory>
#include <span>

namespace spoke::media {

struct AudioProcessingSwitches {
    bool echoCancellation = true;
    bool noiseSuppression = true;
    bool gainControl = true;
};

// Echo cancellation, noise suppression and automatic gain control from
// webrtc-audio-processing (the AudioProcessing module of libwebrtc 0.3),
// each switchable while running: users on headsets ask to turn them off.
// The far end (what the speaker plays) goes in through processFarEnd(), the
// microphone through processNearEnd(), both 48 kHz mono 20 ms frames.
// processFarEnd() may be called from the playout thread (the module locks
// internally); everything else belongs to the capture thread (asserted).
class AudioProcessor {
public:
    explicit AudioProcessor(const AudioProcessingSwitches& switches = {});
    ~AudioProcessor();
    AudioProcessor(const AudioProcessor&) = delete;
    AudioProcessor& operator=(const AudioProcessor&) = delete;

    void setSwitches(const AudioProcessingSwitches& switches);
    const AudioProcessingSwitches& switches() const { return switches_; }

    // Delay between a far-end frame going in here and its echo reaching
    // processNearEnd(): the sound card's output plus input latency. The
    // canceller searches around it.
    void setStreamDelayMs(int delayMs);

    void processFarEnd(std::span<const std::int16_t> samples);
    // Cleans the microphone frame in place. Throws MediaError(Codec) if the
    // module rejects the frame.
    void processNearEnd(AudioFrame& frame);

    void moveToCurrentThread() { affinity_.rebindToCurrentThread(); }

private:
    struct Module;
    ThreadAffinity affinity_;
    AudioProcessingSwitches switches_;
    std::unique_ptr<Module> module_;
    int streamDelayMs_ = 50;
};

} // namespace spoke::media
