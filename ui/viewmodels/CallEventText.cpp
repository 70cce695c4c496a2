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

namespace {

QString describeRefusal(const call::CallFailure& failure)
{
    using session::videoroom::JoinRefusal;
    const QString room = QString::number(failure.room);
    switch (failure.refusal) {
    case JoinRefusal::NotAuthorized:
        return CallEventText::tr("The session room is protected and this laptop has no pass for it.");
    case JoinRefusal::NoSuchRoom:
        return CallEventText::tr("The session room %1 does not exist on the server. The session may have ended, or "
                                 "the address may be out of date.")
            .arg(room);
    case JoinRefusal::RoomFull:
        return CallEventText::tr("The session room %1 is full: it takes no more participants.").arg(room);
    case JoinRefusal::FeedIdTaken:
        return CallEventText::tr("This laptop is already in session room %1, perhaps in another window.").arg(room);
    case JoinRefusal::Other: break;
    }
    return CallEventText::tr("The server did not let us into session room %1.").arg(room);
}

} // namespace

QString CallEventText::describe(const call::CallFailure& failure)
{
    using Kind = call::CallFailure::Kind;
    switch (failure.kind) {
    case Kind::SessionLost: return tr("The connection to the session was lost and could not be restored.");
    case Kind::PluginUnavailable:
        return tr("The session server does not offer video rooms (%1). Ask your hub whether the session address is "
                  "right.")
            .arg(failure.detail);
    case Kind::RoomRefused: return describeRefusal(failure);
    case Kind::JoinFailed: return tr("The server did not let us into session room %1.").arg(failure.room);
    case Kind::TransportUnavailable:
        return tr("The call's network connection could not be set up (%1).").arg(failure.detail);
    case Kind::PublishRefused:
        return tr("The session server did not accept this laptop's picture and sound (%1).").arg(failure.detail);
    case Kind::AnswerUnusable: return tr("The session server's answer could not be used (%1).").arg(failure.detail);
    case Kind::NoAnswer:
        return tr("The session server at %1 cannot be reached. Check your network connection, or ask your hub "
                  "whether the session address is right.")
            .arg(failure.detail);
    case Kind::IceServersUnusable:
        return tr("The hub's relay server for calls could not be found. Check your network connection and try "
                  "again.");
    }
    return {};
}

} // namespace spoke::ui
