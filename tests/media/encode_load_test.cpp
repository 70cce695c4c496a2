// A sender on a machine too slow for its picture: EncodeLoadMonitor's
// advice from encode times, SimulcastEncoder stepping its size for it, and
// VideoSendPipeline measuring the load as it runs.
#include "MediaTestSupport.h"

#include "media/pipeline/VideoSendPipeline.h"
#include "media/video/EncodeLoadMonitor.h"
#include "media/video/SimulcastEncoder.h"

#include <catch2/catch.hpp>

#include <thread>

using namespace spoke::media;
using Advice = EncodeLoadMonitor::Advice;

namespace {

constexpr std::int64_t kFrameUs = 33'333;

// Feeds `seconds` of 30 fps pictures that each take `share` of the frame
// interval to encode; returns the capture time of the first advice other
// than Keep (and the advice), or nothing.
struct Outcome {
    Advice advice = Advice::Keep;
    std::int64_t atUs = -1;
};

Outcome run(EncodeLoadMonitor& monitor, std::int64_t& nowUs, double seconds, double share, bool scaledDown)
{
    const auto frames = static_cast<int>(seconds * 30);
    for (int i = 0; i < frames; ++i) {
        nowUs += kFrameUs;
        const auto advice = monitor.onFrameEncoded(nowUs, static_cast<std::int64_t>(share * kFrameUs), scaledDown);
        if (advice != Advice::Keep)
            return {advice, nowUs};
    }
    return {};
}

} // namespace

TEST_CASE("Encoding that takes most of each frame interval is told to step down after two checks", "[media][cpu]")
{
    EncodeLoadMonitor monitor;
    std::int64_t nowUs = 1'000'000;
    const auto outcome = run(monitor, nowUs, 10, 0.95, false);
    REQUIRE(outcome.advice == Advice::ScaleDown);
    // Two overused checks, 2 s apart, after the smoothing has caught up.
    CHECK(outcome.atUs - 1'000'000 >= 3'900'000);
    CHECK(outcome.atUs - 1'000'000 <= 6'100'000);
    CHECK(monitor.usage() == 0); // starts afresh at the new size
}

TEST_CASE("A one-second stall in calm encoding is no reason to step down", "[media][cpu]")
{
    EncodeLoadMonitor monitor;
    std::int64_t nowUs = 0;
    CHECK(run(monitor, nowUs, 5, 0.2, false).advice == Advice::Keep);
    CHECK(run(monitor, nowUs, 1, 2.0, false).advice == Advice::Keep);
    CHECK(run(monitor, nowUs, 20, 0.2, false).advice == Advice::Keep);
}

TEST_CASE("A sender steps back up after a calm spell, and waits twice as long after a wrong step up", "[media][cpu]")
{
    EncodeLoadMonitor monitor;
    std::int64_t nowUs = 0;
    SECTION("never up from full size")
    {
        CHECK(run(monitor, nowUs, 60, 0.1, false).advice == Advice::Keep);
    }
    SECTION("up after 10 s of calm, then 20 s after a step up that was undone")
    {
        const std::int64_t start = nowUs;
        const auto up = run(monitor, nowUs, 30, 0.2, true);
        REQUIRE(up.advice == Advice::ScaleUp);
        CHECK(up.atUs - start >= 10'000'000);
        CHECK(up.atUs - start <= 13'000'000);
        // The bigger picture is too much: down again within the window.
        REQUIRE(run(monitor, nowUs, 10, 0.95, true).advice == Advice::ScaleDown);
        const std::int64_t calmFrom = nowUs;
        const auto second = run(monitor, nowUs, 40, 0.2, true);
        REQUIRE(second.advice == Advice::ScaleUp);
        CHECK(second.atUs - calmFrom >= 20'000'000);
    }
}

TEST_CASE("A simulcast sender steps its whole plan down for the CPU and back, and receivers follow",
          "[media][cpu][simulcast]")
{
    SimulcastConfig config;
    config.sourceWidth = 1280;
    config.sourceHeight = 720;
    config.layerCount = 1;
    config.totalBitrateBps = 2'500'000;
    SimulcastEncoder encoder(config);
    REQUIRE(encoder.plan().front().height == 720);

    const auto pictures = test::patternFrames(1280, 720, 30, 60);
    VpxDecoder decoder(VideoCodec::Vp8);
    std::vector<int> heights;
    std::vector<int> decodedHeights;
    auto encodeSome = [&](int from) {
        for (int i = from; i < from + 6; ++i)
            for (const auto& frame : encoder.encode(pictures[static_cast<std::size_t>(i)])) {
                heights.push_back(frame.height);
                const auto picture = decoder.decode(frame.data);
                REQUIRE(picture);
                decodedHeights.push_back(picture->height());
            }
    };
    encodeSome(0);
    int steps = 0;
    while (encoder.scaleDownForCpu()) {
        ++steps;
        encodeSome(6 * steps);
    }
    CHECK(steps == 4); // 540, 360, 270, 180
    CHECK(encoder.cpuScaleSteps() == 4);
    CHECK(encoder.plan().front().height == 180);
    CHECK(encoder.plan().front().width == 320);
    while (encoder.scaleUpForCpu())
        ;
    CHECK(encoder.plan().front().height == 720);
    encodeSome(54);
    CHECK(heights == decodedHeights);
    CHECK(std::find(heights.begin(), heights.end(), 540) != heights.end());
    CHECK(std::find(heights.begin(), heights.end(), 180) != heights.end());
    CHECK(heights.back() == 720);
}

TEST_CASE("The send pipeline measures how much of each frame interval encoding takes", "[media][cpu][pipeline]")
{
    VideoSendPipeline::Config config;
    config.encoder.sourceWidth = 640;
    config.encoder.sourceHeight = 360;
    config.encoder.totalBitrateBps = 500'000;
    VideoSendPipeline pipeline(
        std::make_unique<TestPatternSource>(TestPatternSource::Config{640, 360, 30, true, AV_PIX_FMT_YUV420P}), nullptr,
        config);
    pipeline.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    pipeline.stop();
    const auto stats = pipeline.stats();
    INFO("usage " << stats.encodeUsage);
    // 360p VP8 takes a few ms of a 33 ms interval, even under a sanitizer.
    CHECK(stats.encodeUsage > 0.005);
    CHECK(stats.encodeUsage < 0.85);
    CHECK(stats.cpuScaleSteps == 0);
    CHECK(stats.encodeCpuUs > 0);
    CHECK(stats.captureCpuUs > 0);
}
