#include "media/audio/OpusVoiceDecoder.h"

#include "media/MediaError.h"

#include <opus/opus.h>

#include <algorithm>

namespace spoke::media {

void OpusVoiceDecoder::Deleter::operator()(::OpusDecoder* decoder) const
{
    opus_decoder_destroy(decoder);
}

OpusVoiceDecoder::OpusVoiceDecoder()
{
    int rc = OPUS_OK;
    decoder_.reset(opus_decoder_create(AudioFrame::kSampleRateHz, 1, &rc));
    if (rc != OPUS_OK)
        throw MediaError(MediaErrorKind::Codec, std::string("Could not start an Opus decoder: ") + opus_strerror(rc));
}

OpusVoiceDecoder::~OpusVoiceDecoder() = default;

AudioFrame OpusVoiceDecoder::run(const std::uint8_t* data, int size, bool fec)
{
    affinity_.assertOwner();
    AudioFrame frame = AudioFrame::allocate(AudioFrame::kSamplesPer20Ms);
    auto samples = frame.mutableSamples();
    const int decoded = opus_decode(decoder_.get(), data, size, samples.data(), AudioFrame::kSamplesPer20Ms, fec ? 1 : 0);
    if (decoded < 0) {
        ++errors_;
        lastError_ = opus_strerror(decoded);
        // Conceal instead: the listener hears a smoothed gap, not a click.
        const int concealed = opus_decode(decoder_.get(), nullptr, 0, samples.data(), AudioFrame::kSamplesPer20Ms, 0);
        if (concealed < 0)
            std::fill(samples.begin(), samples.end(), std::int16_t{0});
        return frame;
    }
    if (decoded < AudioFrame::kSamplesPer20Ms)
        std::fill(samples.begin() + decoded, samples.end(), std::int16_t{0});
    return frame;
}

AudioFrame OpusVoiceDecoder::decode(std::span<const std::uint8_t> packet)
{
    return run(packet.data(), static_cast<int>(packet.size()), false);
}

AudioFrame OpusVoiceDecoder::recoverFromNext(std::span<const std::uint8_t> next)
{
    return run(next.data(), static_cast<int>(next.size()), true);
}

AudioFrame OpusVoiceDecoder::conceal()
{
    return run(nullptr, 0, false);
}

} // namespace spoke::media
