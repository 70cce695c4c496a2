#include "media/devices/FfmpegAudioSource.h"

#include "media/MediaClock.h"
#include "media/MediaError.h"

#include <algorithm>
#include <vector>

namespace spoke::media {

FfmpegAudioSource::FfmpegAudioSource(DeviceInfo info, const std::string& formatName, const std::string& url,
                                     std::map<std::string, std::string> options)
    : info_(std::move(info))
{
    input_ =
        std::make_unique<FfmpegInput>(formatName, url, AVMEDIA_TYPE_AUDIO, options, std::chrono::milliseconds(2000));
    const AVCodecContext* decoder = input_->decoder();
    AVChannelLayout mono;
    av_channel_layout_default(&mono, 1);
    AVChannelLayout in{};
    if (decoder->ch_layout.nb_channels > 0)
        av_channel_layout_copy(&in, &decoder->ch_layout);
    else
        av_channel_layout_default(&in, 1);
    if (in.order == AV_CHANNEL_ORDER_UNSPEC) // raw devices often say "2 channels" and nothing more
        av_channel_layout_default(&in, in.nb_channels);
    SwrContext* raw = nullptr;
    const int rc = swr_alloc_set_opts2(&raw, &mono, AV_SAMPLE_FMT_S16, AudioFrame::kSampleRateHz, &in,
                                       decoder->sample_fmt, decoder->sample_rate, 0, nullptr);
    av_channel_layout_uninit(&in);
    resampler_.reset(raw);
    if (rc < 0 || swr_init(resampler_.get()) < 0)
        throw MediaError(MediaErrorKind::FormatRefused, "Cannot resample " + input_->description() + " ("
                                                            + std::to_string(decoder->sample_rate)
                                                            + " Hz) to 48 kHz mono");
}

AudioFrame FfmpegAudioSource::read()
{
    if (!bound_) {
        affinity_.rebindToCurrentThread();
        bound_ = true;
    }
    affinity_.assertOwner();
    while (pending_.size() < static_cast<std::size_t>(AudioFrame::kSamplesPer20Ms)) {
        AvFramePtr decoded = input_->read();
        if (!decoded)
            return {};
        const int capacity = swr_get_out_samples(resampler_.get(), decoded->nb_samples);
        std::vector<std::int16_t> out(static_cast<std::size_t>(std::max(capacity, 0)));
        auto* outData = reinterpret_cast<std::uint8_t*>(out.data());
        const int converted =
            swr_convert(resampler_.get(), &outData, capacity, const_cast<const std::uint8_t**>(decoded->extended_data),
                        decoded->nb_samples);
        if (converted < 0)
            throw MediaError(MediaErrorKind::DeviceLost, input_->description() + " delivered audio we cannot resample");
        pending_.insert(pending_.end(), out.begin(), out.begin() + converted);
    }
    AudioFrame frame = AudioFrame::allocate(AudioFrame::kSamplesPer20Ms, MediaClock::nowUs(), sequence_++);
    auto samples = frame.mutableSamples();
    std::copy_n(pending_.begin(), samples.size(), samples.begin());
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(samples.size()));
    return frame;
}

} // namespace spoke::media
