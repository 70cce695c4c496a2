// NACK/retransmission: the send buffer and the receive-side loss tracker,
// driven together over a simulated lossy, reordering link with a virtual clock.
#include "rtc/NackGenerator.h"
#include "rtc/RetransmissionBuffer.h"
#include "rtc/RtcpCompound.h"
#include "rtc/Rtx.h"

#include <catch2/catch.hpp>

#include <random>
#include <set>

using namespace spoke::rtc;

namespace {
RtpPacket packet(std::uint16_t seq)
{
    RtpPacket p;
    p.payloadType = 96;
    p.ssrc = 0x1111;
    p.sequenceNumber = seq;
    p.timestamp = seq * 3000u;
    p.payload = {static_cast<std::uint8_t>(seq), static_cast<std::uint8_t>(seq >> 8)};
    return p;
}
} // namespace

TEST_CASE("retransmission buffer answers NACKs, bounded by count and age", "[rtc][nack]")
{
    RetransmissionBuffer::Config config;
    config.maxPackets = 100;
    config.maxAgeMs = 1000;
    RetransmissionBuffer buffer(config);
    for (std::uint16_t s = 0; s < 150; ++s)
        buffer.onPacketSent(packet(s), s);
    CHECK(buffer.size() == 100);
    const std::vector<std::uint16_t> asked = {10, 60, 149, 200};
    auto answer = buffer.onNack(asked, 200);
    REQUIRE(answer.resend.size() == 2);
    CHECK(answer.resend[0] == packet(60));
    CHECK(answer.resend[1] == packet(149));
    CHECK(answer.unknown == 2); // 10 evicted by count, 200 never sent

    // Older than maxAgeMs is gone even if the count allows it.
    answer = buffer.onNack(std::vector<std::uint16_t>{120, 149}, 1125);
    CHECK(answer.unknown == 1);
    REQUIRE(answer.resend.size() == 1);
    CHECK(answer.resend[0].sequenceNumber == 149);
}

TEST_CASE("retransmission buffer re-sends a packet at most once per RTT", "[rtc][nack]")
{
    RetransmissionBuffer buffer;
    buffer.setRttMs(300);
    buffer.onPacketSent(packet(5), 0);
    const std::vector<std::uint16_t> five = {5};
    CHECK(buffer.onNack(five, 10).resend.size() == 1);
    auto again = buffer.onNack(five, 200); // the receiver re-NACKed before our answer could arrive
    CHECK(again.resend.empty());
    CHECK(again.throttled == 1);
    CHECK(buffer.onNack(five, 310).resend.size() == 1);
}

TEST_CASE("retransmission buffer across the 65535 wrap", "[rtc][nack]")
{
    RetransmissionBuffer buffer;
    for (std::uint32_t i = 0; i < 20; ++i)
        buffer.onPacketSent(packet(static_cast<std::uint16_t>(65526 + i)), i);
    auto answer = buffer.onNack(std::vector<std::uint16_t>{65535, 0, 9}, 30);
    REQUIRE(answer.resend.size() == 3);
    CHECK(answer.resend[0].sequenceNumber == 65535);
    CHECK(answer.resend[1].sequenceNumber == 0);
    CHECK(answer.resend[2].sequenceNumber == 9);
}

TEST_CASE("NACK generator waits out reordering, then NACKs once per RTT", "[rtc][nack]")
{
    NackGenerator::Config config;
    config.reorderWindowMs = 10;
    NackGenerator nack(config);
    nack.setRttMs(100);
    CHECK(nack.onPacket(1, 0) == NackGenerator::Arrival::New);
    CHECK(nack.onPacket(4, 1) == NackGenerator::Arrival::New); // 2, 3 missing
    CHECK(nack.missingCount() == 2);
    CHECK(nack.nextDueMs() == 11); // the reorder window's end: the receive side sleeps until then
    CHECK(nack.nacksToSend(5).empty()); // still inside the reorder window
    CHECK(nack.onPacket(2, 6) == NackGenerator::Arrival::Reordered);
    CHECK(nack.nacksToSend(12) == std::vector<std::uint16_t>{3});
    CHECK(nack.nextDueMs() == 112); // one round trip after the NACK
    CHECK(nack.nacksToSend(50).empty()); // one RTT has not passed
    CHECK(nack.nacksToSend(112) == std::vector<std::uint16_t>{3});
    CHECK(nack.onPacket(3, 150) == NackGenerator::Arrival::Recovered);
    CHECK_FALSE(nack.nextDueMs()); // nothing missing, nothing to wake for
    CHECK(nack.onPacket(3, 151) == NackGenerator::Arrival::Duplicate);
    CHECK(nack.missingCount() == 0);
    CHECK(nack.counters().nacked == 2);
    CHECK(nack.counters().recovered == 1);
    CHECK_FALSE(nack.keyframeRequestPending());
}

TEST_CASE("NACK generator gives up after retries or deadline and asks for a keyframe", "[rtc][nack][pli]")
{
    NackGenerator::Config config;
    config.maxRetries = 3;
    config.deadlineMs = 1000;
    config.reorderWindowMs = 0;
    NackGenerator video(config);
    video.setRttMs(100);
    video.onPacket(10, 0);
    video.onPacket(12, 0); // 11 lost for good
    int sent = 0;
    for (std::int64_t t = 0; t <= 400; t += 10)
        sent += static_cast<int>(video.nacksToSend(t).size());
    CHECK(sent == 3);
    CHECK(video.missingCount() == 0); // abandoned after the third try went unanswered for an RTT
    CHECK(video.counters().abandoned == 1);
    REQUIRE(video.keyframeRequestPending());
    CHECK(video.takeKeyframeRequest(400));
    CHECK_FALSE(video.takeKeyframeRequest(600)); // rate-limited while pending
    CHECK(video.takeKeyframeRequest(900)); // the keyframe has not come: ask again
    video.onPacket(13, 950, /*keyframeStart=*/true);
    CHECK_FALSE(video.keyframeRequestPending());
    CHECK_FALSE(video.takeKeyframeRequest(2000));

    // Deadline: a long RTT means few retries fit before the data is useless.
    NackGenerator slow(config);
    slow.setRttMs(600);
    slow.onPacket(1, 0);
    slow.onPacket(3, 0);
    CHECK(slow.nacksToSend(0) == std::vector<std::uint16_t>{2});
    CHECK(slow.nacksToSend(600) == std::vector<std::uint16_t>{2});
    CHECK(slow.nextDueMs() == 1000); // the deadline comes before the next round trip
    CHECK(slow.nacksToSend(1000).empty());
    CHECK(slow.counters().abandoned == 1);
    CHECK(slow.keyframeRequestPending());

    // Audio never asks for keyframes: Opus conceals the loss.
    config.requestKeyframes = false;
    NackGenerator audio(config);
    audio.onPacket(1, 0);
    audio.onPacket(3, 0);
    (void)audio.nacksToSend(2000);
    CHECK(audio.counters().abandoned == 1);
    CHECK_FALSE(audio.takeKeyframeRequest(2000));
}

TEST_CASE("NACK generator: a huge gap is a reset, a keyframe clears older gaps", "[rtc][nack][pli]")
{
    NackGenerator::Config config;
    config.maxMissing = 100;
    NackGenerator nack(config);
    nack.onPacket(0, 0);
    nack.onPacket(50, 0);
    CHECK(nack.missingCount() == 49);
    nack.onPacket(60, 1, /*keyframeStart=*/true); // 51..59 too, but all before the keyframe
    CHECK(nack.missingCount() == 0);
    nack.onPacket(1000, 2);
    CHECK(nack.missingCount() == 0);
    CHECK(nack.keyframeRequestPending());
    CHECK(nack.counters().abandoned == 939);
}

TEST_CASE("NACK generator across the 65535 wrap", "[rtc][nack]")
{
    NackGenerator::Config config;
    config.reorderWindowMs = 0;
    NackGenerator nack(config);
    nack.onPacket(65533, 0);
    nack.onPacket(2, 0); // 65534, 65535, 0, 1 missing
    CHECK(nack.nacksToSend(0) == std::vector<std::uint16_t>{65534, 65535, 0, 1});
    CHECK(nack.onPacket(0, 1) == NackGenerator::Arrival::Recovered);
    CHECK(nack.missingCount() == 3);
}

TEST_CASE("NACK loop over a lossy, reordering link recovers every packet via RTX", "[rtc][nack][rtx]")
{
    // Sender → link (15 % loss, reordering by up to 30 ms, 60 ms one way) → receiver;
    // NACKs go back over a loss-free link as RTCP bytes, retransmissions go as RTX.
    std::mt19937 rng(1234);
    RetransmissionBuffer sender;
    sender.setRttMs(120);
    NackGenerator::Config config;
    config.requestKeyframes = false;
    NackGenerator receiver(config);
    receiver.setRttMs(120);

    std::multimap<std::int64_t, RtpPacket> inFlight; // arrival time → packet
    std::multimap<std::int64_t, std::vector<std::uint8_t>> feedback;
    std::set<std::uint16_t> delivered;
    std::uint16_t rtxSeq = 0;
    const std::uint16_t firstSeq = 65000;
    const int count = 1000;
    auto send = [&](const RtpPacket& p, std::int64_t now) {
        if (rng() % 100 < 15)
            return;
        inFlight.emplace(now + 60 + static_cast<std::int64_t>(rng() % 30), p);
    };
    for (std::int64_t now = 0; now < count * 5 + 2000; ++now) {
        if (now % 5 == 0 && now / 5 < count) {
            const RtpPacket p = packet(static_cast<std::uint16_t>(firstSeq + now / 5));
            sender.onPacketSent(p, now);
            send(p, now);
        }
        while (!inFlight.empty() && inFlight.begin()->first <= now) {
            RtpPacket p = inFlight.begin()->second;
            inFlight.erase(inFlight.begin());
            if (p.payloadType == 97) {
                auto original = unwrapRtx(p, 96, 0x1111);
                REQUIRE(original.ok());
                p = *original;
            }
            REQUIRE(p.payload == packet(p.sequenceNumber).payload);
            delivered.insert(p.sequenceNumber);
            (void)receiver.onPacket(p.sequenceNumber, now);
        }
        if (now % 20 == 0) {
            const auto lost = receiver.nacksToSend(now);
            if (!lost.empty())
                feedback.emplace(now + 60, buildRtcpCompound({Nack{2, 0x1111, lost}}));
        }
        while (!feedback.empty() && feedback.begin()->first <= now) {
            auto parsed = parseRtcpCompound(feedback.begin()->second);
            feedback.erase(feedback.begin());
            REQUIRE(parsed.ok());
            const auto& nack = std::get<Nack>(parsed->front());
            for (const auto& original : sender.onNack(nack.sequenceNumbers, now).resend)
                send(wrapRtx(original, 97, 0x2222, rtxSeq++), now);
        }
    }
    CHECK(delivered.size() == static_cast<std::size_t>(count));
    CHECK(receiver.missingCount() == 0);
    CHECK(receiver.counters().abandoned == 0);
    CHECK(receiver.counters().recovered >= 100); // ~15 % of 1000 plus lost retransmissions
}
