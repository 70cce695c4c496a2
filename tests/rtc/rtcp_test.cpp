// Compound RTCP and transport-wide CC feedback against byte vectors laid
// out by hand from RFC 3550 6.4-6.6, RFC 4585 6.2-6.3, RFC 5104 4.3.1,
// draft-alvestrand-rmcat-remb-03 2.2 and
// draft-holmer-rmcat-transport-wide-cc-extensions-01 3.1.
#include "rtc/JitterEstimator.h"
#include "rtc/NtpTime.h"
#include "rtc/RtcpCompound.h"
#include "rtc/StreamStatistics.h"

#include <catch2/catch.hpp>

#include <random>

using namespace spoke::rtc;
using Bytes = std::vector<std::uint8_t>;

namespace {

template <typename T> T only(const Expected<std::vector<RtcpPacket>>& parsed)
{
    REQUIRE(parsed.ok());
    REQUIRE(parsed->size() == 1);
    REQUIRE(std::holds_alternative<T>(parsed->front()));
    return std::get<T>(parsed->front());
}

Bytes roundTrip(const Bytes& bytes)
{
    auto parsed = parseRtcpCompound(bytes);
    REQUIRE(parsed.ok());
    return buildRtcpCompound(*parsed);
}

// RR, 1 block: SSRC 0x11223344 reporting on 0x55667788; fraction 0x40 (25 %),
// cumulative lost -1 (24-bit 0xFFFFFF), highest seq 0x00010005, jitter 32,
// LSR 0xB7052000, DLSR 0x00054000 (the RFC 3550 6.4.1 example values).
const Bytes kRr = {0x81, 0xC9, 0x00, 0x07, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x40, 0xFF, 0xFF, 0xFF,
                   0x00, 0x01, 0x00, 0x05, 0x00, 0x00, 0x00, 0x20, 0xB7, 0x05, 0x20, 0x00, 0x00, 0x05, 0x40, 0x00};
// SDES, one chunk: SSRC 0x11223344, CNAME "janus", null terminator (12 bytes, no padding needed).
const Bytes kSdes = {0x81, 0xCA, 0x00, 0x03, 0x11, 0x22, 0x33, 0x44, 0x01, 0x05, 'j', 'a', 'n', 'u', 's', 0x00};
// REMB: sender 0x11223344, media 0, "REMB", 1 SSRC, exponent 1, mantissa 256000 → 512000 bps; SSRC 0x55667788.
const Bytes kRemb = {0x8F, 0xCE, 0x00, 0x05, 0x11, 0x22, 0x33, 0x44, 0x00, 0x00, 0x00, 0x00,
                     'R',  'E',  'M',  'B',  0x01, 0x07, 0xE8, 0x00, 0x55, 0x66, 0x77, 0x88};

} // namespace

TEST_CASE("SR with a report block", "[rtc][rtcp]")
{
    const Bytes bytes = {0x81, 0xC8, 0x00, 0x0C, 0x11, 0x22, 0x33, 0x44, // RC=1, PT=200, 13 words
                         0xE9, 0x1A, 0x2B, 0x3C, 0x80, 0x00, 0x00, 0x00, // NTP: seconds, half a second
                         0x00, 0x00, 0x3A, 0x98, // RTP timestamp 15000
                         0x00, 0x00, 0x01, 0x2C, // 300 packets
                         0x00, 0x01, 0x86, 0xA0, // 100000 octets
                         0x55, 0x66, 0x77, 0x88, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x10, 0x00,
                         0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
    const auto sr = only<SenderReport>(parseRtcpCompound(bytes));
    CHECK(sr.ssrc == 0x11223344);
    CHECK(sr.ntpTime == 0xE91A2B3C80000000ull);
    CHECK(sr.rtpTimestamp == 15000);
    CHECK(sr.packetCount == 300);
    CHECK(sr.octetCount == 100000);
    REQUIRE(sr.reports.size() == 1);
    CHECK(sr.reports[0].ssrc == 0x55667788);
    CHECK(sr.reports[0].cumulativeLost == 3);
    CHECK(sr.reports[0].extendedHighestSequence == 0x1000);
    CHECK(sr.reports[0].jitter == 5);
    CHECK(roundTrip(bytes) == bytes);
}

TEST_CASE("RR report block fields including negative cumulative loss", "[rtc][rtcp]")
{
    const auto rr = only<ReceiverReport>(parseRtcpCompound(kRr));
    CHECK(rr.ssrc == 0x11223344);
    REQUIRE(rr.reports.size() == 1);
    const ReportBlock& b = rr.reports[0];
    CHECK(b.ssrc == 0x55667788);
    CHECK(b.fractionLost == 0x40);
    CHECK(b.cumulativeLost == -1);
    CHECK(b.extendedHighestSequence == 0x00010005);
    CHECK(b.jitter == 32);
    CHECK(b.lastSenderReport == 0xB7052000);
    CHECK(b.delaySinceLastSenderReport == 0x00054000);
    CHECK(roundTrip(kRr) == kRr);
}

TEST_CASE("SDES CNAME and BYE with reason", "[rtc][rtcp]")
{
    const auto sdes = only<Sdes>(parseRtcpCompound(kSdes));
    REQUIRE(sdes.chunks.size() == 1);
    CHECK(sdes.chunks[0] == SdesChunk{0x11223344, "janus"});
    CHECK(roundTrip(kSdes) == kSdes);

    // BYE, SC=1, reason "leave" (1 + 5 bytes, padded with 2 zero bytes).
    const Bytes bye = {0x81, 0xCB, 0x00, 0x03, 0x11, 0x22, 0x33, 0x44, 0x05, 'l', 'e', 'a', 'v', 'e', 0x00, 0x00};
    const auto b = only<Bye>(parseRtcpCompound(bye));
    CHECK(b.ssrcs == std::vector<std::uint32_t>{0x11223344});
    CHECK(b.reason == "leave");
    CHECK(roundTrip(bye) == bye);
}

TEST_CASE("generic NACK expands PID/BLP and packs them back across the wrap", "[rtc][rtcp]")
{
    // PID 100, BLP 0b101: lost 100, 101 and 103.
    const Bytes bytes = {0x81, 0xCD, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01,
                         0x00, 0x00, 0x00, 0x02, 0x00, 0x64, 0x00, 0x05};
    const auto nack = only<Nack>(parseRtcpCompound(bytes));
    CHECK(nack.senderSsrc == 1);
    CHECK(nack.mediaSsrc == 2);
    CHECK(nack.sequenceNumbers == std::vector<std::uint16_t>{100, 101, 103});
    CHECK(roundTrip(bytes) == bytes);

    // 65534, 65535, 0, 1 and 40: one PID/BLP for the run over the wrap, one for 40.
    const Nack wrapping{1, 2, {1, 65535, 40, 0, 65534, 0}};
    const Bytes built = buildRtcpCompound({wrapping});
    const Bytes expected = {0x81, 0xCD, 0x00, 0x04, 0,    0,    0,    1,    0,    0,
                            0,    2,    0xFF, 0xFE, 0x00, 0x07, 0x00, 0x28, 0x00, 0x00};
    CHECK(built == expected);
    CHECK(only<Nack>(parseRtcpCompound(built)).sequenceNumbers == std::vector<std::uint16_t>{65534, 65535, 0, 1, 40});
}

TEST_CASE("PLI, FIR and REMB", "[rtc][rtcp]")
{
    const Bytes pli = {0x81, 0xCE, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0xAA, 0xBB, 0xCC, 0xDD};
    CHECK(only<Pli>(parseRtcpCompound(pli)) == Pli{1, 0xAABBCCDD});
    CHECK(buildRtcpCompound({Pli{1, 0xAABBCCDD}}) == pli);

    // FIR: media SSRC field 0, one FCI entry (SSRC 0xAABBCCDD, seq 7, 3 reserved bytes).
    const Bytes fir = {0x84, 0xCE, 0x00, 0x04, 0, 0, 0, 1, 0, 0, 0, 0, 0xAA, 0xBB, 0xCC, 0xDD, 0x07, 0, 0, 0};
    CHECK(only<Fir>(parseRtcpCompound(fir)) == Fir{1, {{0xAABBCCDD, 7}}});
    CHECK(buildRtcpCompound({Fir{1, {{0xAABBCCDD, 7}}}}) == fir);

    const auto remb = only<Remb>(parseRtcpCompound(kRemb));
    CHECK(remb.bitrateBps == 512000);
    CHECK(remb.ssrcs == std::vector<std::uint32_t>{0x55667788});
    CHECK(roundTrip(kRemb) == kRemb);
    // Rates that need more than 18 mantissa bits are rounded down.
    auto rounded = only<Remb>(parseRtcpCompound(buildRtcpCompound({Remb{1, 1'000'001, {}}})));
    CHECK(rounded.bitrateBps <= 1'000'001);
    CHECK(rounded.bitrateBps >= 1'000'001 - 4);
}

TEST_CASE("compound RR + SDES + REMB datagram, padding, unknown types", "[rtc][rtcp]")
{
    Bytes compound = kRr;
    compound.insert(compound.end(), kSdes.begin(), kSdes.end());
    compound.insert(compound.end(), kRemb.begin(), kRemb.end());
    auto parsed = parseRtcpCompound(compound);
    REQUIRE(parsed.ok());
    REQUIRE(parsed->size() == 3);
    CHECK(std::holds_alternative<ReceiverReport>((*parsed)[0]));
    CHECK(std::holds_alternative<Sdes>((*parsed)[1]));
    CHECK(std::holds_alternative<Remb>((*parsed)[2]));
    CHECK(buildRtcpCompound(*parsed) == compound);

    // PLI with the P bit and 4 bytes of padding (count in the last byte).
    const Bytes padded = {0xA1, 0xCE, 0x00, 0x03, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 4};
    CHECK(only<Pli>(parseRtcpCompound(padded)) == Pli{1, 2});

    // APP (204) is kept opaque and written back unchanged.
    const Bytes app = {0x80, 0xCC, 0x00, 0x02, 0, 0, 0, 1, 'n', 'a', 'm', 'e'};
    const auto unknown = only<UnknownRtcp>(parseRtcpCompound(app));
    CHECK(unknown.packetType == 204);
    CHECK(roundTrip(app) == app);
}

TEST_CASE("malformed RTCP is refused with the reason", "[rtc][rtcp]")
{
    auto message = [](const Bytes& b) {
        auto parsed = parseRtcpCompound(b);
        REQUIRE_FALSE(parsed.ok());
        return parsed.error().message();
    };
    CHECK(message({}).find("empty") != std::string::npos);
    CHECK(message({0x81, 0xC9}).find("cut off inside its 4-byte header") != std::string::npos);
    Bytes longer = kRr;
    longer[3] = 0x20;
    CHECK(message(longer).find("claims 132 bytes") != std::string::npos);
    Bytes v1 = kRr;
    v1[0] = 0x41;
    CHECK(message(v1).find("version 1") != std::string::npos);
    CHECK(message({0x82, 0xC9, 0x00, 0x07, 1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0,
                   0,    0,    0,    0,    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
              .find("announces 2 report blocks")
          != std::string::npos);
    CHECK(message({0x81, 0xC8, 0x00, 0x01, 1, 2, 3, 4}).find("28-byte sender info") != std::string::npos);
    CHECK(message({0x81, 0xCD, 0x00, 0x02, 0, 0, 0, 1, 0, 0, 0, 2}).find("PID/BLP") != std::string::npos);
    CHECK(message({0xA1, 0xCE, 0x00, 0x02, 0, 0, 0, 1, 0, 0, 0, 9}).find("padding count of 9") != std::string::npos);
    CHECK(message({0x81, 0xCA, 0x00, 0x02, 0, 0, 0, 1, 0x01, 0x09, 'a', 'b'}).find("SDES item") != std::string::npos);
}

TEST_CASE("transport-cc feedback matches a hand-built draft-holmer-01 packet", "[rtc][rtcp][twcc]")
{
    // base seq 100, 3 statuses, reference time 16 (× 64 ms), feedback count 7;
    // one two-bit status vector chunk 1|1|01 00 10 00 00 00 00 = 0xD200
    // (small, not received, large); deltas 0x04 (1 ms) and 0x0100 (64 ms); 3 zero bytes padding.
    const Bytes bytes = {0x8F, 0xCD, 0x00, 0x06, 0,    0,    0,    1,    0,    0,    0,    2,    0x00, 0x64,
                         0x00, 0x03, 0x00, 0x00, 0x10, 0x07, 0xD2, 0x00, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00};
    const auto fb = only<TransportFeedback>(parseRtcpCompound(bytes));
    CHECK(fb.senderSsrc == 1);
    CHECK(fb.mediaSsrc == 2);
    CHECK(fb.baseSequenceNumber == 100);
    CHECK(fb.referenceTime == 16);
    CHECK(fb.feedbackPacketCount == 7);
    REQUIRE(fb.packets.size() == 3);
    CHECK(fb.packets[0] == TransportFeedback::PacketStatus{true, 4});
    CHECK_FALSE(fb.packets[1].received);
    CHECK(fb.packets[2] == TransportFeedback::PacketStatus{true, 256});
    const auto arrivals = fb.arrivals();
    REQUIRE(arrivals.size() == 2);
    CHECK(arrivals[0] == TransportFeedback::Arrival{100, 1'025'000});
    CHECK(arrivals[1] == TransportFeedback::Arrival{102, 1'089'000});
    CHECK(roundTrip(bytes) == bytes);
}

TEST_CASE("transport-cc chunks: the draft's run-length and one-bit vector examples", "[rtc][rtcp][twcc]")
{
    // Draft 3.1.3 example: run-length chunk 0|01|0 0000 1101 1101 = 221 packets, all small deltas.
    TransportFeedback runs;
    runs.baseSequenceNumber = 65500; // the run crosses the wrap
    runs.packets.assign(221, {true, 1});
    const Bytes built = buildRtcpCompound({runs});
    REQUIRE(built.size() >= 22);
    CHECK(built[20] == 0x20);
    CHECK(built[21] == 0xDD);
    CHECK(only<TransportFeedback>(parseRtcpCompound(built)) == runs);

    // Draft 3.1.4 example: one-bit vector 1|0|00 1111 1000 1110 0... here 0x9F1C:
    // not received, 5 received, 3 not, 3 received, 2 not (14 symbols).
    const Bytes vector = {0x8F, 0xCD, 0x00, 0x07, 0,    0,    0, 1, 0, 0, 0, 2, 0x00, 0x01, 0x00, 0x0E,
                          0x00, 0x00, 0x00, 0x00, 0x9F, 0x1C, 1, 2, 3, 4, 5, 6, 7,    8,    0,    0};
    const auto fb = only<TransportFeedback>(parseRtcpCompound(vector));
    REQUIRE(fb.packets.size() == 14);
    const std::vector<bool> expected = {false, true,  true, true, true, true,  false,
                                        false, false, true, true, true, false, false};
    for (std::size_t i = 0; i < 14; ++i)
        CHECK(fb.packets[i].received == expected[i]);
    CHECK(fb.arrivals().size() == 8);
    CHECK(fb.arrivals().back().arrivalTimeUs == (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8) * 250);

    // Reserved status 3 is an error in either chunk kind.
    Bytes reserved = vector;
    reserved[20] = 0x60; // run-length chunk with symbol 3
    CHECK_FALSE(parseRtcpCompound(reserved).ok());
    Bytes cut = vector;
    cut.resize(24); // only 2 of the 8 deltas
    cut[3] = 0x05;
    CHECK(parseRtcpCompound(cut).error().message().find("receive delta") != std::string::npos);
}

TEST_CASE("transport-cc builder: losses, reordering in time, large and negative deltas, wrap", "[rtc][rtcp][twcc]")
{
    std::mt19937 rng(42);
    TransportFeedbackBuilder builder(1, 2, 9);
    CHECK(builder.empty());
    std::vector<TransportFeedback::Arrival> sent;
    std::uint16_t seq = 65000;
    std::int64_t timeUs = 5'000'000'123;
    for (int i = 0; i < 1500; ++i, ++seq) {
        if (rng() % 10 == 0)
            continue; // lost
        const int kind = static_cast<int>(rng() % 20);
        // mostly small steps; sometimes a 100 ms stall (large) or an earlier arrival (negative)
        timeUs += kind == 0 ? 100'000 : kind == 1 ? -3'000 : static_cast<std::int64_t>(rng() % 20'000);
        REQUIRE(builder.addReceivedPacket(seq, timeUs));
        sent.push_back({seq, timeUs});
    }
    CHECK_FALSE(builder.addReceivedPacket(static_cast<std::uint16_t>(seq - 10), timeUs)); // backwards
    CHECK_FALSE(builder.addReceivedPacket(seq, timeUs + 9'000'000)); // delta beyond ±8.19 s

    const TransportFeedback& fb = builder.feedback();
    CHECK(fb.baseSequenceNumber == 65000);
    CHECK(fb.feedbackPacketCount == 9);
    const Bytes wire = buildRtcpCompound({fb});
    CHECK(wire.size() % 4 == 0);
    const auto parsed = only<TransportFeedback>(parseRtcpCompound(wire));
    CHECK(parsed == fb);
    const auto arrivals = parsed.arrivals();
    REQUIRE(arrivals.size() == sent.size());
    // Times come back on the 64 ms reference clock (no 24-bit wrap at 5000 s),
    // each within one 250 µs tick: the builder measures every delta from the
    // previous *rounded* time, so rounding errors do not accumulate.
    const std::int64_t offset = 0;
    for (std::size_t i = 0; i < sent.size(); ++i) {
        REQUIRE(arrivals[i].sequenceNumber == sent[i].sequenceNumber);
        REQUIRE(std::abs(arrivals[i].arrivalTimeUs + offset - sent[i].arrivalTimeUs) < 250);
    }
}

TEST_CASE("RTT from LSR/DLSR: the RFC 3550 6.4.1 example", "[rtc][rtcp][stats]")
{
    // A = 0xB710:8000 (46864.500 s), LSR = 0xB705:2000 (46853.125 s), DLSR = 0x0005:4000 (5.250 s) → 6.125 s.
    CHECK(ntp::roundTripMicros(0xB7108000, 0xB7052000, 0x00054000) == 6'125'000);
    CHECK_FALSE(ntp::roundTripMicros(0xB7108000, 0, 0).has_value());
    CHECK(ntp::roundTripMicros(0x00001000, 0xFFFFF000, 0) == 125'000); // across the 18-hour wrap
    CHECK(ntp::roundTripMicros(0xB7000000, 0xB7052000, 0) == 0); // clock step: clamp
    CHECK(ntp::compactFromMicros(5'250'000) == 0x00054000u);
    const std::uint64_t t = ntp::fromUnixMicros(1'700'000'000'250'000);
    CHECK((t >> 32) == 1'700'000'000ull + 2'208'988'800ull);
    CHECK(ntp::toUnixMicros(t) == 1'700'000'000'250'000);
    CHECK(ntp::compact(t) == static_cast<std::uint32_t>(t >> 16));
}

TEST_CASE("interarrival jitter follows RFC 3550 A.8", "[rtc][rtcp][stats]")
{
    JitterEstimator steady(48000);
    for (int i = 0; i < 100; ++i)
        steady.onPacket(static_cast<std::uint32_t>(4'294'000'000u + i * 960u),
                        1'000'000 + i * 20'000); // wraps the RTP clock
    CHECK(steady.jitter() == 0);

    // Every other packet 5 ms late: |D| = 240 units at 48 kHz each time, so J → 240.
    JitterEstimator bumpy(48000);
    for (int i = 0; i < 400; ++i)
        bumpy.onPacket(static_cast<std::uint32_t>(i * 960), i * 20'000 + (i % 2) * 5'000);
    CHECK(bumpy.jitter() >= 235);
    CHECK(bumpy.jitter() <= 240);
}

TEST_CASE("receive statistics: loss, fraction lost, wrap, LSR/DLSR echo", "[rtc][rtcp][stats]")
{
    StreamStatistics stats(0xABCD, 90000);
    std::int64_t now = 0;
    // 65530..65535 then 0..10, with 3 and 7 lost and 2 arriving after 4.
    std::vector<std::uint16_t> order = {65530, 65531, 65532, 65533, 65534, 65535, 0, 1, 4, 2, 5, 6, 8, 9, 10};
    for (const auto s : order)
        stats.onPacket(s, 3000u * s, now += 33'000);
    stats.onSenderReport(0x0000B70520000000ull, now); // compact (middle 32 bits) 0xB7052000
    const ReportBlock b = stats.makeReportBlock(now + 250'000);
    CHECK(b.ssrc == 0xABCD);
    CHECK(stats.packetsExpected() == 17);
    CHECK(b.cumulativeLost == 2);
    CHECK(b.fractionLost == (2 * 256) / 17);
    CHECK(b.extendedHighestSequence == 0x1000Au); // one cycle, seq 10
    CHECK(b.lastSenderReport == 0xB7052000u);
    CHECK(b.delaySinceLastSenderReport == 0x4000u); // 0.25 s
    // The next interval has no loss, the cumulative count stays.
    for (std::uint16_t s = 11; s < 21; ++s)
        stats.onPacket(s, 3000u * s, now += 33'000);
    const ReportBlock next = stats.makeReportBlock(now);
    CHECK(next.fractionLost == 0);
    CHECK(next.cumulativeLost == 2);
    // A duplicate makes the count of received exceed expected.
    stats.onPacket(20, 60'000, now);
    CHECK(stats.makeReportBlock(now).cumulativeLost == 1);
}
