#include "viewmodels/MicrophoneMonitor.h"

#include "media/MediaError.h"
#include "media/devices/DeviceRegistry.h"

namespace spoke::ui {

MicrophoneMonitor::MicrophoneMonitor(std::shared_ptr<const media::DeviceRegistry> registry, std::string microphoneId,
                                     media::AudioProcessingSwitches switches, Callbacks callbacks)
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

void MicrophoneMonitor::setSwitches(media::AudioProcessingSwitches switches)
{
    std::lock_guard lock(mutex_);
    switches_ = switches;
    switchesChanged_ = true;
}

void MicrophoneMonitor::record(int frames)
{
    QString failure;
    {
        std::lock_guard lock(mutex_);
        if (!failed_) {
            framesToRecord_ = frames;
            return;
        }
        failure = failure_;
    }
    callbacks_.recorded({}, failure);
}

void MicrophoneMonitor::fail(const QString& message)
{
    {
        std::lock_guard lock(mutex_);
        failed_ = true;
        failure_ = message;
        source_.reset();
    }
    callbacks_.message(message, false);
    callbacks_.level({});
}

void MicrophoneMonitor::run()
{
    if (microphoneId_.empty()) {
        fail(tr("No microphone was found. Connect a microphone or a headset."));
        return;
    }
    try {
        auto source = registry_->openAudio(microphoneId_);
        std::lock_guard lock(mutex_);
        source_ = std::move(source);
        if (stopping_)
            source_->interrupt();
    } catch (const media::MediaError& error) {
        fail(tr("The microphone could not be opened: %1. No sound is being picked up.")
                 .arg(QString::fromUtf8(error.what())));
        return;
    }
    callbacks_.message({}, true);

    // Built here: the processor belongs to the thread that feeds it.
    std::unique_ptr<media::AudioProcessor> processor;
    std::vector<media::AudioFrame> recording;
    int wanted = 0;
    media::AudioLevelMeter meter;
    while (!stopping_) {
        media::AudioFrame frame;
        try {
            frame = source_->read();
        } catch (const media::MediaError& error) {
            const QString message = tr("The microphone stopped: %1.").arg(QString::fromUtf8(error.what()));
            fail(message);
            if (wanted > 0)
                callbacks_.recorded({}, message);
            return;
        }
        if (frame.isNull())
            return; // interrupted

        meter.add(frame.samples());
        if (meter.pendingSamples() >= kLevelIntervalSamples)
            callbacks_.level(meter.take());

        bool changed = false;
        media::AudioProcessingSwitches switches;
        {
            std::lock_guard lock(mutex_);
            if (wanted == 0 && framesToRecord_ > 0) {
                wanted = framesToRecord_;
                framesToRecord_ = 0;
                recording.clear();
            }
            changed = switchesChanged_;
            switchesChanged_ = false;
            switches = switches_;
        }
        if (wanted == 0)
            continue;
        try {
            if (!processor)
                processor = std::make_unique<media::AudioProcessor>(switches);
            else if (changed)
                processor->setSwitches(switches);
            media::AudioFrame processed = frame; // the meter keeps reading the raw input
            processor->processNearEnd(processed);
            recording.push_back(std::move(processed));
        } catch (const media::MediaError& error) {
            wanted = 0;
            callbacks_.recorded({}, tr("Audio processing failed: %1").arg(QString::fromUtf8(error.what())));
            continue;
        }
        callbacks_.recordingProgress(static_cast<int>(recording.size()));
        if (static_cast<int>(recording.size()) >= wanted) {
            wanted = 0;
            callbacks_.recorded(std::move(recording), {});
            recording = {};
        }
    }
}

} // namespace spoke::ui
