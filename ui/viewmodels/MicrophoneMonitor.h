#pragma once

#include "media/AudioFrame.h"
#include "media/audio/AudioLevel.h"
#include "media/audio/AudioProcessor.h"
#include "media/devices/AudioSource.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace spoke::media {
class DeviceRegistry;
}

namespace spoke::ui {

// The Settings page's microphone: reads the chosen microphone on its own
// thread, reports its level (RMS and peak of the raw input, so the meter
// shows what the microphone hears) about 15 times a second, and on request
// records a few seconds through the echo canceller, noise suppressor and
// gain control. A microphone that is missing, refuses to open or stops is
// reported through `onMessage` and the monitor goes quiet (no microphone):
// never a crash or a stall. Callbacks run on the monitor thread. Construct
// and destroy on one thread; the destructor stops and joins.
class MicrophoneMonitor {
    Q_DECLARE_TR_FUNCTIONS(MicrophoneMonitor)
public:
    static constexpr int kLevelIntervalSamples = media::AudioFrame::kSampleRateHz / 15;

    struct Callbacks {
        std::function<void(const QString& message, bool running)> message;
        std::function<void(media::AudioLevel level)> level;
        std::function<void(int recordedFrames)> recordingProgress;
        // The recording, or an empty one with the reason.
        std::function<void(std::vector<media::AudioFrame> recording, const QString& error)> recorded;
    };

    MicrophoneMonitor(std::shared_ptr<const media::DeviceRegistry> registry, std::string microphoneId,
                      media::AudioProcessingSwitches switches, Callbacks callbacks);
    ~MicrophoneMonitor();
    MicrophoneMonitor(const MicrophoneMonitor&) = delete;
    MicrophoneMonitor& operator=(const MicrophoneMonitor&) = delete;

    // Thread-safe; takes effect on the next frame.
    void setSwitches(media::AudioProcessingSwitches switches);
    // Thread-safe. Records `frames` 20 ms frames of processed audio, then
    // calls `recorded`. If the microphone is gone, `recorded` is called at
    // once with the reason.
    void record(int frames);

private:
    void run();
    void fail(const QString& message);

    std::shared_ptr<const media::DeviceRegistry> registry_;
    std::string microphoneId_;
    Callbacks callbacks_;
    std::atomic<bool> stopping_{false};

    std::mutex mutex_; // guards the members below
    std::unique_ptr<media::AudioSource> source_;
    bool failed_ = false; // no microphone: run() has ended
    QString failure_;
    media::AudioProcessingSwitches switches_;
    bool switchesChanged_ = false;
    int framesToRecord_ = 0;

    std::thread thread_;
};

} // namespace spoke::ui
