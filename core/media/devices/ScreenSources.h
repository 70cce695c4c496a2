#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace spoke::media {

// What a screen share can show: a whole X screen or one top-level window,
// named as DeviceRegistry opens them ("x11grab::0.0", "x11grab:window:0x…";
// core/call/README.md, "Screen sharing"). Listed from the X server with xcb
// (no xwininfo), for the app's chooser.
struct ScreenSource {
    enum class Kind { Screen, Window };
    Kind kind = Kind::Screen;
    std::string deviceId;
    std::string title; // a window's own title (anyone's text: show it as plain text); empty for a screen
    int screenNumber = 0; // for a screen
    std::uint32_t windowId = 0; // for a window
    int widthPx = 0;
    int heightPx = 0;
};

// Why nothing can be listed: a typed reason the UI words itself.
enum class ScreenCaptureProblem {
    None,
    NoDisplay, // no DISPLAY: headless, or a console
    Wayland, // a Wayland session: x11grab sees only X clients, not the screen
    CannotConnect, // DISPLAY is set, but the X server refused or is gone
};

struct ScreenSourceList {
    std::vector<ScreenSource> sources; // screens first, then windows by title
    ScreenCaptureProblem problem = ScreenCaptureProblem::None;
    std::string display; // the DISPLAY used
};

// Whether x11grab can capture here, from the environment alone (values of
// DISPLAY, WAYLAND_DISPLAY and XDG_SESSION_TYPE; null when unset). Pure.
ScreenCaptureProblem screenCaptureProblem(const char* display, const char* waylandDisplay, const char* sessionType);

// A top-level window as the X server describes it.
struct X11Window {
    std::uint32_t id = 0;
    std::string title;
    int widthPx = 0;
    int heightPx = 0;
    bool viewable = true; // mapped and on screen (not minimised or withdrawn)
};

// The chooser's list from what X said: every screen, then the windows worth
// offering (viewable, titled, at least kMinWindowPx on each side; the
// window manager's frames and docks have no title), sorted by title. Pure.
constexpr int kMinWindowPx = 64;
struct X11Screen {
    int widthPx = 0;
    int heightPx = 0;
};
std::vector<ScreenSource> describeScreenSources(const std::string& display, const std::vector<X11Screen>& screens,
                                                const std::vector<X11Window>& windows);

// Asks the X server on `display` (DISPLAY when empty): screens from the
// connection setup, windows from the window manager's _NET_CLIENT_LIST, or
// the root's mapped children when there is no EWMH window manager. Titles
// from _NET_WM_NAME (UTF-8), else WM_NAME. A few round trips per window, no
// waiting on anyone else: safe on any thread, one connection per call.
ScreenSourceList listScreenSources(const std::string& display = {});

} // namespace spoke::media
