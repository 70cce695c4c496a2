#include "call/Publisher.h"

#include <catch2/catch.hpp>

using namespace spoke;

// A clinic laptop whose camera is unplugged or whose microphone is held by
// another program must still join: the publisher sends stand-ins and says why.
TEST_CASE("publisher: a missing camera and microphone give stand-ins and a warning a person can read", "[call]")
{
    call::PublisherConfig config;
    config.videoDeviceId = "missing:camera";
    config.audioDeviceId = "missing:microphone";
    config.audioSsrc = 1;
    config.videoSsrc = 3;
    call::Publisher publisher(config);

    const std::string& warning = publisher.deviceWarning();
    CHECK(warning.find("The camera could not be used") != std::string::npos);
    CHECK(warning.find("sending the test pattern") != std::string::npos);
    CHECK(warning.find("The microphone could not be used") != std::string::npos);
    CHECK(warning.find("you are muted") != std::string::npos);
}

TEST_CASE("publisher: the synthetic sources open with no warning", "[call]")
{
    call::PublisherConfig config;
    config.audioSsrc = 1;
    config.videoSsrc = 3;
    call::Publisher publisher(config);
    CHECK(publisher.deviceWarning().empty());
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
    const std::string& warning = publisher.deviceWarning();
    CHECK(warning.find("no microphone is chosen or connected") != std::string::npos);
    CHECK(warning.find("you are muted") != std::string::npos);
    CHECK(warning.find("device id") == std::string::npos);
}
