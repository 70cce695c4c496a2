#include "viewmodels/CallEventText.h"

#include <catch2/catch.hpp>

#include <set>

using spoke::call::CallEvent;
using spoke::ui::CallEventText;

// core/call reports typed events; every kind must read as a sentence of its
// own, and the engine's detail (a device error) must reach the reader.
TEST_CASE("Call event wording: every kind is a distinct sentence and carries its detail", "[ui][viewmodels]")
{
    const QString detail = QStringLiteral("device unplugged 42");
    std::set<QString> seen;
    for (const CallEvent::Kind kind : spoke::call::kAllCallEventKinds) {
        INFO("kind " << spoke::call::callEventName(kind));
        const QString bare = CallEventText::describe({kind, {}});
        const QString withDetail = CallEventText::describe({kind, detail});
        CHECK_FALSE(bare.isEmpty());
        CHECK(withDetail.endsWith(QLatin1Char('.')));
        CHECK_FALSE(withDetail.contains(QStringLiteral("%1"))); // no placeholder left unfilled
        const bool takesDetail =
            kind != CallEvent::Kind::NoSpeakerChosen && kind != CallEvent::Kind::NoSpeakerAvailable;
        CHECK(withDetail.contains(detail) == takesDetail);
        CHECK(seen.insert(withDetail).second);
    }
    CHECK(seen.size() == std::size(spoke::call::kAllCallEventKinds));
}

// The words the call page showed when core built them (docs/screenshots and
// the translations rely on them).
TEST_CASE("Call event wording: the English is the call page's", "[ui][viewmodels]")
{
    CHECK(CallEventText::describe({CallEvent::Kind::NoSpeakerChosen, {}})
          == QStringLiteral("No speaker is chosen: you will not hear the others."));
    CHECK(CallEventText::describe({CallEvent::Kind::SpeakerUnusable, QStringLiteral("busy")})
          == QStringLiteral("The speaker could not be used (busy): you will not hear the others."));
    CHECK(CallEventText::describe({CallEvent::Kind::SpeakerStopped, QStringLiteral("unplugged")})
          == QStringLiteral("The speaker stopped working (unplugged); the others can no longer be heard."));
    CHECK(CallEventText::describe({CallEvent::Kind::CameraUnusable, QStringLiteral("no /dev/video0")})
          == QStringLiteral("The camera could not be used (no /dev/video0); sending the test pattern."));
    CHECK(CallEventText::describe({CallEvent::Kind::ScreenUnusable, QStringLiteral("no X")})
          == QStringLiteral("The screen could not be used (no X); sending the test pattern."));
    CHECK(CallEventText::describe({CallEvent::Kind::MicrophoneUnusable, QStringLiteral("held")})
          == QStringLiteral("The microphone could not be used (held); you are muted."));
}

// CallSession::failed is typed too (call::CallFailure): every kind reads as
// its own sentence, with the room and the engine's detail where it names
// them, and the refusals Janus gives say what they are.
TEST_CASE("Call failure wording: every kind and refusal is a distinct sentence", "[ui][viewmodels]")
{
    using spoke::call::CallFailure;
    using spoke::session::videoroom::JoinRefusal;
    const QString detail = QStringLiteral("engine says 42");
    std::set<QString> seen;
    for (const CallFailure::Kind kind : spoke::call::kAllCallFailureKinds) {
        INFO("kind " << spoke::call::callFailureName(kind));
        const QString text = CallEventText::describe(CallFailure{kind, JoinRefusal::Other, 5678, detail});
        CHECK(text.endsWith(QLatin1Char('.')));
        CHECK_FALSE(text.contains(QStringLiteral("%1")));
        const bool namesRoom = kind == CallFailure::Kind::RoomRefused || kind == CallFailure::Kind::JoinFailed;
        CHECK(text.contains(QStringLiteral("5678")) == namesRoom);
        const bool takesDetail =
            kind != CallFailure::Kind::SessionLost && !namesRoom && kind != CallFailure::Kind::IceServersUnusable;
        CHECK(text.contains(detail) == takesDetail);
        // The English for logs and spoke-cli keeps the engine's words too.
        CHECK(spoke::call::describeCallFailure(CallFailure{kind, JoinRefusal::Other, 5678, detail}).contains(detail));
        seen.insert(text);
    }
    // A refusal of any other kind reads like a failed join: one sentence for both.
    CHECK(seen.size() == std::size(spoke::call::kAllCallFailureKinds) - 1);

    std::set<QString> refusals;
    for (const JoinRefusal refusal : {JoinRefusal::NotAuthorized, JoinRefusal::NoSuchRoom, JoinRefusal::FeedIdTaken,
                                      JoinRefusal::RoomFull, JoinRefusal::Other})
        CHECK(refusals.insert(CallEventText::describe(CallFailure{CallFailure::Kind::RoomRefused, refusal, 5678, {}}))
                  .second);
}

// The sentences the call page showed before the failure was typed, so the
// translations made for them still apply.
TEST_CASE("Call failure wording: the English is the call page's", "[ui][viewmodels]")
{
    using spoke::call::CallFailure;
    using spoke::session::videoroom::JoinRefusal;
    CHECK(CallEventText::describe(CallFailure{CallFailure::Kind::RoomRefused, JoinRefusal::NoSuchRoom, 1234, {}})
          == QStringLiteral("The session room 1234 does not exist on the server. The session may have ended, or the "
                            "address may be out of date."));
    CHECK(CallEventText::describe(CallFailure{CallFailure::Kind::JoinFailed, JoinRefusal::Other, 1234, {}})
          == QStringLiteral("The server did not let us into session room 1234."));
    CHECK(CallEventText::describe(CallFailure{CallFailure::Kind::SessionLost, JoinRefusal::Other, 1234, {}})
          == QStringLiteral("The connection to the session was lost and could not be restored."));
    CHECK(spoke::call::describeCallFailure(
              CallFailure{CallFailure::Kind::RoomRefused, JoinRefusal::RoomFull, 1234, QStringLiteral("432 full")})
          == QStringLiteral("room 1234 refused us: the room is full [432 full]"));
}
