// The screen-share chooser on macOS: avfoundation's "Capture screen N"
// devices, from the list FFmpeg logs. Windows cannot be captured one at a
// time through avfoundation. Untested on a real Mac (core/media/README.md,
// "Platforms"); screen recording needs the user's permission in System
// Settings, which macOS asks for on first capture.
#include "media/devices/ScreenSources.h"

#include "media/devices/FfmpegDeviceLog.h"
#include "media/devices/FfmpegDevices.h"
#include "media/devices/macos/AvfoundationDevices.h"

extern "C" {
#include <libavdevice/avdevice.h>
}

namespace spoke::media {

ScreenSourceList listScreenSources(const std::string& /*display*/)
{
    registerFfmpegDevices();
    ScreenSourceList list;
    for (const DeviceInfo& info :
         macos::avfoundationDeviceInfos(macos::parseAvfoundationDeviceList(listDevicesLog("avfoundation")))) {
        if (info.kind != DeviceKind::Screen)
            continue;
        ScreenSource screen;
        screen.kind = ScreenSource::Kind::Screen;
        screen.deviceId = info.id;
        screen.screenNumber = static_cast<int>(list.sources.size());
        list.sources.push_back(screen);
    }
    if (list.sources.empty())
        list.problem = ScreenCaptureProblem::CannotConnect;
    return list;
}

} // namespace spoke::media
