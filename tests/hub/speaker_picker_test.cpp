// SpeakerPicker (core/hub/recorder): whose camera the hub's recording shows,
// stepped through time by hand (it is clock-free).

#include "hub/recorder/SpeakerPicker.h"

#include <catch2/catch.hpp>

using spoke::hub::recorder::SpeakerPicker;

namespace {

// Feeds per docs/hub-api.md (Media): camera ACCOUNT*1000 + 2*SLOT, screen + 1.
constexpr quint64 kAlice = 7000;
constexpr quint64 kBob = 8000;
constexpr quint64 kBobScreen = 8001;

// `ms` of pictures from every feed in `feeds` and of sound at these levels, in 20 ms steps.
void run(SpeakerPicker& picker, std::int64_t& nowMs, std::int64_t ms, std::initializer_list<quint64> feeds,
         double aliceRms, double bobRms)
{
    for (std::int64_t end = nowMs + ms; nowMs < end; nowMs += 20) {
        for (const quint64 feed : feeds)
            picker.videoFrame(feed, nowMs);
        picker.audioLevel(kAlice, aliceRms, nowMs);
        picker.audioLevel(kBob, bobRms, nowMs);
    }
}

} // namespace

TEST_CASE("speaker picker: the loudest camera is shown and held through a short interruption", "[hub][recording]")
{
    SpeakerPicker picker;
    std::int64_t nowMs = 0;
    run(picker, nowMs, 500, {kAlice, kBob}, 0.1, 0.0);
    CHECK(picker.choose(nowMs).speaker == kAlice);
    CHECK_FALSE(picker.choose(nowMs).screen);

    // Bob coughs for 300 ms less than the hold after Alice took over: she stays.
    run(picker, nowMs, 300, {kAlice, kBob}, 0.0, 0.2);
    CHECK(picker.choose(nowMs).speaker == kAlice);

    // Bob goes on speaking past the hold: he takes over, and holds in turn.
    run(picker, nowMs, 1500, {kAlice, kBob}, 0.0, 0.2);
    CHECK(picker.choose(nowMs).speaker == kBob);
    run(picker, nowMs, 200, {kAlice, kBob}, 0.3, 0.0);
    CHECK(picker.choose(nowMs).speaker == kBob);
}

TEST_CASE("speaker picker: a live screen share is chosen and dropped when its pictures stop", "[hub][recording]")
{
    SpeakerPicker picker;
    std::int64_t nowMs = 0;
    run(picker, nowMs, 1000, {kAlice, kBob, kBobScreen}, 0.1, 0.0);
    SpeakerPicker::Choice choice = picker.choose(nowMs);
    CHECK(choice.screen == kBobScreen);
    CHECK(choice.speaker == kAlice); // inset beside the screen
    CHECK(SpeakerPicker::isScreenFeed(kBobScreen));
    CHECK_FALSE(SpeakerPicker::isScreenFeed(kBob));

    // The share stops; after the stale limit it is gone, and so is a camera that stopped.
    run(picker, nowMs, 3500, {kBob}, 0.1, 0.0);
    choice = picker.choose(nowMs);
    CHECK_FALSE(choice.screen);
    CHECK(choice.speaker == kBob); // Alice's camera is stale: the one still sending is shown
}
