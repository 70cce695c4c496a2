// The publisher's estimator and allocator against a simulated uplink through
// Janus: media goes through a seeded bottleneck (LinkModel); the "Janus"
// side stamps arrivals into real transport-wide CC feedback every 200 ms
// and an RR every second, both serialised to RTCP bytes and parsed back,
// and a REMB with the room cap every 5 s.
#include "LinkModel.h"

#include "rtc/RtcpCompound.h"
#include "rtc/SendBandwidthEstimator.h"
#include "rtc/SendRateAllocator.h"
#include "rtc/StreamStatistics.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>

using namespace spoke::rtc;
using spoke::rtc::test::LinkModel;

namespace {

struct Sample {
    std::int64_t ms;
    std::int64_t targetBps;
    std::int64_t delayBps;
    std::int64_t lossBps;
    SendAllocation allocation;
};

struct Scenario {
    LinkModel::Config link;
    SendBandwidthEstimator::Config estimator;
    std::int64_t durationMs = 30'000;
    std::int64_t rembBps = 2'000'000;
    std::int64_t returnDelayMs = 40; // feedback path, uncongested
    std::function<void(LinkModel&, std::int64_t)> onTick; // capacity changes
};

struct Outcome {
    std::vector<Sample> samples; // every 100 ms
    SendBandwidthEstimator::Counters counters;
    std::int64_t audioPacketsSent = 0;
    std::int64_t audioPacketsDelivered = 0;
    Sample at(std::int64_t ms) const
    {
        return *std::find_if(samples.begin(), samples.end(), [&](const Sample& s) { return s.ms >= ms; });
    }
    template <typename F> bool all(std::int64_t fromMs, std::int64_t toMs, F f) const
    {
        return std::all_of(samples.begin(), samples.end(),
                           [&](const Sample& s) { return s.ms < fromMs || s.ms >= toMs || f(s); });
    }
    double meanTarget(std::int64_t fromMs, std::int64_t toMs) const
    {
        double sum = 0;
        int n = 0;
        for (const auto& s : samples)
            if (s.ms >= fromMs && s.ms < toMs) {
                sum += static_cast<double>(s.targetBps);
                ++n;
            }
        return n ? sum / n : 0;
    }
};

Outcome run(const Scenario& sc)
{
    LinkModel link(sc.link);
    SendBandwidthEstimator estimator(sc.estimator);
    SendRateAllocator allocator;
    StreamStatistics janusStats(0x1234, 90'000); // Janus' view of our video SSRC
    Outcome out;

    struct InFlight {
        std::uint16_t transportSeq;
        std::uint16_t mediaSeq;
        bool audio;
    };
    std::multimap<std::int64_t, InFlight> media; // arrival µs → packet
    std::multimap<std::int64_t, std::vector<std::uint8_t>> rtcp; // arrival ms → compound
    std::vector<std::pair<std::uint16_t, std::int64_t>> arrivals; // since the last feedback
    std::uint16_t transportSeq = 0, videoSeq = 0;
    std::uint8_t feedbackCount = 0;
    SendAllocation allocation = allocator.allocate(estimator.targetBitrateBps());
    double pacerBudgetBits = 0;

    auto sendPacket = [&](std::size_t bytes, bool audio, std::int64_t nowUs) {
        const std::uint16_t seq = transportSeq++;
        estimator.onPacketSent(seq, bytes, nowUs);
        const std::uint16_t mediaSeq = audio ? 0 : videoSeq++;
        if (audio)
            ++out.audioPacketsSent;
        if (const auto arrival = link.send(bytes, nowUs))
            media.emplace(*arrival, InFlight{seq, mediaSeq, audio});
    };
    auto sendRtcp = [&](std::vector<RtcpPacket> packets, std::int64_t nowMs) {
        if (!link.inOutage(nowMs * 1000)) // an outage cuts both directions
            rtcp.emplace(nowMs + sc.returnDelayMs, buildRtcpCompound(packets));
    };

    for (std::int64_t ms = 0; ms < sc.durationMs; ++ms) {
        const std::int64_t us = ms * 1000;
        if (sc.onTick)
            sc.onTick(link, ms);
        // Sender: Opus every 20 ms, video paced in 1200-byte packets.
        if (ms % 20 == 0)
            sendPacket(static_cast<std::size_t>(allocation.audioBitrateBps / 400 + 50), true, us);
        if (!allocation.videoPaused) {
            pacerBudgetBits +=
                static_cast<double>(allocation.videoBitrateBps) / (1 - SendRateAllocator::kVideoHeaderShare) / 1000.0;
            while (pacerBudgetBits >= 1200 * 8) {
                sendPacket(1200, false, us);
                pacerBudgetBits -= 1200 * 8;
            }
        }
        // Janus: arrivals, then its feedback.
        while (!media.empty() && media.begin()->first <= us) {
            const auto [arrivalUs, p] = *media.begin();
            media.erase(media.begin());
            arrivals.emplace_back(p.transportSeq, arrivalUs);
            if (p.audio)
                ++out.audioPacketsDelivered;
            else
                janusStats.onPacket(p.mediaSeq, 0, arrivalUs);
        }
        if (ms % 200 == 0 && !arrivals.empty()) {
            std::sort(arrivals.begin(), arrivals.end(), [](const auto& a, const auto& b) {
                return static_cast<std::int16_t>(static_cast<std::uint16_t>(a.first - b.first)) < 0;
            });
            TransportFeedbackBuilder builder(1, 0x1234, feedbackCount++);
            for (const auto& [seq, arrivalUs] : arrivals)
                if (!builder.addReceivedPacket(seq, arrivalUs)) {
                    sendRtcp({builder.feedback()}, ms);
                    builder = TransportFeedbackBuilder(1, 0x1234, feedbackCount++);
                    REQUIRE(builder.addReceivedPacket(seq, arrivalUs));
                }
            sendRtcp({builder.feedback()}, ms);
            arrivals.clear();
        }
        if (ms % 1000 == 500 && janusStats.packetsReceived() > 0)
            sendRtcp({ReceiverReport{1, {janusStats.makeReportBlock(us)}}}, ms);
        if (ms % 5000 == 0)
            sendRtcp({Remb{1, static_cast<std::uint64_t>(sc.rembBps), {0x1234}}}, ms);
        // Sender: RTCP in, estimate out.
        while (!rtcp.empty() && rtcp.begin()->first <= ms) {
            auto parsed = parseRtcpCompound(rtcp.begin()->second);
            rtcp.erase(rtcp.begin());
            REQUIRE(parsed.ok());
            for (const auto& packet : *parsed) {
                if (const auto* fb = std::get_if<TransportFeedback>(&packet))
                    estimator.onTransportFeedback(*fb, ms);
                else if (const auto* rr = std::get_if<ReceiverReport>(&packet))
                    estimator.onReceiverReport(rr->reports.at(0).fractionLost, ms);
                else if (const auto* remb = std::get_if<Remb>(&packet))
                    estimator.onRemb(static_cast<std::int64_t>(remb->bitrateBps));
            }
        }
        if (ms % 100 == 0) {
            estimator.process(ms);
            allocation = allocator.allocate(estimator.targetBitrateBps());
            out.samples.push_back(
                {ms, estimator.targetBitrateBps(), estimator.delayBasedBps(), estimator.lossBasedBps(), allocation});
        }
    }
    out.counters = estimator.counters();
    return out;
}

void print(const char* name, const Outcome& o)
{
    std::printf("%s:", name);
    for (const auto& s : o.samples)
        if (s.ms % 2000 == 0)
            std::printf(" %llds=%lldk", static_cast<long long>(s.ms / 1000),
                        static_cast<long long>(s.targetBps / 1000));
    if (std::getenv("SPOKE_BWE_TRACE"))
        for (const auto& s : o.samples)
            std::printf("  %lld delay=%lld loss=%lld\n", static_cast<long long>(s.ms),
                        static_cast<long long>(s.delayBps), static_cast<long long>(s.lossBps));
    std::printf("\n");
}

} // namespace

TEST_CASE("GCC estimate settles below a 300 kbit/s bottleneck within 10 s", "[rtc][bwe]")
{
    Scenario sc;
    sc.link.capacityBps = 300'000;
    sc.link.seed = 11;
    sc.estimator.startBps = 1'000'000; // starts far too high, as after a handover to a worse cell
    const Outcome o = run(sc);
    print("300k bottleneck", o);
    CHECK(o.at(10'000).targetBps <= 300'000);
    // Settled into GCC's sawtooth: on average under the capacity and using
    // most of it; the probing peaks overshoot by at most 15 % before the
    // growing queue is detected and the rate drops to 0.85 × received.
    CHECK(o.all(10'000, 30'000, [](const Sample& s) { return s.targetBps <= 345'000 && s.targetBps >= 200'000; }));
    CHECK(o.meanTarget(10'000, 30'000) <= 300'000);
    CHECK(o.meanTarget(10'000, 30'000) >= 240'000);
    // Audio kept its full rate and its packets kept arriving.
    CHECK(o.all(0, 30'000, [](const Sample& s) { return s.allocation.audioBitrateBps >= 24'000; }));
    CHECK(o.audioPacketsDelivered >= o.audioPacketsSent * 95 / 100);
}

TEST_CASE("GCC follows a capacity drop from 1.5 Mbit/s to 300 kbit/s", "[rtc][bwe]")
{
    Scenario sc;
    sc.link.capacityBps = 1'500'000;
    sc.link.seed = 12;
    sc.estimator.startBps = 300'000;
    sc.durationMs = 40'000;
    sc.onTick = [](LinkModel& link, std::int64_t ms) {
        if (ms == 20'000)
            link.setCapacityBps(300'000);
    };
    const Outcome o = run(sc);
    print("1.5M -> 300k", o);
    CHECK(o.at(19'900).targetBps >= 600'000); // it had grown towards the capacity
    CHECK(o.at(30'000).targetBps <= 300'000);
    CHECK(o.all(30'000, 40'000, [](const Sample& s) { return s.targetBps <= 345'000 && !s.allocation.videoPaused; }));
    CHECK(o.meanTarget(30'000, 40'000) <= 300'000);
}

TEST_CASE("GCC with 10 % random loss: the loss-based part holds instead of collapsing", "[rtc][bwe]")
{
    Scenario sc;
    sc.link.capacityBps = 2'000'000;
    sc.link.lossRate = 0.10;
    sc.link.seed = 13;
    sc.estimator.startBps = 600'000;
    const Outcome o = run(sc);
    print("10% random loss", o);
    // Random loss is not congestion: the estimate neither collapses nor runs away.
    CHECK(o.all(0, 30'000, [](const Sample& s) { return s.lossBps >= 300'000; }));
    CHECK(o.meanTarget(10'000, 30'000) >= 400'000);
    CHECK(o.all(0, 30'000,
                [](const Sample& s) { return s.allocation.audioBitrateBps == 32'000 && !s.allocation.videoPaused; }));
}

TEST_CASE("GCC through a 2 s total outage: cut once, then recovers", "[rtc][bwe]")
{
    Scenario sc;
    sc.link.capacityBps = 800'000;
    sc.link.seed = 14;
    sc.estimator.startBps = 500'000;
    sc.link.propagationUs = 60'000;
    sc.durationMs = 30'000;
    sc.onTick = [](LinkModel& link, std::int64_t ms) {
        if (ms == 0)
            link.addOutage(12'000'000, 14'000'000);
    };
    const Outcome o = run(sc);
    print("2 s outage", o);
    const auto before = o.at(11'900).targetBps;
    CHECK(before >= 400'000);
    CHECK(o.counters.feedbackTimeouts == 1);
    CHECK(o.at(13'900).targetBps <= before * 6 / 10); // backed off while blind
    // Within 5 s of the link returning, the estimate is back to at least half the pre-outage value
    CHECK(o.at(19'000).targetBps >= before / 2);
    CHECK(o.all(0, 30'000, [](const Sample& s) { return s.allocation.audioBitrateBps >= 16'000; }));
    // The first RR after the outage reports the hole; the loss-based part cut too.
    CHECK(o.at(15'000).lossBps < o.at(11'900).lossBps);
}

TEST_CASE("Allocator: audio first, video pauses below its floor and resumes with hysteresis", "[rtc][bwe][alloc]")
{
    SendRateAllocator allocator;
    const auto rich = allocator.allocate(1'500'000);
    CHECK(rich.audioBitrateBps == 32'000);
    REQUIRE(rich.layers.size() == 3);
    CHECK(rich.videoBitrateBps == static_cast<int>((1'500'000 - 32'000 - 20'000) * 0.95));
    int layerSum = 0;
    for (const auto& l : rich.layers)
        layerSum += l.bitrateBps;
    CHECK(layerSum <= rich.videoBitrateBps);
    CHECK(rich.layers[0].height == 180);
    CHECK(rich.layers[0].bitrateBps > 0);

    const auto thin = allocator.allocate(120'000);
    CHECK(thin.audioBitrateBps == 24'000);
    CHECK_FALSE(thin.videoPaused);
    CHECK(thin.layers.at(0).bitrateBps > 0);
    CHECK(thin.layers.at(2).bitrateBps == 0); // no 720p on 120 kbit/s

    // 64 kbit/s: audio 16k + 20k headers leave ~26k: below the floor.
    const auto starved = allocator.allocate(64'000);
    CHECK(starved.audioBitrateBps == 16'000);
    CHECK(starved.videoPaused);
    CHECK(starved.layers.empty());
    // 75 kbit/s would clear the floor but not the resume threshold.
    CHECK(allocator.allocate(75'000).videoPaused);
    CHECK_FALSE(allocator.allocate(90'000).videoPaused);
    // And back down: still sending at 70 kbit/s (above the floor).
    CHECK_FALSE(allocator.allocate(70'000).videoPaused);
    CHECK(allocator.allocate(60'000).videoPaused);
}
