#include "MediaTestSupport.h"

#include "media/MediaError.h"
#include "media/video/FrameStamp.h"

#include <catch2/catch.hpp>

#include <cstring>

using namespace spoke::media;

TEST_CASE("A frame stamp reads back exactly from the picture it was written into", "[media][stamp]")
{
    for (const auto& [w, h] : std::vector<std::pair<int, int>>{{320, 180}, {640, 360}, {1280, 720}, {176, 144}}) {
        VideoFrame frame = VideoFrame::allocate(AV_PIX_FMT_YUV420P, w, h);
        std::memset(frame.mutablePlane(0), 90, static_cast<std::size_t>(frame.stride(0)) * h);
        const FrameStampValue value{0xDEADBEEF, 123456789};
        FrameStamp::write(frame, value);
        const auto reading = FrameStamp::read(frame);
        INFO(w << "x" << h << ": " << reading.whyNot);
        REQUIRE(reading.value);
        CHECK(*reading.value == value);
    }
}

TEST_CASE("The stamp reader says why it cannot read instead of guessing", "[media][stamp]")
{
    VideoFrame blank = VideoFrame::allocate(AV_PIX_FMT_YUV420P, 320, 180);
    std::memset(blank.mutablePlane(0), 128, static_cast<std::size_t>(blank.stride(0)) * 180);
    auto reading = FrameStamp::read(blank);
    CHECK_FALSE(reading.value);
    CHECK(reading.whyNot.find("no stamp") != std::string::npos);

    // Flip one data cell: the checksum catches it.
    VideoFrame damaged = VideoFrame::allocate(AV_PIX_FMT_YUV420P, 320, 180);
    FrameStamp::write(damaged, {42, 1000});
    const int cell = FrameStamp::cellPx(320);
    for (int y = 0; y < cell; ++y)
        for (int x = 20 * cell; x < 21 * cell; ++x) {
            std::uint8_t& px = damaged.mutablePlane(0)[y * damaged.stride(0) + x];
            px = px > 128 ? 16 : 235;
        }
    reading = FrameStamp::read(damaged);
    CHECK_FALSE(reading.value);
    CHECK(reading.whyNot.find("checksum") != std::string::npos);

    CHECK_FALSE(FrameStamp::read(VideoFrame{}).value);
    VideoFrame tiny = VideoFrame::allocate(AV_PIX_FMT_YUV420P, 100, 60);
    CHECK(FrameStamp::read(tiny).whyNot.find("too small") != std::string::npos);
    CHECK_THROWS_AS(FrameStamp::write(tiny, {1, 1}), MediaError);
}

TEST_CASE("Stamps survive VP8 at 150 kbit/s and 320x180", "[media][stamp][vp8]")
{
    const auto frames = test::patternFrames(320, 180, 30, 150);
    VpxEncoder encoder(test::encoderConfig(VideoCodec::Vp8, 320, 180, 150'000));
    VpxDecoder decoder(VideoCodec::Vp8);
    int decoded = 0;
    int read = 0;
    std::int64_t bytes = 0;
    for (const auto& frame : frames) {
        for (const auto& encoded : encoder.encode(frame)) {
            bytes += static_cast<std::int64_t>(encoded.data.size());
            const auto picture = decoder.decode(encoded.data);
            REQUIRE(picture);
            ++decoded;
            const auto reading = FrameStamp::read(*picture);
            INFO("frame " << frame.sequence() << ": " << reading.whyNot);
            REQUIRE(reading.value);
            CHECK(reading.value->sequence == static_cast<std::uint32_t>(frame.sequence()));
            CHECK(reading.value->captureTimeMs == static_cast<std::uint32_t>(frame.captureTimeUs() / 1000));
            ++read;
        }
    }
    CHECK(decoded >= 140); // rate control may drop a few
    CHECK(read == decoded);
    const double kbps = static_cast<double>(bytes) * 8 / (150.0 / 30) / 1000;
    CHECK(kbps < 200); // the stamp did not need a bigger budget
}

TEST_CASE("The test pattern paces like a camera and stamps every frame", "[media][stamp]")
{
    TestPatternSource source({320, 180, 50, true, AV_PIX_FMT_YUV420P});
    const auto start = std::chrono::steady_clock::now();
    std::int64_t previousMs = -1;
    for (int i = 0; i < 10; ++i) {
        const VideoFrame frame = source.read();
        REQUIRE_FALSE(frame.isNull());
        CHECK(frame.sequence() == i);
        const auto reading = FrameStamp::read(frame);
        REQUIRE(reading.value);
        CHECK(reading.value->sequence == static_cast<std::uint32_t>(i));
        CHECK(static_cast<std::int64_t>(reading.value->captureTimeMs) >= previousMs);
        previousMs = reading.value->captureTimeMs;
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(elapsed >= std::chrono::milliseconds(170)); // 9 intervals of 20 ms, minus scheduling slack
    source.interrupt();
    CHECK(source.read().isNull());
}
