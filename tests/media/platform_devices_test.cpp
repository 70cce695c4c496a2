// The Windows and macOS backends' pure parts: URLs, option dictionaries and
// the device lists FFmpeg logs, from sample logs in FFmpeg's own formats
// (libavdevice/dshow.c, avfoundation.m). They run on Linux; the backends
// around them are untested on real Windows and macOS (core/media/README.md).
#include "media/devices/macos/AvfoundationDevices.h"
#include "media/devices/windows/DshowDevices.h"

#include <catch2/catch.hpp>

using namespace spoke::media;

namespace {

// FFmpeg 5.0 and later: kind after the name, then the alternative name.
const char* kDshowLogNew = R"log([dshow @ 000001d8a0e5f2c0] "Integrated Camera" (video)
[dshow @ 000001d8a0e5f2c0]   Alternative name "@device_pnp_\\?\usb#vid_04f2&pid_b6dd&mi_00#6&1b2c3d4&0&0000#{65e8773d-8f56-11d0-a3b9-00a0c9223196}\global"
[dshow @ 000001d8a0e5f2c0] "OBS Virtual Camera" (none)
[dshow @ 000001d8a0e5f2c0]   Alternative name "@device_sw_{860BB310-5D01-11D0-BD3B-00A0C911CE86}\{A3FCE0F5-3493-419F-958A-ABA1250EC20B}"
[dshow @ 000001d8a0e5f2c0] "Microphone Array (Realtek(R) Audio) (video)" (audio)
[dshow @ 000001d8a0e5f2c0]   Alternative name "@device_cm_{33D9A762-90C8-11D0-BD43-00A0C911CE86}\wave_{5F4A2C1B-0000-4000-8000-0123456789AB}"
[dshow @ 000001d8a0e5f2c0] "Headset: Jabra Evolve 20" (audio)
[dshow @ 000001d8a0e5f2c0]   Alternative name "@device_cm_{33D9A762-90C8-11D0-BD43-00A0C911CE86}\wave_{77770000-0000-4000-8000-0123456789AB}"
dummy: Immediate exit requested
)log";

// FFmpeg 4.x: a heading per kind, names alone.
const char* kDshowLogOld = R"log([dshow @ 0000020a] DirectShow video devices (some may be both video and audio devices)
[dshow @ 0000020a]  "USB2.0 HD UVC WebCam"
[dshow @ 0000020a]     Alternative name "@device_pnp_\\?\usb#vid_13d3&pid_56a2"
[dshow @ 0000020a] DirectShow audio devices
[dshow @ 0000020a]  "Microphone (High Definition Audio Device)"
)log";

const char* kAvfoundationLog = R"log([AVFoundation indev @ 0x7fb1c8704a40] AVFoundation video devices:
[AVFoundation indev @ 0x7fb1c8704a40] [0] FaceTime HD Camera
[AVFoundation indev @ 0x7fb1c8704a40] [1] OBS Virtual Camera
[AVFoundation indev @ 0x7fb1c8704a40] [2] Capture screen 0
[AVFoundation indev @ 0x7fb1c8704a40] [3] Capture screen 1
[AVFoundation indev @ 0x7fb1c8704a40] AVFoundation audio devices:
[AVFoundation indev @ 0x7fb1c8704a40] [0] MacBook Pro Microphone
[AVFoundation indev @ 0x7fb1c8704a40] [1] ZoomAudioDevice
: Input/output error
)log";

} // namespace

TEST_CASE("dshow device list in FFmpeg 5 form gives kinds and alternative names", "[media][platforms]")
{
    const auto devices = windows::parseDshowDeviceList(kDshowLogNew);
    REQUIRE(devices.size() == 3); // the "(none)" filter is not offered
    CHECK(devices[0].name == "Integrated Camera");
    CHECK(devices[0].kind == DeviceKind::Camera);
    CHECK(devices[0].alternativeName.rfind("@device_pnp_", 0) == 0);
    CHECK(devices[1].name == "Microphone Array (Realtek(R) Audio) (video)"); // the kind is after the quote
    CHECK(devices[1].kind == DeviceKind::Microphone);
    CHECK(devices[2].name == "Headset: Jabra Evolve 20");
    CHECK(devices[2].alternativeName.find("wave_{7777") != std::string::npos);
}

TEST_CASE("dshow device list in the older headed form", "[media][platforms]")
{
    const auto devices = windows::parseDshowDeviceList(kDshowLogOld);
    REQUIRE(devices.size() == 2);
    CHECK(devices[0].name == "USB2.0 HD UVC WebCam");
    CHECK(devices[0].kind == DeviceKind::Camera);
    CHECK(devices[0].alternativeName == "@device_pnp_\\\\?\\usb#vid_13d3&pid_56a2");
    CHECK(devices[1].kind == DeviceKind::Microphone);
    CHECK(devices[1].alternativeName.empty());
    CHECK(windows::parseDshowDeviceList("").empty());
    CHECK(windows::parseDshowDeviceList("[dshow @ 0] \"unterminated").empty());
}

TEST_CASE("dshow registry entries use the alternative name when the friendly one has a colon", "[media][platforms]")
{
    const auto infos = windows::dshowDeviceInfos(windows::parseDshowDeviceList(kDshowLogNew));
    REQUIRE(infos.size() == 4);
    CHECK(infos[0].id == "dshow:Integrated Camera");
    CHECK(infos[0].isDefault);
    CHECK(infos[1].id == "dshow:Microphone Array (Realtek(R) Audio) (video)");
    CHECK(infos[1].isDefault);
    // "Headset: …" would split dshow's URL at the colon.
    CHECK(infos[2].id.rfind("dshow:@device_cm_", 0) == 0);
    CHECK(infos[2].name == "Headset: Jabra Evolve 20");
    CHECK_FALSE(infos[2].isDefault);
    CHECK(infos[3].id == "gdigrab:desktop");
    CHECK(infos[3].kind == DeviceKind::Screen);
}

TEST_CASE("dshow URLs and options", "[media][platforms]")
{
    CHECK(windows::dshowUrl(DeviceKind::Camera, "Integrated Camera").value() == "video=Integrated Camera");
    CHECK(windows::dshowUrl(DeviceKind::Microphone, "Mic").value() == "audio=Mic");
    CHECK_FALSE(windows::dshowUrl(DeviceKind::Camera, "Headset: Jabra").ok());
    CHECK_FALSE(windows::dshowUrl(DeviceKind::Camera, "").ok());
    CHECK_FALSE(windows::dshowUrl(DeviceKind::Screen, "x").ok());

    const auto video = windows::dshowVideoOptions({1280, 720, 30});
    CHECK(video.at("video_size") == "1280x720");
    CHECK(video.at("framerate") == "30");
    CHECK(video.at("rtbufsize") == std::to_string(2LL * 1280 * 720 * 30)); // one second of 4:2:2
    // Never below dshow's own default.
    CHECK(windows::dshowVideoOptions({160, 120, 5}).at("rtbufsize") == "3041280");
    CHECK(windows::dshowAudioOptions().at("audio_buffer_size") == "20");
}

TEST_CASE("gdigrab URLs take the desktop or a window title", "[media][platforms]")
{
    CHECK(windows::gdigrabUrl("desktop").value() == "desktop");
    CHECK(windows::gdigrabUrl("title=Spoke - Case 12").value() == "title=Spoke - Case 12");
    CHECK_FALSE(windows::gdigrabUrl("title=").ok());
    CHECK_FALSE(windows::gdigrabUrl(":0.0").ok());
    const auto options = windows::gdigrabOptions(15);
    CHECK(options.at("framerate") == "15");
    CHECK(options.at("draw_mouse") == "1");
}

TEST_CASE("avfoundation device list tells cameras from screens and microphones", "[media][platforms]")
{
    const auto devices = macos::parseAvfoundationDeviceList(kAvfoundationLog);
    REQUIRE(devices.size() == 6);
    CHECK(devices[0].name == "FaceTime HD Camera");
    CHECK(devices[0].kind == DeviceKind::Camera);
    CHECK(devices[2].name == "Capture screen 0");
    CHECK(devices[2].kind == DeviceKind::Screen);
    CHECK(devices[3].index == 3);
    CHECK(devices[4].kind == DeviceKind::Microphone);
    CHECK(devices[4].index == 0);
    CHECK(devices[5].name == "ZoomAudioDevice");
    // Lines before a heading, or without "[N] ", are not devices.
    CHECK(macos::parseAvfoundationDeviceList("[AVFoundation indev @ 0x1] [0] Camera").empty());
    CHECK(macos::parseAvfoundationDeviceList("[AVFoundation indev @ 0x1] AVFoundation video devices:\n"
                                             "[AVFoundation indev @ 0x1] [x] Camera\n")
              .empty());
}

TEST_CASE("avfoundation registry entries and URLs by index", "[media][platforms]")
{
    const auto infos = macos::avfoundationDeviceInfos(macos::parseAvfoundationDeviceList(kAvfoundationLog));
    REQUIRE(infos.size() == 6);
    CHECK(infos[0].id == "avfoundation:video:0");
    CHECK(infos[0].isDefault);
    CHECK_FALSE(infos[1].isDefault);
    CHECK(infos[2].id == "avfoundation:video:2");
    CHECK(infos[2].kind == DeviceKind::Screen);
    CHECK(infos[2].isDefault); // the first screen
    CHECK(infos[4].id == "avfoundation:audio:0");
    CHECK(infos[4].isDefault);

    CHECK(macos::avfoundationUrl(0, std::nullopt) == "0:none");
    CHECK(macos::avfoundationUrl(std::nullopt, 1) == "none:1");
    CHECK(macos::avfoundationUrl(0, 0) == "0:0");
}

TEST_CASE("avfoundation options differ for cameras and screens", "[media][platforms]")
{
    const auto camera = macos::avfoundationVideoOptions({640, 360, 30}, false);
    CHECK(camera.at("video_size") == "640x360");
    CHECK(camera.at("framerate") == "30");
    CHECK(camera.at("pixel_format") == "uyvy422");
    CHECK(camera.count("capture_cursor") == 0);
    const auto screen = macos::avfoundationVideoOptions({1920, 1080, 15}, true);
    CHECK(screen.count("video_size") == 0); // a screen is captured whole
    CHECK(screen.at("capture_cursor") == "1");
    CHECK(screen.at("framerate") == "15");
}
