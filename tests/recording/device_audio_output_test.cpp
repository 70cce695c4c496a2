#include "Fixtures.h"
#include "media/MediaError.h"
#include "media/VideoSink.h"
#include "recording/DeviceAudioOutput.h"
#include "recording/Player.h"
#include "support/StandInSpeaker.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using namespace spoke;
using namespace spoke::recording;
using Clock = std::chrono::steady_clock;

namespace {

class CountingSink final : public media::VideoSink {
public:
    void onFrame(const media::VideoFrame&) override { ++count; }
    std::atomic<int> count{0};
};

} // namespace

TEST_CASE("device audio output: the clock follows what the speaker played, never ahead of it", "[recording]")
{
    DeviceAudioOutput output(std::make_unique<test::StandInSpeaker>());
    const std::vector<std::int16_t> chunk(960, 1000);
    const auto began = Clock::now();
    std::int64_t last = 0;
    bool monotonic = true;
    for (int i = 0; i < 50; ++i) { // 1 s of sound
        REQUIRE(output.write(chunk));
        const std::int64_t played = output.playedFrames();
        monotonic = monotonic && played >= last;
        CHECK(played <= output.writtenFrames());
        last = played;
    }
    CHECK(monotonic);
    const double wallMs = std::chrono::duration<double, std::milli>(Clock::now() - began).count();
    // Writes block on the device: one second of sound takes about one
    // second of wall time (less the queue and the speaker's buffer).
    CHECK(wallMs > 1000 - 100 - 40 - 30);
    const double clockMs = static_cast<double>(output.playedFrames()) / 48.0;
    CHECK(clockMs == Approx(wallMs).margin(30 + 100 + 40));
    CHECK(output.error().empty());

    // A seek: what was queued is dropped and the clock holds until the
    // speaker is past what it already had.
    output.flush();
    const std::int64_t atFlush = output.playedFrames();
    CHECK(output.writtenFrames() == atFlush);
    REQUIRE(output.write(chunk));
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    CHECK(output.playedFrames() > atFlush);
    CHECK(output.playedFrames() <= atFlush + 960);
}

TEST_CASE("device audio output: a player drives its pictures from the speaker's clock, in sync", "[recording][player]")
{
    test::TempDir dir;
    const auto file = test::makeWebm(dir / "clip.webm", QStringLiteral("320x180"), 30, 3, 1000);
    DeviceAudioOutput audio(std::make_unique<test::StandInSpeaker>());
    CountingSink sink;
    PlayerConfig config;
    config.audio = &audio;
    config.video = &sink;
    Player player(file, config);
    REQUIRE(player.waitForPicture(std::chrono::seconds(5)));
    const auto began = Clock::now();
    player.play();
    REQUIRE(player.waitUntilFinished(std::chrono::seconds(10)));
    const double wallSeconds = std::chrono::duration<double>(Clock::now() - began).count();
    const PlayerStats stats = player.stats();
    CHECK(stats.framesPresented == 90);
    CHECK(stats.droppedFrames == 0);
    CHECK(stats.maxAvDriftMs < 40);
    CHECK(wallSeconds == Approx(3.0).epsilon(0.12));
}

TEST_CASE("device audio output: a speaker unplugged mid-play ends the sound with a reason, not a hang", "[recording]")
{
    DeviceAudioOutput output(std::make_unique<test::StandInSpeaker>(48'000 / 2));
    const std::vector<std::int16_t> chunk(960, 1000);
    const auto began = Clock::now();
    bool refused = false;
    for (int i = 0; i < 100 && !refused; ++i)
        refused = !output.write(chunk);
    CHECK(refused);
    CHECK(std::chrono::duration<double>(Clock::now() - began).count() < 2.0);
    CHECK(output.error().find("unplugged") != std::string::npos);
}
