// The screen-share chooser on Windows: the whole desktop through gdigrab.
// Listing windows (EnumWindows) is left for later; gdigrab opens one by
// title ("gdigrab:title=…") when the id is typed. Untested on real Windows
// (core/media/README.md, "Platforms").
#include "media/devices/ScreenSources.h"

namespace spoke::media {

ScreenSourceList listScreenSources(const std::string& /*display*/)
{
    ScreenSourceList list;
    ScreenSource desktop;
    desktop.kind = ScreenSource::Kind::Screen;
    desktop.deviceId = "gdigrab:desktop";
    list.sources.push_back(desktop);
    return list;
}

} // namespace spoke::media
