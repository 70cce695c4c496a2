// VideoFrameBuffer: ordering and hole rules on hand-made frames, then real
// libvpx VP8 through packetizer, a lossy link with a 2 s outage, NACK/RTX,
// the assembler and the buffer into a decoder whose every output must be
// bit-identical to a decoder that saw every frame: proof that nothing with
// a missing reference was ever decoded.
#include "CodecFixtures.h"
#include "LinkModel.h"

#include "rtc/NackGenerator.h"
#include "rtc/RetransmissionBuffer.h"
#include "rtc/RtcpPackets.h"
#include "rtc/VideoFrameBuffer.h"
#include "rtc/Vp8FrameAssembler.h"
#include "rtc/Vp8Packetizer.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <optional>

using namespace spoke::rtc;
using spoke::rtc::test::LinkModel;

namespace {

Vp8Frame frame(std::uint16_t firstSeq, std::uint16_t lastSeq, bool keyframe, std::uint16_t pictureId)
{
    Vp8Frame f;
    f.firstSequenceNumber = firstSeq;
    f.lastSequenceNumber = lastSeq;
    f.keyframe = keyframe;
    f.rtpTimestamp = pictureId * 3000u;
    f.descriptor.pictureId = pictureId;
    return f;
}

std::vector<std::uint16_t> pictureIds(const std::vector<Vp8Frame>& frames)
{
    std::vector<std::uint16_t> out;
    for (const auto& f : frames)
        out.push_back(*f.descriptor.pictureId);
    return out;
}

// libvpx decoder that fingerprints each decoded picture (FNV-1a over the planes).
class FingerprintDecoder {
public:
    FingerprintDecoder() { REQUIRE(vpx_codec_dec_init(&ctx_, vpx_codec_vp8_dx(), nullptr, 0) == VPX_CODEC_OK); }
    ~FingerprintDecoder() { vpx_codec_destroy(&ctx_); }
    FingerprintDecoder(const FingerprintDecoder&) = delete;
    FingerprintDecoder& operator=(const FingerprintDecoder&) = delete;

    std::optional<std::uint64_t> decode(const std::vector<std::uint8_t>& data)
    {
        if (vpx_codec_decode(&ctx_, data.data(), static_cast<unsigned>(data.size()), nullptr, 0) != VPX_CODEC_OK)
            return std::nullopt;
        vpx_codec_iter_t iter = nullptr;
        std::optional<std::uint64_t> hash;
        while (vpx_image_t* img = vpx_codec_get_frame(&ctx_, &iter)) {
            std::uint64_t h = 1469598103934665603ull;
            for (int p = 0; p < 3; ++p) {
                const unsigned w = p ? (img->d_w + 1) / 2 : img->d_w;
                const unsigned rows = p ? (img->d_h + 1) / 2 : img->d_h;
                for (unsigned y = 0; y < rows; ++y)
                    for (unsigned x = 0; x < w; ++x)
                        h = (h ^ img->planes[p][y * static_cast<unsigned>(img->stride[p]) + x]) * 1099511628211ull;
            }
            hash = h;
        }
        return hash;
    }

private:
    vpx_codec_ctx_t ctx_{};
};

} // namespace

TEST_CASE("Video frame buffer releases in order and waits for a hole", "[rtc][vfb]")
{
    VideoFrameBuffer buffer;
    buffer.setRttMs(100); // hole wait: 2.5 × 100 + 20 = 270 ms
    CHECK(buffer.holeWaitMs() == 270);
    buffer.insert(frame(10, 12, true, 1), 0);
    buffer.insert(frame(16, 16, false, 3), 1); // completed before frame 2
    CHECK(pictureIds(buffer.poll(1)) == std::vector<std::uint16_t>{1});
    buffer.insert(frame(13, 15, false, 2), 30); // the NACKed packet came back
    CHECK(pictureIds(buffer.poll(30)) == std::vector<std::uint16_t>{2, 3});

    // A hole (frame 4, seq 17) that never fills: wait, then drop and ask for a keyframe.
    CHECK_FALSE(buffer.holeDeadlineMs()); // nothing waits
    buffer.insert(frame(18, 18, false, 5), 40);
    CHECK(buffer.poll(40).empty());
    CHECK(buffer.holeDeadlineMs() == 310); // the receive side sleeps until then
    CHECK(buffer.poll(300).empty());
    CHECK_FALSE(buffer.takeKeyframeRequest(300));
    CHECK_FALSE(buffer.waitingForKeyframe());
    CHECK(buffer.poll(310).empty());
    CHECK(buffer.waitingForKeyframe());
    CHECK_FALSE(buffer.holeDeadlineMs()); // waiting for a keyframe is waiting for a packet
    CHECK(buffer.takeKeyframeRequest(310));
    CHECK_FALSE(buffer.takeKeyframeRequest(500)); // rate-limited
    buffer.insert(frame(19, 19, false, 6), 520); // still not decodable
    CHECK(buffer.poll(520).empty());
    CHECK(buffer.takeKeyframeRequest(810)); // the first PLI may have been lost
    buffer.insert(frame(22, 25, true, 8), 750);
    CHECK(pictureIds(buffer.poll(850)) == std::vector<std::uint16_t>{8});
    CHECK_FALSE(buffer.waitingForKeyframe());
    CHECK(buffer.counters().framesDropped == 2);
    CHECK(buffer.counters().keyframeRequests == 2);

    // Late duplicates of released frames are dropped, not decoded twice.
    buffer.insert(frame(16, 16, false, 3), 860);
    CHECK(buffer.poll(860).empty());
    // A sequence gap with consecutive picture ids (e.g. padding) is not a hole.
    buffer.insert(frame(27, 27, false, 9), 870);
    CHECK(pictureIds(buffer.poll(870)) == std::vector<std::uint16_t>{9});

    // After a silence the keyframe request is not held back by the rate limit.
    buffer.insert(frame(40, 40, false, 50), 2000); // ids 10-49 lost in an outage: over 1 s of media
    CHECK(buffer.poll(2000).empty());
    CHECK(buffer.waitingForKeyframe()); // no point waiting: Janus no longer has those packets
    CHECK(buffer.takeKeyframeRequest(2000));
}

TEST_CASE("Video frame buffer starts at a keyframe even if deltas complete first", "[rtc][vfb]")
{
    VideoFrameBuffer buffer;
    buffer.insert(frame(102, 102, false, 2), 0); // joined mid-stream; the keyframe is still missing a packet
    CHECK(buffer.poll(0).empty());
    CHECK(buffer.takeKeyframeRequest(0));
    buffer.insert(frame(100, 101, true, 1), 20);
    CHECK(pictureIds(buffer.poll(20)) == std::vector<std::uint16_t>{1, 2});
    CHECK(buffer.counters().framesDropped == 0);
}

TEST_CASE("Video frame buffer counts freezes from release gaps", "[rtc][vfb]")
{
    VideoFrameBuffer buffer;
    std::uint16_t seq = 0;
    std::int64_t now = 0;
    for (std::uint16_t id = 0; id < 40; ++id) {
        now = id < 20 ? id * 33 : id * 33 + 400; // a 400 ms stall after frame 19
        buffer.insert(frame(seq, seq, id == 0, id), now);
        ++seq;
        CHECK(buffer.poll(now).size() == 1);
    }
    CHECK(buffer.counters().freezes == 1);
    CHECK(buffer.counters().totalFreezeMs == 433);
    CHECK(buffer.counters().framesReleased == 40);
}

TEST_CASE("Real VP8 over a lossy link with a 2 s outage: recovers within 1 s, never decodes a broken frame",
          "[rtc][vfb][vp8]")
{
    constexpr std::int64_t kOutageFromMs = 3000, kOutageToMs = 5000, kEndMs = 8000;
    constexpr std::int64_t kOneWayMs = 50;
    spoke::rtc::test::Vp8Encoder encoder(320, 180, 400);
    FingerprintDecoder reference, receiver;
    std::map<std::uint32_t, std::uint64_t> referenceHash; // by RTP timestamp

    LinkModel::Config linkConfig;
    linkConfig.capacityBps = 2'000'000;
    linkConfig.propagationUs = kOneWayMs * 1000;
    linkConfig.jitterUs = 10'000;
    linkConfig.lossRate = 0.03;
    linkConfig.seed = 21;
    LinkModel down(linkConfig);
    down.addOutage(kOutageFromMs * 1000, kOutageToMs * 1000);

    RetransmissionBuffer sent;
    sent.setRttMs(2 * kOneWayMs);
    NackGenerator nack;
    nack.setRttMs(2 * kOneWayMs);
    Vp8FrameAssembler assembler;
    VideoFrameBuffer buffer;
    buffer.setRttMs(2 * kOneWayMs);
    buffer.setJitterMs(5);

    struct InFlight {
        RtpPacket packet;
        bool keyframeStart;
    };
    std::multimap<std::int64_t, InFlight> media; // arrival µs
    std::multimap<std::int64_t, RtcpPacket> feedback; // arrival ms at the sender
    std::map<std::uint16_t, bool> keyframeStarts; // by seq, for retransmissions
    std::uint16_t seq = 40000;
    bool keyframeRequested = true;
    int framesSent = 0, framesSentOutsideOutage = 0, mismatches = 0, decoded = 0;
    std::vector<std::int64_t> decodeTimesMs;

    auto transmit = [&](const RtpPacket& p, std::int64_t nowMs) {
        if (const auto arrival = down.send(p.serialize().size(), nowMs * 1000))
            media.emplace(*arrival, InFlight{p, keyframeStarts[p.sequenceNumber]});
    };
    auto sendFeedback = [&](RtcpPacket packet, std::int64_t nowMs) {
        if (!down.inOutage(nowMs * 1000))
            feedback.emplace(nowMs + kOneWayMs, std::move(packet));
    };

    for (std::int64_t ms = 0; ms < kEndMs; ++ms) {
        if (ms * 3 >= framesSent * 100) { // 30 fps
            const auto encoded = encoder.encode(framesSent, keyframeRequested);
            keyframeRequested = false;
            const auto timestamp = static_cast<std::uint32_t>(framesSent * 3000);
            const auto hash = reference.decode(encoded.data);
            REQUIRE(hash);
            referenceHash[timestamp] = *hash;
            Vp8Descriptor d;
            d.pictureId = static_cast<std::uint16_t>(framesSent & 0x7fff);
            const auto payloads = Vp8Packetizer(500).packetize(encoded.data, d);
            for (std::size_t i = 0; i < payloads.size(); ++i) {
                RtpPacket p;
                p.payloadType = 96;
                p.ssrc = 0x1234;
                p.timestamp = timestamp;
                p.sequenceNumber = seq++;
                p.marker = i + 1 == payloads.size();
                p.payload = payloads[i];
                keyframeStarts[p.sequenceNumber] = encoded.keyframe && i == 0;
                sent.onPacketSent(p, ms);
                transmit(p, ms);
            }
            ++framesSent;
            if (ms < kOutageFromMs || ms >= kOutageToMs)
                ++framesSentOutsideOutage;
        }
        while (!media.empty() && media.begin()->first <= ms * 1000) {
            const auto [arrivalUs, in] = *media.begin();
            media.erase(media.begin());
            (void)nack.onPacket(in.packet.sequenceNumber, ms, in.keyframeStart);
            auto result = assembler.insert(in.packet, arrivalUs);
            REQUIRE(result.outcome != Vp8FrameAssembler::Outcome::Malformed);
            if (result.frame)
                buffer.insert(std::move(*result.frame), ms);
        }
        for (const auto& abandoned : assembler.expire(ms * 1000))
            buffer.onFrameAbandoned(abandoned, ms);
        for (const auto& f : buffer.poll(ms)) {
            const auto hash = receiver.decode(f.data);
            REQUIRE(hash);
            if (*hash != referenceHash.at(f.rtpTimestamp))
                ++mismatches;
            ++decoded;
            decodeTimesMs.push_back(ms);
        }
        if (ms % 10 == 0) {
            if (auto lost = nack.nacksToSend(ms); !lost.empty())
                sendFeedback(Nack{1, 0x1234, std::move(lost)}, ms);
            if (buffer.takeKeyframeRequest(ms))
                sendFeedback(Pli{1, 0x1234}, ms);
        }
        while (!feedback.empty() && feedback.begin()->first <= ms) {
            const RtcpPacket packet = feedback.begin()->second;
            feedback.erase(feedback.begin());
            if (const auto* n = std::get_if<Nack>(&packet))
                for (const auto& p : sent.onNack(n->sequenceNumbers, ms).resend)
                    transmit(p, ms);
            else if (std::holds_alternative<Pli>(packet))
                keyframeRequested = true;
        }
    }

    CHECK(mismatches == 0);
    const auto firstAfter =
        std::find_if(decodeTimesMs.begin(), decodeTimesMs.end(), [&](std::int64_t t) { return t >= kOutageToMs; });
    REQUIRE(firstAfter != decodeTimesMs.end());
    const std::int64_t recoveryMs = *firstAfter - kOutageToMs;
    std::printf("vp8 outage: recovered %lld ms after the link returned; decoded %d of %d frames (%d outside the "
                "outage); freezes %lld (%lld ms); dropped %lld; PLIs %lld\n",
                static_cast<long long>(recoveryMs), decoded, framesSent, framesSentOutsideOutage,
                static_cast<long long>(buffer.counters().freezes),
                static_cast<long long>(buffer.counters().totalFreezeMs),
                static_cast<long long>(buffer.counters().framesDropped),
                static_cast<long long>(buffer.counters().keyframeRequests));
    CHECK(recoveryMs <= 1000);
    CHECK(buffer.counters().keyframeRequests >= 1);
    CHECK(buffer.counters().freezes >= 1);
    CHECK(buffer.counters().totalFreezeMs >= 2000);
    // With 3 % loss repaired by NACK, nearly every frame outside the outage plays.
    CHECK(decoded >= framesSentOutsideOutage * 85 / 100);
    // And it keeps playing after recovery: no further freeze longer than the outage's aftermath.
    CHECK(decodeTimesMs.back() >= kEndMs - 200);
}
