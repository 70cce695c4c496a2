// The send side's pieces that need no network: the simulcast offer Janus
// 1.1.2 reads, the ladder's layer plan and its hysteresis, the video pacer,
// and the layer selector's queue-delay rule.

#include "call/VideoPacer.h"
#include "rtc/BitrateLadder.h"
#include "rtc/DownlinkLayerSelector.h"
#include "rtc/JsepBuilder.h"

#include <catch2/catch.hpp>

#include <numeric>

using namespace spoke;

TEST_CASE("send side: the simulcast offer names three layers as ssrc-group SIM with one FID each", "[call][send]")
{
    rtc::jsep::PublisherOfferOptions options;
    options.transport.iceUfrag = "ufrag";
    options.transport.icePwd = "password-password-pass";
    options.transport.fingerprint = {
        "sha-256", "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"};
    options.cname = "clinic";
    options.audioSsrc = 11;
    options.simulcastRids = {};
    options.videoSimulcastSsrcs = {101, 102, 103};
    options.videoSimulcastRtxSsrcs = {201, 202, 203};
    const std::string sdp = rtc::jsep::buildPublisherOffer(options).toString();
    CHECK(sdp.find("a=ssrc-group:SIM 101 102 103\r\n") != std::string::npos);
    for (const char* fid : {"a=ssrc-group:FID 101 201", "a=ssrc-group:FID 102 202", "a=ssrc-group:FID 103 203"})
        CHECK(sdp.find(fid) != std::string::npos);
    CHECK(sdp.find("a=rid:") == std::string::npos); // legacy simulcast: Janus maps layers by SSRC
    CHECK(sdp.find("a=ssrc:103 cname:clinic") != std::string::npos);
    // And it reads back: three SIM SSRCs in the video section.
    const auto parsed = rtc::SessionDescription::parse(sdp);
    INFO((parsed.ok() ? std::string() : parsed.error().message()));
    REQUIRE(parsed.ok());
    const auto& video = parsed->media.at(1);
    REQUIRE_FALSE(video.ssrcGroups.empty());
    CHECK(video.ssrcGroups.front().semantics == "SIM");
    CHECK(video.ssrcGroups.front().ssrcs == std::vector<std::uint32_t>{101, 102, 103});
}

TEST_CASE("send side: a 640x360 source's three layers fit what a VideoRoom allows, lowest first", "[call][send]")
{
    const auto spend = [](const std::vector<rtc::VideoLayerPlan>& plan) {
        return std::accumulate(plan.begin(), plan.end(), 0, [](int sum, const auto& l) { return sum + l.bitrateBps; });
    };
    // 437 kbit/s of video: what a 512 kbit/s estimate leaves after Opus and headers.
    const auto room = rtc::BitrateLadder::simulcast(437'000, 640, 360, 30, 3);
    REQUIRE(room.size() == 3);
    CHECK(room[0].width == 160);
    CHECK(room[2].width == 640);
    for (const auto& layer : room)
        CHECK(layer.bitrateBps > 0);
    CHECK(room[0].fps == 30); // a full share keeps a small layer at the source's rate
    CHECK(spend(room) == 437'000);
    // On a 300 kbit/s link the top layer waits; the others still run.
    const auto thin = rtc::BitrateLadder::simulcast(226'000, 640, 360, 30, 3);
    CHECK(thin[0].bitrateBps > 0);
    CHECK(thin[1].bitrateBps > 0);
    CHECK(thin[2].bitrateBps == 0);
    CHECK(spend(thin) <= 226'000);
    // Hysteresis: a running top layer survives a dip that would not start it.
    CHECK(rtc::BitrateLadder::simulcast(390'000, 640, 360, 30, 3)[2].bitrateBps == 0);
    CHECK(rtc::BitrateLadder::simulcast(390'000, 640, 360, 30, 3, true)[2].bitrateBps > 0);
    CHECK(rtc::BitrateLadder::simulcast(300'000, 640, 360, 30, 3, true)[2].bitrateBps == 0);
}

TEST_CASE("send side: the pacer spreads a keyframe burst at its rate", "[call][send]")
{
    call::VideoPacer pacer;
    pacer.setRateBps(800'000); // 100 kB/s
    for (int i = 0; i < 20; ++i) { // a 20 kB keyframe in 1000-byte packets
        rtc::RtpPacket packet;
        packet.sequenceNumber = static_cast<std::uint16_t>(i);
        packet.payload.assign(988, 0);
        pacer.enqueue(std::move(packet));
    }
    CHECK(pacer.queueDelayMs() == 200);
    std::vector<std::uint16_t> sent;
    const auto send = [&](rtc::RtpPacket& p) { sent.push_back(p.sequenceNumber); };
    std::int64_t nowUs = 0;
    pacer.process(nowUs, send);
    const std::size_t first = sent.size();
    CHECK(first >= 1);
    CHECK(first <= 2); // one 10 ms burst at most, not the whole frame
    while (pacer.queuedPackets() > 0 && nowUs < 1'000'000) {
        nowUs += 5'000;
        pacer.process(nowUs, send);
    }
    REQUIRE(sent.size() == 20);
    CHECK(nowUs >= 180'000); // 20 kB at 100 kB/s
    CHECK(nowUs <= 220'000);
    for (std::size_t i = 0; i < sent.size(); ++i)
        CHECK(sent[i] == i); // oldest first
}

TEST_CASE("send side: a standing downlink queue makes the receiver step down before anything is lost", "[call][send]")
{
    rtc::DownlinkLayerSelector::Config config;
    config.initialSubstream = 2;
    rtc::DownlinkLayerSelector selector(config);
    rtc::DownlinkSample calm{1000, 300'000, 0.0, 0, 5.0};
    CHECK_FALSE(selector.onSample(calm));
    rtc::DownlinkSample queued{2000, 300'000, 0.0, 0, 250.0};
    const auto next = selector.onSample(queued);
    REQUIRE(next);
    CHECK(*next == 1);
    CHECK(selector.ceilingBps() == 300'000);
    // Without a delay measure (a camera has no stamp) the same sample is calm.
    rtc::DownlinkLayerSelector blind(config);
    CHECK_FALSE(blind.onSample(rtc::DownlinkSample{2000, 300'000, 0.0, 0, std::nullopt}));
}
