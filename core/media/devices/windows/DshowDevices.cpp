#include "media/devices/windows/DshowDevices.h"

#include <algorithm>
#include <sstream>

namespace spoke::media::windows {

namespace {

// The text between the first pair of double quotes, or empty.
std::string quoted(const std::string& line)
{
    const auto open = line.find('"');
    if (open == std::string::npos)
        return {};
    const auto close = line.find('"', open + 1);
    return close == std::string::npos ? std::string() : line.substr(open + 1, close - open - 1);
}

bool contains(const std::string& text, const char* part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

Expected<std::string, UrlError> dshowUrl(DeviceKind kind, const std::string& name)
{
    if (kind != DeviceKind::Camera && kind != DeviceKind::Microphone)
        return UrlError{"dshow opens cameras and microphones only"};
    if (name.empty())
        return UrlError{"empty dshow device name"};
    if (name.find(':') != std::string::npos || name.find('"') != std::string::npos)
        return UrlError{"dshow cannot open \"" + name + "\" by this name: use its alternative name"};
    return std::string(kind == DeviceKind::Camera ? "video=" : "audio=") + name;
}

std::map<std::string, std::string> dshowVideoOptions(const VideoCaptureFormat& format)
{
    // Raw YUV 4:2:2 (2 bytes a pixel, what most webcams send) for fps frames.
    const long long bytesPerSecond = 2LL * format.width * format.height * format.fps;
    return {
        {"video_size", std::to_string(format.width) + "x" + std::to_string(format.height)},
        {"framerate", std::to_string(format.fps)},
        {"rtbufsize", std::to_string(std::max(bytesPerSecond, 3041280LL))},
    };
}

std::map<std::string, std::string> dshowAudioOptions(int bufferMs)
{
    return {{"audio_buffer_size", std::to_string(bufferMs)}};
}

Expected<std::string, UrlError> gdigrabUrl(const std::string& localId)
{
    if (localId == "desktop")
        return localId;
    if (localId.rfind("title=", 0) == 0 && localId.size() > 6)
        return localId;
    return UrlError{"gdigrab captures \"desktop\" or \"title=WINDOW\", not \"" + localId + "\""};
}

std::map<std::string, std::string> gdigrabOptions(int fps)
{
    return {{"framerate", std::to_string(fps)}, {"draw_mouse", "1"}};
}

std::vector<DshowDevice> parseDshowDeviceList(const std::string& log)
{
    std::vector<DshowDevice> devices;
    DeviceKind section = DeviceKind::Camera; // the older form's heading
    bool lastSkipped = false; // an alternative name then belongs to nobody offered
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);) {
        if (!contains(line, "dshow"))
            continue;
        if (contains(line, "DirectShow video devices")) {
            section = DeviceKind::Camera;
            continue;
        }
        if (contains(line, "DirectShow audio devices")) {
            section = DeviceKind::Microphone;
            continue;
        }
        const std::string text = quoted(line);
        if (text.empty())
            continue;
        if (contains(line, "Alternative name")) {
            if (!devices.empty() && !lastSkipped)
                devices.back().alternativeName = text;
            continue;
        }
        // The kind follows the closing quote: a name may hold "(video)" itself.
        const std::string kind = line.substr(line.rfind('"'));
        lastSkipped = contains(kind, "(none)");
        if (lastSkipped)
            continue; // FFmpeg lists filters with no pin it can use
        DshowDevice device;
        device.name = text;
        if (contains(kind, "(video)"))
            device.kind = DeviceKind::Camera;
        else if (contains(kind, "(audio)"))
            device.kind = DeviceKind::Microphone;
        else
            device.kind = section;
        devices.push_back(std::move(device));
    }
    return devices;
}

std::vector<DeviceInfo> dshowDeviceInfos(const std::vector<DshowDevice>& devices)
{
    std::vector<DeviceInfo> infos;
    bool haveCamera = false;
    bool haveMicrophone = false;
    for (const DshowDevice& d : devices) {
        const bool usable = dshowUrl(d.kind, d.name).ok();
        if (!usable && d.alternativeName.empty())
            continue;
        bool& haveKind = d.kind == DeviceKind::Camera ? haveCamera : haveMicrophone;
        DeviceInfo info;
        info.backend = "dshow";
        info.id = "dshow:" + (usable ? d.name : d.alternativeName);
        info.name = d.name;
        info.kind = d.kind;
        info.isDefault = !haveKind;
        haveKind = true;
        infos.push_back(std::move(info));
    }
    infos.push_back(DeviceInfo{"gdigrab:desktop", "Desktop", "gdigrab", DeviceKind::Screen, false, true});
    return infos;
}

} // namespace spoke::media::windows
