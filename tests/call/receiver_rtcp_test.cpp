// ReceiverRtcp: the RTCP our subscriber sends Janus, checked on the wire
// format Janus 1.1.2 reads (see ReceiverRtcp.h for why each rule matters).

#include "call/ReceiverRtcp.h"

#include "rtc/NtpTime.h"
#include "rtc/RtcpCompound.h"

#include <catch2/catch.hpp>

#include <variant>

using spoke::call::ReceiverRtcp;
namespace rtc = spoke::rtc;

namespace {

constexpr std::uint32_t kOurSsrc = 0x11111111;
constexpr std::uint32_t kVideoSsrc = 0x22222222;
constexpr std::uint32_t kAudioSsrc = 0x33333333;

rtc::RtpPacket packet(std::uint32_t ssrc, std::uint16_t seq, std::uint32_t timestamp)
{
    rtc::RtpPacket p;
    p.ssrc = ssrc;
    p.sequenceNumber = seq;
    p.timestamp = timestamp;
    return p;
}

std::vector<rtc::RtcpPacket> parse(const std::vector<std::uint8_t>& bytes)
{
    auto parsed = rtc::parseRtcpCompound(bytes);
    REQUIRE(parsed.ok());
    return *parsed;
}

} // namespace

TEST_CASE("receiver rtcp: one RR per stream, echoing Janus' last SR", "[call]")
{
    ReceiverRtcp rtcp(kOurSsrc);
    CHECK(rtcp.dueReports(0).empty()); // nothing received, nothing to report
    for (std::uint16_t seq = 100; seq < 110; ++seq) {
        if (seq != 105) // one lost
            rtcp.onRtp(packet(kVideoSsrc, seq, seq * 3000u), 90'000, 1'000'000 + seq * 33'000);
    }
    rtcp.onRtp(packet(kAudioSsrc, 7, 960), 48'000, 1'400'000);

    const std::uint64_t srNtp = (std::uint64_t{3'900'000'000} << 32) | 0x80000000u;
    const std::vector<rtc::RtcpPacket> fromJanus{
        rtc::SenderReport{kVideoSsrc, srNtp, 123456, 10, 10000, {}},
        rtc::Sdes{{rtc::SdesChunk{kVideoSsrc, "janus"}}},
    };
    const auto srs = rtcp.onRtcp(rtc::buildRtcpCompound(fromJanus), 2'000'000);
    REQUIRE(srs.size() == 1);
    CHECK(srs[0].rtpTimestamp == 123456);

    // Due at once after the SR, then not again within the second.
    const auto reports = rtcp.dueReports(2'250'000);
    REQUIRE(reports.size() == 2);
    CHECK(rtcp.dueReports(2'500'000).empty());
    CHECK(rtcp.dueReports(3'250'000).size() == 2);
    bool sawVideo = false;
    for (const auto& bytes : reports) {
        const auto packets = parse(bytes);
        REQUIRE(packets.size() == 1);
        const auto* rr = std::get_if<rtc::ReceiverReport>(&packets[0]);
        REQUIRE(rr);
        CHECK(rr->ssrc == kOurSsrc);
        // Janus reads only the first block to route the report.
        REQUIRE(rr->reports.size() == 1);
        if (rr->reports[0].ssrc == kVideoSsrc) {
            sawVideo = true;
            CHECK(rr->reports[0].lastSenderReport == rtc::ntp::compact(srNtp));
            // 250 ms since the SR arrived, in 1/65536 s.
            CHECK(rr->reports[0].delaySinceLastSenderReport == rtc::ntp::compactFromMicros(250'000));
            CHECK(rr->reports[0].cumulativeLost == 1);
            CHECK(rr->reports[0].extendedHighestSequence == 109);
        } else {
            CHECK(rr->reports[0].ssrc == kAudioSsrc);
            CHECK(rr->reports[0].lastSenderReport == 0); // no audio SR yet
        }
    }
    CHECK(sawVideo);
}

TEST_CASE("receiver rtcp: a NACK or PLI goes out behind an RR naming the media stream", "[call]")
{
    ReceiverRtcp rtcp(kOurSsrc);
    rtcp.onRtp(packet(kVideoSsrc, 1, 0), 90'000, 0);
    for (const auto& feedback : {rtc::RtcpPacket{rtc::Pli{kOurSsrc, kVideoSsrc}},
                                 rtc::RtcpPacket{rtc::Nack{kOurSsrc, kVideoSsrc, {5, 6, 9}}}}) {
        const auto packets = parse(rtcp.feedback(kVideoSsrc, feedback, 10'000));
        REQUIRE(packets.size() == 2);
        const auto* rr = std::get_if<rtc::ReceiverReport>(&packets[0]);
        REQUIRE(rr);
        REQUIRE(rr->reports.size() == 1);
        CHECK(rr->reports[0].ssrc == kVideoSsrc);
        CHECK(packets[1] == feedback);
    }
}

TEST_CASE("receiver rtcp: the RTT is the median NACK-to-retransmission time from the first NACK", "[call]")
{
    ReceiverRtcp rtcp(kOurSsrc);
    CHECK_FALSE(rtcp.rttMs());
    // Five packets answered in 100 ms, one whose retransmission was lost and
    // came after a second NACK (400 ms from the first), one never answered.
    for (std::uint16_t seq = 0; seq < 5; ++seq) {
        rtcp.onNacked({seq}, 1000 + seq * 10);
        rtcp.onRecovered(seq, 1100 + seq * 10);
    }
    rtcp.onNacked({50, 51}, 2000);
    rtcp.onNacked({50}, 2220); // the retry keeps the first time
    rtcp.onRecovered(50, 2400);
    rtcp.onRecovered(77, 2400); // never NACKed: a reordered packet, no sample
    REQUIRE(rtcp.rttMs());
    CHECK(*rtcp.rttMs() == 100);
}
