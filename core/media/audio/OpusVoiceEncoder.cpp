#include "media/audio/OpusVoiceEncoder.h"

#include "media/MediaError.h"

#include <opus/opus.h>

#include <string>

namespace spoke::media {

namespace {

void check(int rc, const char* what)
{
    if (rc != OPUS_OK)
        throw MediaError(MediaErrorKind::Codec, std::string("Opus refused ") + what + ": " + opus_strerror(rc));
}

} // namespace

void OpusVoiceEncoder::Deleter::operator()(::OpusEncoder* encoder) const
{
    opus_encoder_destroy(encoder);
}

OpusVoiceEncoder::OpusVoiceEncoder(const OpusVoiceConfig& config)
    : config_(config)
{
    int rc = OPUS_OK;
    encoder_.reset(opus_encoder_create(AudioFrame::kSampleRateHz, 1, OPUS_APPLICATION_VOIP, &rc));
    check(rc, "to start an encoder");
    ::OpusEncoder* e = encoder_.get();
    check(opus_encoder_ctl(e, OPUS_SET_BITRATE(config_.bitrateBps)), "the bitrate");
    check(opus_encoder_ctl(e, OPUS_SET_INBAND_FEC(config_.inbandFec ? 1 : 0)), "in-band FEC");
    check(opus_encoder_ctl(e, OPUS_SET_PACKET_LOSS_PERC(config_.expectedLossPercent)), "the loss hint");
    check(opus_encoder_ctl(e, OPUS_SET_DTX(config_.dtx ? 1 : 0)), "DTX");
    check(opus_encoder_ctl(e, OPUS_SET_COMPLEXITY(config_.complexity)), "the complexity");
    check(opus_encoder_ctl(e, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE)), "the signal type");
    check(opus_encoder_ctl(e, OPUS_SET_VBR(1)), "VBR");
}

OpusVoiceEncoder::~OpusVoiceEncoder() = default;

std::vector<std::uint8_t> OpusVoiceEncoder::encode(const AudioFrame& frame)
{
    affinity_.assertOwner();
    if (frame.sampleCount() != AudioFrame::kSamplesPer20Ms)
        throw MediaError(MediaErrorKind::InvalidArgument, "Opus takes 20 ms frames of 960 samples, not "
                                                              + std::to_string(frame.sampleCount()));
    std::vector<std::uint8_t> packet(1275); // the largest Opus frame
    const int bytes = opus_encode(encoder_.get(), frame.samples().data(), frame.sampleCount(), packet.data(),
                                  static_cast<opus_int32>(packet.size()));
    if (bytes < 0)
        throw MediaError(MediaErrorKind::Codec, std::string("Opus could not encode a frame: ") + opus_strerror(bytes));
    packet.resize(static_cast<std::size_t>(bytes));
    lastWasDtx_ = bytes <= 2;
    return packet;
}

int OpusVoiceEncoder::lookaheadSamples() const
{
    opus_int32 samples = 0;
    check(opus_encoder_ctl(encoder_.get(), OPUS_GET_LOOKAHEAD(&samples)), "the look-ahead");
    return samples;
}

void OpusVoiceEncoder::setBitrateBps(int bitrateBps)
{
    affinity_.assertOwner();
    check(opus_encoder_ctl(encoder_.get(), OPUS_SET_BITRATE(bitrateBps)), "the bitrate");
    config_.bitrateBps = bitrateBps;
}

void OpusVoiceEncoder::setExpectedLossPercent(int percent)
{
    affinity_.assertOwner();
    check(opus_encoder_ctl(encoder_.get(), OPUS_SET_PACKET_LOSS_PERC(percent)), "the loss hint");
    config_.expectedLossPercent = percent;
}

} // namespace spoke::media
