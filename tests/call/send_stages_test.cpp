// The send side's clock-free stages (core/call/send) driven with scripted
// RTCP and a fake clock, no network: the rate control reacting to
// transport-cc delay, RR loss and REMB; NACK answers; keyframe requests from
// PLI/FIR; the SR schedule; and the pacer spreading a keyframe.

#include "call/VideoPacer.h"
#include "call/send/RateController.h"
#include "call/send/RtpSender.h"
#include "call/send/SendFeedback.h"
#include "call/send/SenderReports.h"
#include "rtc/RtpExtensionMap.h"
#include "rtc/TransportFeedback.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <vector>

using namespace spoke;
using namespace spoke::call::send;

namespace {

constexpr std::uint32_t kAudioSsrc = 11;
constexpr std::uint8_t kTransportCcId = 2;
const std::vector<std::uint32_t> kLayerSsrcs{101, 102, 103};

RateController::Config roomConfig()
{
    return RateController::Config{640, 360, 30, 3, 800'000};
}

// The uplink as the rate control sees it: each 10 ms it "sends" what the
// last decision allows (1200-byte packets), each 200 ms Janus' transport-cc
// feedback comes back with every packet's arrival = send time + the base
// delay + `extraDelayUs(ms)` (a queue building up), and each second an RR
// with `lossFraction`.
struct UplinkScript {
    explicit UplinkScript(RateController& controller) : rate(controller) { }
    RateController& rate;
    std::int64_t nowMs = 0;
    std::uint16_t transportSequence = 0;
    std::uint8_t feedbackCount = 0;
    double budgetBits = 0;
    int lossFraction = 0; // in the RRs, x/256; -1: no RRs
    std::vector<std::pair<std::uint16_t, std::int64_t>> arrivals;

    template <typename ExtraDelay> void run(std::int64_t untilMs, ExtraDelay extraDelayUs)
    {
        for (; nowMs < untilMs; nowMs += 10) {
            budgetBits += static_cast<double>(rate.state().estimateBps) / 100.0;
            while (budgetBits >= 1200 * 8) {
                rate.onPacketSent(transportSequence, 1200, nowMs * 1000);
                arrivals.emplace_back(transportSequence, nowMs * 1000 + 40'000 + extraDelayUs(nowMs));
                ++transportSequence;
                budgetBits -= 1200 * 8;
            }
            if (nowMs % 200 == 0 && !arrivals.empty()) {
                rtc::TransportFeedbackBuilder builder(1, kLayerSsrcs[0], feedbackCount++);
                for (const auto& [seq, arrivalUs] : arrivals)
                    REQUIRE(builder.addReceivedPacket(seq, arrivalUs));
                rate.onTransportFeedback(builder.feedback(), nowMs + 40);
                arrivals.clear();
            }
            if (nowMs % 1000 == 500 && lossFraction >= 0)
                rate.onReceiverReport(static_cast<std::uint8_t>(lossFraction), nowMs); // Janus' RR, once a second
            if (nowMs >= rate.nextUpdateMs())
                rate.update(nowMs, 0);
        }
    }
};

struct Sent {
    std::vector<SentRtp> packets;
    RtpSender::Transmit transmit()
    {
        return [this](SentRtp&& sent) { packets.push_back(std::move(sent)); };
    }
};

media::EncodedFrame videoFrame(int layer, std::int64_t sequence, std::size_t bytes, std::int64_t captureUs = 0)
{
    media::EncodedFrame frame;
    frame.layerIndex = layer;
    frame.sequence = sequence;
    frame.captureTimeUs = captureUs;
    frame.data.assign(bytes, 0x42);
    return frame;
}

rtc::RtpPacket parse(const SentRtp& sent)
{
    auto packet = rtc::RtpPacket::parse(sent.bytes);
    REQUIRE(packet.ok());
    return *packet;
}

} // namespace

TEST_CASE("send stages: transport-cc feedback with a growing delay drops the target and pauses the top layers",
          "[call][send]")
{
    RateController rate(roomConfig());
    rate.update(0, 0);
    UplinkScript uplink(rate);
    // A clean link: the estimate climbs until the room's top layer runs.
    uplink.run(40'000, [](std::int64_t) { return std::int64_t{0}; });
    const auto before = rate.state();
    INFO("estimate before " << before.estimateBps);
    REQUIRE(before.activeLayers == std::vector<int>{0, 1, 2});
    // Then a queue builds, as behind a link that carries only 80 % of what
    // is sent: every packet waits 200 ms more per second.
    uplink.run(43'000, [](std::int64_t ms) { return (ms - 40'000) * 200; });
    const auto after = rate.state();
    INFO("estimate after " << after.estimateBps);
    CHECK(after.estimateBps < before.estimateBps * 3 / 4);
    CHECK(after.targetVideoBps < before.targetVideoBps);
    CHECK(after.activeLayers.size() < 3); // the top layer waits
    CHECK(after.runningLayers == after.activeLayers);
}

TEST_CASE("send stages: loss in receiver reports pulls the loss-based estimate down", "[call][send]")
{
    RateController rate(roomConfig());
    rate.update(0, 0);
    UplinkScript uplink(rate);
    uplink.run(20'000, [](std::int64_t) { return std::int64_t{0}; });
    const std::int64_t before = rate.state().estimateBps;
    // 25 % lost in every RR, one a second (Janus' RR interval).
    for (std::int64_t ms = 20'000; ms <= 25'000; ms += 1000) {
        rate.onReceiverReport(64, ms);
        rate.update(ms, 0);
    }
    INFO("estimate " << before << " -> " << rate.state().estimateBps);
    CHECK(rate.estimator().lossBasedBps() < before);
    CHECK(rate.state().estimateBps < before * 3 / 4);
}

TEST_CASE("send stages: REMB caps the estimate and the layers that fit under it", "[call][send]")
{
    RateController rate(roomConfig());
    rate.update(0, 0);
    UplinkScript uplink(rate);
    uplink.run(40'000, [](std::int64_t) { return std::int64_t{0}; });
    REQUIRE(rate.state().activeLayers.size() == 3);
    rate.onRemb(200'000); // the room's bitrate in janus.jcfg
    const auto decision = rate.update(40'100, 0);
    CHECK(rate.state().estimateBps <= 200'000);
    REQUIRE(decision.encoderBps);
    CHECK(*decision.encoderBps < 200'000);
    CHECK(rate.state().activeLayers.size() < 3);
    // Video paces at 1.5x its share, never below the floor a keyframe needs.
    CHECK(decision.pacingBps
          >= static_cast<std::int64_t>(*decision.encoderBps * call::VideoPacer::kPacingFactor * 0.99));
}

TEST_CASE("send stages: the encoder's share follows its measured overshoot", "[call][send]")
{
    CHECK(nextEncoderScale(1.0, 130'000, 100'000) == Approx(1.0 / 1.3));
    CHECK(nextEncoderScale(1.0, 200'000, 100'000) == Approx(0.7)); // at most 30 % down at once
    CHECK(nextEncoderScale(0.5, 50'000, 100'000) == Approx(0.525)); // 5 % a second back up
    CHECK(nextEncoderScale(0.8, 100'000, 100'000) == Approx(0.8));
    CHECK(nextEncoderScale(0.8, 0, 100'000) == Approx(0.8)); // nothing sent: nothing learnt
}

TEST_CASE("send stages: a NACK resends exactly the requested packets with new transport-wide numbers", "[call][send]")
{
    Sent sent;
    RtpSender sender({kAudioSsrc, kLayerSsrcs, kTransportCcId}, sent.transmit());
    const std::vector<int> running{0, 1};
    sender.setPacingRateBps(10'000'000);
    sender.enqueueVideo(videoFrame(1, 0, 5000), running, false); // five packets on layer 1
    sender.enqueueVideo(videoFrame(0, 0, 1000), running, false); // one on layer 0
    std::int64_t nowUs = 1'000'000;
    while (sender.nextPaceUs()) {
        nowUs = std::max(nowUs, *sender.nextPaceUs());
        sender.pace(nowUs);
    }
    REQUIRE(sent.packets.size() == 6);
    std::map<std::uint16_t, std::vector<std::uint8_t>> layer1; // RTP seq -> payload
    for (const auto& packet : sent.packets) {
        const auto rtp = parse(packet);
        if (rtp.ssrc == kLayerSsrcs[1])
            layer1[rtp.sequenceNumber] = rtp.payload;
    }
    REQUIRE(layer1.size() == 5);
    const std::uint16_t first = layer1.begin()->first;
    const std::uint16_t lastTransport = sent.packets.back().transportSequence;
    sent.packets.clear();

    // Two of layer 1's packets, and one it never sent.
    const std::vector<std::uint16_t> asked{static_cast<std::uint16_t>(first + 1), static_cast<std::uint16_t>(first + 3),
                                           static_cast<std::uint16_t>(first + 40)};
    CHECK(sender.onNack(rtc::Nack{1, kLayerSsrcs[1], asked}, nowUs + 50'000) == 2);
    REQUIRE(sent.packets.size() == 2);
    rtc::RtpExtensionMap extensions;
    extensions.set(rtc::RtpExtensionKind::TransportSequenceNumber, kTransportCcId);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto rtp = parse(sent.packets[i]);
        CHECK(rtp.ssrc == kLayerSsrcs[1]);
        CHECK(rtp.sequenceNumber == asked[i]);
        CHECK(rtp.payload == layer1[asked[i]]);
        // Each resend is a new packet on the wire for Janus' feedback.
        const auto transport = static_cast<std::uint16_t>(lastTransport + 1 + i);
        CHECK(sent.packets[i].transportSequence == transport);
        CHECK(extensions.transportSequenceNumber(rtp) == transport);
    }
    CHECK(sender.counters().nacksReceived == 3);
    CHECK(sender.counters().packetsRetransmitted == 2);
    // A NACK for an SSRC that is not ours is nobody's business here.
    sent.packets.clear();
    CHECK(sender.onNack(rtc::Nack{1, 999, asked}, nowUs + 60'000) == 0);
    CHECK(sent.packets.empty());
}

TEST_CASE("send stages: a PLI asks its layer for a keyframe at most every 300 ms, a FIR asks all", "[call][send]")
{
    Sent sent;
    RtpSender sender({kAudioSsrc, kLayerSsrcs, kTransportCcId}, sent.transmit());
    RateController rate(roomConfig());
    SendFeedback feedback(sender, rate, true);
    const auto pli = [](std::uint32_t ssrc) { return std::vector<rtc::RtcpPacket>{rtc::Pli{1, ssrc}}; };
    CHECK(feedback.onRtcp(pli(kLayerSsrcs[1]), 1'000'000, 0) == 0b010);
    CHECK(feedback.onRtcp(pli(kLayerSsrcs[1]), 1'200'000, 0) == 0); // 200 ms later: the keyframe is on its way
    CHECK(feedback.onRtcp(pli(kLayerSsrcs[2]), 1'200'000, 0) == 0b100); // another layer is not held back
    CHECK(feedback.onRtcp(pli(kLayerSsrcs[1]), 1'300'000, 0) == 0b010);
    // A FIR names no layer: every layer not asked within 300 ms.
    const std::vector<rtc::RtcpPacket> fir{rtc::Fir{1, {rtc::FirEntry{kLayerSsrcs[0], 1}}}};
    CHECK(feedback.onRtcp(fir, 1'350'000, 0) == 0b001);
    CHECK(feedback.onRtcp(fir, 1'700'000, 0) == 0b111);
    CHECK(feedback.counters().keyframesForced == 7);
    // An audio-only publisher forces nothing.
    SendFeedback audioOnly(sender, rate, false);
    CHECK(audioOnly.onRtcp(pli(kLayerSsrcs[0]), 1'000'000, 0) == 0);
}

TEST_CASE("send stages: receiver reports give the round trip and REMB the cap", "[call][send]")
{
    Sent sent;
    RtpSender sender({kAudioSsrc, kLayerSsrcs, kTransportCcId}, sent.transmit());
    RateController rate(roomConfig());
    SendFeedback feedback(sender, rate, true);
    // Our SR left at compact NTP 0x10000 (1 s); Janus held it 0.25 s; it is back at 1.5 s: 250 ms round trip.
    rtc::ReportBlock block;
    block.ssrc = kLayerSsrcs[0];
    block.lastSenderReport = 0x10000;
    block.delaySinceLastSenderReport = 0x4000;
    const std::vector<rtc::RtcpPacket> compound{rtc::ReceiverReport{1, {block}},
                                                rtc::Remb{1, 250'000, {kLayerSsrcs[0]}}};
    feedback.onRtcp(compound, 5'000'000, 0x18000);
    CHECK(feedback.counters().rttMs == 250);
    CHECK(feedback.counters().rembBps == 250'000);
    CHECK(rate.estimator().rembBps() == 250'000);
}

TEST_CASE("send stages: one SR per second per stream that has sent, with its packet and octet counts", "[call][send]")
{
    Sent sent;
    RtpSender sender({kAudioSsrc, kLayerSsrcs, kTransportCcId}, sent.transmit());
    SenderReports reports;
    CHECK(reports.due(0, 1, sender.streamCounts()).empty()); // nothing sent yet: no SR
    sender.setPacingRateBps(10'000'000);
    sender.enqueueVideo(videoFrame(0, 0, 2500, 1'000'000), std::vector<int>{0}, false);
    sender.pace(0);
    for (int i = 0; i < 3; ++i) {
        media::EncodedAudio audio;
        audio.data.assign(80, 1);
        audio.captureTimeUs = 1'000'000 + i * 20'000;
        sender.sendAudio(audio, 0);
    }
    // 1 s after the empty round: the layer that sent and the audio, not the layers that did not.
    CHECK(reports.due(500, 1, sender.streamCounts()).empty());
    const auto first = reports.due(1000, 0x1234, sender.streamCounts());
    REQUIRE(first.size() == 2);
    CHECK(first[0].ssrc == kLayerSsrcs[0]);
    CHECK(first[0].packetCount == 3); // 2500 bytes in 1100-byte payloads
    std::uint32_t videoOctets = 0;
    for (const auto& packet : sent.packets)
        if (parse(packet).ssrc == kLayerSsrcs[0])
            videoOctets += static_cast<std::uint32_t>(parse(packet).payload.size());
    CHECK(first[0].octetCount == videoOctets);
    CHECK(first[0].rtpTimestamp == 90'000); // 1 s at 90 kHz
    CHECK(first[0].ntpTime == 0x1234);
    CHECK(first[1].ssrc == kAudioSsrc);
    CHECK(first[1].packetCount == 3);
    CHECK(first[1].octetCount == 240);
    CHECK(first[1].rtpTimestamp == 48 * 1040); // the last packet's capture time at 48 kHz
    CHECK(reports.due(1999, 1, sender.streamCounts()).empty());
    CHECK(reports.nextMs() == 2000);
    CHECK(reports.due(2000, 1, sender.streamCounts()).size() == 2);
}

TEST_CASE("send stages: the pacer spreads a keyframe's packets at 1.5x the video rate", "[call][send]")
{
    RateController rate(roomConfig());
    const auto decision = rate.update(0, 0);
    const std::int64_t videoBps = rate.state().targetVideoBps;
    REQUIRE(videoBps > 0);
    CHECK(decision.pacingBps
          == Approx(std::max<double>(videoBps / rate.state().encoderScale, RateController::kMinPacingBps) * 1.5)
                 .epsilon(0.01));

    Sent sent;
    RtpSender sender({kAudioSsrc, {kLayerSsrcs[0]}, kTransportCcId}, sent.transmit());
    sender.setPacingRateBps(decision.pacingBps);
    sender.enqueueVideo(videoFrame(0, 0, 30'000), std::vector<int>{0}, false); // a 30 kB keyframe
    std::int64_t nowUs = 0;
    int wakes = 0;
    while (const auto next = sender.nextPaceUs()) {
        REQUIRE(*next >= nowUs);
        nowUs = *next; // the fake clock jumps to when the pacer asked to be woken
        sender.pace(nowUs);
        ++wakes;
    }
    std::int64_t bytes = 0;
    for (const auto& packet : sent.packets) {
        CHECK(packet.sendTimeUs <= nowUs);
        bytes += static_cast<std::int64_t>(parse(packet).payload.size() + rtc::RtpPacket::kFixedHeaderBytes);
    }
    // The whole frame took its size at the pacing rate, less the one 10 ms burst it may start with.
    const std::int64_t expectedUs = bytes * 8 * 1'000'000 / decision.pacingBps;
    const std::int64_t burstUs =
        call::VideoPacer::kBurstMs * 1000 + std::int64_t{1200} * 8 * 1'000'000 / decision.pacingBps;
    INFO(sent.packets.size() << " packets, " << bytes << " bytes, last at " << nowUs << " us, expected ~"
                             << expectedUs);
    CHECK(nowUs >= expectedUs - burstUs);
    CHECK(nowUs <= expectedUs);
    CHECK(wakes > 5); // spread out, not one burst
    CHECK(sent.packets.front().sendTimeUs == 0);
    CHECK(sent.packets.back().sendTimeUs == nowUs);
    CHECK_FALSE(sender.nextPaceUs()); // an empty pacer asks for no wakeup
}

TEST_CASE("send stages: frames of a paused video are counted once per picture and not sent", "[call][send]")
{
    Sent sent;
    RtpSender sender({kAudioSsrc, kLayerSsrcs, kTransportCcId}, sent.transmit());
    const std::vector<int> running{0, 1};
    sender.setPacingRateBps(10'000'000);
    for (int layer = 0; layer < 3; ++layer)
        sender.enqueueVideo(videoFrame(layer, 7, 500), running, true);
    sender.enqueueVideo(videoFrame(0, 8, 500), running, true);
    // A stopped layer's frames are not sent either, but its receivers move: no picture is lost.
    sender.enqueueVideo(videoFrame(2, 9, 500), running, false);
    sender.pace(0);
    CHECK(sent.packets.empty());
    CHECK(sender.counters().picturesNotSent == 2);
    CHECK(sender.counters().videoFramesSent == 0);
    sender.enqueueVideo(videoFrame(1, 10, 500), running, false);
    sender.pace(0);
    CHECK(sent.packets.size() == 1);
    CHECK(sender.counters().videoFramesSent == 1); // layer 1 is the top running one
}
