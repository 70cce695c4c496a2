#include "call/CallEvent.h"

namespace spoke::call {

const char* callEventName(CallEvent::Kind kind)
{
    switch (kind) {
    case CallEvent::Kind::NoSpeakerChosen: return "no-speaker-chosen";
    case CallEvent::Kind::NoSpeakerAvailable: return "no-speaker-available";
    case CallEvent::Kind::SpeakerUnusable: return "speaker-unusable";
    case CallEvent::Kind::SpeakerStopped: return "speaker-stopped";
    case CallEvent::Kind::CameraUnusable: return "camera-unusable";
    case CallEvent::Kind::ScreenUnusable: return "screen-unusable";
    case CallEvent::Kind::MicrophoneUnusable: return "microphone-unusable";
    }
    return "unknown";
}

} // namespace spoke::call
