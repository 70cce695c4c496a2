#include "Fixtures.h"
#include "media/VideoSink.h"
#include "recording/AudioOutput.h"
#include "recording/Player.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <vector>

using namespace spoke;
using namespace spoke::recording;

namespace {

class CapturingSink final : public media::VideoSink {
public:
    void onFrame(const media::VideoFrame& frame) override
    {
        std::lock_guard lock(mutex);
        last = frame;
        lastPtsMs = frame.captureTimeUs() / 1000;
        ++count;
    }
    std::mutex mutex;
    media::VideoFrame last;
    std::int64_t lastPtsMs = -1;
    std::int64_t count = 0;
};

// Frequency of a steady tone from its zero crossings.
double toneFrequencyHz(const std::vector<std::int16_t>& samples, std::size_t from, std::size_t to)
{
    int crossings = 0;
    for (std::size_t i = from + 1; i < to; ++i) {
        if ((samples[i - 1] < 0) != (samples[i] < 0))
            ++crossings;
    }
    return crossings / 2.0 / (static_cast<double>(to - from) / AudioOutput::kSampleRateHz);
}

// The luma of frame `index` as decoded by the ffmpeg CLI.
std::vector<std::uint8_t> referenceLuma(const std::filesystem::path& file, int index, int width, int height,
                                        const std::filesystem::path& out)
{
    test::ffmpeg({QStringLiteral("-i"), QString::fromStdString(file.string()), QStringLiteral("-vf"),
                  QStringLiteral("select=eq(n\\,%1)").arg(index), QStringLiteral("-frames:v"), QStringLiteral("1"),
                  QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"),
                  QStringLiteral("yuv420p"), QString::fromStdString(out.string())});
    std::ifstream in(out, std::ios::binary);
    std::vector<std::uint8_t> luma((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(luma.size() == static_cast<std::size_t>(width * height * 3 / 2));
    luma.resize(static_cast<std::size_t>(width * height));
    return luma;
}

bool sameLuma(const media::VideoFrame& frame, const std::vector<std::uint8_t>& luma)
{
    for (int row = 0; row < frame.height(); ++row) {
        if (std::memcmp(frame.plane(0) + static_cast<std::ptrdiff_t>(row) * frame.stride(0),
                        luma.data() + static_cast<std::ptrdiff_t>(row) * frame.width(),
                        static_cast<std::size_t>(frame.width()))
            != 0)
            return false;
    }
    return true;
}

} // namespace

TEST_CASE("A 720p recording at 1.5x plays without drops, in sync, with the tone's pitch kept", "[recording][player]")
{
    test::TempDir dir;
    const auto file = test::makeWebm(dir / "hd.webm", QStringLiteral("1280x720"), 30, 8, 1000);
    NullAudioOutput audio(1);
    std::vector<std::int16_t> heard;
    audio.setTap(
        [&](std::span<const std::int16_t> samples) { heard.insert(heard.end(), samples.begin(), samples.end()); });
    CapturingSink sink;
    PlayerConfig config;
    config.audio = &audio;
    config.video = &sink;
    config.speed = 1.5;
    Player player(file, config);
    REQUIRE(player.waitForPicture(std::chrono::seconds(5)));
    const auto began = std::chrono::steady_clock::now();
    player.play();
    REQUIRE(player.waitUntilFinished(std::chrono::seconds(20)));
    const double wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();

    const PlayerStats stats = player.stats();
    CHECK(stats.framesDecoded == 240);
    CHECK(stats.framesPresented == 240);
    CHECK(stats.droppedFrames == 0);
    CHECK(stats.maxAvDriftMs < 40);
    CHECK(stats.problem.empty());
    CHECK(wallSeconds == Approx(8.0 / 1.5).epsilon(0.12));
    // 8 s of media in 5.33 s of sound, and still a 1000 Hz tone (a plain
    // resample would have made it 1500 Hz).
    CHECK(static_cast<double>(heard.size()) == Approx(8.0 / 1.5 * 48000).epsilon(0.03));
    REQUIRE(heard.size() > 48000 * 2);
    CHECK(toneFrequencyHz(heard, 24000, heard.size() - 24000) == Approx(1000).margin(15));
}

TEST_CASE("Seeking shows exactly the frame on screen at the target, also while paused", "[recording][player]")
{
    test::TempDir dir;
    const auto file = test::makeWebm(dir / "seek.webm", QStringLiteral("320x240"), 25, 10, 440, 50);
    NullAudioOutput audio(2);
    CapturingSink sink;
    PlayerConfig config;
    config.audio = &audio;
    config.video = &sink;
    Player player(file, config);
    REQUIRE(player.waitForPicture(std::chrono::seconds(5)));
    // ffmpeg starts the video a few ms late to leave room for Opus pre-roll;
    // positions are the file's own timestamps.
    std::int64_t firstPtsMs = 0;
    {
        std::lock_guard lock(sink.mutex);
        firstPtsMs = sink.lastPtsMs;
    }
    REQUIRE(firstPtsMs >= 0);
    REQUIRE(firstPtsMs < 40);

    // Each target lies inside one 40 ms frame; 3470 ms is 1.5 s after a keyframe.
    for (const std::int64_t targetMs : std::vector<std::int64_t>{3470, 7000, 5000 + firstPtsMs, 41}) {
        const int index = static_cast<int>((targetMs - firstPtsMs) / 40);
        player.seek(targetMs);
        REQUIRE(player.waitForPicture(std::chrono::seconds(5)));
        std::lock_guard lock(sink.mutex);
        INFO("seek to " << targetMs << " ms, frame " << index);
        CHECK(sink.lastPtsMs == firstPtsMs + index * 40);
        CHECK(sameLuma(sink.last, referenceLuma(file, index, 320, 240, dir / "ref.yuv")));
        CHECK(player.positionMs() == targetMs);
    }
    // Playing on from a seek continues from there.
    player.seek(9000);
    REQUIRE(player.waitForPicture(std::chrono::seconds(5)));
    player.play();
    REQUIRE(player.waitUntilFinished(std::chrono::seconds(10)));
    CHECK(player.stats().droppedFrames == 0);
}

TEST_CASE("Chapters are listed and next/previous chapter move between them", "[recording][player]")
{
    test::TempDir dir;
    std::ofstream(dir / "chapters.txt") << ";FFMETADATA1\ntitle=Session 12\n"
                                           "[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=2000\ntitle=Didactic\n"
                                           "[CHAPTER]\nTIMEBASE=1/1000\nSTART=2000\nEND=5000\ntitle=Case 1\n"
                                           "[CHAPTER]\nTIMEBASE=1/1000\nSTART=5000\nEND=6000\ntitle=Case 2\n";
    const auto file = test::makeWebm(dir / "chapters.webm", QStringLiteral("320x240"), 25, 6, 440, 25,
                                     QString::fromStdString((dir / "chapters.txt").string()));
    NullAudioOutput audio(2);
    PlayerConfig config;
    config.audio = &audio;
    Player player(file, config);
    REQUIRE(player.info().chapters.size() == 3);
    CHECK(player.info().chapters[1].title == "Case 1");
    CHECK(player.info().title == "Session 12");
    REQUIRE(player.waitForPicture(std::chrono::seconds(5)));
    CHECK(player.currentChapter() == 0u);
    INFO("position " << player.positionMs() << " chapters " << player.info().chapters[0].startMs << ","
                     << player.info().chapters[1].startMs << "," << player.info().chapters[2].startMs);
    player.nextChapter();
    CHECK(player.positionMs() == 2000);
    player.nextChapter();
    CHECK(player.positionMs() == 5000);
    CHECK(player.currentChapter() == 2u);
    player.previousChapter(); // just started: to the chapter before
    CHECK(player.positionMs() == 2000);
    player.seek(4200);
    player.previousChapter(); // well into "Case 1": back to its start
    CHECK(player.positionMs() == 2000);
    REQUIRE(player.waitForPicture(std::chrono::seconds(5)));
}

TEST_CASE("A cut-off or damaged file plays as far as it is readable and says so", "[recording][player]")
{
    test::TempDir dir;
    const auto file = test::makeWebm(dir / "whole.webm", QStringLiteral("320x240"), 25, 6, 440, 25);
    const auto size = std::filesystem::file_size(file);
    std::filesystem::copy_file(file, dir / "cut.webm");
    std::filesystem::resize_file(dir / "cut.webm", size / 2);
    std::filesystem::copy_file(file, dir / "damaged.webm");
    {
        std::fstream damaged(dir / "damaged.webm", std::ios::in | std::ios::out | std::ios::binary);
        damaged.seekp(static_cast<std::streamoff>(size * 6 / 10));
        const std::string garbage(4096, '\xa5');
        damaged.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
    }
    for (const char* name : {"cut.webm", "damaged.webm"}) {
        INFO(name);
        NullAudioOutput audio(2);
        PlayerConfig config;
        config.audio = &audio;
        config.speed = 2.0;
        Player player(dir / name, config);
        player.play();
        REQUIRE(player.waitUntilFinished(std::chrono::seconds(15)));
        const PlayerStats stats = player.stats();
        CHECK(stats.framesPresented > 40);
        if (std::string(name) == "cut.webm") {
            CHECK(stats.framesPresented < 130);
            CHECK(stats.readableUntilMs < 4500);
            CHECK(stats.problem.find("cut short") != std::string::npos);
        } else {
            CHECK(stats.framesPresented + stats.droppedFrames >= 100); // reading went on past the damage
        }
    }
}
