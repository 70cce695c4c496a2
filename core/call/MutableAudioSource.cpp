#include "call/MutableAudioSource.h"

#include <algorithm>

namespace spoke::call {

MutableAudioSource::MutableAudioSource(std::unique_ptr<media::AudioSource> inner, std::shared_ptr<CallMediaTap> tap,
                                       std::shared_ptr<SendSwitches> switches)
    : inner_(std::move(inner))
    , tap_(std::move(tap))
    , switches_(std::move(switches))
{
}

media::AudioFrame MutableAudioSource::read()
{
    media::AudioFrame frame = inner_->read();
    if (frame.isNull())
        return frame;
    if (switches_ && switches_->audioMuted) {
        const auto samples = frame.mutableSamples();
        std::fill(samples.begin(), samples.end(), std::int16_t{0});
    }
    if (tap_)
        tap_->localAudio(frame);
    return frame;
}

} // namespace spoke::call
