#pragma once

#include "session/VideoRoomRequests.h"

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

// Why a call ended against our will (CallSession::failed). Typed like
// CallEvent: the UI words it (CallEventText::describe, translated) and logs
// and spoke-cli use describeCallFailure's English.
struct CallFailure {
    enum class Kind {
        SessionLost, // Janus' session expired, or its socket did not come back
        PluginUnavailable, // could not attach to the VideoRoom plugin
        RoomRefused, // the room refused our join; `refusal` says how
        JoinFailed, // the join failed otherwise (a transport or protocol error)
        TransportUnavailable, // our media transport could not be made
        PublishRefused, // Janus refused our publish offer
        AnswerUnusable, // Janus' SDP answer does not parse or names no usable transport
        NoAnswer, // the server did not answer in time (the UI's connect deadline); `detail`: its address
        IceServersUnusable, // the STUN/TURN servers the hub named could not be used
    };
    Kind kind = Kind::JoinFailed;
    session::videoroom::JoinRefusal refusal = session::videoroom::JoinRefusal::Other; // RoomRefused only
    quint64 room = 0; // the VideoRoom room, where the kind concerns one
    // The engine's own reason, in English: a parameter, never the sentence.
    QString detail;

    bool operator==(const CallFailure&) const = default;
};

inline constexpr CallFailure::Kind kAllCallFailureKinds[] = {
    CallFailure::Kind::SessionLost,          CallFailure::Kind::PluginUnavailable,
    CallFailure::Kind::RoomRefused,          CallFailure::Kind::JoinFailed,
    CallFailure::Kind::TransportUnavailable, CallFailure::Kind::PublishRefused,
    CallFailure::Kind::AnswerUnusable,       CallFailure::Kind::NoAnswer,
    CallFailure::Kind::IceServersUnusable,
};

// Short stable name of a kind ("session-lost"), for logs and JSON.
const char* callFailureName(CallFailure::Kind kind);
// One English line for logs and spoke-cli ("room 1234 refused us: the room
// is full [426 …]"); the UI never shows it.
QString describeCallFailure(const CallFailure& failure);

} // namespace spoke::call

Q_DECLARE_METATYPE(spoke::call::CallEvent)
Q_DECLARE_METATYPE(spoke::call::CallFailure)
