#include "media/audio/AudioPlayback.h"

#include "media/MediaError.h"
#include "media/devices/DeviceRegistry.h"

namespace spoke::media {

const char* toString(PlaybackOutcome::Kind kind)
{
    switch (kind) {
    case PlaybackOutcome::Kind::Played: return "played";
    case PlaybackOutcome::Kind::NoSpeaker: return "no-speaker";
    case PlaybackOutcome::Kind::DeviceMissing: return "device-missing";
    case PlaybackOutcome::Kind::OpenFailed: return "open-failed";
    case PlaybackOutcome::Kind::DeviceLost: return "device-lost";
    }
    return "unknown";
}

AudioPlayback::AudioPlayback(std::shared_ptr<const DeviceRegistry> registry, std::string speakerId,
                             std::vector<AudioFrame> recording, DoneFn done)
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

AudioSink* AudioPlayback::open()
{
    if (speakerId_.empty()) {
        done_({PlaybackOutcome::Kind::NoSpeaker, {}});
        return nullptr;
    }
    try {
        auto opened = registry_->openAudioOutput(speakerId_);
        std::lock_guard lock(mutex_);
        sink_ = std::move(opened);
        if (stopping_)
            sink_->interrupt();
        return sink_.get();
    } catch (const MediaError& error) {
        const auto kind = error.kind() == MediaErrorKind::DeviceNotFound ? PlaybackOutcome::Kind::DeviceMissing
                                                                         : PlaybackOutcome::Kind::OpenFailed;
        done_({kind, error.what()});
        return nullptr;
    }
}

void AudioPlayback::run()
{
    AudioSink* sink = open();
    if (!sink)
        return;
    try {
        for (const auto& frame : recording_)
            if (stopping_ || !sink->write(frame)) // write() blocks while the card plays
                return;
        sink->drain();
    } catch (const MediaError& error) {
        done_({PlaybackOutcome::Kind::DeviceLost, error.what()});
        return;
    }
    done_({PlaybackOutcome::Kind::Played, {}});
}

} // namespace spoke::media
