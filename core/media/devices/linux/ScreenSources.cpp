#include "media/devices/ScreenSources.h"

#include <xcb/xcb.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace spoke::media {

namespace {

bool isSet(const char* value)
{
    return value && *value;
}

std::string hexId(std::uint32_t id)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%x", id);
    return text;
}

// xcb replies are malloc'd and freed with free() (xcb's own documentation).
template <typename T> using XcbReply = std::unique_ptr<T, decltype(&std::free)>;
template <typename T> XcbReply<T> owned(T* reply)
{
    return XcbReply<T>(reply, &std::free);
}

struct XcbConnection {
    xcb_connection_t* c = nullptr;
    int preferredScreen = 0;
    explicit XcbConnection(const std::string& display)
        : c(xcb_connect(display.empty() ? nullptr : display.c_str(), &preferredScreen))
    {
    }
    ~XcbConnection() { xcb_disconnect(c); } // also for a connection in error, as xcb asks
    XcbConnection(const XcbConnection&) = delete;
    XcbConnection& operator=(const XcbConnection&) = delete;
    bool ok() const { return c && xcb_connection_has_error(c) == 0; }
};

xcb_atom_t atom(xcb_connection_t* c, const char* name)
{
    auto reply = owned(
        xcb_intern_atom_reply(c, xcb_intern_atom(c, 1, static_cast<std::uint16_t>(std::strlen(name)), name), nullptr));
    return reply ? reply->atom : static_cast<xcb_atom_t>(XCB_ATOM_NONE);
}

// A property's bytes (at most 64 KiB of it: a title or a window list).
std::string property(xcb_connection_t* c, xcb_window_t window, xcb_atom_t name, xcb_atom_t type)
{
    if (name == XCB_ATOM_NONE)
        return {};
    auto reply = owned(xcb_get_property_reply(c, xcb_get_property(c, 0, window, name, type, 0, 16384), nullptr));
    if (!reply || reply->type == XCB_ATOM_NONE)
        return {};
    const int length = xcb_get_property_value_length(reply.get());
    return std::string(static_cast<const char*>(xcb_get_property_value(reply.get())),
                       static_cast<std::size_t>(std::max(0, length)));
}

std::vector<xcb_window_t> topLevelWindows(xcb_connection_t* c, xcb_window_t root)
{
    const std::string list = property(c, root, atom(c, "_NET_CLIENT_LIST"), XCB_ATOM_WINDOW);
    std::vector<xcb_window_t> ids(list.size() / sizeof(xcb_window_t));
    if (!ids.empty()) {
        std::memcpy(ids.data(), list.data(), ids.size() * sizeof(xcb_window_t));
        return ids;
    }
    // No EWMH window manager (Xvfb, a bare X server): the root's children.
    auto tree = owned(xcb_query_tree_reply(c, xcb_query_tree(c, root), nullptr));
    if (!tree)
        return {};
    const xcb_window_t* children = xcb_query_tree_children(tree.get());
    return std::vector<xcb_window_t>(children, children + xcb_query_tree_children_length(tree.get()));
}

X11Window describeWindow(xcb_connection_t* c, xcb_window_t id, xcb_atom_t netWmName, xcb_atom_t utf8)
{
    X11Window window;
    window.id = id;
    window.title = property(c, id, netWmName, utf8);
    if (window.title.empty())
        window.title = property(c, id, XCB_ATOM_WM_NAME, XCB_ATOM_STRING);
    if (auto geometry = owned(xcb_get_geometry_reply(c, xcb_get_geometry(c, id), nullptr))) {
        window.widthPx = geometry->width;
        window.heightPx = geometry->height;
    }
    auto attributes = owned(xcb_get_window_attributes_reply(c, xcb_get_window_attributes(c, id), nullptr));
    window.viewable = attributes && attributes->map_state == XCB_MAP_STATE_VIEWABLE;
    return window;
}

} // namespace

ScreenCaptureProblem screenCaptureProblem(const char* display, const char* waylandDisplay, const char* sessionType)
{
    if (isSet(waylandDisplay) || (isSet(sessionType) && std::strcmp(sessionType, "wayland") == 0))
        return ScreenCaptureProblem::Wayland;
    if (!isSet(display))
        return ScreenCaptureProblem::NoDisplay;
    return ScreenCaptureProblem::None;
}

std::vector<ScreenSource> describeScreenSources(const std::string& display, const std::vector<X11Screen>& screens,
                                                const std::vector<X11Window>& windows)
{
    std::vector<ScreenSource> sources;
    // DISPLAY names a screen (":0.1") or not (":0"); each screen gets its own number.
    const std::string host = display.substr(0, display.find('.', display.rfind(':')));
    for (std::size_t i = 0; i < screens.size(); ++i) {
        ScreenSource s;
        s.kind = ScreenSource::Kind::Screen;
        s.screenNumber = static_cast<int>(i);
        s.deviceId = "x11grab:" + host + "." + std::to_string(i);
        s.widthPx = screens[i].widthPx;
        s.heightPx = screens[i].heightPx;
        sources.push_back(std::move(s));
    }
    std::vector<ScreenSource> offered;
    for (const X11Window& w : windows) {
        if (!w.viewable || w.title.empty() || w.widthPx < kMinWindowPx || w.heightPx < kMinWindowPx)
            continue;
        ScreenSource s;
        s.kind = ScreenSource::Kind::Window;
        s.windowId = w.id;
        s.deviceId = "x11grab:window:" + hexId(w.id);
        s.title = w.title;
        s.widthPx = w.widthPx;
        s.heightPx = w.heightPx;
        offered.push_back(std::move(s));
    }
    std::stable_sort(offered.begin(), offered.end(),
                     [](const ScreenSource& a, const ScreenSource& b) { return a.title < b.title; });
    sources.insert(sources.end(), offered.begin(), offered.end());
    return sources;
}

ScreenSourceList listScreenSources(const std::string& display)
{
    ScreenSourceList list;
    const char* env = std::getenv("DISPLAY");
    list.display = display.empty() ? (env ? env : "") : display;
    list.problem =
        screenCaptureProblem(list.display.c_str(), std::getenv("WAYLAND_DISPLAY"), std::getenv("XDG_SESSION_TYPE"));
    if (list.problem != ScreenCaptureProblem::None)
        return list;
    XcbConnection x(list.display);
    if (!x.ok()) {
        list.problem = ScreenCaptureProblem::CannotConnect;
        return list;
    }
    std::vector<X11Screen> screens;
    std::vector<X11Window> windows;
    const xcb_atom_t netWmName = atom(x.c, "_NET_WM_NAME");
    const xcb_atom_t utf8 = atom(x.c, "UTF8_STRING");
    for (auto it = xcb_setup_roots_iterator(xcb_get_setup(x.c)); it.rem > 0; xcb_screen_next(&it)) {
        screens.push_back(X11Screen{it.data->width_in_pixels, it.data->height_in_pixels});
        for (xcb_window_t id : topLevelWindows(x.c, it.data->root))
            windows.push_back(describeWindow(x.c, id, netWmName, utf8));
    }
    list.sources = describeScreenSources(list.display, screens, windows);
    return list;
}

} // namespace spoke::media
