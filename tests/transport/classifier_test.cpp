// RFC 7983 demultiplexing of the one ICE socket.

#include "rtc/RtcpCompound.h"
#include "rtc/RtpPacket.h"
#include "transport/PacketClassifier.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace spoke;
using spoke::transport::classifyPacket;
using spoke::transport::PacketKind;

namespace {
std::vector<std::uint8_t> withFirstBytes(std::uint8_t first, std::uint8_t second, std::size_t size)
{
    std::vector<std::uint8_t> bytes(size, 0);
    bytes[0] = first;
    if (size > 1)
        bytes[1] = second;
    return bytes;
}
} // namespace

TEST_CASE("demux: first-byte ranges of RFC 7983", "[demux]")
{
    // STUN binding request: type 0x0001, then length and magic cookie.
    CHECK(classifyPacket(withFirstBytes(0x00, 0x01, 20)) == PacketKind::Stun);
    CHECK(classifyPacket(withFirstBytes(0x01, 0x01, 28)) == PacketKind::Stun);
    // DTLS handshake (22), change cipher spec (20), alert (21), application data (23) up to 63.
    for (std::uint8_t type : {20, 21, 22, 23, 63})
        CHECK(classifyPacket(withFirstBytes(type, 0xfe, 13)) == PacketKind::Dtls);
    // ZRTP (16-19), TURN channels (64-79) and everything else are not ours.
    for (std::uint8_t type : {4, 16, 19, 64, 79, 100, 127, 192, 255})
        CHECK(classifyPacket(withFirstBytes(type, 0x00, 40)) == PacketKind::Unknown);
    CHECK(classifyPacket({}) == PacketKind::Unknown);
}

TEST_CASE("demux: RTP and RTCP on one port by the second byte", "[demux]")
{
    rtc::RtpPacket rtp;
    rtp.ssrc = 1;
    for (std::uint8_t payloadType : {0, 8, 96, 97, 111, 127}) {
        rtp.payloadType = payloadType;
        rtp.marker = false;
        CHECK(classifyPacket(rtp.serialize()) == PacketKind::Rtp);
        rtp.marker = true; // marker + PT 96..127 = 224..255, still RTP
        CHECK(classifyPacket(rtp.serialize()) == PacketKind::Rtp);
    }
    // Real compound RTCP from core/rtc: RR + PLI.
    const auto compound = rtc::buildRtcpCompound({rtc::ReceiverReport{0x1234, {}}, rtc::Pli{0x1234, 0x5678}});
    REQUIRE(compound.size() >= 8);
    CHECK(classifyPacket(compound) == PacketKind::Rtcp);
    for (std::uint8_t type = 192; type <= 223; ++type)
        CHECK(classifyPacket(withFirstBytes(0x80, type, 8)) == PacketKind::Rtcp);
    // Too short for what the first byte claims.
    CHECK(classifyPacket(withFirstBytes(0x80, 96, 11)) == PacketKind::Unknown);
    CHECK(classifyPacket(withFirstBytes(0x80, 200, 7)) == PacketKind::Unknown);
    CHECK(classifyPacket(withFirstBytes(0x80, 0, 1)) == PacketKind::Unknown);
    CHECK(classifyPacket(withFirstBytes(22, 0xfe, 12)) == PacketKind::Unknown);
}
