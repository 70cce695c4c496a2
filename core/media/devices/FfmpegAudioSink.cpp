#include "media/devices/FfmpegAudioSink.h"

#include "media/MediaError.h"

extern "C" {
#include <libavdevice/avdevice.h>
#include <libavformat/avformat.h>
}

#include <algorithm>
#include <cstring>

namespace spoke::media {

void FfmpegAudioSink::Deleter::operator()(AVFormatContext* context) const
{
    avformat_free_context(context);
}

int FfmpegAudioSink::interruptCallback(void* opaque)
{
    return static_cast<FfmpegAudioSink*>(opaque)->interrupted_.load() ? 1 : 0;
}

FfmpegAudioSink::FfmpegAudioSink(DeviceInfo info, const std::string& formatName, const std::string& deviceName)
    : info_(std::move(info))
{
    const std::string what = "the speaker \"" + info_.name + "\"";
    const AVOutputFormat* format = av_guess_format(formatName.c_str(), nullptr, nullptr);
    if (!format)
        throw MediaError(MediaErrorKind::DeviceNotFound,
                         "Cannot play sound through " + formatName + ": this build of FFmpeg has no such output");
    AVFormatContext* raw = nullptr;
    int rc = avformat_alloc_output_context2(&raw, format, nullptr, deviceName.c_str());
    output_.reset(raw);
    if (rc < 0 || !output_)
        throw MediaError(MediaErrorKind::DeviceNotFound, "Cannot prepare " + what + ": " + avErrorText(rc));
    output_->interrupt_callback = {&FfmpegAudioSink::interruptCallback, this};

    AVStream* stream = avformat_new_stream(output_.get(), nullptr);
    if (!stream)
        throw MediaError(MediaErrorKind::DeviceNotFound, "Cannot prepare " + what + ": out of memory");
    stream->codecpar->codec_type = AVMEDIA_TYPE_AUDIO;
    stream->codecpar->codec_id = AV_NE(AV_CODEC_ID_PCM_S16BE, AV_CODEC_ID_PCM_S16LE);
    stream->codecpar->sample_rate = AudioFrame::kSampleRateHz;
    stream->codecpar->format = AV_SAMPLE_FMT_S16;
    av_channel_layout_default(&stream->codecpar->ch_layout, 1);
    stream->time_base = AVRational{1, AudioFrame::kSampleRateHz};

    AVDictionary* options = nullptr;
    // PulseAudio takes the sink as an option (the "file name" is the stream
    // name the mixer shows); ALSA takes the device as the file name.
    if (formatName == "pulse" && deviceName != "default")
        av_dict_set(&options, "device", deviceName.c_str(), 0);
    rc = avformat_write_header(output_.get(), &options);
    av_dict_free(&options);
    if (rc < 0)
        throw MediaError(MediaErrorKind::DeviceNotFound,
                         "Cannot play sound on " + what + " (" + avErrorText(rc)
                             + "): no sound card or sound server answered. Check that speakers or a headset are "
                               "connected, or choose another speaker.");
}

FfmpegAudioSink::~FfmpegAudioSink()
{
    if (output_ && !trailerWritten_) {
        interrupted_ = true; // closing must not wait for queued audio
        av_write_trailer(output_.get());
    }
}

bool FfmpegAudioSink::write(const AudioFrame& frame)
{
    if (!bound_) {
        affinity_.rebindToCurrentThread();
        bound_ = true;
    }
    affinity_.assertOwner();
    if (interrupted_.load())
        return false;
    if (frame.isNull() || frame.sampleCount() == 0)
        return true;
    const auto samples = frame.samples();
    AvPacketPtr packet(av_packet_alloc());
    const int bytes = static_cast<int>(samples.size_bytes());
    if (!packet || av_new_packet(packet.get(), bytes) < 0)
        throw MediaError(MediaErrorKind::DeviceLost, "Out of memory while playing sound");
    std::memcpy(packet->data, samples.data(), static_cast<std::size_t>(bytes));
    packet->stream_index = 0;
    packet->pts = packet->dts = nextPts_;
    packet->duration = static_cast<std::int64_t>(samples.size());
    nextPts_ += packet->duration;
    const int rc = av_write_frame(output_.get(), packet.get());
    if (rc < 0) {
        if (interrupted_.load())
            return false;
        throw MediaError(MediaErrorKind::DeviceLost,
                         "The speaker \"" + info_.name + "\" stopped playing (" + avErrorText(rc) + ")");
    }
    return true;
}

std::optional<std::int64_t> FfmpegAudioSink::samplesPlayed()
{
    affinity_.assertOwner();
    std::int64_t dts = 0;
    std::int64_t wallUs = 0;
    if (!output_ || nextPts_ == 0 || av_get_output_timestamp(output_.get(), 0, &dts, &wallUs) < 0)
        return std::nullopt;
    // The stream's time base is one sample, so dts counts samples.
    return std::clamp<std::int64_t>(dts, 0, nextPts_);
}

void FfmpegAudioSink::drain()
{
    affinity_.assertOwner();
    if (!trailerWritten_) {
        trailerWritten_ = true;
        av_write_trailer(output_.get()); // ALSA and PulseAudio drain here
    }
}

} // namespace spoke::media
