#include "media/devices/DeviceInfo.h"

namespace spoke::media {

const char* toString(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::Camera: return "camera";
    case DeviceKind::Screen: return "screen";
    case DeviceKind::Microphone: return "microphone";
    case DeviceKind::Speaker: return "speaker";
    }
    return "unknown";
}

} // namespace spoke::media
