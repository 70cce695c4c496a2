#pragma once

#include "call/CallMediaTap.h"
#include "media/devices/AudioSource.h"

#include <memory>

namespace spoke::call {

// Wraps the sound source a Publisher sends so the user can mute: while
// muted, every frame is replaced by silence of the same length. Silence,
// not nothing, so the RTP clock stays regular and the far end keeps our feed
// (it drops feeds that go quiet on the wire). Each frame as sent also goes
// to the tap (our own speaking indicator). Capture thread only.
class MutableAudioSource final : public media::AudioSource {
public:
    MutableAudioSource(std::unique_ptr<media::AudioSource> inner, std::shared_ptr<CallMediaTap> tap,
                       std::shared_ptr<SendSwitches> switches);

    const media::DeviceInfo& device() const override { return inner_->device(); }
    media::AudioFrame read() override;
    void interrupt() override { inner_->interrupt(); }

private:
    std::unique_ptr<media::AudioSource> inner_;
    std::shared_ptr<CallMediaTap> tap_;
    std::shared_ptr<SendSwitches> switches_;
};

} // namespace spoke::call
