// DownlinkLayerSelector's "video off" state below substream 0, driven with
// scripted one-second samples: a 64 kbit/s clinic's downlink cannot carry
// the hub's audio and lowest layer, so its video stops, and comes back
// (as a probe that backs off when it fails) only when the link may carry it.
#include "rtc/DownlinkLayerSelector.h"

#include <catch2/catch.hpp>

using namespace spoke::rtc;

namespace {

constexpr int kOff = DownlinkLayerSelector::kVideoOff;

DownlinkLayerSelector::Config clinicConfig(int initialSubstream)
{
    DownlinkLayerSelector::Config config;
    config.initialSubstream = initialSubstream;
    config.substreamBitrateBps = {40'000, 150'000, 600'000};
    return config;
}

// What a 64 kbit/s link with a full drop-tail queue reports while video flows.
DownlinkSample congested(std::int64_t nowMs)
{
    return DownlinkSample{nowMs, 64'000, 0.22, 0, 450.0};
}

// Audio alone on the same link: the link's own 3 % loss, no queue.
DownlinkSample audioOnly(std::int64_t nowMs)
{
    return DownlinkSample{nowMs, 52'000, 0.03, 0, std::nullopt};
}

} // namespace

TEST_CASE("Video off: a congested link under the lowest layer plus audio stops video at once, from any layer",
          "[rtc][layers][video-off]")
{
    DownlinkLayerSelector selector(clinicConfig(2));
    const auto choice = selector.onSample(congested(1'000));
    REQUIRE(choice);
    CHECK(*choice == kOff);
    CHECK(selector.videoOff());
    CHECK(selector.ceilingBps() == 64'000);
    // Congestion of the audio alone sheds nothing more.
    CHECK_FALSE(selector.onSample(DownlinkSample{2'000, 50'000, 0.25, 0, 300.0}));
    CHECK(selector.substream() == kOff);
}

TEST_CASE("Video off: a link that carries the lowest layer only steps down, and a freeze alone never stops video",
          "[rtc][layers][video-off]")
{
    DownlinkLayerSelector selector(clinicConfig(2));
    // 300 kbit/s with a queue: one layer down, not off.
    auto choice = selector.onSample(DownlinkSample{1'000, 300'000, 0.0, 0, 250.0});
    REQUIRE(choice);
    CHECK(*choice == 1);
    // A freeze on a still picture that sends little is no reason for off.
    choice = selector.onSample(DownlinkSample{2'000, 20'000, 0.0, 1, 10.0});
    REQUIRE(choice);
    CHECK(*choice == 0);
}

TEST_CASE("Video off: the lowest layer on a full link two intervals running stops video, one interval does not",
          "[rtc][layers][video-off]")
{
    DownlinkLayerSelector selector(clinicConfig(0));
    // A standing queue at a rate that would carry the layer (a link shared
    // with other traffic): congested, but not yet proof that video cannot fit.
    const DownlinkSample queued{1'000, 200'000, 0.0, 0, 260.0};
    const DownlinkSample calm{2'000, 200'000, 0.0, 0, 20.0};
    CHECK_FALSE(selector.onSample(queued));
    CHECK_FALSE(selector.onSample(calm)); // the streak ends
    auto again = queued;
    again.nowMs = 3'000;
    CHECK_FALSE(selector.onSample(again));
    again.nowMs = 4'000;
    const auto choice = selector.onSample(again);
    REQUIRE(choice);
    CHECK(*choice == kOff);

    DownlinkLayerSelector::Config config = clinicConfig(0);
    config.allowVideoOff = false;
    DownlinkLayerSelector never(config);
    for (std::int64_t ms = 1'000; ms <= 10'000; ms += 1'000)
        CHECK_FALSE(never.onSample(congested(ms)));
    CHECK(never.substream() == 0);
}

TEST_CASE("Video off: heavy random loss and freezes on a link with room to spare keep the lowest layer",
          "[rtc][layers][video-off]")
{
    DownlinkLayerSelector selector(clinicConfig(0));
    // 10 % loss on a radio link: NACK repairs it, and receiving less would not help.
    for (std::int64_t ms = 1'000; ms <= 60'000; ms += 1'000)
        CHECK_FALSE(selector.onSample(DownlinkSample{ms, 110'000, 0.12, ms % 3'000 == 0 ? 1 : 0, 30.0}));
    CHECK(selector.substream() == 0);
}

TEST_CASE("Video off: on a steady thin link the probe back comes after a minute and backs off when it fails",
          "[rtc][layers][video-off]")
{
    DownlinkLayerSelector selector(clinicConfig(2));
    std::vector<std::int64_t> resumesMs;
    bool videoOn = true;
    for (std::int64_t ms = 1'000; ms <= 600'000; ms += 1'000) {
        const auto choice = selector.onSample(videoOn ? congested(ms) : audioOnly(ms));
        if (!choice)
            continue;
        if (*choice == kOff) {
            videoOn = false;
        } else {
            CHECK(*choice == 0); // back at the lowest layer, never higher
            videoOn = true;
            resumesMs.push_back(ms);
        }
    }
    // Off at 1 s; the ceiling of 64 kbit/s (under the 92 kbit/s the lowest
    // layer and audio need, with headroom) is kept 60 s, then doubled after
    // each probe that failed: 120 s, 240 s, then 5 min at most.
    REQUIRE(resumesMs.size() >= 3);
    CHECK(resumesMs[0] == 61'000);
    CHECK(resumesMs[1] - resumesMs[0] == 121'000);
    CHECK(resumesMs[2] - resumesMs[1] == 241'000);
    CHECK(resumesMs.size() == 3);
    CHECK(selector.videoOff());
}

TEST_CASE("Video off: when the link clears, video comes back at the lowest layer and climbs with calm spells",
          "[rtc][layers][video-off]")
{
    DownlinkLayerSelector selector(clinicConfig(2));
    REQUIRE(selector.onSample(congested(1'000)) == kOff);
    std::vector<std::pair<std::int64_t, int>> steps;
    for (std::int64_t ms = 2'000; ms <= 200'000; ms += 1'000) {
        // The link clears at 30 s: whatever is asked for arrives whole.
        const DownlinkSample s = ms < 30'000 ? audioOnly(ms) : DownlinkSample{ms, 700'000, 0.0, 0, 5.0};
        if (const auto choice = selector.onSample(s))
            steps.emplace_back(ms, *choice);
    }
    REQUIRE(steps.size() == 3);
    CHECK(steps[0] == std::pair<std::int64_t, int>{61'000, 0}); // the off ceiling is kept a minute
    CHECK(steps[1] == std::pair<std::int64_t, int>{69'000, 1}); // then one calm spell (8 s) per layer
    CHECK(steps[2] == std::pair<std::int64_t, int>{77'000, 2});
}
