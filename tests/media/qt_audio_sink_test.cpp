// QtAudioSink, the Windows and macOS speaker, on Linux: its listing and its
// refusal of a speaker that does not exist. Playing through it needs a real
// sound device and is untested here (core/media/README.md, "Platforms").
#include "media/MediaError.h"
#include "media/devices/QtAudioSink.h"

#include <QCoreApplication>

#include <catch2/catch.hpp>

using namespace spoke::media;

TEST_CASE("QtAudioSink lists only speakers and refuses one that does not exist", "[media][platforms]")
{
    int argc = 1;
    char name[] = "test";
    char* argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);

    int defaults = 0;
    for (const DeviceInfo& info : QtAudioSink::speakers()) {
        CHECK(info.kind == DeviceKind::Speaker);
        CHECK(info.backend == "qtaudio");
        CHECK(info.id.rfind("qtaudio:", 0) == 0);
        defaults += info.isDefault ? 1 : 0;
    }
    CHECK(defaults <= 1);

    DeviceInfo missing{"qtaudio:no-such-speaker", "no-such-speaker", "qtaudio", DeviceKind::Speaker, false, false};
    try {
        QtAudioSink sink(missing, "no-such-speaker");
        FAIL("a speaker that does not exist opened");
    } catch (const MediaError& e) {
        CHECK(e.kind() == MediaErrorKind::DeviceNotFound);
        CHECK(std::string(e.what()).find("no-such-speaker") != std::string::npos);
    }
}
