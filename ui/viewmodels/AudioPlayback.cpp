#include "viewmodels/AudioPlayback.h"

#include "media/MediaError.h"
#include "media/devices/DeviceRegistry.h"

namespace spoke::ui {

AudioPlayback::AudioPlayback(std::shared_ptr<const media::DeviceRegistry> registry, std::string speakerId,
                             std::vector<media::AudioFrame> recording, DoneFn done)
    : registry_(std::move(registry))
    , speakerId_(std::move(speakerId))
    , recording_(std::move(recording))
    , done_(std::move(done))
{
    thread_ = std::thread([this] { run(); });
}

AudioPlayback::~AudioPlayback()
{
    stopping_ = true;
    {
        std::lock_guard lock(mutex_);
        if (sink_)
            sink_->interrupt();
    }
    thread_.join();
}

void AudioPlayback::run()
{
    if (speakerId_.empty()) {
        done_(tr("No speaker is chosen, so the recording cannot be played back. Connect speakers or a headset, "
                 "then choose them above."));
        return;
    }
    media::AudioSink* sink = nullptr;
    try {
        auto opened = registry_->openAudioOutput(speakerId_);
        std::lock_guard lock(mutex_);
        sink_ = std::move(opened);
        sink = sink_.get();
        if (stopping_)
            sink_->interrupt();
    } catch (const media::MediaError& error) {
        done_(tr("The recording could not be played back: %1").arg(QString::fromUtf8(error.what())));
        return;
    }
    try {
        for (const auto& frame : recording_)
            if (stopping_ || !sink->write(frame))
                return;
        sink->drain();
    } catch (const media::MediaError& error) {
        done_(tr("Playback stopped: %1").arg(QString::fromUtf8(error.what())));
        return;
    }
    done_({});
}

} // namespace spoke::ui
