#include "media/audio/MicrophoneMonitor.h"

#include "media/MediaError.h"
#include "media/devices/DeviceRegistry.h"

namespace spoke::media {

const char* toString(MicrophoneEvent::Kind kind)
{
    switch (kind) {
    case MicrophoneEvent::Kind::Running: return "running";
    case MicrophoneEvent::Kind::NoMicrophone: return "no-microphone";
    case MicrophoneEvent::Kind::DeviceMissing: return "device-missing";
    case MicrophoneEvent::Kind::OpenFailed: return "open-failed";
    case MicrophoneEvent::Kind::DeviceLost: return "device-lost";
    case MicrophoneEvent::Kind::ProcessingFailed: return "processing-failed";
    }
    return "unknown";
}

// The recording in progress, owned by the monitor thread.
struct MicrophoneMonitor::Recording {
    // Built on first use: the processor belongs to the thread that feeds it.
    std::unique_ptr<AudioProcessor> processor;
    std::vector<AudioFrame> frames;
    int wanted = 0; // 0: not recording
};

MicrophoneMonitor::MicrophoneMonitor(std::shared_ptr<const DeviceRegistry> registry, std::string microphoneId,
                                     AudioProcessingSwitches switches, Callbacks callbacks)
    : registry_(std::move(registry))
    , microphoneId_(std::move(microphoneId))
    , callbacks_(std::move(callbacks))
    , switches_(switches)
{
    thread_ = std::thread([this] { run(); });
}

MicrophoneMonitor::~MicrophoneMonitor()
{
    stopping_ = true;
    {
        std::lock_guard lock(mutex_);
        if (source_)
            source_->interrupt();
    }
    thread_.join();
}

void MicrophoneMonitor::setSwitches(AudioProcessingSwitches switches)
{
    std::lock_guard lock(mutex_);
    switches_ = switches;
    switchesChanged_ = true;
}

void MicrophoneMonitor::record(int frames)
{
    std::optional<MicrophoneEvent> failure;
    {
        std::lock_guard lock(mutex_);
        if (!failure_) {
            framesToRecord_ = frames;
            return;
        }
        failure = failure_;
    }
    if (callbacks_.recorded)
        callbacks_.recorded({}, std::move(failure));
}

void MicrophoneMonitor::fail(MicrophoneEvent event, bool recordingWanted)
{
    {
        std::lock_guard lock(mutex_);
        failure_ = event;
        source_.reset();
        // A record() that arrived before the failure is answered here; one
        // after it is answered by record() itself.
        recordingWanted = recordingWanted || framesToRecord_ > 0;
        framesToRecord_ = 0;
    }
    if (callbacks_.state)
        callbacks_.state(event);
    if (callbacks_.level)
        callbacks_.level({});
    if (recordingWanted && callbacks_.recorded)
        callbacks_.recorded({}, std::move(event));
}

bool MicrophoneMonitor::open()
{
    if (microphoneId_.empty()) {
        fail({MicrophoneEvent::Kind::NoMicrophone, {}}, false);
        return false;
    }
    try {
        auto source = registry_->openAudio(microphoneId_);
        std::lock_guard lock(mutex_);
        source_ = std::move(source);
        if (stopping_)
            source_->interrupt();
    } catch (const MediaError& error) {
        const auto kind = error.kind() == MediaErrorKind::DeviceNotFound ? MicrophoneEvent::Kind::DeviceMissing
                                                                         : MicrophoneEvent::Kind::OpenFailed;
        fail({kind, error.what()}, false);
        return false;
    }
    if (callbacks_.state)
        callbacks_.state({MicrophoneEvent::Kind::Running, {}});
    return true;
}

void MicrophoneMonitor::recordFrame(const AudioFrame& frame, Recording& recording)
{
    bool changed = false;
    AudioProcessingSwitches switches;
    {
        std::lock_guard lock(mutex_);
        if (recording.wanted == 0 && framesToRecord_ > 0) {
            recording.wanted = framesToRecord_;
            framesToRecord_ = 0;
            recording.frames.clear();
        }
        changed = switchesChanged_;
        switchesChanged_ = false;
        switches = switches_;
    }
    if (recording.wanted == 0)
        return;
    try {
        if (!recording.processor)
            recording.processor = std::make_unique<AudioProcessor>(switches);
        else if (changed)
            recording.processor->setSwitches(switches);
        AudioFrame processed = frame; // the meter keeps reading the raw input
        recording.processor->processNearEnd(processed);
        recording.frames.push_back(std::move(processed));
    } catch (const MediaError& error) {
        recording.wanted = 0;
        if (callbacks_.recorded)
            callbacks_.recorded({}, MicrophoneEvent{MicrophoneEvent::Kind::ProcessingFailed, error.what()});
        return;
    }
    if (callbacks_.recordingProgress)
        callbacks_.recordingProgress(static_cast<int>(recording.frames.size()));
    if (static_cast<int>(recording.frames.size()) >= recording.wanted) {
        recording.wanted = 0;
        if (callbacks_.recorded)
            callbacks_.recorded(std::move(recording.frames), std::nullopt);
        recording.frames = {};
    }
}

void MicrophoneMonitor::run()
{
    if (!open())
        return;
    Recording recording;
    AudioLevelMeter meter;
    while (!stopping_) {
        AudioFrame frame;
        try {
            frame = source_->read(); // blocks until the device delivers 20 ms
        } catch (const MediaError& error) {
            fail({MicrophoneEvent::Kind::DeviceLost, error.what()}, recording.wanted > 0);
            return;
        }
        if (frame.isNull())
            return; // interrupted
        meter.add(frame.samples());
        if (meter.pendingSamples() >= kLevelIntervalSamples) {
            const AudioLevel level = meter.take();
            if (callbacks_.level)
                callbacks_.level(level);
        }
        recordFrame(frame, recording);
    }
}

} // namespace spoke::media
