#include "slides/PagePng.h"

#include "media/AvHandles.h"

#include <cstring>

namespace spoke::slides {

namespace {

DeckError failed(const char* what)
{
    return DeckError{DeckErrorKind::RenderFailed, std::string("PNG encoding failed: ") + what};
}

// RGB32 is native-endian 0xAARRGGBB; PNG wants R, G, B bytes in order.
void toRgb24(const media::VideoFrame& page, AVFrame& rgb)
{
    for (int y = 0; y < page.height(); ++y) {
        const std::uint8_t* in = page.plane(0) + static_cast<std::ptrdiff_t>(y) * page.stride(0);
        std::uint8_t* out = rgb.data[0] + static_cast<std::ptrdiff_t>(y) * rgb.linesize[0];
        for (std::ptrdiff_t x = 0; x < page.width(); ++x) {
            std::uint32_t argb = 0;
            std::memcpy(&argb, in + 4 * x, 4);
            out[3 * x] = static_cast<std::uint8_t>(argb >> 16);
            out[3 * x + 1] = static_cast<std::uint8_t>(argb >> 8);
            out[3 * x + 2] = static_cast<std::uint8_t>(argb);
        }
    }
}

} // namespace

Expected<std::vector<std::uint8_t>> encodePng(const media::VideoFrame& page)
{
    if (page.isNull() || page.format() != AV_PIX_FMT_RGB32)
        return failed("not a rendered page");
    const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
    media::AvCodecContextPtr encoder(codec ? avcodec_alloc_context3(codec) : nullptr);
    if (!encoder)
        return failed("this FFmpeg build has no PNG encoder");
    encoder->width = page.width();
    encoder->height = page.height();
    encoder->pix_fmt = AV_PIX_FMT_RGB24;
    encoder->time_base = AVRational{1, 1};
    if (avcodec_open2(encoder.get(), codec, nullptr) < 0)
        return failed("the encoder would not start");

    media::AvFramePtr rgb(av_frame_alloc());
    rgb->format = AV_PIX_FMT_RGB24;
    rgb->width = page.width();
    rgb->height = page.height();
    if (av_frame_get_buffer(rgb.get(), 0) < 0)
        return failed("out of memory");
    toRgb24(page, *rgb);
    rgb->pts = 0;

    media::AvPacketPtr packet(av_packet_alloc());
    if (avcodec_send_frame(encoder.get(), rgb.get()) < 0 || avcodec_send_frame(encoder.get(), nullptr) < 0)
        return failed("the encoder refused the page");
    // The PNG encoder's one packet is the whole file.
    std::vector<std::uint8_t> bytes;
    while (avcodec_receive_packet(encoder.get(), packet.get()) == 0) {
        bytes.insert(bytes.end(), packet->data, packet->data + packet->size);
        av_packet_unref(packet.get());
    }
    if (bytes.empty())
        return failed("no picture came out");
    return bytes;
}

} // namespace spoke::slides
