#include "support/TempDir.h"

#include "media/MediaError.h"
#include "media/devices/DeviceRegistry.h"
#include "media/devices/FfmpegVideoSource.h"
#include "media/video/FrameStamp.h"
#include "media/video/TestPatternSource.h"
#include "media/video/Y4mWriter.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace spoke::media;

namespace {

bool hasDevice(const std::vector<DeviceInfo>& devices, const std::string& id)
{
    return std::any_of(devices.begin(), devices.end(), [&](const DeviceInfo& d) { return d.id == id; });
}

void writePattern(const std::filesystem::path& path, int frames)
{
    TestPatternSource source({320, 180, 30, false, AV_PIX_FMT_YUV420P});
    Y4mWriter writer(path, 320, 180, 30);
    for (int i = 0; i < frames; ++i)
        writer.write(source.render(i, i * 33'333));
}

} // namespace

TEST_CASE("Synthetic devices are listed and opened like real ones", "[media][devices]")
{
    DeviceRegistry registry;
    const auto devices = registry.enumerate();
    CHECK(hasDevice(devices, "synthetic:test-pattern"));
    CHECK(hasDevice(devices, "synthetic:tone"));
    auto camera = registry.openVideo("synthetic:test-pattern", {320, 180, 30});
    const VideoFrame frame = camera->read();
    CHECK(frame.width() == 320);
    CHECK(FrameStamp::read(frame).value);
    auto microphone = registry.openAudio("synthetic:tone");
    CHECK(microphone->read().sampleCount() == 960);
}

TEST_CASE("A camera path that does not exist gives a clear error and a fallback", "[media][devices]")
{
    DeviceRegistry registry;
    const auto start = std::chrono::steady_clock::now();
    try {
        registry.openVideo("v4l2:/dev/video-spoke-missing", {640, 360, 30});
        FAIL("opened a camera that does not exist");
    } catch (const MediaError& error) {
        CHECK(error.kind() == MediaErrorKind::DeviceNotFound);
        CHECK(std::string(error.what()).find("/dev/video-spoke-missing") != std::string::npos);
    }
    CHECK_THROWS_AS(registry.openVideo("nosuchbackend:x", {640, 360, 30}), MediaError);
    CHECK_THROWS_AS(registry.openVideo("no-colon", {640, 360, 30}), MediaError);
    CHECK_THROWS_AS(registry.openVideo("file:/nonexistent/clip.y4m", {640, 360, 30}), MediaError);

    auto opened = registry.openVideoOrFallback("v4l2:/dev/video-spoke-missing", {320, 180, 30});
    REQUIRE(opened.source);
    CHECK(opened.source->device().synthetic);
    CHECK(opened.error.find("No camera at /dev/video-spoke-missing") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("A screen grab without an X display is refused promptly, not hung", "[media][devices]")
{
    DeviceRegistry registry;
    const auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(registry.openVideo("x11grab::97", {640, 360, 5}), MediaError);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(6));
}

TEST_CASE("A test-pattern file plays back through the FFmpeg source with its stamps", "[media][devices]")
{
    spoke::test::TempDir dir;
    const auto path = dir.path() / "pattern.y4m";
    writePattern(path, 12);
    DeviceRegistry registry;
    auto source = registry.openVideo("file:" + path.string(), {});
    for (int i = 0; i < 12; ++i) {
        const VideoFrame frame = source->read();
        REQUIRE_FALSE(frame.isNull());
        CHECK(frame.width() == 320);
        CHECK(FrameStamp::read(frame).value->sequence == static_cast<std::uint32_t>(i));
    }
    CHECK(source->read().isNull());
    CHECK(dynamic_cast<FfmpegVideoSource&>(*source).ended());
}

TEST_CASE("A device that stops delivering mid-stream fails its read in bounded time", "[media][devices]")
{
    // A FIFO behaves like a capture device: the writer sends a few pictures
    // and then goes silent while keeping the pipe open, like a wedged camera.
    // The read end is non-blocking, as capture devices are opened.
    spoke::test::TempDir dir;
    const auto clip = dir.path() / "clip.y4m";
    writePattern(clip, 5);
    const auto fifo = dir.path() / "camera.y4m";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const int readEnd = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(readEnd >= 0);
    std::atomic<bool> opened{false};
    std::atomic<bool> release{false};
    std::thread writer([&] {
        const int out = ::open(fifo.c_str(), O_WRONLY);
        opened = true;
        std::FILE* in = std::fopen(clip.c_str(), "rb");
        char buffer[4096];
        std::size_t n = 0;
        while ((n = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
            std::size_t done = 0;
            while (done < n) {
                const ssize_t written = ::write(out, buffer + done, n - done);
                if (written > 0)
                    done += static_cast<std::size_t>(written);
            }
        }
        std::fclose(in);
        while (!release.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        ::close(out);
    });
    while (!opened.load())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));

    {
        const std::string url = "pipe:" + std::to_string(readEnd);
        FfmpegVideoSource source({"file:" + fifo.string(), "wedged camera", "file", DeviceKind::Camera, false, false},
                                 "yuv4mpegpipe", url, {}, false);
        int frames = 0;
        const auto start = std::chrono::steady_clock::now();
        try {
            for (;;) {
                if (source.read().isNull())
                    break;
                ++frames;
            }
            FAIL("the read returned instead of reporting the lost device");
        } catch (const MediaError& error) {
            CHECK(error.kind() == MediaErrorKind::DeviceLost);
            CHECK(std::string(error.what()).find("stopped delivering") != std::string::npos);
        }
        CHECK(frames == 5);
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(8));
    }
    release = true;
    writer.join();
    ::close(readEnd);
}

TEST_CASE("The ALSA null device works as a real microphone through swresample", "[media][devices]")
{
    DeviceRegistry registry;
    std::unique_ptr<AudioSource> microphone;
    try {
        microphone = registry.openAudio("alsa:null");
    } catch (const MediaError& error) {
        WARN("ALSA null device unavailable here: " << error.what());
        return;
    }
    for (int i = 0; i < 5; ++i) {
        const AudioFrame frame = microphone->read();
        REQUIRE(frame.sampleCount() == 960);
        CHECK(frame.sequence() == i);
    }
}
