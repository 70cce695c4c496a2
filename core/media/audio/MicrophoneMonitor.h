#pragma once

#include "media/AudioFrame.h"
#include "media/audio/AudioLevel.h"
#include "media/audio/AudioProcessor.h"
#include "media/devices/AudioSource.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace spoke::media {

class DeviceRegistry;

// What happened to the monitored microphone, as a kind the caller words for
// its own audience (the Settings page translates it, spoke-cli prints it):
// core builds no sentences (docs/architecture.md, "The engine speaks in
// typed events").
struct MicrophoneEvent {
    enum class Kind {
        Running, // opened and delivering
        NoMicrophone, // no id was given: nothing to open
        DeviceMissing, // no such device (unplugged, wrong id): MediaErrorKind::DeviceNotFound
        OpenFailed, // the device exists but refused to open
        DeviceLost, // it stopped delivering mid-stream
        ProcessingFailed, // the echo canceller / noise suppressor rejected a frame
    };
    Kind kind = Kind::Running;
    std::string detail; // the backend's or library's own words (MediaError::what()); empty for Running/NoMicrophone
};

const char* toString(MicrophoneEvent::Kind kind);

// Reads one microphone on its own thread, reports its level (RMS and peak of
// the raw input, so a meter shows what the microphone hears) once at least
// kLevelIntervalSamples have been read (whole 20 ms frames: about 12 times
// a second), and on request records a number of 20 ms frames
// through the echo canceller, noise suppressor and gain control. A
// microphone that is missing, refuses to open or stops is reported as a
// MicrophoneEvent and the monitor goes quiet: never a crash or a stall.
// The thread blocks in AudioSource::read() (the device paces it); it never
// polls or sleeps.
//
// Threading: `state`, `level`, `recordingProgress` and `recorded` run on
// the monitor thread, except that record() on a monitor whose microphone has
// already failed calls `recorded` at once on the caller's thread. Callbacks
// may be empty. setSwitches() and record() are thread-safe. Construct and
// destroy on one thread; the destructor interrupts the read and joins, and
// no callback runs after it returns.
class MicrophoneMonitor {
public:
    static constexpr int kLevelIntervalSamples = AudioFrame::kSampleRateHz / 15;

    struct Callbacks {
        // Running once the device opened, or the failure that silenced it.
        std::function<void(const MicrophoneEvent& event)> state;
        std::function<void(AudioLevel level)> level;
        std::function<void(int recordedFrames)> recordingProgress;
        // The processed recording, or an empty one with the failure.
        std::function<void(std::vector<AudioFrame> recording, std::optional<MicrophoneEvent> failure)> recorded;
    };

    MicrophoneMonitor(std::shared_ptr<const DeviceRegistry> registry, std::string microphoneId,
                      AudioProcessingSwitches switches, Callbacks callbacks);
    ~MicrophoneMonitor();
    MicrophoneMonitor(const MicrophoneMonitor&) = delete;
    MicrophoneMonitor& operator=(const MicrophoneMonitor&) = delete;

    // Takes effect on the next frame.
    void setSwitches(AudioProcessingSwitches switches);
    // Records `frames` 20 ms frames of processed audio, then calls
    // `recorded`. If the microphone is gone, `recorded` gets the failure.
    void record(int frames);

private:
    struct Recording;

    void run();
    bool open();
    void fail(MicrophoneEvent event, bool recordingWanted);
    // Processes the raw frame into the recording while one is wanted; a
    // processing failure abandons that recording and reports it.
    void recordFrame(const AudioFrame& frame, Recording& recording);

    std::shared_ptr<const DeviceRegistry> registry_;
    std::string microphoneId_;
    Callbacks callbacks_;
    std::atomic<bool> stopping_{false};

    std::mutex mutex_; // guards the members below
    std::unique_ptr<AudioSource> source_;
    std::optional<MicrophoneEvent> failure_; // set once run() has ended on a failure
    AudioProcessingSwitches switches_;
    bool switchesChanged_ = false;
    int framesToRecord_ = 0;

    std::thread thread_;
};

} // namespace spoke::media
