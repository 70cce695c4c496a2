#pragma once

#include <string>

namespace spoke::media {

enum class DeviceKind {
    Camera,
    Screen, // a whole screen or one window
    Microphone,
    Speaker,
};

const char* toString(DeviceKind kind);

// What the UI lists and the CLI prints. `id` is stable and is what the user's
// choice is saved as: "<backend>:<backend's own name>", e.g.
// "v4l2:/dev/video0", "x11grab::0.0", "pulse:alsa_input.usb-…",
// "synthetic:test-pattern".
struct DeviceInfo {
    std::string id;
    std::string name; // for people: "Integrated Camera", "Test pattern (stamped)"
    std::string backend; // "synthetic", "v4l2", "x11grab", "alsa", "pulse"
    DeviceKind kind = DeviceKind::Camera;
    bool synthetic = false;
    bool isDefault = false;
};

} // namespace spoke::media
