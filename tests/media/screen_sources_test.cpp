// The screen-share chooser's list (core/media/devices/ScreenSources): the
// pure parts from sample X answers, and the xcb listing against a private
// Xvfb with a titled window made here.
#include "media/devices/ScreenSources.h"
#include "support/RequireAll.h"

#include <catch2/catch.hpp>

#include <xcb/xcb.h>

#include <QCoreApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

#include <cstring>

using namespace spoke::media;

TEST_CASE("Screen sources: Wayland or no display gives a reason, X11 gives none", "[media][screen]")
{
    CHECK(screenCaptureProblem(nullptr, nullptr, nullptr) == ScreenCaptureProblem::NoDisplay);
    CHECK(screenCaptureProblem("", nullptr, "x11") == ScreenCaptureProblem::NoDisplay);
    CHECK(screenCaptureProblem(":0", nullptr, "x11") == ScreenCaptureProblem::None);
    CHECK(screenCaptureProblem(":0", nullptr, nullptr) == ScreenCaptureProblem::None);
    // XWayland sets DISPLAY too, but x11grab would see only X clients.
    CHECK(screenCaptureProblem(":0", "wayland-0", "wayland") == ScreenCaptureProblem::Wayland);
    CHECK(screenCaptureProblem(":0", nullptr, "wayland") == ScreenCaptureProblem::Wayland);
    CHECK(screenCaptureProblem(nullptr, "wayland-0", nullptr) == ScreenCaptureProblem::Wayland);
}

TEST_CASE("Screen sources: screens first, then titled viewable windows by title, as x11grab names them",
          "[media][screen]")
{
    const std::vector<X11Screen> screens{{1920, 1080}, {1366, 768}};
    const std::vector<X11Window> windows{
        {0x1c00007, "Spoke", 1366, 768, true},
        {0x2a00003, "", 800, 600, true}, // a frame or a dock: no title
        {0x2a00009, "Lab results.pdf", 1000, 700, true},
        {0x2a0000b, "Minimised", 800, 600, false},
        {0x2a0000d, "Tooltip", 40, 20, true}, // too small to share
    };
    const auto sources = describeScreenSources(":0.1", screens, windows);
    REQUIRE(sources.size() == 4);
    CHECK(sources[0].kind == ScreenSource::Kind::Screen);
    CHECK(sources[0].deviceId == "x11grab::0.0");
    CHECK(sources[1].deviceId == "x11grab::0.1");
    CHECK(sources[1].widthPx == 1366);
    CHECK(sources[2].kind == ScreenSource::Kind::Window);
    CHECK(sources[2].title == "Lab results.pdf");
    CHECK(sources[2].deviceId == "x11grab:window:0x2a00009");
    CHECK(sources[3].title == "Spoke");
    CHECK(sources[3].windowId == 0x1c00007u);

    // A display with a host and no screen number.
    CHECK(describeScreenSources("localhost:10", {{800, 600}}, {})[0].deviceId == "x11grab:localhost:10.0");
}

TEST_CASE("Screen sources: a display nobody serves is a reason, not a crash", "[media][screen]")
{
    if (std::getenv("WAYLAND_DISPLAY"))
        return; // the Wayland answer comes first there (tested above)
    const auto list = listScreenSources(":987");
    CHECK(list.problem == ScreenCaptureProblem::CannotConnect);
    CHECK(list.sources.empty());
    CHECK(list.display == ":987");
}

TEST_CASE("Screen sources: a titled window on a private Xvfb is listed with the screen", "[media][screen]")
{
    if (std::getenv("WAYLAND_DISPLAY")) {
        SPOKE_SKIP_OR_FAIL("a Wayland session answers first");
        return;
    }
    const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
    if (xvfb.isEmpty()) {
        SPOKE_SKIP_OR_FAIL("Xvfb is not installed");
        return;
    }
    const std::string display = ":" + std::to_string(150 + QCoreApplication::applicationPid() % 100);
    QProcess server;
    server.start(xvfb, {QString::fromStdString(display), QStringLiteral("-screen"), QStringLiteral("0"),
                        QStringLiteral("1024x640x24"), QStringLiteral("-nolisten"), QStringLiteral("tcp")});
    REQUIRE(server.waitForStarted());
    xcb_connection_t* c = nullptr;
    for (int i = 0; i < 50 && !c; ++i) {
        c = xcb_connect(display.c_str(), nullptr);
        if (xcb_connection_has_error(c)) {
            xcb_disconnect(c);
            c = nullptr;
            QThread::msleep(100);
        }
    }
    REQUIRE(c);
    xcb_screen_t* screen = xcb_setup_roots_iterator(xcb_get_setup(c)).data;
    const xcb_window_t window = xcb_generate_id(c);
    xcb_create_window(c, XCB_COPY_FROM_PARENT, window, screen->root, 10, 10, 400, 300, 0, XCB_WINDOW_CLASS_INPUT_OUTPUT,
                      screen->root_visual, 0, nullptr);
    const char* title = "Ward round checklist";
    xcb_change_property(c, XCB_PROP_MODE_REPLACE, window, XCB_ATOM_WM_NAME, XCB_ATOM_STRING, 8,
                        static_cast<std::uint32_t>(std::strlen(title)), title);
    xcb_map_window(c, window);
    xcb_flush(c);
    free(xcb_get_input_focus_reply(c, xcb_get_input_focus(c), nullptr)); // a round trip: the server has it all

    const auto list = listScreenSources(display);
    CHECK(list.problem == ScreenCaptureProblem::None);
    REQUIRE(list.sources.size() == 2);
    CHECK(list.sources[0].kind == ScreenSource::Kind::Screen);
    CHECK(list.sources[0].widthPx == 1024);
    CHECK(list.sources[0].heightPx == 640);
    CHECK(list.sources[1].title == title);
    CHECK(list.sources[1].windowId == window);
    CHECK(list.sources[1].widthPx == 400);

    xcb_disconnect(c);
    server.terminate();
    server.waitForFinished(5000);
}
