#include "UiWait.h"
#include "media/video/FrameStamp.h"
#include "media/video/TestPatternSource.h"
#include "viewmodels/VideoPresenter.h"

#include <catch2/catch.hpp>

#include <QVideoFrame>
#include <QVideoSink>

#include <thread>

using namespace spoke;

namespace {

// Reads the stamp back out of what the sink would draw, so the test checks
// the pixels, not just that a frame arrived.
std::optional<media::FrameStampValue> stampIn(QVideoFrame frame)
{
    if (!frame.map(QVideoFrame::ReadOnly))
        return std::nullopt;
    const auto reading = media::FrameStamp::read(frame.bits(0), frame.bytesPerLine(0), frame.width(), frame.height());
    frame.unmap();
    return reading.value;
}

media::VideoFrame stampedFrame(AVPixelFormat format, std::uint32_t sequence)
{
    media::TestPatternSource source({.width = 320, .height = 180, .fps = 30, .paced = false, .pixelFormat = format});
    media::VideoFrame frame;
    for (std::uint32_t i = 0; i <= sequence; ++i)
        frame = source.read();
    return frame;
}

} // namespace

TEST_CASE("video presenter: a frame presented from a worker thread reaches the sink with its stamp intact", "[ui]")
{
    const auto format = GENERATE(AV_PIX_FMT_YUV420P, AV_PIX_FMT_YUYV422);
    QVideoSink sink;
    ui::VideoPresenter presenter;
    presenter.setVideoSink(&sink);

    std::thread worker([&] { presenter.present(stampedFrame(format, 4), 133); });
    worker.join();
    REQUIRE(test::waitUntil([&] { return presenter.framesShown() == 1; }, 5000));

    const QVideoFrame shown = sink.videoFrame();
    CHECK(shown.width() == 320);
    CHECK(shown.height() == 180);
    CHECK(shown.startTime() == 133'000);
    const auto stamp = stampIn(shown);
    REQUIRE(stamp);
    CHECK(stamp->sequence == 4);
}

TEST_CASE("video presenter: frames that arrive while the UI thread is busy collapse to the newest", "[ui]")
{
    QVideoSink sink;
    ui::VideoPresenter presenter;
    presenter.setVideoSink(&sink);

    media::TestPatternSource source({.width = 320, .height = 180, .fps = 30, .paced = false});
    // The UI thread does not spin while these arrive, like a busy frame.
    std::thread worker([&] {
        for (int i = 0; i < 10; ++i)
            presenter.present(source.read(), i);
    });
    worker.join();
    REQUIRE(test::waitUntil([&] { return presenter.framesShown() >= 1; }, 5000));
    QCoreApplication::processEvents();

    CHECK(presenter.framesShown() == 1);
    const auto stamp = stampIn(sink.videoFrame());
    REQUIRE(stamp);
    CHECK(stamp->sequence == 9);

    presenter.clear();
    CHECK_FALSE(sink.videoFrame().isValid());
}
