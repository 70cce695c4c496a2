#pragma once

#include "media/devices/DeviceInfo.h"
#include "media/devices/VideoSource.h"
#include "util/Expected.h"

#include <map>
#include <string>
#include <vector>

namespace spoke::media::windows {

// Why a device id cannot become a URL, for MediaError's text.
struct UrlError {
    std::string message;
};

// Pure parts of the Windows backend (DirectShow cameras and microphones
// through FFmpeg's dshow, the screen through gdigrab): URLs, option
// dictionaries and parsing the device list FFmpeg logs. No Windows header:
// they compile on every platform so the Linux CI tests them. Option names
// are those of FFmpeg's libavdevice/dshow.c and gdigrab.c.

// dshow's URL: "video=NAME" or "audio=NAME". dshow splits its URL on ':'
// (video=A:audio=B), so a name holding ':' or a quote cannot be passed by
// its friendly name; such devices are opened by their "@device_…"
// alternative name, which has neither.
Expected<std::string, UrlError> dshowUrl(DeviceKind kind, const std::string& name);

// A camera at the size and rate asked. rtbufsize: dshow's default real-time
// buffer (3041280 bytes) overflows ("real-time buffer full, frame dropped")
// at 720p and above when the encoder is briefly late, so it gets room for
// about one second of raw frames.
std::map<std::string, std::string> dshowVideoOptions(const VideoCaptureFormat& format);

// A microphone: audio_buffer_size is in milliseconds; dshow's default is the
// driver's (often 500 ms), far too much latency for a call, so 20 ms (one
// Opus frame).
std::map<std::string, std::string> dshowAudioOptions(int bufferMs = 20);

// gdigrab's URL: "desktop" for the whole desktop, "title=WINDOW" for one
// window by its title. `localId` is what follows "gdigrab:" in a device id.
Expected<std::string, UrlError> gdigrabUrl(const std::string& localId);

// gdigrab's options: the rate, and the cursor drawn in (a remote viewer
// follows the presenter's pointer).
std::map<std::string, std::string> gdigrabOptions(int fps);

// One device in FFmpeg's "-list_devices true" log, either form:
//   FFmpeg >= 4.4: [dshow @ 0x..] "Integrated Camera" (video)
//                  [dshow @ 0x..]   Alternative name "@device_pnp_\\?\usb#..."
//   older:         [dshow @ 0x..] DirectShow video devices
//                  [dshow @ 0x..]  "Integrated Camera"
struct DshowDevice {
    DeviceKind kind = DeviceKind::Camera;
    std::string name;
    std::string alternativeName; // empty when FFmpeg did not log one
};
std::vector<DshowDevice> parseDshowDeviceList(const std::string& log);

// Registry entries for the listed devices ("dshow:<name>", the alternative
// name when the friendly one cannot go in a URL), the first of each kind the
// default, plus the desktop ("gdigrab:desktop").
std::vector<DeviceInfo> dshowDeviceInfos(const std::vector<DshowDevice>& devices);

} // namespace spoke::media::windows
