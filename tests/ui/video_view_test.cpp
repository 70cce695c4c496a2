#include "UiWait.h"
#include "VideoViewWindow.h"
#include "media/video/TestPatternSource.h"

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

using namespace spoke;
using test::stampIn;

TEST_CASE("video view: a picture presented from a worker thread is drawn with its stamp readable", "[ui][qml]")
{
    const auto format = GENERATE(AV_PIX_FMT_YUV420P, AV_PIX_FMT_YUYV422);
    test::VideoViewWindow w(320, 180);
    media::TestPatternSource source({.width = 320, .height = 180, .fps = 30, .paced = false, .pixelFormat = format});
    for (int i = 0; i < 4; ++i)
        source.read();
    const media::VideoFrame frame = source.read();

    std::thread worker([&] { w.view->present(frame, 133); });
    worker.join();
    REQUIRE(test::waitUntil([&] { return w.view->framesShown() == 1; }, 5000));
    CHECK(w.view->hasPicture());
    CHECK(w.view->pictureSize() == QSize(320, 180));

    const auto stamp = stampIn(w.window->grabWindow());
    REQUIRE(stamp);
    CHECK(stamp->sequence == 4);
}

TEST_CASE("video view: pictures that arrive while the UI thread is busy collapse to the newest", "[ui][qml]")
{
    test::VideoViewWindow w(320, 180);
    media::TestPatternSource source({.width = 320, .height = 180, .fps = 30, .paced = false});
    std::vector<media::VideoFrame> frames;
    for (int i = 0; i < 10; ++i)
        frames.push_back(source.read());
    // The UI thread does not spin while these arrive, as during a long frame.
    std::thread worker([&] {
        for (std::size_t i = 0; i < frames.size(); ++i)
            w.view->present(frames[i], static_cast<std::int64_t>(i));
    });
    worker.join();
    REQUIRE(test::waitUntil([&] { return w.view->framesShown() >= 1; }, 5000));
    QCoreApplication::processEvents();

    CHECK(w.view->framesShown() == 1);
    const auto stamp = stampIn(w.view->currentImage());
    REQUIRE(stamp);
    CHECK(stamp->sequence == 9);

    w.view->clear();
    CHECK_FALSE(w.view->hasPicture());
    CHECK_FALSE(stampIn(w.window->grabWindow()));
}
