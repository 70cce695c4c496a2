// The camera path's CPU, before and after pictures became references handed
// to media::VideoSink (hidden "[.bench]" case; run it by name, see
// core/media/README.md). The test pattern is captured at 640x360, 30 fps,
// paced like a camera, into a VideoView for SPOKE_BENCH_SECONDS (default
// 20) in each of two modes:
//  - "convert on capture": what VideoView::present did before, reproduced:
//    under a lock the drawing side also takes, swscale to RGB32 and a QImage
//    copy on the capture thread, then the RGB picture to the view;
//  - "sink reference": VideoView::onFrame, a reference into a one-slot
//    mailbox; the render side converts the newest picture once per draw.
// It prints the capture thread's CPU (all of it, and the hand-off alone),
// the UI thread's (which is also the render thread with the software
// backend), and the whole process's, as a share of one core.
#include "UiWait.h"
#include "VideoViewWindow.h"
#include "media/video/TestPatternSource.h"
#include "media/video/VideoConverter.h"
#include "util/ThreadCpu.h"

#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

using namespace spoke;

namespace {

std::int64_t processCpuUs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto us = [](const timeval& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000 + t.tv_usec; };
    return us(usage.ru_utime) + us(usage.ru_stime);
}

// The hand-off VideoView::present did on the producer's thread.
class ConvertOnCapture {
public:
    void present(ui::VideoView& view, const media::VideoFrame& frame)
    {
        const std::lock_guard lock(mutex_);
        if (!converter_)
            converter_ = std::make_unique<media::VideoConverter>(AV_PIX_FMT_RGB32, frame.width(), frame.height());
        const media::VideoFrame rgb = converter_->convert(frame);
        pending_ = QImage(rgb.plane(0), rgb.width(), rgb.height(), rgb.stride(0), QImage::Format_RGB32).copy();
        view.onFrame(rgb); // RGB32 at its own size: the view's converter passes it through
    }

private:
    std::mutex mutex_;
    std::unique_ptr<media::VideoConverter> converter_;
    QImage pending_;
};

struct Figures {
    double seconds = 0;
    std::int64_t captured = 0;
    std::int64_t captureCpuUs = 0;
    std::int64_t handOffCpuUs = 0;
    std::int64_t uiCpuUs = 0;
    std::int64_t processCpuUs = 0;
    int shown = 0;
    int converted = 0;

    Figures& operator+=(const Figures& o)
    {
        seconds += o.seconds;
        captured += o.captured;
        captureCpuUs += o.captureCpuUs;
        handOffCpuUs += o.handOffCpuUs;
        uiCpuUs += o.uiCpuUs;
        processCpuUs += o.processCpuUs;
        shown += o.shown;
        converted += o.converted;
        return *this;
    }
};

Figures run(bool convertOnCapture, int seconds)
{
    test::VideoViewWindow w(640, 360);
    ConvertOnCapture legacy;
    std::atomic<bool> stop{false};
    Figures f;
    std::thread capture([&] {
        media::TestPatternSource source({.width = 640, .height = 360, .fps = 30, .paced = true});
        const std::int64_t startUs = threadCpuUs();
        while (!stop) {
            const media::VideoFrame frame = source.read();
            const std::int64_t beforeUs = threadCpuUs();
            if (convertOnCapture)
                legacy.present(*w.view, frame);
            else
                w.view->onFrame(frame);
            f.handOffCpuUs += threadCpuUs() - beforeUs;
            ++f.captured;
        }
        f.captureCpuUs = threadCpuUs() - startUs;
    });
    const std::int64_t uiStartUs = threadCpuUs();
    const std::int64_t processStartUs = processCpuUs();
    const auto start = std::chrono::steady_clock::now();
    test::waitUntil([] { return false; }, seconds * 1000);
    stop = true;
    capture.join();
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    f.uiCpuUs = threadCpuUs() - uiStartUs;
    f.processCpuUs = processCpuUs() - processStartUs;
    f.shown = w.view->framesShown();
    f.converted = w.view->framesConverted();
    return f;
}

void print(const char* mode, const Figures& f)
{
    const auto share = [&](std::int64_t us) { return 100.0 * static_cast<double>(us) / (f.seconds * 1e6); };
    const auto perUs = [](std::int64_t us, std::int64_t count) {
        return count > 0 ? static_cast<double>(us) / static_cast<double>(count) : 0.0;
    };
    std::printf("%-20s %5.1f s  captured %4lld  shown %4d  converted on render side %4d\n"
                "%-20s capture thread %5.2f %% (hand-off %5.2f %%, %6.1f us/frame)  UI+render thread %5.2f %% "
                "(%6.0f us/picture shown)  process %5.2f %% (%6.0f us/frame captured)\n",
                mode, f.seconds, static_cast<long long>(f.captured), f.shown, f.converted, "", share(f.captureCpuUs),
                share(f.handOffCpuUs), perUs(f.handOffCpuUs, f.captured), share(f.uiCpuUs), perUs(f.uiCpuUs, f.shown),
                share(f.processCpuUs), perUs(f.processCpuUs, f.captured));
}

} // namespace

TEST_CASE("video view bench: camera path CPU, convert on capture vs sink reference", "[.bench]")
{
    const int seconds =
        qEnvironmentVariableIsSet("SPOKE_BENCH_SECONDS") ? qEnvironmentVariableIntValue("SPOKE_BENCH_SECONDS") : 20;
    // Alternating 5 s rounds, so whatever else the machine does weighs on
    // both modes alike.
    Figures before;
    Figures after;
    for (int done = 0; done < seconds; done += 5) {
        before += run(true, std::min(5, seconds - done));
        after += run(false, std::min(5, seconds - done));
    }
    print("convert on capture", before);
    print("sink reference", after);
    CHECK(before.shown > 0);
    CHECK(after.shown > 0);
    CHECK(after.handOffCpuUs < before.handOffCpuUs);
}
