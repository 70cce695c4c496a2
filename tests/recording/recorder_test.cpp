#include "Fixtures.h"
#include "media/MediaClock.h"
#include "recording/RecordingError.h"
#include "recording/RecordingProbe.h"
#include "recording/Recorder.h"
#include "support/RequireAll.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <sys/mount.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <thread>

using namespace spoke;
using namespace spoke::recording;

namespace {

media::VideoFrame flatFrame(int width, int height, std::uint8_t luma)
{
    media::VideoFrame frame = media::VideoFrame::allocate(AV_PIX_FMT_YUV420P, width, height);
    for (int plane = 0; plane < 3; ++plane) {
        const int rows = plane == 0 ? height : height / 2;
        std::memset(frame.mutablePlane(plane), plane == 0 ? luma : 128,
                    static_cast<std::size_t>(frame.stride(plane)) * static_cast<std::size_t>(rows));
    }
    return frame;
}

// Feeds both participants for `seconds` at 25 fps from this thread.
void feed(Recorder& recorder, double seconds)
{
    const media::VideoFrame speaker = flatFrame(640, 360, 235);
    const media::VideoFrame screen = flatFrame(1280, 720, 16);
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    std::int64_t sequence = 0;
    while (std::chrono::steady_clock::now() < end) {
        recorder.pushVideo("speaker", speaker);
        recorder.pushVideo("screen", screen);
        media::AudioFrame sound = media::AudioFrame::allocate(960, media::MediaClock::nowUs(), sequence++);
        auto samples = sound.mutableSamples();
        for (std::size_t i = 0; i < samples.size(); ++i)
            samples[i] = static_cast<std::int16_t>((i / 24) % 2 ? 4000 : -4000); // 1 kHz square
        recorder.pushAudio("speaker", sound);
        recorder.pushAudio("screen", sound);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

std::vector<std::uint8_t> lastLuma(const std::filesystem::path& file, const std::filesystem::path& out)
{
    test::ffmpeg({QStringLiteral("-sseof"), QStringLiteral("-0.5"), QStringLiteral("-i"),
                  QString::fromStdString(file.string()), QStringLiteral("-frames:v"), QStringLiteral("1"),
                  QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                  QString::fromStdString(out.string())});
    std::ifstream in(out, std::ios::binary);
    std::vector<std::uint8_t> yuv{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    yuv.resize(std::min<std::size_t>(yuv.size(), 320u * 180u)); // the luma plane
    return yuv;
}

RecorderConfig smallConfig(const std::filesystem::path& file)
{
    RecorderConfig config;
    config.file = file;
    config.width = 320;
    config.height = 180;
    config.fps = 15;
    config.videoBitrateBps = 400'000;
    config.diskMarginBytes = 1 << 20;
    return config;
}

} // namespace

TEST_CASE("A shared screen is recorded full frame with the active speaker inset", "[recording][recorder]")
{
    test::TempDir dir;
    const auto file = dir / "composed.webm";
    Recorder recorder(smallConfig(file));
    recorder.setActiveSpeaker("speaker");
    recorder.setScreenShare("screen");
    feed(recorder, 2.0);
    const RecorderStatus status = recorder.stop();
    CHECK(status.stopReason == StopReason::Requested);
    CHECK_FALSE(status.audioOnly);
    CHECK(status.videoFramesEncoded >= 25);
    CHECK(status.audioFramesEncoded >= 90);

    const auto luma = lastLuma(file, dir / "last.yuv");
    REQUIRE(luma.size() == 320u * 180u);
    const auto at = [&](int x, int y) { return luma[static_cast<std::size_t>(y * 320 + x)]; };
    CHECK(at(40, 40) < 40); // the dark screen fills the frame
    CHECK(at(280, 155) > 200); // the bright speaker sits bottom right (80x44 inset)
    CHECK(at(200, 100) < 40);

    const ProbeResult probe = RecordingProbe::probe(file);
    CHECK(probe.readToEnd);
    CHECK(probe.playableMs == Approx(2000).margin(300));
}

TEST_CASE("A machine that cannot keep up steps down, then records audio only and says so", "[recording][recorder]")
{
    test::TempDir dir;
    const auto file = dir / "overloaded.webm";
    RecorderConfig config = smallConfig(file);
    config.fps = 10;
    config.maxEncodeLoad = 1e-6; // every real encode counts as too slow
    Recorder recorder(config);
    feed(recorder, 4.5);
    const RecorderStatus status = recorder.stop();
    CHECK(status.audioOnly);
    CHECK(status.fallbackReason.find("audio only") != std::string::npos);
    CHECK(status.audioFramesEncoded >= 200);
    const ProbeResult probe = RecordingProbe::probe(file);
    CHECK(probe.readToEnd);
    CHECK(probe.playableMs == Approx(4500).margin(400)); // audio goes on to the end
}

TEST_CASE("Recording does not start without room on the disk", "[recording][recorder]")
{
    test::TempDir dir;
    RecorderConfig config = smallConfig(dir / "never.webm");
    config.diskMarginBytes = static_cast<std::int64_t>(std::filesystem::space(dir.path()).available);
    try {
        Recorder recorder(config);
        FAIL("recording started on a disk without its margin");
    } catch (const RecordingError& error) {
        CHECK(error.kind() == RecordingErrorKind::DiskFull);
        CHECK(std::string(error.what()).find("free") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(dir / "never.webm"));
}

namespace {

// A small tmpfs mounted over a directory for one test, so "the disk fills
// up" happens on a real filesystem with a real size; unmounted at the end.
class SmallDisk {
public:
    SmallDisk(const std::filesystem::path& where, const char* size) : path_(where)
    {
        const std::string options = std::string("size=") + size;
        mounted_ = ::mount("tmpfs", where.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0;
    }
    ~SmallDisk()
    {
        if (mounted_)
            ::umount2(path_.c_str(), MNT_DETACH);
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;
    bool mounted() const { return mounted_; }
    std::int64_t availableBytes() const { return static_cast<std::int64_t>(std::filesystem::space(path_).available); }
    // Something else on the laptop (a download, another program) takes the
    // space down to `leftBytes`.
    void fillUntil(std::int64_t leftBytes, const std::string& name) const
    {
        std::ofstream out(path_ / name, std::ios::binary);
        const std::vector<char> chunk(64 * 1024, 'x');
        std::int64_t toWrite = availableBytes() - leftBytes;
        while (toWrite > 0) {
            const auto n = std::min<std::int64_t>(toWrite, static_cast<std::int64_t>(chunk.size()));
            out.write(chunk.data(), n);
            toWrite -= n;
        }
    }

private:
    std::filesystem::path path_;
    bool mounted_ = false;
};

} // namespace

// The "stops cleanly before the disk fills", on a real 8 MiB tmpfs
// that other writes fill while the recording runs: first the recorder drops
// video to save space, then it stops and finishes the file while there is
// still room for the trailer, and says why. Needs root for the mount.
TEST_CASE("A recording on a filling disk falls back to audio, then stops cleanly before the disk is full", "[recording][recorder][disk]")
{
    test::TempDir dir;
    const auto mountPoint = dir / "small";
    std::filesystem::create_directories(mountPoint);
    SmallDisk disk(mountPoint, "8m");
    if (!disk.mounted()) {
        SPOKE_SKIP_OR_FAIL("cannot mount a tmpfs here (not root?): the disk-full test did not run");
        return;
    }
    const auto file = mountPoint / "filling.webm";
    RecorderConfig config = smallConfig(file);
    config.diskMarginBytes = 1 << 20;
    Recorder recorder(config);
    feed(recorder, 1.5);
    disk.fillUntil(1536 << 10, "download-1"); // 1.5 MiB left: below twice the margin
    feed(recorder, 1.5);
    CHECK(recorder.status().audioOnly);
    CHECK(recorder.status().fallbackReason.find("Disk space is running low") != std::string::npos);
    disk.fillUntil(512 << 10, "download-2"); // 0.5 MiB left: below the margin
    feed(recorder, 0.2);
    REQUIRE(recorder.waitUntilStopped(std::chrono::seconds(5)));
    const RecorderStatus status = recorder.stop();
    INFO(status.stopMessage);
    CHECK(status.stopReason == StopReason::DiskFull);
    CHECK(status.stopMessage.find("keep the disk from filling up") != std::string::npos);
    CHECK(disk.availableBytes() > 0); // stopped before the disk was full
    CHECK_FALSE(recorder.isRecording());

    const ProbeResult probe = RecordingProbe::probe(file);
    INFO(probe.problem);
    CHECK(probe.readToEnd);
    CHECK(probe.durationMs > 0); // the trailer fitted: a clean stop
    CHECK(probe.playableMs == Approx(3200).margin(1200));
    const auto decoded = test::runProcess(QStringLiteral("ffmpeg"),
                                          {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"),
                                           QString::fromStdString(file.string()), QStringLiteral("-f"), QStringLiteral("null"),
                                           QStringLiteral("-")});
    CHECK(decoded.exitCode == 0);
}
