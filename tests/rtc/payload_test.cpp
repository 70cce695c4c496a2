// VP8 (RFC 7741) and Opus (RFC 7587) payloads: descriptor byte vectors, and
// real libvpx/libopus output through packetizer → RTP → assembler → decoder.
#include "CodecFixtures.h"

#include "rtc/OpusPayload.h"
#include "rtc/Vp8FrameAssembler.h"
#include "rtc/Vp8Packetizer.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace spoke::rtc;
using Bytes = std::vector<std::uint8_t>;

namespace {

// One encoded frame as RTP packets (seq numbers from `seq`, which advances).
std::vector<RtpPacket> toRtp(const Bytes& frame, const Vp8Descriptor& d, std::uint32_t timestamp, std::uint16_t& seq,
                             std::size_t mtu = 400)
{
    std::vector<RtpPacket> packets;
    for (auto& payload : Vp8Packetizer(mtu).packetize(frame, d)) {
        RtpPacket p;
        p.payloadType = 96;
        p.ssrc = 0x1234;
        p.timestamp = timestamp;
        p.sequenceNumber = seq++;
        p.payload = std::move(payload);
        packets.push_back(std::move(p));
    }
    packets.back().marker = true;
    return packets;
}

} // namespace

TEST_CASE("VP8 payload descriptor byte layouts (RFC 7741 4.2)", "[rtc][vp8]")
{
    // X=1 S=1 PID=0 | I L T K | M=1 picture id 0x1234 | TL0PICIDX 5 | TID=2 Y=1 KEYIDX=3
    const Bytes full = {0x90, 0xF0, 0x92, 0x34, 0x05, 0xA3, 0xEE};
    auto parsed = Vp8Descriptor::parse(full);
    REQUIRE(parsed.ok());
    const Vp8Descriptor& d = parsed->descriptor;
    CHECK(parsed->headerBytes == 6);
    CHECK(d.startOfPartition);
    CHECK(d.partitionIndex == 0);
    CHECK(d.pictureId == 0x1234);
    CHECK(d.longPictureId);
    CHECK(d.tl0PicIdx == 5);
    CHECK(d.temporalId == 2);
    CHECK(d.layerSync);
    CHECK(d.keyIndex == 3);
    CHECK(d.size() == 6);
    Bytes written;
    d.write(written);
    CHECK(written == Bytes(full.begin(), full.begin() + 6));

    // N=1 PID=3, 7-bit picture id 0x25 only.
    const Bytes shortId = {0xA3, 0x80, 0x25};
    auto s = Vp8Descriptor::parse(shortId);
    REQUIRE(s.ok());
    CHECK(s->descriptor.nonReference);
    CHECK(s->descriptor.partitionIndex == 3);
    CHECK(s->descriptor.pictureId == 0x25);
    CHECK_FALSE(s->descriptor.longPictureId);
    CHECK_FALSE(s->descriptor.temporalId.has_value());
    written.clear();
    s->descriptor.write(written);
    CHECK(written == shortId);

    // Minimal descriptor: just S.
    auto minimal = Vp8Descriptor::parse(Bytes{0x10, 0x00});
    REQUIRE(minimal.ok());
    CHECK(minimal->headerBytes == 1);

    CHECK_FALSE(Vp8Descriptor::parse(Bytes{}).ok());
    CHECK(Vp8Descriptor::parse(Bytes{0x80}).error().message().find("extension byte") != std::string::npos);
    CHECK(Vp8Descriptor::parse(Bytes{0x90, 0x80, 0x92}).error().message().find("15-bit") != std::string::npos);
    CHECK(Vp8Descriptor::parse(Bytes{0x90, 0x40}).error().message().find("TL0PICIDX") != std::string::npos);
    CHECK(Vp8Descriptor::parse(Bytes{0x90, 0x10}).error().message().find("TID/KEYIDX") != std::string::npos);
}

TEST_CASE("VP8 packetizer splits to the MTU with balanced sizes", "[rtc][vp8]")
{
    Bytes frame(1001);
    for (std::size_t i = 0; i < frame.size(); ++i)
        frame[i] = static_cast<std::uint8_t>(i);
    Vp8Descriptor d;
    d.pictureId = 0x7FFF;
    d.tl0PicIdx = 255;
    d.temporalId = 0;
    const auto payloads = Vp8Packetizer(300).packetize(frame, d); // 5 header bytes + 295 room → 4 packets
    REQUIRE(payloads.size() == 4);
    Bytes joined;
    for (std::size_t i = 0; i < payloads.size(); ++i) {
        CHECK(payloads[i].size() <= 300);
        CHECK(payloads[i].size() >= 255); // 1001 / 4 = 250.25 + 5
        auto parsed = Vp8Descriptor::parse(payloads[i]);
        REQUIRE(parsed.ok());
        CHECK(parsed->descriptor.startOfPartition == (i == 0));
        CHECK(parsed->descriptor.pictureId == 0x7FFF);
        CHECK(parsed->descriptor.tl0PicIdx == 255);
        CHECK(parsed->descriptor.temporalId == 0);
        joined.insert(joined.end(), payloads[i].begin() + static_cast<std::ptrdiff_t>(parsed->headerBytes),
                      payloads[i].end());
    }
    CHECK(joined == frame);
    CHECK(Vp8Packetizer(5).packetize(frame, d).empty()); // no room after the descriptor
    CHECK(Vp8Packetizer(1200).packetize({}, d).empty());
}

TEST_CASE("real libvpx frames survive packetize → shuffle → assemble → decode", "[rtc][vp8]")
{
    test::Vp8Encoder encoder(320, 240, 1500);
    test::Vp8Decoder decoder;
    Vp8FrameAssembler assembler;
    std::mt19937 rng(7);
    std::uint16_t seq = 65500; // crosses the wrap within the run
    int completed = 0;
    for (int i = 0; i < 12; ++i) {
        const auto encoded = encoder.encode(i, i == 0 || i == 6);
        REQUIRE(encoded.keyframe == (i == 0 || i == 6));
        Vp8Descriptor d;
        d.pictureId = static_cast<std::uint16_t>(0x7FFE + i) & 0x7FFF; // wraps the 15-bit id
        const auto timestamp = static_cast<std::uint32_t>(3000 * i);
        auto packets = toRtp(encoded.data, d, timestamp, seq);
        if (encoded.keyframe)
            REQUIRE(packets.size() > 3);
        std::shuffle(packets.begin(), packets.end(), rng);
        for (std::size_t k = 0; k < packets.size(); ++k) {
            auto wire = RtpPacket::parse(packets[k].serialize());
            REQUIRE(wire.ok());
            auto result = assembler.insert(*wire, i * 33'000 + static_cast<std::int64_t>(k));
            if (k + 1 < packets.size()) {
                REQUIRE(result.outcome == Vp8FrameAssembler::Outcome::Buffered);
                continue;
            }
            REQUIRE(result.outcome == Vp8FrameAssembler::Outcome::Completed);
            const Vp8Frame& frame = *result.frame;
            CHECK(frame.data == encoded.data);
            CHECK(frame.keyframe == encoded.keyframe);
            CHECK(frame.rtpTimestamp == timestamp);
            CHECK(frame.descriptor.pictureId == d.pictureId);
            if (frame.keyframe) {
                CHECK(frame.width == 320);
                CHECK(frame.height == 240);
            }
            CHECK(decoder.decode(frame.data) == 320);
            ++completed;
        }
        // A retransmitted copy of a finished frame's packet is recognised as late.
        CHECK(assembler.insert(packets.front(), 0).outcome == Vp8FrameAssembler::Outcome::Late);
    }
    CHECK(completed == 12);
    CHECK(assembler.pendingFrames() == 0);
}

TEST_CASE("VP8 assembler reports missing packets and gives up at the deadline", "[rtc][vp8]")
{
    test::Vp8Encoder encoder(320, 240, 1500);
    Vp8FrameAssembler::Limits limits;
    limits.frameDeadlineUs = 200'000;
    Vp8FrameAssembler assembler(limits);
    std::uint16_t seq = 65530;
    const auto key = encoder.encode(0, true);
    auto first = toRtp(key.data, {}, 0, seq);
    const auto delta = encoder.encode(1, false);
    auto second = toRtp(delta.data, {}, 3000, seq, 200);
    REQUIRE(first.size() >= 4);
    REQUIRE(second.size() >= 2);

    // Lose the second packet of the keyframe; a duplicate arrives too.
    const std::uint16_t lost = first[1].sequenceNumber;
    for (std::size_t k = 0; k < first.size(); ++k)
        if (k != 1)
            CHECK(assembler.insert(first[k], 1000).outcome == Vp8FrameAssembler::Outcome::Buffered);
    CHECK(assembler.insert(first[0], 1500).outcome == Vp8FrameAssembler::Outcome::Duplicate);
    // Lose the first packet of the next frame: its start is inferred from the keyframe's end.
    const std::uint16_t lostStart = second[0].sequenceNumber;
    for (std::size_t k = 1; k < second.size(); ++k)
        CHECK(assembler.insert(second[k], 34'000).outcome == Vp8FrameAssembler::Outcome::Buffered);
    CHECK(assembler.missingSequenceNumbers() == std::vector<std::uint16_t>{lost, lostStart});

    CHECK(assembler.expire(150'000).empty()); // before the deadline
    // The retransmission arrives in time and completes the keyframe.
    auto recovered = assembler.insert(first[1], 160'000);
    REQUIRE(recovered.outcome == Vp8FrameAssembler::Outcome::Completed);
    CHECK(recovered.frame->keyframe);
    CHECK(recovered.frame->data == key.data);

    const auto dropped = assembler.expire(250'000);
    REQUIRE(dropped.size() == 1);
    CHECK(dropped[0].rtpTimestamp == 3000);
    CHECK_FALSE(dropped[0].startSeen);
    CHECK(dropped[0].endSeen);
    CHECK(dropped[0].missingSequenceNumbers == std::vector<std::uint16_t>{lostStart});
    CHECK(assembler.pendingFrames() == 0);
    CHECK(assembler.insert(second[0], 260'000).outcome == Vp8FrameAssembler::Outcome::Late);

    RtpPacket empty;
    CHECK(assembler.insert(empty, 0).outcome == Vp8FrameAssembler::Outcome::Malformed);
}

TEST_CASE("VP8 assembler bounds its memory", "[rtc][vp8]")
{
    Vp8FrameAssembler::Limits limits;
    limits.maxPendingFrames = 4;
    limits.maxPacketsPerFrame = 8;
    Vp8FrameAssembler assembler(limits);
    RtpPacket p;
    p.payload = {0x00, 0x01}; // middle of a frame (S=0)
    for (std::uint16_t i = 0; i < 20; ++i) {
        p.sequenceNumber = static_cast<std::uint16_t>(i * 100);
        p.timestamp = i;
        (void)assembler.insert(p, i);
    }
    CHECK(assembler.pendingFrames() == 4);
    for (std::uint16_t i = 0; i < 9; ++i) {
        p.sequenceNumber = static_cast<std::uint16_t>(30000 + i);
        p.timestamp = 999;
        (void)assembler.insert(p, 100);
    }
    const auto dropped = assembler.expire(101);
    CHECK(dropped.size() == 18); // 16 + 1 to make room for frame 999, then 999 itself for too many packets
    CHECK(assembler.pendingFrames() == 3);
}

TEST_CASE("Opus TOC gives the packet duration (RFC 6716 3.1)", "[rtc][opus]")
{
    test::OpusEncoderHandle stereo(2);
    for (const int samples : {120, 240, 480, 960, 1920, 2880}) {
        const auto packet = stereo.encode(samples);
        auto info = OpusPacketInfo::parse(packet);
        REQUIRE(info.ok());
        CHECK(info->durationUs() == samples * 1000 / 48);
        CHECK(info->rtpTimestampIncrement() == static_cast<std::uint32_t>(samples));
        CHECK(info->stereo);
    }
    test::OpusEncoderHandle mono(1);
    auto info = OpusPacketInfo::parse(mono.encode(960));
    REQUIRE(info.ok());
    CHECK_FALSE(info->stereo);
    CHECK(info->durationUs() == 20'000);

    // Hand-made TOCs: config 1 (SILK NB 20 ms) code 1 → 2 frames, 40 ms.
    auto two = OpusPacketInfo::parse(Bytes{(1 << 3) | 1, 0, 0});
    REQUIRE(two.ok());
    CHECK(two->mode == OpusPacketInfo::Mode::Silk);
    CHECK(two->bandwidth == OpusPacketInfo::Bandwidth::Narrow);
    CHECK(two->durationUs() == 40'000);
    // config 31 (CELT FB 20 ms) code 3 with 6 frames → 120 ms, the maximum.
    auto six = OpusPacketInfo::parse(Bytes{(31 << 3) | 3, 6});
    REQUIRE(six.ok());
    CHECK(six->mode == OpusPacketInfo::Mode::Celt);
    CHECK(six->bandwidth == OpusPacketInfo::Bandwidth::Full);
    CHECK(six->rtpTimestampIncrement() == 5760);
    // config 13 (Hybrid SWB 20 ms).
    auto hybrid = OpusPacketInfo::parse(Bytes{13 << 3});
    REQUIRE(hybrid.ok());
    CHECK(hybrid->mode == OpusPacketInfo::Mode::Hybrid);
    CHECK(hybrid->bandwidth == OpusPacketInfo::Bandwidth::SuperWide);
    CHECK(hybrid->durationUs() == 20'000);

    CHECK(OpusPacketInfo::parse(Bytes{}).error().message().find("empty") != std::string::npos);
    CHECK(OpusPacketInfo::parse(Bytes{3}).error().message().find("frame count byte") != std::string::npos);
    CHECK(OpusPacketInfo::parse(Bytes{3, 0}).error().message().find("0 frames") != std::string::npos);
    CHECK(OpusPacketInfo::parse(Bytes{(3 << 3) | 3, 3}).error().message().find("180 ms") != std::string::npos);
}
