#pragma once

#include <QMetaType>
#include <QString>

namespace spoke::call {

// Something the call wants its user to know while it goes on: core says
// what happened and with which parameters, the UI words it (ui/viewmodels/
// CallEventText, translated) and spoke-cli prints its own English. Core
// builds no sentence, so every message can be translated (core/call/README.md).
struct CallEvent {
    enum class Kind {
        NoSpeakerChosen, // no speaker chosen: the others cannot be heard
        NoSpeakerAvailable, // none chosen could be opened (no reason given)
        SpeakerUnusable, // the chosen speaker would not open; `detail` says why
        SpeakerStopped, // the speaker failed mid-call; `detail` says why
        CameraUnusable, // the camera would not open; the test pattern goes out
        ScreenUnusable, // the screen would not capture; the test pattern goes out
        MicrophoneUnusable, // the microphone would not open; we are muted
    };
    Kind kind = Kind::NoSpeakerAvailable;
    // The engine's own reason (a device error, in English): a parameter of
    // the sentence, never a sentence itself.
    QString detail;

    bool operator==(const CallEvent&) const = default;
};

// Every kind, for tests and tools that must cover them all.
inline constexpr CallEvent::Kind kAllCallEventKinds[] = {
    CallEvent::Kind::NoSpeakerChosen,    CallEvent::Kind::NoSpeakerAvailable, CallEvent::Kind::SpeakerUnusable,
    CallEvent::Kind::SpeakerStopped,     CallEvent::Kind::CameraUnusable,     CallEvent::Kind::ScreenUnusable,
    CallEvent::Kind::MicrophoneUnusable,
};

// Short stable name of a kind ("speaker-stopped"), for logs and JSON.
const char* callEventName(CallEvent::Kind kind);

} // namespace spoke::call

Q_DECLARE_METATYPE(spoke::call::CallEvent)
