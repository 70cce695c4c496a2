#include "Fixtures.h"
#include "media/audio/OpusVoiceEncoder.h"
#include "media/audio/ToneMarker.h"
#include "media/video/TestPatternSource.h"
#include "media/video/VpxEncoder.h"
#include "recording/RecordingError.h"
#include "recording/RecordingProbe.h"
#include "recording/WebmWriter.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace spoke;
using namespace spoke::recording;

namespace {

// Three seconds of the synthetic camera and microphone through the real
// VP8 and Opus encoders into a WebmWriter, with two chapters.
std::filesystem::path writeSample(const std::filesystem::path& file, int seconds = 3)
{
    WebmWriterConfig config;
    config.file = file;
    config.width = 320;
    config.height = 180;
    config.fps = 25;
    config.title = "Writer sample";
    WebmWriter writer(config);
    media::TestPatternSource camera({320, 180, 25, false});
    media::VpxEncoderConfig vpx;
    vpx.width = 320;
    vpx.height = 180;
    vpx.fps = 25;
    vpx.maxKeyframeIntervalFrames = 50;
    media::VpxEncoder video(vpx);
    media::OpusVoiceEncoder audio({48'000, 0, false, false, 10});
    for (int frame = 0; frame < seconds * 25; ++frame) {
        media::VideoFrame picture = camera.render(frame, frame * 40'000);
        for (const auto& encoded : video.encode(picture))
            writer.writeVideo(encoded.data, frame * 40, encoded.keyframe);
        for (int block = 0; block < 2; ++block) {
            media::AudioFrame sound = media::AudioFrame::allocate(960);
            media::ToneMarker::synthesize(frame * 2 + block, sound.mutableSamples());
            writer.writeAudio(audio.encode(sound), frame * 40 + block * 20, 960);
        }
        if (frame == 10)
            writer.addChapter(400, "Didactic");
        if (frame == 40)
            writer.addChapter(1600, "Case 1");
    }
    writer.finish();
    return file;
}

} // namespace

TEST_CASE("WebmWriter output is read by ffprobe with tracks, duration and chapters", "[recording][writer]")
{
    test::TempDir dir;
    const auto file = writeSample(dir / "sample.webm");
    const auto shown = test::runProcess(QStringLiteral("ffprobe"),
                                        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_chapters"),
                                         QStringLiteral("-show_format"), QString::fromStdString(file.string())});
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.out.find("title=Didactic") != std::string::npos);
    CHECK(shown.out.find("title=Case 1") != std::string::npos);
    CHECK(shown.out.find("start_time=1.600000") != std::string::npos);

    const ProbeResult probe = RecordingProbe::probe(file);
    CHECK(probe.container.find("webm") != std::string::npos);
    CHECK(probe.title == "Writer sample");
    CHECK(probe.readToEnd);
    CHECK(probe.durationMs >= 2900);
    CHECK(probe.playableMs >= 2900);
    REQUIRE(probe.tracks.size() == 2);
    CHECK(probe.tracks[0].codec == "vp8");
    CHECK(probe.tracks[0].width == 320);
    CHECK(probe.tracks[1].codec == "opus");
    CHECK(probe.tracks[1].sampleRateHz == 48000);
    REQUIRE(probe.chapters.size() == 2);
    CHECK(probe.chapters[0].startMs == 400);
    CHECK(probe.chapters[0].endMs == 1600);
    CHECK(probe.chapters[1].title == "Case 1");
}

TEST_CASE("A truncated recording is probed as far as it plays, and ffmpeg decodes it", "[recording][probe]")
{
    test::TempDir dir;
    const auto file = writeSample(dir / "full.webm", 4);
    const auto size = std::filesystem::file_size(file);
    std::filesystem::copy_file(file, dir / "cut.webm");
    std::filesystem::resize_file(dir / "cut.webm", size * 55 / 100);

    const ProbeResult probe = RecordingProbe::probe(dir / "cut.webm");
    CHECK(probe.playableMs > 1000);
    CHECK(probe.playableMs < 3500);
    CHECK_FALSE(probe.readToEnd);
    CHECK_FALSE(probe.problem.empty());
    const auto decoded = test::runProcess(QStringLiteral("ffmpeg"),
                                          {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"),
                                           QString::fromStdString((dir / "cut.webm").string()), QStringLiteral("-f"),
                                           QStringLiteral("null"), QStringLiteral("-")});
    CHECK(decoded.exitCode == 0);
}

TEST_CASE("Probing something that is not media names the file and says why", "[recording][probe]")
{
    test::TempDir dir;
    std::ofstream(dir / "notes.webm") << "these are meeting notes, not a recording\n";
    try {
        RecordingProbe::probe(dir / "notes.webm");
        FAIL("expected a RecordingError");
    } catch (const RecordingError& error) {
        CHECK(error.kind() == RecordingErrorKind::NotMedia);
        CHECK(std::string(error.what()).find("notes.webm") != std::string::npos);
    }
    CHECK_THROWS_AS(RecordingProbe::probe(dir / "missing.webm"), RecordingError);
}
