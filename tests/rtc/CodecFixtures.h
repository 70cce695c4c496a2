#pragma once

// Real encoders for the payload tests: libvpx VP8 (realtime, as Spoke will
// run it) and libopus, behind RAII wrappers.
#include <opus/opus.h>
#include <vpx/vp8cx.h>
#include <vpx/vp8dx.h>
#include <vpx/vpx_decoder.h>
#include <vpx/vpx_encoder.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

namespace spoke::rtc::test {

struct EncodedVp8 {
    std::vector<std::uint8_t> data;
    bool keyframe = false;
};

class Vp8Encoder {
public:
    Vp8Encoder(unsigned width, unsigned height, unsigned bitrateKbps) : width_(width), height_(height)
    {
        vpx_codec_enc_cfg_t cfg;
        if (vpx_codec_enc_config_default(vpx_codec_vp8_cx(), &cfg, 0) != VPX_CODEC_OK)
            throw std::runtime_error("vpx_codec_enc_config_default failed");
        cfg.g_w = width;
        cfg.g_h = height;
        cfg.rc_target_bitrate = bitrateKbps;
        cfg.g_timebase = {1, 30};
        cfg.g_lag_in_frames = 0;
        cfg.kf_mode = VPX_KF_DISABLED; // keyframes only when asked, as on a PLI
        cfg.g_error_resilient = VPX_ERROR_RESILIENT_DEFAULT;
        if (vpx_codec_enc_init(&ctx_, vpx_codec_vp8_cx(), &cfg, 0) != VPX_CODEC_OK)
            throw std::runtime_error("vpx_codec_enc_init failed");
        image_.reset(vpx_img_alloc(nullptr, VPX_IMG_FMT_I420, width, height, 1));
    }
    ~Vp8Encoder() { vpx_codec_destroy(&ctx_); }
    Vp8Encoder(const Vp8Encoder&) = delete;
    Vp8Encoder& operator=(const Vp8Encoder&) = delete;

    // A moving pattern with detail, so frames are several packets long.
    EncodedVp8 encode(int index, bool forceKeyframe)
    {
        for (unsigned y = 0; y < height_; ++y)
            for (unsigned x = 0; x < width_; ++x)
                image_->planes[0][y * static_cast<unsigned>(image_->stride[0]) + x] =
                    static_cast<std::uint8_t>((x * 7 + y * 13 + static_cast<unsigned>(index) * 5) ^ (x * y));
        for (int p = 1; p < 3; ++p)
            for (unsigned y = 0; y < height_ / 2; ++y)
                for (unsigned x = 0; x < width_ / 2; ++x)
                    image_->planes[p][y * static_cast<unsigned>(image_->stride[p]) + x] =
                        static_cast<std::uint8_t>(128 + ((x + static_cast<unsigned>(index)) % 32));
        if (vpx_codec_encode(&ctx_, image_.get(), index, 1, forceKeyframe ? VPX_EFLAG_FORCE_KF : 0, VPX_DL_REALTIME)
            != VPX_CODEC_OK)
            throw std::runtime_error("vpx_codec_encode failed");
        EncodedVp8 out;
        vpx_codec_iter_t iter = nullptr;
        while (const vpx_codec_cx_pkt_t* pkt = vpx_codec_get_cx_data(&ctx_, &iter)) {
            if (pkt->kind != VPX_CODEC_CX_FRAME_PKT)
                continue;
            const auto* bytes = static_cast<const std::uint8_t*>(pkt->data.frame.buf);
            out.data.insert(out.data.end(), bytes, bytes + pkt->data.frame.sz);
            out.keyframe = (pkt->data.frame.flags & VPX_FRAME_IS_KEY) != 0;
        }
        return out;
    }

private:
    struct ImageDeleter {
        void operator()(vpx_image_t* image) const { vpx_img_free(image); }
    };
    unsigned width_;
    unsigned height_;
    vpx_codec_ctx_t ctx_{};
    std::unique_ptr<vpx_image_t, ImageDeleter> image_;
};

class Vp8Decoder {
public:
    Vp8Decoder()
    {
        if (vpx_codec_dec_init(&ctx_, vpx_codec_vp8_dx(), nullptr, 0) != VPX_CODEC_OK)
            throw std::runtime_error("vpx_codec_dec_init failed");
    }
    ~Vp8Decoder() { vpx_codec_destroy(&ctx_); }
    Vp8Decoder(const Vp8Decoder&) = delete;
    Vp8Decoder& operator=(const Vp8Decoder&) = delete;

    // Returns the decoded width, or 0 when libvpx refused the frame.
    unsigned decode(const std::vector<std::uint8_t>& frame)
    {
        if (vpx_codec_decode(&ctx_, frame.data(), static_cast<unsigned>(frame.size()), nullptr, 0) != VPX_CODEC_OK)
            return 0;
        vpx_codec_iter_t iter = nullptr;
        unsigned width = 0;
        while (vpx_image_t* img = vpx_codec_get_frame(&ctx_, &iter))
            width = img->d_w;
        return width;
    }

private:
    vpx_codec_ctx_t ctx_{};
};

class OpusEncoderHandle {
public:
    explicit OpusEncoderHandle(int channels)
    {
        int error = 0;
        encoder_.reset(opus_encoder_create(48000, channels, OPUS_APPLICATION_VOIP, &error));
        if (error != OPUS_OK)
            throw std::runtime_error("opus_encoder_create failed");
        channels_ = channels;
    }
    // One packet of `frameSamples` per channel of a 440 Hz tone.
    std::vector<std::uint8_t> encode(int frameSamples)
    {
        std::vector<opus_int16> pcm(static_cast<std::size_t>(frameSamples * channels_));
        for (std::size_t i = 0; i < pcm.size(); ++i)
            pcm[i] = static_cast<opus_int16>(8000 * ((i / static_cast<std::size_t>(channels_)) % 109 < 54 ? 1 : -1));
        std::vector<std::uint8_t> out(4000);
        const int bytes =
            opus_encode(encoder_.get(), pcm.data(), frameSamples, out.data(), static_cast<int>(out.size()));
        if (bytes < 0)
            throw std::runtime_error("opus_encode failed");
        out.resize(static_cast<std::size_t>(bytes));
        return out;
    }

private:
    struct Deleter {
        void operator()(OpusEncoder* e) const { opus_encoder_destroy(e); }
    };
    std::unique_ptr<OpusEncoder, Deleter> encoder_;
    int channels_ = 1;
};

} // namespace spoke::rtc::test
