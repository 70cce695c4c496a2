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

const char* callFailureName(CallFailure::Kind kind)
{
    switch (kind) {
    case CallFailure::Kind::SessionLost: return "session-lost";
    case CallFailure::Kind::PluginUnavailable: return "plugin-unavailable";
    case CallFailure::Kind::RoomRefused: return "room-refused";
    case CallFailure::Kind::JoinFailed: return "join-failed";
    case CallFailure::Kind::TransportUnavailable: return "transport-unavailable";
    case CallFailure::Kind::PublishRefused: return "publish-refused";
    case CallFailure::Kind::AnswerUnusable: return "answer-unusable";
    case CallFailure::Kind::NoAnswer: return "no-answer";
    case CallFailure::Kind::IceServersUnusable: return "ice-servers-unusable";
    }
    return "unknown";
}

namespace {

QString refusalEnglish(session::videoroom::JoinRefusal refusal)
{
    using session::videoroom::JoinRefusal;
    switch (refusal) {
    case JoinRefusal::NotAuthorized: return QStringLiteral("not authorized (a wrong pin, or no valid token for it)");
    case JoinRefusal::NoSuchRoom: return QStringLiteral("the room does not exist on this media server");
    case JoinRefusal::FeedIdTaken: return QStringLiteral("our participant id is already in the room");
    case JoinRefusal::RoomFull: return QStringLiteral("the room is full");
    case JoinRefusal::Other: break;
    }
    return QStringLiteral("refused");
}

} // namespace

QString describeCallFailure(const CallFailure& failure)
{
    // The wording spoke-cli printed when core built the sentence itself.
    switch (failure.kind) {
    case CallFailure::Kind::SessionLost: return QStringLiteral("the Janus session was lost: ") + failure.detail;
    case CallFailure::Kind::PluginUnavailable:
        return QStringLiteral("could not attach to the VideoRoom plugin: ") + failure.detail;
    case CallFailure::Kind::RoomRefused:
        return QStringLiteral("room %1 refused us: %2 [%3]")
            .arg(failure.room)
            .arg(refusalEnglish(failure.refusal), failure.detail);
    case CallFailure::Kind::JoinFailed:
        return QStringLiteral("could not join room %1: %2").arg(failure.room).arg(failure.detail);
    case CallFailure::Kind::TransportUnavailable: return QStringLiteral("no media transport: ") + failure.detail;
    case CallFailure::Kind::PublishRefused: return QStringLiteral("Janus refused our publish: ") + failure.detail;
    case CallFailure::Kind::AnswerUnusable: return QStringLiteral("Janus' answer is unusable: ") + failure.detail;
    case CallFailure::Kind::NoAnswer: return QStringLiteral("no answer from ") + failure.detail;
    case CallFailure::Kind::IceServersUnusable: return QStringLiteral("no usable ICE servers: ") + failure.detail;
    }
    return failure.detail;
}

} // namespace spoke::call
