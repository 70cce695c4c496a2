#pragma once

#include "media/AudioFrame.h"
#include "media/devices/AudioSink.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace spoke::media {

class DeviceRegistry;

// How a playback ended, as a kind the caller words (core builds no
// sentences; see MicrophoneEvent).
struct PlaybackOutcome {
    enum class Kind {
        Played, // every frame written and drained
        NoSpeaker, // no id was given: nothing to play on
        DeviceMissing, // no such speaker: MediaErrorKind::DeviceNotFound
        OpenFailed, // the speaker or its sound server refused to open
        DeviceLost, // it stopped taking samples mid-way
    };
    Kind kind = Kind::Played;
    std::string detail; // the backend's own words (MediaError::what()); empty for Played/NoSpeaker

    bool ok() const { return kind == Kind::Played; }
};

const char* toString(PlaybackOutcome::Kind kind);

// Plays a short recording (a "test my audio" take, a test tone) to a
// speaker on its own thread. The sound card paces the writes, so the thread
// blocks in AudioSink::write() and nothing here waits on the caller.
//
// Threading: `done` runs once on the playback thread with the outcome,
// unless the playback is destroyed first (then it may not run at all).
// Construct and destroy on one thread; the destructor interrupts the sink
// and joins, and `done` never runs after it returns.
class AudioPlayback {
public:
    using DoneFn = std::function<void(const PlaybackOutcome& outcome)>;

    AudioPlayback(std::shared_ptr<const DeviceRegistry> registry, std::string speakerId,
                  std::vector<AudioFrame> recording, DoneFn done);
    ~AudioPlayback();
    AudioPlayback(const AudioPlayback&) = delete;
    AudioPlayback& operator=(const AudioPlayback&) = delete;

private:
    void run();
    AudioSink* open();

    std::shared_ptr<const DeviceRegistry> registry_;
    std::string speakerId_;
    std::vector<AudioFrame> recording_;
    DoneFn done_;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_; // guards sink_ against interrupt() from the owner
    std::unique_ptr<AudioSink> sink_;
    std::thread thread_;
};

} // namespace spoke::media
