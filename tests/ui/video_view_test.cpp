#include "UiWait.h"
#include "media/video/FrameStamp.h"
#include "media/video/TestPatternSource.h"
#include "viewmodels/VideoView.h"

#include <catch2/catch.hpp>

#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

#include <thread>
#include <vector>

using namespace spoke;

namespace {

// Reads the test pattern's stamp back out of drawn pixels, so the tests check
// what a person would see, not just that something arrived.
std::optional<media::FrameStampValue> stampIn(const QImage& image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    return media::FrameStamp::read(gray.constBits(), static_cast<int>(gray.bytesPerLine()), gray.width(), gray.height())
        .value;
}

struct ViewWindow {
    QQmlApplicationEngine engine;
    QQuickWindow* window = nullptr;
    ui::VideoView* view = nullptr;

    ViewWindow()
    {
        engine.loadData(R"(
            import QtQuick
            import Spoke.Ui
            Window {
                width: 320; height: 180; visible: true
                property alias view: view
                VideoView { id: view; anchors.fill: parent }
            })");
        REQUIRE(engine.rootObjects().size() == 1);
        window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        REQUIRE(window);
        view = window->property("view").value<ui::VideoView*>();
        REQUIRE(view);
    }
};

} // namespace

TEST_CASE("video view: a picture presented from a worker thread is drawn with its stamp readable", "[ui][qml]")
{
    const auto format = GENERATE(AV_PIX_FMT_YUV420P, AV_PIX_FMT_YUYV422);
    ViewWindow w;
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
    ViewWindow w;
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
