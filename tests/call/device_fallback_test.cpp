#include "call/Publisher.h"

#include <catch2/catch.hpp>

using namespace spoke;

// A clinic laptop whose camera is unplugged or whose microphone is held by
// another program must still join: the publisher sends stand-ins and says why.
TEST_CASE("publisher: a missing camera and microphone give stand-ins and an event each", "[call]")
{
    call::PublisherConfig config;
    config.videoDeviceId = "missing:camera";
    config.audioDeviceId = "missing:microphone";
    config.audioSsrc = 1;
    config.videoSsrc = 3;
    call::Publisher publisher(config);

    const auto& events = publisher.deviceEvents();
    REQUIRE(events.size() == 2);
    CHECK(events[0].kind == call::CallEvent::Kind::CameraUnusable);
    CHECK_FALSE(events[0].detail.isEmpty()); // the device error, for the sentence the UI builds
    CHECK(events[1].kind == call::CallEvent::Kind::MicrophoneUnusable);
    CHECK_FALSE(events[1].detail.isEmpty());
}

TEST_CASE("publisher: the synthetic sources open with no warning", "[call]")
{
    call::PublisherConfig config;
    config.audioSsrc = 1;
    config.videoSsrc = 3;
    call::Publisher publisher(config);
    CHECK(publisher.deviceEvents().empty());
}

// The app passes no microphone id when the laptop has none: that is silence
// and a plain reason, never a device-id parse error (nor the test tone).
TEST_CASE("publisher: no microphone at all is said plainly and sends silence", "[call]")
{
    call::PublisherConfig config;
    config.audioDeviceId.clear();
    config.audioSsrc = 1;
    config.videoSsrc = 3;
    call::Publisher publisher(config);
    const auto& events = publisher.deviceEvents();
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == call::CallEvent::Kind::MicrophoneUnusable);
    CHECK(events[0].detail.contains(QStringLiteral("no microphone is chosen or connected")));
    CHECK_FALSE(events[0].detail.contains(QStringLiteral("device id")));
}
