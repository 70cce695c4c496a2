// The stamped text pattern and its reader, and the screen-content encoder
// profile measured on it: bytes per frame and how much of the text a
// receiver reads back at 150 kbit/s.
#include "media/MediaError.h"
#include "media/video/FrameStamp.h"
#include "media/video/SimulcastEncoder.h"
#include "media/video/TextPatternSource.h"
#include "media/video/TextStamp.h"
#include "media/video/VpxDecoder.h"
#include "media/video/VpxEncoder.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>

using namespace spoke::media;

namespace {

constexpr int kWidth = 1280;
constexpr int kHeight = 720;
constexpr int kFps = 5;

VideoFrame textFrame(std::int64_t sequence)
{
    const TextPatternSource source({kWidth, kHeight, kFps, false});
    return source.render(sequence, 1'000'000 + sequence * 1'000'000 / kFps);
}

// What a lossy codec does to text, exaggerated: a 3x3 box blur, luma
// quantised to steps of 12, and noise of +-6.
void degrade(VideoFrame& frame)
{
    const int w = frame.width();
    const int h = frame.height();
    std::vector<std::uint8_t> copy(static_cast<std::size_t>(w) * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            copy[static_cast<std::size_t>(y) * w + x] =
                frame.plane(0)[static_cast<std::ptrdiff_t>(y) * frame.stride(0) + x];
    std::mt19937 random(7);
    std::uniform_int_distribution<int> noise(-6, 6);
    for (int y = 1; y < h - 1; ++y)
        for (int x = 1; x < w - 1; ++x) {
            int sum = 0;
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx)
                    sum += copy[static_cast<std::size_t>(y + dy) * w + x + dx];
            const int value = std::clamp((sum / 9) / 12 * 12 + noise(random), 0, 255);
            frame.mutablePlane(0)[static_cast<std::ptrdiff_t>(y) * frame.stride(0) + x] =
                static_cast<std::uint8_t>(value);
        }
}

struct Measured {
    int encoded = 0;
    int decoded = 0;
    int readCorrectly = 0;
    std::size_t bytes = 0;
    std::size_t largestBytes = 0;
};

// `seconds` of the text pattern through one encoder and a decoder.
Measured run(const VpxEncoderConfig& config, int seconds)
{
    VpxEncoder encoder(config);
    VpxDecoder decoder(config.codec);
    Measured m;
    for (int i = 0; i < seconds * config.fps; ++i) {
        const TextPatternSource source({config.width, config.height, config.fps, false});
        const auto picture = source.render(i, 1'000'000 + std::int64_t{i} * 1'000'000 / config.fps);
        for (const auto& frame : encoder.encode(picture)) {
            ++m.encoded;
            m.bytes += frame.data.size();
            m.largestBytes = std::max(m.largestBytes, frame.data.size());
            const auto decoded = decoder.decode(frame.data);
            if (!decoded)
                continue;
            ++m.decoded;
            const auto reading = TextStamp::read(*decoded);
            if (reading.frame && *reading.frame == static_cast<std::uint32_t>(i))
                ++m.readCorrectly;
        }
    }
    return m;
}

void print(const char* name, const Measured& m, int pictures)
{
    std::printf("%-28s %3d of %3d pictures sent, %5zu bytes/frame (largest %6zu), text read in %5.1f %% of decoded\n",
                name, m.encoded, pictures, m.encoded ? m.bytes / static_cast<std::size_t>(m.encoded) : 0,
                m.largestBytes, m.decoded ? 100.0 * m.readCorrectly / m.decoded : 0.0);
}

} // namespace

TEST_CASE("The text pattern reads back from a clean picture", "[media][screen]")
{
    for (const std::int64_t sequence : {0, 1, 77, 123456}) {
        const auto frame = textFrame(sequence);
        const auto reading = TextStamp::read(frame);
        INFO(reading.whyNot);
        REQUIRE(reading.frame);
        CHECK(*reading.frame == static_cast<std::uint32_t>(sequence));
        CHECK(reading.linesCorrect == TextStamp::kLiveLines);
        CHECK(reading.lines == TextStamp::liveLines(static_cast<std::uint32_t>(sequence)));
        // The camera's stamp rides along for frame numbers and latency.
        CHECK(FrameStamp::read(frame).value->sequence == static_cast<std::uint32_t>(sequence));
    }
    // Each live line changes every frame, and its checksum with it.
    CHECK(TextStamp::liveLines(1)[0] != TextStamp::liveLines(2)[0]);
    CHECK(TextStamp::liveLines(5)[2].substr(0, 12) == "F00000005 L2");
}

TEST_CASE("The text pattern reads back through blur, quantisation and noise", "[media][screen]")
{
    auto frame = textFrame(4242);
    degrade(frame);
    const auto reading = TextStamp::read(frame);
    INFO(reading.whyNot);
    REQUIRE(reading.frame);
    CHECK(*reading.frame == 4242u);
}

TEST_CASE("The text reader says when the text is wrong", "[media][screen]")
{
    auto frame = textFrame(31);
    const auto layout = TextStamp::layoutFor(kWidth, kHeight);
    // One glyph of the third live line changed: the frame number still
    // parses, the line does not match what frame 31 carries.
    std::string line = TextStamp::liveLines(31)[2];
    line[20] = line[20] == '7' ? '1' : '7';
    TextStamp::drawText(frame.mutablePlane(0), frame.stride(0), layout, 0, layout.liveRows[2], line);
    auto reading = TextStamp::read(frame);
    CHECK_FALSE(reading.frame);
    CHECK(reading.linesCorrect == TextStamp::kLiveLines - 1);
    CHECK(reading.lines[2] == line); // read as drawn: the reader saw the wrong glyph, not noise
    CHECK(reading.whyNot == "1 of 4 lines misread");

    // Lines of two different frames on one picture do not make a frame.
    auto mixed = textFrame(40);
    TextStamp::drawText(mixed.mutablePlane(0), mixed.stride(0), layout, 0, layout.liveRows[0],
                        TextStamp::liveLines(41)[0]);
    CHECK_FALSE(TextStamp::read(mixed).frame);

    // A camera picture carries no text.
    const TextPatternSource source({kWidth, kHeight, kFps, false});
    auto blank = source.render(3, 0);
    for (int y = 0; y < kHeight; ++y)
        std::memset(blank.mutablePlane(0) + static_cast<std::ptrdiff_t>(y) * blank.stride(0), 235, kWidth);
    CHECK_FALSE(TextStamp::read(blank).frame);
    CHECK(TextStamp::layoutFor(200, 120).columns == 0);
}

TEST_CASE("The screen-content profile keeps the camera's settings apart", "[media][screen]")
{
    VpxEncoderConfig camera;
    camera.width = kWidth;
    camera.height = kHeight;
    camera.fps = kFps;
    camera.bitrateBps = 150'000;
    camera.allowFrameDrop = false;
    const auto screen = screenContentProfile(camera);
    CHECK(screen.screenContent);
    CHECK(screen.allowFrameDrop); // a change larger than the budget drops a picture rather than blurring it
    CHECK(screen.width == kWidth);
    CHECK(screen.height == kHeight);
    CHECK(screen.fps == kFps);
    CHECK(screen.bitrateBps == 150'000);
    CHECK(screen.codec == camera.codec);
    CHECK_FALSE(camera.screenContent);

    // The camera's ladder buys 180p at 150 kbit/s; a share keeps its size.
    SimulcastConfig simulcast;
    simulcast.sourceWidth = kWidth;
    simulcast.sourceHeight = kHeight;
    simulcast.maxFps = kFps;
    simulcast.layerCount = 3;
    simulcast.totalBitrateBps = 150'000;
    simulcast.screenContent = true;
    SimulcastEncoder shared(simulcast);
    REQUIRE(shared.plan().size() == 1);
    CHECK(shared.plan()[0].width == kWidth);
    CHECK(shared.plan()[0].height == kHeight);
    CHECK(shared.plan()[0].fps == kFps);
    simulcast.screenContent = false;
    simulcast.layerCount = 1;
    SimulcastEncoder cameraLike(simulcast);
    CHECK(cameraLike.plan()[0].height == 180);
}

TEST_CASE("Screen content at 150 kbit/s stays readable", "[media][screen][vp8]")
{
    constexpr int kSeconds = 20;
    VpxEncoderConfig camera;
    camera.width = kWidth;
    camera.height = kHeight;
    camera.fps = kFps;
    camera.bitrateBps = 150'000;
    const auto screen = run(screenContentProfile(camera), kSeconds);
    print("VP8 screen-content profile", screen, kSeconds * kFps);
    print("VP8 camera settings", run(camera, kSeconds), kSeconds * kFps);
    auto vp9 = camera;
    vp9.codec = VideoCodec::Vp9;
    print("VP9 screen tuning", run(screenContentProfile(vp9), kSeconds), kSeconds * kFps);

    CHECK(screen.encoded >= kSeconds * kFps * 8 / 10);
    CHECK(screen.decoded == screen.encoded);
    CHECK(screen.readCorrectly >= screen.decoded * 95 / 100);
    // Within the budget: 150 kbit/s at 5 fps is 3750 bytes a frame.
    CHECK(screen.bytes * 8 / kSeconds <= 150'000 * 115 / 100);
}
