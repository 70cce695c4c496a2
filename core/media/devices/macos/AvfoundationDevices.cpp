#include "media/devices/macos/AvfoundationDevices.h"

#include <sstream>

namespace spoke::media::macos {

std::string avfoundationUrl(std::optional<int> videoIndex, std::optional<int> audioIndex)
{
    const auto side = [](std::optional<int> index) { return index ? std::to_string(*index) : std::string("none"); };
    return side(videoIndex) + ":" + side(audioIndex);
}

std::map<std::string, std::string> avfoundationVideoOptions(const VideoCaptureFormat& format, bool screen)
{
    std::map<std::string, std::string> options{{"framerate", std::to_string(format.fps)}, {"pixel_format", "uyvy422"}};
    if (screen)
        options["capture_cursor"] = "1";
    else
        options["video_size"] = std::to_string(format.width) + "x" + std::to_string(format.height);
    return options;
}

std::vector<AvfoundationDevice> parseAvfoundationDeviceList(const std::string& log)
{
    std::vector<AvfoundationDevice> devices;
    std::optional<DeviceKind> section; // nothing counts before a heading
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);) {
        if (line.find("AVFoundation video devices") != std::string::npos) {
            section = DeviceKind::Camera;
            continue;
        }
        if (line.find("AVFoundation audio devices") != std::string::npos) {
            section = DeviceKind::Microphone;
            continue;
        }
        // The "[N] name" after the "[AVFoundation indev @ 0x..]" prefix.
        const auto prefixEnd = line.find("] [");
        if (!section || prefixEnd == std::string::npos)
            continue;
        const auto open = prefixEnd + 2;
        const auto close = line.find(']', open);
        if (close == std::string::npos || close == open + 1)
            continue;
        const std::string digits = line.substr(open + 1, close - open - 1);
        if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 4)
            continue;
        AvfoundationDevice device;
        device.index = std::stoi(digits);
        device.name = close + 2 <= line.size() ? line.substr(close + 2) : std::string();
        while (!device.name.empty() && (device.name.back() == '\r' || device.name.back() == ' '))
            device.name.pop_back();
        device.kind = *section;
        if (device.kind == DeviceKind::Camera && device.name.rfind("Capture screen ", 0) == 0)
            device.kind = DeviceKind::Screen;
        devices.push_back(std::move(device));
    }
    return devices;
}

std::vector<DeviceInfo> avfoundationDeviceInfos(const std::vector<AvfoundationDevice>& devices)
{
    std::vector<DeviceInfo> infos;
    bool haveCamera = false;
    bool haveScreen = false;
    bool haveMicrophone = false;
    for (const AvfoundationDevice& d : devices) {
        bool& haveKind = d.kind == DeviceKind::Camera   ? haveCamera
                         : d.kind == DeviceKind::Screen ? haveScreen
                                                        : haveMicrophone;
        const char* side = d.kind == DeviceKind::Microphone ? "audio:" : "video:";
        DeviceInfo info;
        info.backend = "avfoundation";
        info.id = "avfoundation:" + std::string(side) + std::to_string(d.index);
        info.name = d.name;
        info.kind = d.kind;
        info.isDefault = !haveKind;
        haveKind = true;
        infos.push_back(std::move(info));
    }
    return infos;
}

} // namespace spoke::media::macos
