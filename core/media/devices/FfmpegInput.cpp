#include "media/devices/FfmpegInput.h"

#include "media/MediaError.h"
#include "media/devices/FfmpegDevices.h"

extern "C" {
#include <libavdevice/avdevice.h>
}

#include <cerrno>
#include <thread>

namespace spoke::media {

namespace {

std::int64_t steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

constexpr std::chrono::milliseconds kOpenTimeout{5000};

struct DictionaryDeleter {
    void operator()(AVDictionary* dictionary) const { av_dict_free(&dictionary); }
};

} // namespace

FfmpegInput::FfmpegInput(const std::string& formatName, const std::string& url, AVMediaType type,
                         const std::map<std::string, std::string>& options, std::chrono::milliseconds readTimeout)
    : description_((formatName.empty() ? std::string("file") : formatName) + " " + url)
    , packet_(av_packet_alloc())
    , readTimeout_(readTimeout)
{
    registerFfmpegDevices();
    if (!packet_)
        throw std::bad_alloc();

    const AVInputFormat* format = nullptr;
    if (!formatName.empty()) {
        format = av_find_input_format(formatName.c_str());
        if (!format)
            throw MediaError(MediaErrorKind::DeviceNotFound,
                             "This build of FFmpeg cannot capture from " + formatName + " devices");
    }

    AVFormatContext* raw = avformat_alloc_context();
    if (!raw)
        throw std::bad_alloc();
    raw->interrupt_callback.callback = &FfmpegInput::interruptCallback;
    raw->interrupt_callback.opaque = this;
    // Non-blocking reads: a wedged camera answers EAGAIN instead of holding
    // the capture thread in an ioctl, so the read deadline can fire.
    raw->flags |= AVFMT_FLAG_NONBLOCK;

    AVDictionary* dictionary = nullptr;
    for (const auto& [key, value] : options)
        av_dict_set(&dictionary, key.c_str(), value.c_str(), 0);
    std::unique_ptr<AVDictionary, DictionaryDeleter> dictionaryOwner;

    armDeadline(kOpenTimeout);
    // avformat_open_input frees `raw` itself on failure.
    const int rc = avformat_open_input(&raw, url.c_str(), format, &dictionary);
    dictionaryOwner.reset(dictionary);
    if (rc < 0) {
        const bool missing = rc == AVERROR(ENOENT) || rc == AVERROR(ENODEV) || rc == AVERROR(ENXIO);
        throw MediaError(missing ? MediaErrorKind::DeviceNotFound : MediaErrorKind::FormatRefused,
                         "Could not open " + description_ + ": " + avErrorText(rc));
    }
    input_.reset(raw);

    if (const int info = avformat_find_stream_info(input_.get(), nullptr); info < 0)
        throw MediaError(MediaErrorKind::FormatRefused,
                         "Could not read what " + description_ + " delivers: " + avErrorText(info));
    const AVCodec* codec = nullptr;
    streamIndex_ = av_find_best_stream(input_.get(), type, -1, -1, &codec, 0);
    if (streamIndex_ < 0 || !codec)
        throw MediaError(MediaErrorKind::FormatRefused, description_ + " has no "
                                                            + (type == AVMEDIA_TYPE_VIDEO ? "video" : "audio")
                                                            + " we can decode");
    decoder_.reset(avcodec_alloc_context3(codec));
    if (!decoder_)
        throw std::bad_alloc();
    avcodec_parameters_to_context(decoder_.get(), input_->streams[streamIndex_]->codecpar);
    decoder_->thread_count = 1;
    if (const int opened = avcodec_open2(decoder_.get(), codec, nullptr); opened < 0)
        throw MediaError(MediaErrorKind::FormatRefused,
                         "Could not decode what " + description_ + " delivers: " + avErrorText(opened));
}

FfmpegInput::~FfmpegInput() = default;

int FfmpegInput::interruptCallback(void* opaque)
{
    const auto* self = static_cast<const FfmpegInput*>(opaque);
    const std::int64_t deadline = self->deadlineNs_.load();
    return self->interrupted_.load() || (deadline > 0 && steadyNowNs() > deadline) ? 1 : 0;
}

void FfmpegInput::armDeadline(std::chrono::milliseconds timeout)
{
    deadlineNs_ = steadyNowNs() + std::chrono::duration_cast<std::chrono::nanoseconds>(timeout).count();
}

AvFramePtr FfmpegInput::read()
{
    AvFramePtr frame(av_frame_alloc());
    if (!frame)
        throw std::bad_alloc();
    while (!interrupted_.load()) {
        const int received = avcodec_receive_frame(decoder_.get(), frame.get());
        if (received == 0)
            return frame;
        if (received == AVERROR_EOF) {
            ended_ = true;
            return nullptr;
        }
        if (received != AVERROR(EAGAIN))
            throw MediaError(MediaErrorKind::DeviceLost,
                             description_ + " delivered a picture or sound we cannot decode: " + avErrorText(received));
        if (draining_)
            continue;

        armDeadline(readTimeout_);
        int rc = av_read_frame(input_.get(), packet_.get());
        while (rc == AVERROR(EAGAIN) && !interrupted_.load() && !interruptCallback(this)) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            rc = av_read_frame(input_.get(), packet_.get());
        }
        if (rc == AVERROR(EAGAIN))
            rc = AVERROR_EXIT; // the deadline passed while the device had nothing
        if (rc == AVERROR_EOF) {
            draining_ = true;
            avcodec_send_packet(decoder_.get(), nullptr);
            continue;
        }
        if (rc < 0) {
            if (interrupted_.load())
                return nullptr;
            const bool timedOut = rc == AVERROR_EXIT;
            throw MediaError(
                MediaErrorKind::DeviceLost,
                description_
                    + (timedOut ? " stopped delivering (no data for " + std::to_string(readTimeout_.count()) + " ms)"
                                : " stopped delivering: " + avErrorText(rc)));
        }
        if (packet_->stream_index == streamIndex_)
            avcodec_send_packet(decoder_.get(), packet_.get());
        av_packet_unref(packet_.get());
    }
    return nullptr;
}

} // namespace spoke::media
