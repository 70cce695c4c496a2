#include "media/AudioFrame.h"

#include "media/MediaError.h"

#include <string>

namespace spoke::media {

AudioFrame AudioFrame::allocate(int samples, std::int64_t captureTimeUs, std::int64_t sequence)
{
    if (samples <= 0)
        throw MediaError(MediaErrorKind::InvalidArgument,
                         "An audio frame needs at least one sample, not " + std::to_string(samples));
    AudioFrame result;
    result.frame_.reset(av_frame_alloc());
    if (!result.frame_)
        throw std::bad_alloc();
    AVFrame* frame = result.frame_.get();
    frame->format = AV_SAMPLE_FMT_S16;
    frame->sample_rate = kSampleRateHz;
    frame->nb_samples = samples;
    av_channel_layout_default(&frame->ch_layout, 1);
    if (av_frame_get_buffer(frame, 0) < 0)
        throw std::bad_alloc();
    result.captureTimeUs_ = captureTimeUs;
    result.sequence_ = sequence;
    return result;
}

AudioFrame::AudioFrame(const AudioFrame& other)
    : captureTimeUs_(other.captureTimeUs_)
    , sequence_(other.sequence_)
{
    if (other.frame_)
        frame_.reset(av_frame_clone(other.frame_.get()));
}

AudioFrame& AudioFrame::operator=(const AudioFrame& other)
{
    if (this != &other) {
        AudioFrame copy(other);
        *this = std::move(copy);
    }
    return *this;
}

std::span<const std::int16_t> AudioFrame::samples() const
{
    if (!frame_)
        return {};
    return {reinterpret_cast<const std::int16_t*>(frame_->data[0]), static_cast<std::size_t>(frame_->nb_samples)};
}

std::span<std::int16_t> AudioFrame::mutableSamples()
{
    if (!frame_)
        return {};
    if (av_frame_make_writable(frame_.get()) < 0)
        throw std::bad_alloc();
    return {reinterpret_cast<std::int16_t*>(frame_->data[0]), static_cast<std::size_t>(frame_->nb_samples)};
}

} // namespace spoke::media
