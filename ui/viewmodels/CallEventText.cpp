#include "viewmodels/CallEventText.h"

namespace spoke::ui {

QString CallEventText::describe(const call::CallEvent& event)
{
    using Kind = call::CallEvent::Kind;
    switch (event.kind) {
    case Kind::NoSpeakerChosen: return tr("No speaker is chosen: you will not hear the others.");
    case Kind::NoSpeakerAvailable: return tr("No speaker is available: you will not hear the others.");
    case Kind::SpeakerUnusable:
        return tr("The speaker could not be used (%1): you will not hear the others.").arg(event.detail);
    case Kind::SpeakerStopped:
        return tr("The speaker stopped working (%1); the others can no longer be heard.").arg(event.detail);
    case Kind::CameraUnusable:
        return tr("The camera could not be used (%1); sending the test pattern.").arg(event.detail);
    case Kind::ScreenUnusable:
        return tr("The screen could not be used (%1); sending the test pattern.").arg(event.detail);
    case Kind::MicrophoneUnusable: return tr("The microphone could not be used (%1); you are muted.").arg(event.detail);
    }
    return {};
}

} // namespace spoke::ui
