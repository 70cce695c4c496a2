#include "media/video/VpxEncoder.h"

#include "media/MediaError.h"

#include <vpx/vp8cx.h>
#include <vpx/vpx_encoder.h>

#include <string>

namespace spoke::media {

const char* toString(VideoCodec codec)
{
    return codec == VideoCodec::Vp9 ? "vp9" : "vp8";
}

struct VpxEncoder::Codec {
    vpx_codec_ctx_t context{};
    vpx_codec_enc_cfg_t settings{};
    bool initialised = false;

    ~Codec()
    {
        if (initialised)
            vpx_codec_destroy(&context);
    }
};

namespace {

// Microsecond timebase: pts is the capture time, so rate control sees the real
// spacing of frames, including a camera that delivers 27 fps instead of 30.
constexpr int kTimebaseDen = 1'000'000;

// The screen-content profile's rate control (measured on the text pattern
// at 1280x720, 5 fps, 150 kbit/s: tests/media/screen_content_test.cpp).
constexpr int kScreenDropFrameThresholdPct = 30;
constexpr int kScreenMaxQuantizer = 63;
constexpr int kScreenMaxIntraBitratePct = 300;

[[noreturn]] void fail(vpx_codec_ctx_t* context, const std::string& what)
{
    std::string message = what;
    if (context) {
        message += ": ";
        message += vpx_codec_error(context);
        if (const char* detail = vpx_codec_error_detail(context))
            message += std::string(" (") + detail + ")";
    }
    throw MediaError(MediaErrorKind::Codec, message);
}

void control(vpx_codec_ctx_t* context, int id, int value, const char* name)
{
    if (vpx_codec_control_(context, id, value) != VPX_CODEC_OK)
        fail(context, std::string("libvpx refused ") + name);
}

} // namespace

VpxEncoderConfig screenContentProfile(VpxEncoderConfig base)
{
    base.screenContent = true;
    base.allowFrameDrop = true;
    base.dropFrameThresholdPct = kScreenDropFrameThresholdPct;
    base.maxQuantizer = kScreenMaxQuantizer;
    base.maxIntraBitratePct = kScreenMaxIntraBitratePct;
    return base;
}

VpxEncoder::VpxEncoder(const VpxEncoderConfig& config) : config_(config), codec_(std::make_unique<Codec>())
{
    if (config_.width <= 0 || config_.height <= 0 || config_.width % 2 || config_.height % 2 || config_.fps <= 0
        || config_.bitrateBps <= 0)
        throw MediaError(MediaErrorKind::InvalidArgument,
                         "A video encoder needs an even size, a frame rate and a bitrate; got "
                             + std::to_string(config_.width) + "x" + std::to_string(config_.height) + " at "
                             + std::to_string(config_.fps) + " fps, " + std::to_string(config_.bitrateBps) + " bit/s");
    if (config_.cpuUsed == 0)
        config_.cpuUsed = config_.codec == VideoCodec::Vp8 ? -6 : 8;

    vpx_codec_iface_t* iface = config_.codec == VideoCodec::Vp8 ? vpx_codec_vp8_cx() : vpx_codec_vp9_cx();
    vpx_codec_enc_cfg_t& cfg = codec_->settings;
    if (vpx_codec_enc_config_default(iface, &cfg, 0) != VPX_CODEC_OK)
        fail(nullptr, "libvpx has no default configuration");
    cfg.g_w = static_cast<unsigned>(config_.width);
    cfg.g_h = static_cast<unsigned>(config_.height);
    cfg.g_timebase = {1, kTimebaseDen};
    cfg.g_threads = static_cast<unsigned>(config_.threads);
    cfg.g_lag_in_frames = 0;
    cfg.g_error_resilient = VPX_ERROR_RESILIENT_DEFAULT;
    cfg.g_pass = VPX_RC_ONE_PASS;
    cfg.rc_end_usage = VPX_CBR;
    cfg.rc_target_bitrate = static_cast<unsigned>(config_.bitrateBps / 1000);
    cfg.rc_dropframe_thresh = config_.allowFrameDrop ? static_cast<unsigned>(config_.dropFrameThresholdPct) : 0;
    cfg.rc_buf_sz = 1000;
    cfg.rc_buf_initial_sz = 500;
    cfg.rc_buf_optimal_sz = 600;
    cfg.rc_undershoot_pct = 100;
    cfg.rc_overshoot_pct = 15;
    cfg.rc_min_quantizer = 2;
    cfg.rc_max_quantizer = static_cast<unsigned>(config_.maxQuantizer);
    cfg.rc_resize_allowed = 0;
    cfg.kf_mode = VPX_KF_AUTO;
    cfg.kf_min_dist = 0;
    cfg.kf_max_dist = static_cast<unsigned>(config_.maxKeyframeIntervalFrames);

    vpx_codec_ctx_t* context = &codec_->context;
    if (vpx_codec_enc_init(context, iface, &cfg, 0) != VPX_CODEC_OK)
        fail(context, std::string("Could not start the ") + toString(config_.codec) + " encoder");
    codec_->initialised = true;

    control(context, VP8E_SET_CPUUSED, config_.cpuUsed, "the speed setting");
    if (config_.codec == VideoCodec::Vp8) {
        control(context, VP8E_SET_NOISE_SENSITIVITY, 0, "the noise sensitivity");
        control(context, VP8E_SET_STATIC_THRESHOLD, config_.staticThresholdSse, "the static threshold");
        control(context, VP8E_SET_MAX_INTRA_BITRATE_PCT, config_.maxIntraBitratePct,
                "the keyframe size cap"); // a keyframe may not flood the link
        if (config_.screenContent)
            control(context, VP8E_SET_SCREEN_CONTENT_MODE, 1, "screen content mode");
    } else {
        control(context, VP9E_SET_NOISE_SENSITIVITY, 0, "the noise sensitivity");
        control(context, VP9E_SET_ROW_MT, 1, "row multithreading");
        control(context, VP9E_SET_TILE_COLUMNS, config_.threads > 1 ? 1 : 0, "the tile columns");
        control(context, VP9E_SET_AQ_MODE, 3, "cyclic refresh");
        control(context, VP9E_SET_FRAME_PARALLEL_DECODING, 0, "frame parallel decoding");
        control(context, VP9E_SET_TUNE_CONTENT, config_.screenContent ? VP9E_CONTENT_SCREEN : VP9E_CONTENT_DEFAULT,
                "the content tuning");
    }
}

VpxEncoder::~VpxEncoder() = default;

void VpxEncoder::applyConfig()
{
    vpx_codec_enc_cfg_t& cfg = codec_->settings;
    cfg.g_w = static_cast<unsigned>(config_.width);
    cfg.g_h = static_cast<unsigned>(config_.height);
    cfg.rc_target_bitrate = static_cast<unsigned>(config_.bitrateBps / 1000);
    if (vpx_codec_enc_config_set(&codec_->context, &cfg) != VPX_CODEC_OK)
        fail(&codec_->context, "libvpx refused the new settings");
}

void VpxEncoder::setBitrateBps(int bitrateBps)
{
    affinity_.assertOwner();
    if (bitrateBps <= 0)
        throw MediaError(MediaErrorKind::InvalidArgument, "A bitrate must be positive");
    config_.bitrateBps = bitrateBps;
    applyConfig();
}

void VpxEncoder::setFrameRate(int fps)
{
    affinity_.assertOwner();
    if (fps <= 0)
        throw MediaError(MediaErrorKind::InvalidArgument, "A frame rate must be positive");
    // Rate control follows the pts spacing; the nominal rate only sets the
    // duration of each frame's budget.
    config_.fps = fps;
}

void VpxEncoder::setResolution(int width, int height)
{
    affinity_.assertOwner();
    if (width <= 0 || height <= 0 || width % 2 || height % 2)
        throw MediaError(MediaErrorKind::InvalidArgument,
                         "An encoder size must be even, not " + std::to_string(width) + "x" + std::to_string(height));
    if (width == config_.width && height == config_.height)
        return;
    config_.width = width;
    config_.height = height;
    applyConfig();
}

std::vector<EncodedFrame> VpxEncoder::encode(const VideoFrame& i420, int layerIndex)
{
    affinity_.assertOwner();
    if (i420.format() != AV_PIX_FMT_YUV420P || i420.width() != config_.width || i420.height() != config_.height)
        throw MediaError(MediaErrorKind::InvalidArgument, "The encoder is set up for " + std::to_string(config_.width)
                                                              + "x" + std::to_string(config_.height) + " I420 and got "
                                                              + std::to_string(i420.width()) + "x"
                                                              + std::to_string(i420.height()) + " format "
                                                              + std::to_string(static_cast<int>(i420.format())));

    vpx_image_t image{};
    vpx_img_wrap(&image, VPX_IMG_FMT_I420, static_cast<unsigned>(config_.width), static_cast<unsigned>(config_.height),
                 1, const_cast<unsigned char*>(i420.plane(0)));
    for (int plane = 0; plane < 3; ++plane) {
        image.planes[plane] = const_cast<unsigned char*>(i420.plane(plane));
        image.stride[plane] = i420.stride(plane);
    }

    // pts must rise strictly; two captures in the same microsecond (a
    // synthetic source reading ahead) would otherwise be refused.
    std::int64_t pts = i420.captureTimeUs();
    if (pts <= lastPts_)
        pts = lastPts_ + 1;
    lastPts_ = pts;
    const unsigned long durationUs = static_cast<unsigned long>(kTimebaseDen / config_.fps);
    const vpx_enc_frame_flags_t flags = keyframeRequested_ ? VPX_EFLAG_FORCE_KF : 0;
    keyframeRequested_ = false;
    if (vpx_codec_encode(&codec_->context, &image, pts, durationUs, flags, VPX_DL_REALTIME) != VPX_CODEC_OK)
        fail(&codec_->context, "libvpx could not encode a frame");

    std::vector<EncodedFrame> out;
    vpx_codec_iter_t iter = nullptr;
    while (const vpx_codec_cx_pkt_t* packet = vpx_codec_get_cx_data(&codec_->context, &iter)) {
        if (packet->kind != VPX_CODEC_CX_FRAME_PKT)
            continue;
        EncodedFrame frame;
        const auto* bytes = static_cast<const std::uint8_t*>(packet->data.frame.buf);
        frame.data.assign(bytes, bytes + packet->data.frame.sz);
        frame.codec = config_.codec;
        frame.captureTimeUs = i420.captureTimeUs();
        frame.sequence = i420.sequence();
        frame.width = config_.width;
        frame.height = config_.height;
        frame.layerIndex = layerIndex;
        frame.keyframe = (packet->data.frame.flags & VPX_FRAME_IS_KEY) != 0;
        out.push_back(std::move(frame));
    }
    if (out.empty())
        ++droppedFrames_;
    return out;
}

} // namespace spoke::media
