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
