#include "media/video/VpxDecoder.h"

#include "media/MediaError.h"

#include <vpx/vp8dx.h>
#include <vpx/vpx_decoder.h>

#include <cstring>

namespace spoke::media {

struct VpxDecoder::Codec {
    vpx_codec_ctx_t context{};
    bool initialised = false;
    ~Codec()
    {
        if (initialised)
            vpx_codec_destroy(&context);
    }
};

VpxDecoder::VpxDecoder(VideoCodec codec, int threads)
    : codec_(codec)
    , context_(std::make_unique<Codec>())
{
    vpx_codec_dec_cfg_t cfg{};
    cfg.threads = static_cast<unsigned>(threads);
    vpx_codec_iface_t* iface = codec == VideoCodec::Vp8 ? vpx_codec_vp8_dx() : vpx_codec_vp9_dx();
    if (vpx_codec_dec_init(&context_->context, iface, &cfg, 0) != VPX_CODEC_OK)
        throw MediaError(MediaErrorKind::Codec, std::string("Could not start the ") + toString(codec)
                                                    + " decoder: " + vpx_codec_error(&context_->context));
    context_->initialised = true;
}

VpxDecoder::~VpxDecoder() = default;

std::optional<VideoFrame> VpxDecoder::decode(std::span<const std::uint8_t> frame, std::int64_t captureTimeUs,
                                             std::int64_t sequence)
{
    affinity_.assertOwner();
    if (frame.empty()) {
        ++errors_;
        lastError_ = "empty frame";
        return std::nullopt;
    }
    if (vpx_codec_decode(&context_->context, frame.data(), static_cast<unsigned>(frame.size()), nullptr, 0)
        != VPX_CODEC_OK) {
        ++errors_;
        lastError_ = vpx_codec_error(&context_->context);
        if (const char* detail = vpx_codec_error_detail(&context_->context))
            lastError_ += std::string(" (") + detail + ")";
        return std::nullopt;
    }
    vpx_codec_iter_t iter = nullptr;
    std::optional<VideoFrame> result;
    while (vpx_image_t* image = vpx_codec_get_frame(&context_->context, &iter)) {
        if (image->fmt != VPX_IMG_FMT_I420 || image->d_w == 0 || image->d_h == 0 || (image->d_w % 2) != 0
            || (image->d_h % 2) != 0) {
            // Odd sizes and 4:4:4 streams are legal VP9 but never sent by
            // Spoke; refuse them rather than guess at the layout.
            ++errors_;
            lastError_ = "unsupported picture layout " + std::to_string(image->d_w) + "x" + std::to_string(image->d_h)
                + " format " + std::to_string(static_cast<int>(image->fmt));
            continue;
        }
        const int w = static_cast<int>(image->d_w);
        const int h = static_cast<int>(image->d_h);
        VideoFrame out = VideoFrame::allocate(AV_PIX_FMT_YUV420P, w, h, captureTimeUs, sequence);
        for (int plane = 0; plane < 3; ++plane) {
            const int rows = plane == 0 ? h : h / 2;
            const int bytes = plane == 0 ? w : w / 2;
            for (int y = 0; y < rows; ++y)
                std::memcpy(out.mutablePlane(plane) + static_cast<std::ptrdiff_t>(y) * out.stride(plane),
                            image->planes[plane] + static_cast<std::ptrdiff_t>(y) * image->stride[plane],
                            static_cast<std::size_t>(bytes));
        }
        result = std::move(out);
    }
    return result;
}

} // namespace spoke::media
