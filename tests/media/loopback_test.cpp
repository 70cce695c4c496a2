#include "MediaTestSupport.h"

#include "media/video/FrameStamp.h"
#include "media/video/Psnr.h"

#include <catch2/catch.hpp>

using namespace spoke::media;

// The acceptance loop of issue 4: test source → VP8 at 640x360 and
// 500 kbit/s → decode. Quality must hold (≥ 35 dB) and every stamped
// frame number must arrive, in order, none missing.
TEST_CASE("Loopback at 640x360 and 500 kbit/s keeps 35 dB and every stamped frame in order", "[media][loopback]")
{
    constexpr int kFrames = 300; // 10 s at 30 fps
    const auto frames = test::patternFrames(640, 360, 30, kFrames);
    auto config = test::encoderConfig(VideoCodec::Vp8, 640, 360, 500'000);
    config.allowFrameDrop = false; // the check is "none missing"; a live sender may drop
    VpxEncoder encoder(config);
    VpxDecoder decoder(VideoCodec::Vp8);

    std::vector<std::uint32_t> received;
    double psnrSum = 0;
    std::size_t bytes = 0;
    for (const auto& frame : frames) {
        for (const auto& encoded : encoder.encode(frame)) {
            bytes += encoded.data.size();
            const auto picture = decoder.decode(encoded.data);
            REQUIRE(picture);
            psnrSum += psnrDb(frame, *picture);
            const auto stamp = FrameStamp::read(*picture);
            INFO(stamp.whyNot);
            REQUIRE(stamp.value);
            received.push_back(stamp.value->sequence);
        }
    }
    REQUIRE(received.size() == kFrames);
    for (std::size_t i = 0; i < received.size(); ++i)
        REQUIRE(received[i] == i);
    const double psnr = psnrSum / static_cast<double>(received.size());
    const double kbps = static_cast<double>(bytes) * 8 / (kFrames / 30.0) / 1000;
    INFO("PSNR " << psnr << " dB at " << kbps << " kbit/s");
    CHECK(psnr >= 35.0);
    CHECK(kbps < 575); // within 15 % of the target
}
