#include "UiWait.h"
#include "VideoViewWindow.h"
#include "media/video/TestPatternSource.h"
#include "viewmodels/CallMediaRouter.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
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

    std::thread worker([&] { w.view->onFrame(frame); });
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
            w.view->onFrame(frames[i]);
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

TEST_CASE("video view: the newest picture is converted on the render side, never on the producer's thread", "[ui][qml]")
{
    test::VideoViewWindow w(320, 180);
    // The thread the scene graph synchronises on: Qt Quick's render thread
    // (the UI thread itself with the software backend's render loop).
    std::mutex renderMutex;
    std::thread::id renderThread;
    QObject::connect(
        w.window, &QQuickWindow::beforeSynchronizing, w.window,
        [&] {
            const std::lock_guard lock(renderMutex);
            renderThread = std::this_thread::get_id();
        },
        Qt::DirectConnection);

    media::TestPatternSource source({.width = 320, .height = 180, .fps = 30, .paced = false});
    std::vector<media::VideoFrame> frames;
    for (int i = 0; i < 20; ++i)
        frames.push_back(source.read());
    std::thread::id producer;
    std::thread worker([&] {
        producer = std::this_thread::get_id();
        for (const auto& frame : frames)
            w.view->onFrame(frame);
    });
    worker.join();
    CHECK(w.view->framesConverted() == 0); // onFrame() only handed references over

    REQUIRE(test::waitUntil([&] { return w.view->framesShown() == 1; }, 5000));
    const auto stamp = stampIn(w.window->grabWindow());
    REQUIRE(stamp);
    CHECK(stamp->sequence == 19);
    // Twenty pictures arrived before one draw: one conversion, of the newest.
    CHECK(w.view->framesShown() == 1);
    CHECK(w.view->framesConverted() == 1);
    const std::lock_guard lock(renderMutex);
    CHECK(w.view->converterThread() == renderThread);
    CHECK(w.view->converterThread() != producer);
}

TEST_CASE("video view: pictures from a worker while tiles detach and views are destroyed are safe", "[ui][qml]")
{
    // Run under ASan (the asan preset): a picture handed to a view that is
    // gone would be a use after free here.
    media::TestPatternSource source({.width = 160, .height = 90, .fps = 30, .paced = false});
    const media::VideoFrame frame = source.read();
    auto router = std::make_shared<ui::CallMediaRouter>();
    constexpr quint64 kFeed = 7;

    std::atomic<bool> done{false};
    std::atomic<int> delivered{0};
    std::thread receiver([&, router] {
        while (!done) {
            router->remoteVideo(kFeed, frame);
            router->localVideo(frame);
            ++delivered;
        }
    });
    int shownSomewhere = 0;
    for (int round = 0; round < 20; ++round) {
        test::VideoViewWindow w(160, 90);
        router->attach(kFeed, w.view);
        router->attach(ui::CallMediaRouter::kSelf, w.view);
        const int before = delivered;
        while (delivered < before + 50)
            std::this_thread::yield();
        QCoreApplication::processEvents();
        shownSomewhere += w.view->framesShown() > 0 ? 1 : 0;
        if (round % 2 == 0) // half the tiles detach first, half are destroyed still attached
            router->detach(kFeed, w.view);
        // The window (and its view) is destroyed here while pictures keep coming.
    }
    // And a view that a producer holds only through its sink().
    std::shared_ptr<media::VideoSink> held;
    {
        test::VideoViewWindow w(160, 90);
        held = w.view->sink();
        held->onFrame(frame);
    }
    held->onFrame(frame); // dropped: the view is gone
    done = true;
    receiver.join();
    CHECK(shownSomewhere > 0);
    CHECK(router->activity(kFeed).pictures > 0);
    router->detachAll();
    CHECK(router->activity(kFeed).pictures == 0);
}
