// RTP packets, RFC 8285 header extensions, RTX and sequence unwrapping,
// checked against byte vectors laid out by hand from RFC 3550 5.1 and
// RFC 8285 4.2/4.3 (each byte is annotated).
#include "rtc/RtpExtensionMap.h"
#include "rtc/RtpPacket.h"
#include "rtc/Rtx.h"
#include "rtc/SequenceUnwrapper.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace spoke::rtc;
using Bytes = std::vector<std::uint8_t>;

namespace {

// V=2 X=1 CC=0 | M=1 PT=96 | seq 0x1234 | ts 0xDEADBEEF | SSRC 0x11223344
// one-byte extensions (0xBEDE, 2 words): id 1 len 1 "0" (mid); id 3 len 3 0xABCDEF; 2 padding bytes
// payload 01 02 03
const Bytes kOneByteVector = {
    0x90, 0xE0, 0x12, 0x34, 0xDE, 0xAD, 0xBE, 0xEF, 0x11, 0x22, 0x33, 0x44, //
    0xBE, 0xDE, 0x00, 0x02, //
    0x10, '0',  0x32, 0xAB, 0xCD, 0xEF, 0x00, 0x00, //
    0x01, 0x02, 0x03,
};

// V=2 P=1 X=1 CC=1 | M=0 PT=111 | seq 0xFFFF | ts 1 | SSRC 2 | CSRC 0x0A0B0C0D
// two-byte extensions (0x1000, 2 words): id 1 len 0; id 20 len 2 AA BB; 2 padding
// payload F8 FF FE, then 4 bytes of padding ending in the count 4
const Bytes kTwoByteVector = {
    0xB1, 0x6F, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x0A, 0x0B, 0x0C, 0x0D, //
    0x10, 0x00, 0x00, 0x02, //
    0x01, 0x00, 0x14, 0x02, 0xAA, 0xBB, 0x00, 0x00, //
    0xF8, 0xFF, 0xFE, 0x00, 0x00, 0x00, 0x04,
};

} // namespace

TEST_CASE("RTP packet with one-byte header extensions matches the RFC 8285 layout", "[rtc][rtp]")
{
    auto parsed = RtpPacket::parse(kOneByteVector);
    REQUIRE(parsed.ok());
    const RtpPacket& p = *parsed;
    CHECK(p.marker);
    CHECK(p.payloadType == 96);
    CHECK(p.sequenceNumber == 0x1234);
    CHECK(p.timestamp == 0xDEADBEEF);
    CHECK(p.ssrc == 0x11223344);
    CHECK(p.csrcs.empty());
    CHECK_FALSE(p.twoByteExtensions);
    REQUIRE(p.extensions.size() == 2);
    CHECK(p.extensions[0] == RtpExtension{1, {'0'}});
    CHECK(p.extensions[1] == RtpExtension{3, {0xAB, 0xCD, 0xEF}});
    CHECK(p.payload == Bytes{1, 2, 3});
    CHECK(p.paddingBytes == 0);
    CHECK(p.headerBytes() == 24);
    CHECK(p.serialize() == kOneByteVector);

    RtpExtensionMap map;
    map.set(RtpExtensionKind::Mid, 1);
    map.set(RtpExtensionKind::AbsSendTime, 3);
    CHECK(map.mid(p) == "0");
    CHECK(map.absSendTime(p) == 0xABCDEFu);
    CHECK_FALSE(map.transportSequenceNumber(p).has_value()); // not negotiated
}

TEST_CASE("RTP packet with CSRC, two-byte extensions and padding round-trips", "[rtc][rtp]")
{
    auto parsed = RtpPacket::parse(kTwoByteVector);
    REQUIRE(parsed.ok());
    const RtpPacket& p = *parsed;
    CHECK_FALSE(p.marker);
    CHECK(p.payloadType == 111);
    CHECK(p.sequenceNumber == 0xFFFF);
    CHECK(p.csrcs == std::vector<std::uint32_t>{0x0A0B0C0D});
    CHECK(p.twoByteExtensions);
    REQUIRE(p.extensions.size() == 2);
    CHECK(p.extensions[0] == RtpExtension{1, {}});
    CHECK(p.extensions[1] == RtpExtension{20, {0xAA, 0xBB}});
    CHECK(p.payload == Bytes{0xF8, 0xFF, 0xFE});
    CHECK(p.paddingBytes == 4);
    CHECK(p.serialize() == kTwoByteVector);
}

TEST_CASE("RTP writer switches to the two-byte form only when an element needs it", "[rtc][rtp]")
{
    RtpPacket p;
    p.payloadType = 96;
    p.setExtension(2, {0x01, 0x02});
    auto bytes = p.serialize();
    CHECK(bytes[12] == 0xBE);
    CHECK(bytes[13] == 0xDE);
    p.setExtension(15, {0x07}); // id 15 is reserved in the one-byte form
    bytes = p.serialize();
    CHECK(bytes[12] == 0x10);
    CHECK(bytes[13] == 0x00);
    auto back = RtpPacket::parse(bytes);
    REQUIRE(back.ok());
    CHECK(back->extensions == p.extensions);
    p.removeExtension(15);
    CHECK(p.extensions.size() == 1);
}

TEST_CASE("RTP parser rejects malformed packets with a reason", "[rtc][rtp]")
{
    CHECK(RtpPacket::parse(Bytes{0x80, 0x60, 0x00}).error().message().find("shorter than the 12-byte header")
          != std::string::npos);
    Bytes v1 = kOneByteVector;
    v1[0] = 0x50; // version 1
    CHECK(RtpPacket::parse(v1).error().message().find("version is 1") != std::string::npos);
    Bytes cut = kOneByteVector;
    cut.resize(18); // inside the extension block
    CHECK(RtpPacket::parse(cut).error().message().find("header extension") != std::string::npos);
    Bytes badPadding = kTwoByteVector;
    badPadding.back() = 40; // more padding than payload
    CHECK(RtpPacket::parse(badPadding).error().message().find("padding count 40") != std::string::npos);
    Bytes elementTooLong = kOneByteVector;
    elementTooLong[18] = 0x3F; // id 3 claims 16 bytes
    CHECK_FALSE(RtpPacket::parse(elementTooLong).ok());
    Bytes csrcs = kOneByteVector;
    csrcs[0] = 0x8F; // 15 CSRCs announced
    CHECK(RtpPacket::parse(csrcs).error().message().find("15 CSRCs") != std::string::npos);
}

TEST_CASE("RTP keeps a non-RFC 8285 extension block verbatim", "[rtc][rtp]")
{
    const Bytes bytes = {0x90, 0x60, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 9, 0xAB, 0xCD, 0x00, 0x01, 1, 2, 3, 4, 0x42};
    auto p = RtpPacket::parse(bytes);
    REQUIRE(p.ok());
    CHECK(p->opaqueExtensionProfile == 0xABCD);
    CHECK(p->opaqueExtensionData == Bytes{1, 2, 3, 4});
    CHECK(p->extensions.empty());
    CHECK(p->serialize() == bytes);
}

TEST_CASE("typed header extensions Janus negotiates", "[rtc][rtp]")
{
    RtpExtensionMap map;
    REQUIRE(map.setByUri("urn:ietf:params:rtp-hdrext:sdes:mid", 1));
    REQUIRE(map.setByUri("http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01", 2));
    REQUIRE(map.setByUri("http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time", 3));
    REQUIRE(map.setByUri("urn:ietf:params:rtp-hdrext:ssrc-audio-level", 4));
    REQUIRE(map.setByUri("urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id", 5));
    REQUIRE(map.setByUri("urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id", 6));
    CHECK_FALSE(map.setByUri("urn:3gpp:video-orientation", 7));

    RtpPacket p;
    p.payloadType = 96;
    p.payload = {1};
    CHECK(map.setMid(p, "1"));
    CHECK(map.setTransportSequenceNumber(p, 0xBEEF));
    // 1.5 s in 6.18 fixed point is 1.5 * 2^18 = 0x060000.
    CHECK(RtpExtensionMap::absSendTimeFromMicros(1'500'000) == 0x060000u);
    // The 24-bit field wraps every 64 s.
    CHECK(RtpExtensionMap::absSendTimeFromMicros(65'500'000) == RtpExtensionMap::absSendTimeFromMicros(1'500'000));
    CHECK(map.setAbsSendTime(p, 0x060000));
    CHECK(map.setAudioLevel(p, AudioLevel{true, 42}));
    CHECK(map.setRid(p, "h"));
    CHECK(map.setRepairedRid(p, "h"));
    CHECK_FALSE(map.setRid(p, ""));

    auto back = RtpPacket::parse(p.serialize());
    REQUIRE(back.ok());
    CHECK_FALSE(back->twoByteExtensions);
    CHECK(map.mid(*back) == "1");
    CHECK(map.transportSequenceNumber(*back) == 0xBEEF);
    CHECK(map.absSendTime(*back) == 0x060000u);
    CHECK(map.audioLevel(*back) == AudioLevel{true, 42});
    CHECK(map.rid(*back) == "h");
    CHECK(map.repairedRid(*back) == "h");
    // The audio level byte is V|level: 0x80 | 42.
    CHECK(back->extension(4)->data == Bytes{0xAA});
}

TEST_CASE("RTX wraps and unwraps with the original sequence number (RFC 4588)", "[rtc][rtp][rtx]")
{
    auto original = RtpPacket::parse(kOneByteVector);
    REQUIRE(original.ok());
    const RtpPacket rtx = wrapRtx(*original, 97, 0x55667788, 7);
    CHECK(rtx.payloadType == 97);
    CHECK(rtx.ssrc == 0x55667788);
    CHECK(rtx.sequenceNumber == 7);
    CHECK(rtx.timestamp == original->timestamp);
    CHECK(rtx.marker == original->marker);
    CHECK(rtx.extensions == original->extensions);
    CHECK(rtx.payload == Bytes{0x12, 0x34, 1, 2, 3}); // OSN then the original payload

    auto wire = RtpPacket::parse(rtx.serialize());
    REQUIRE(wire.ok());
    auto back = unwrapRtx(*wire, 96, 0x11223344);
    REQUIRE(back.ok());
    CHECK(*back == *original);
    CHECK(back->serialize() == kOneByteVector);

    RtpPacket probe = rtx;
    probe.payload.clear();
    probe.paddingBytes = 200;
    CHECK(unwrapRtx(probe, 96, 1).error().message().find("too few for the original sequence number")
          != std::string::npos);
}

TEST_CASE("sequence numbers unwrap across 65535 in both directions", "[rtc][rtp]")
{
    SequenceUnwrapper u;
    const std::int64_t first = u.unwrap(65533);
    CHECK(u.unwrap(65534) == first + 1);
    CHECK(u.unwrap(65535) == first + 2);
    CHECK(u.unwrap(0) == first + 3);
    CHECK(u.unwrap(2) == first + 5);
    CHECK(u.unwrap(1) == first + 4); // reordered
    CHECK(u.unwrap(65535) == first + 2); // late, from before the wrap
    CHECK(u.peek(3) == first + 6);
    std::uint16_t seq = 3;
    std::int64_t expected = first + 6;
    for (int i = 0; i < 200'000; ++i, ++seq, ++expected)
        REQUIRE(u.unwrap(seq) == expected); // three full wraps
    SequenceUnwrapper early;
    const std::int64_t zero = early.unwrap(0);
    const std::int64_t before = early.unwrap(65535); // reordered ahead of the first packet
    CHECK(before == zero - 1);
    CHECK(before > 0);
}

TEST_CASE("RTCP is told apart from RTP on a muxed port (RFC 5761)", "[rtc][rtp]")
{
    CHECK_FALSE(looksLikeRtcp(kOneByteVector));
    CHECK(looksLikeRtcp(Bytes{0x81, 0xC9, 0x00, 0x01}));
    CHECK(looksLikeRtcp(Bytes{0x8F, 0xCD, 0x00, 0x01}));
    CHECK_FALSE(looksLikeRtcp(Bytes{0x16, 0xFE, 0xFD, 0x00})); // DTLS
}
