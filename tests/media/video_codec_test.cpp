#include "MediaTestSupport.h"

#include "media/MediaError.h"
#include "media/video/FrameStamp.h"
#include "media/video/Psnr.h"
#include "media/video/SimulcastEncoder.h"
#include "rtc/BitrateLadder.h"

#include <catch2/catch.hpp>

using namespace spoke::media;

namespace {

double kbpsOf(const std::vector<EncodedFrame>& frames, double seconds)
{
    std::size_t bytes = 0;
    for (const auto& frame : frames)
        bytes += frame.data.size();
    return static_cast<double>(bytes) * 8 / seconds / 1000;
}

} // namespace

TEST_CASE("VP8 starts with a keyframe and forces one exactly when asked", "[media][vp8]")
{
    const auto frames = test::patternFrames(320, 180, 30, 40);
    VpxEncoder encoder(test::encoderConfig(VideoCodec::Vp8, 320, 180, 300'000));
    std::vector<EncodedFrame> out;
    for (const auto& frame : frames) {
        if (frame.sequence() == 25)
            encoder.requestKeyframe();
        for (auto& encoded : encoder.encode(frame))
            out.push_back(std::move(encoded));
    }
    REQUIRE(!out.empty());
    CHECK(out.front().keyframe);
    CHECK(out.front().sequence == 0);
    for (const auto& frame : out) {
        INFO("sequence " << frame.sequence);
        CHECK(frame.keyframe == (frame.sequence == 0 || frame.sequence == 25));
        CHECK(frame.codec == VideoCodec::Vp8);
        CHECK(frame.width == 320);
        CHECK(frame.captureTimeUs == frames[static_cast<std::size_t>(frame.sequence)].captureTimeUs());
    }
}

TEST_CASE("VP8 follows a bitrate change on the fly", "[media][vp8]")
{
    const auto frames = test::patternFrames(640, 360, 30, 240);
    VpxEncoder encoder(test::encoderConfig(VideoCodec::Vp8, 640, 360, 1'200'000));
    std::vector<EncodedFrame> high;
    std::vector<EncodedFrame> low;
    for (const auto& frame : frames) {
        if (frame.sequence() == 120)
            encoder.setBitrateBps(400'000);
        for (auto& encoded : encoder.encode(frame))
            (frame.sequence() < 120 ? high : low).push_back(std::move(encoded));
    }
    // Skip the first second after each change: the buffer drains then.
    const std::vector<EncodedFrame> lowSettled(
        low.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(30, low.size())), low.end());
    const double highKbps = kbpsOf(high, 4.0);
    const double lowKbps = kbpsOf(lowSettled, 3.0);
    INFO("high " << highKbps << " kbit/s, low " << lowKbps << " kbit/s");
    CHECK(lowKbps < 520);
    CHECK(highKbps > 2 * lowKbps);
    CHECK_FALSE(low.front().keyframe); // no restart: the stream just continues
}

TEST_CASE("VP8 changes resolution without a restart and the decoder follows", "[media][vp8]")
{
    const auto big = test::patternFrames(640, 360, 30, 30);
    const auto small = test::patternFrames(320, 180, 30, 60);
    VpxEncoder encoder(test::encoderConfig(VideoCodec::Vp8, 640, 360, 500'000));
    VpxDecoder decoder(VideoCodec::Vp8);
    for (const auto& frame : big)
        for (const auto& encoded : encoder.encode(frame))
            REQUIRE(decoder.decode(encoded.data)->width() == 640);

    encoder.setResolution(320, 180);
    int decodedSmall = 0;
    for (std::size_t i = 30; i < small.size(); ++i) {
        VideoFrame frame = small[i]; // times continue after the big frames
        for (const auto& encoded : encoder.encode(frame)) {
            const auto picture = decoder.decode(encoded.data);
            REQUIRE(picture);
            CHECK(picture->width() == 320);
            CHECK(picture->height() == 180);
            CHECK(FrameStamp::read(*picture).value->sequence == static_cast<std::uint32_t>(i));
            ++decodedSmall;
        }
    }
    CHECK(decodedSmall >= 25);
    CHECK_THROWS_AS(encoder.encode(big.front()), MediaError); // old size refused, with a reason
}

TEST_CASE("VP9 real-time for screen content round-trips", "[media][vp9]")
{
    const auto frames = test::patternFrames(640, 360, 15, 30);
    auto config = test::encoderConfig(VideoCodec::Vp9, 640, 360, 300'000, 15);
    config.screenContent = true;
    VpxEncoder encoder(config);
    VpxDecoder decoder(VideoCodec::Vp9);
    int decoded = 0;
    double psnrSum = 0;
    for (const auto& frame : frames)
        for (const auto& encoded : encoder.encode(frame)) {
            CHECK(encoded.codec == VideoCodec::Vp9);
            const auto picture = decoder.decode(encoded.data);
            REQUIRE(picture);
            psnrSum += psnrDb(frame, *picture);
            CHECK(FrameStamp::read(*picture).value->sequence == static_cast<std::uint32_t>(frame.sequence()));
            ++decoded;
        }
    CHECK(decoded >= 28);
    CHECK(psnrSum / decoded > 30);
}

TEST_CASE("VP8 skipping still blocks still follows a slow fade", "[media][vp8]")
{
    // Skipped blocks keep the previous picture, so a scene that brightens by
    // one level a frame (auto-exposure, a cloud) must not be left behind by
    // more than the threshold's RMS error of about 2 levels.
    auto config = test::encoderConfig(VideoCodec::Vp8, 320, 180, 300'000);
    REQUIRE(config.staticThresholdSse == 1000);
    VpxEncoder encoder(config);
    VpxDecoder decoder(VideoCodec::Vp8);
    const VideoFrame still = test::patternFrames(320, 180, 30, 1).front();
    auto meanLuma = [](const VideoFrame& picture) {
        double sum = 0;
        for (int y = 0; y < picture.height(); ++y)
            for (int x = 0; x < picture.width(); ++x)
                sum += picture.plane(0)[static_cast<std::ptrdiff_t>(y) * picture.stride(0) + x];
        return sum / (picture.width() * picture.height());
    };
    double worstLag = 0;
    int decoded = 0;
    for (int i = 0; i < 60; ++i) {
        VideoFrame frame = VideoFrame::allocate(AV_PIX_FMT_YUV420P, 320, 180, i * 33'333, i);
        av_frame_copy(frame.av(), still.av());
        const int brighten = std::min(i, 40);
        for (int y = 0; y < 180; ++y)
            for (int x = 0; x < 320; ++x) {
                auto& value = frame.mutablePlane(0)[static_cast<std::ptrdiff_t>(y) * frame.stride(0) + x];
                value = static_cast<std::uint8_t>(std::min(255, value + brighten));
            }
        for (const auto& encoded : encoder.encode(frame)) {
            const auto picture = decoder.decode(encoded.data);
            REQUIRE(picture);
            ++decoded;
            if (i >= 5)
                worstLag = std::max(worstLag, meanLuma(frame) - meanLuma(*picture));
        }
    }
    INFO("worst mean-luma lag " << worstLag);
    CHECK(decoded >= 55);
    CHECK(worstLag < 2.5);
}

TEST_CASE("The decoder reports damaged input instead of throwing", "[media][vp8]")
{
    VpxDecoder decoder(VideoCodec::Vp8);
    const std::vector<std::uint8_t> garbage{0x01, 0x02, 0x03, 0xFF, 0x00, 0x10, 0x9d};
    CHECK_FALSE(decoder.decode(garbage));
    CHECK_FALSE(decoder.decode({}));
    CHECK(decoder.errorCount() == 2);
    CHECK_FALSE(decoder.lastError().empty());
}

TEST_CASE("The bitrate ladder buys size and frame rate with bandwidth", "[media][ladder]")
{
    CHECK(spoke::rtc::BitrateLadder::planFor(60'000, 1280, 720, 30).height == 180);
    CHECK(spoke::rtc::BitrateLadder::planFor(60'000, 1280, 720, 30).fps < 15);
    CHECK(spoke::rtc::BitrateLadder::planFor(150'000, 1280, 720, 30).width == 320);
    CHECK(spoke::rtc::BitrateLadder::planFor(500'000, 1280, 720, 30).height == 360);
    CHECK(spoke::rtc::BitrateLadder::planFor(1'200'000, 1280, 720, 30).height == 720);
    CHECK(spoke::rtc::BitrateLadder::planFor(5'000'000, 640, 360, 30).height == 360); // never above the source
    CHECK(spoke::rtc::BitrateLadder::planFor(500'000, 640, 480, 30).width == 480); // 4:3 keeps its shape
    int previousHeight = 0;
    for (const auto& rung : spoke::rtc::BitrateLadder::rungs()) {
        CHECK(rung.height >= previousHeight);
        previousHeight = rung.height;
    }

    const auto thin = spoke::rtc::BitrateLadder::simulcast(200'000, 1280, 720, 30, 3);
    REQUIRE(thin.size() == 3);
    CHECK(thin[0].bitrateBps == 200'000);
    CHECK(thin[1].bitrateBps == 0);
    CHECK(thin[2].bitrateBps == 0);
    const auto wide = spoke::rtc::BitrateLadder::simulcast(2'500'000, 1280, 720, 30, 3);
    CHECK(wide[0].width == 320);
    CHECK(wide[1].width == 640);
    CHECK(wide[2].width == 1280);
    int total = 0;
    for (const auto& layer : wide) {
        CHECK(layer.bitrateBps > 0);
        total += layer.bitrateBps;
    }
    CHECK(total == 2'500'000);
}

TEST_CASE("Simulcast sends three decodable layers and re-plans them when bandwidth drops", "[media][simulcast]")
{
    const auto frames = test::patternFrames(1280, 720, 30, 40);
    SimulcastConfig config;
    config.sourceWidth = 1280;
    config.sourceHeight = 720;
    config.layerCount = 3;
    config.totalBitrateBps = 2'500'000;
    SimulcastEncoder encoder(config);
    std::vector<std::unique_ptr<VpxDecoder>> decoders;
    for (int i = 0; i < 3; ++i)
        decoders.push_back(std::make_unique<VpxDecoder>(VideoCodec::Vp8));
    std::array<int, 3> perLayer{};
    std::array<int, 3> afterDrop{};
    for (const auto& frame : frames) {
        if (frame.sequence() == 20)
            encoder.setTotalBitrateBps(200'000);
        for (const auto& encoded : encoder.encode(frame)) {
            const auto layer = static_cast<std::size_t>(encoded.layerIndex);
            const auto picture = decoders[layer]->decode(encoded.data);
            REQUIRE(picture);
            CHECK(picture->width() == 320 << layer);
            CHECK(FrameStamp::read(*picture).value->sequence == static_cast<std::uint32_t>(frame.sequence()));
            (frame.sequence() < 20 ? perLayer : afterDrop)[layer]++;
        }
    }
    for (int count : perLayer)
        CHECK(count >= 18);
    CHECK(afterDrop[0] >= 18);
    CHECK(afterDrop[1] == 0); // paused, not starved
    CHECK(afterDrop[2] == 0);
    CHECK(encoder.plan()[2].bitrateBps == 0);
}
