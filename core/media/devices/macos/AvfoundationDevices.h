#pragma once

#include "media/devices/DeviceInfo.h"
#include "media/devices/VideoSource.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace spoke::media::macos {

// Pure parts of the macOS backend (cameras, microphones and screens through
// FFmpeg's avfoundation): URLs, options and parsing the device list FFmpeg
// logs. No Apple header: they compile on every platform so the Linux CI
// tests them. Option names are those of FFmpeg's libavdevice/avfoundation.m.

// avfoundation's URL "VIDEO:AUDIO" by index, "none" for the side not
// wanted: "0:none" a camera, "none:0" a microphone. Indices, not names:
// names repeat (two "USB Camera") and an index is what FFmpeg lists.
std::string avfoundationUrl(std::optional<int> videoIndex, std::optional<int> audioIndex);

// A camera or a screen at the rate asked. pixel_format: avfoundation picks
// the first format the device offers when none is named, and fails on
// cameras that do not offer yuv420p, so uyvy422 (every Mac camera has it).
// A screen ("Capture screen N") has no size to choose and gets the cursor
// drawn in (capture_cursor) for remote viewers.
std::map<std::string, std::string> avfoundationVideoOptions(const VideoCaptureFormat& format, bool screen);

// One entry of FFmpeg's "-list_devices true" log:
//   [AVFoundation indev @ 0x..] AVFoundation video devices:
//   [AVFoundation indev @ 0x..] [0] FaceTime HD Camera
//   [AVFoundation indev @ 0x..] [1] Capture screen 0
//   [AVFoundation indev @ 0x..] AVFoundation audio devices:
//   [AVFoundation indev @ 0x..] [0] MacBook Pro Microphone
struct AvfoundationDevice {
    DeviceKind kind = DeviceKind::Camera; // Screen for "Capture screen N"
    int index = 0;
    std::string name;
};
std::vector<AvfoundationDevice> parseAvfoundationDeviceList(const std::string& log);

// Registry entries: "avfoundation:video:N", "avfoundation:audio:N"; the
// first camera, screen and microphone are the defaults.
std::vector<DeviceInfo> avfoundationDeviceInfos(const std::vector<AvfoundationDevice>& devices);

} // namespace spoke::media::macos
