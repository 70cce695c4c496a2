#pragma once

#include "call/VideoPacer.h"
#include "media/pipeline/AudioSendPipeline.h"
#include "media/video/EncodedFrame.h"
#include "rtc/RetransmissionBuffer.h"
#include "rtc/RtcpPackets.h"
#include "rtc/RtpExtensionMap.h"
#include "rtc/RtpPacket.h"
#include "rtc/Vp8Packetizer.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace spoke::call::send {

// One RTP packet as it leaves: the serialised bytes, the transport-wide
// sequence number it carries (the key of Janus' transport-cc feedback), and
// when it left (the estimator's send time).
struct SentRtp {
    std::vector<std::uint8_t> bytes;
    std::uint16_t transportSequence = 0;
    std::int64_t sendTimeUs = 0;
    bool video = false;
};

// The RTP side of one publisher: VP8 packetising per simulcast layer (RFC
// 7741, one SSRC, sequence space and picture id per layer, lowest
// resolution first: Janus' substreams 0..2), Opus packets (RFC 7587), a
// transport-wide sequence number on every packet, first send or
// retransmission (draft-holmer-rmcat-transport-wide-cc-extensions-01 §2),
// one RetransmissionBuffer per layer answering NACKs, and the VideoPacer
// video leaves through. Audio never waits behind the pacer: 50 small packets
// a second that a keyframe burst must not delay.
//
// Clock-free: every call takes `nowUs`/`nowMs`; packets leave through the
// `Transmit` callback given at construction. Owned by the publisher's send
// queue (asserted by its rtc parts).
class RtpSender {
public:
    using Transmit = std::function<void(SentRtp&&)>;

    static constexpr std::size_t kMaxRtpPayloadBytes = 1100; // room for SRTP, extensions and a VPN under a 1280 MTU
    static constexpr std::size_t kSrtpTagBytes = 10;
    // SRTP tag, UDP, IPv4: what the link carries beyond the RTP packet.
    static constexpr std::size_t kWireOverheadBytes = kSrtpTagBytes + 8 + 20;

    struct Config {
        std::uint32_t audioSsrc = 0;
        std::vector<std::uint32_t> layerSsrcs; // lowest resolution first; at least one
        std::uint8_t transportCcExtensionId = 0;
    };
    // What one layer's SR says (RFC 3550 §6.4.1): counts of first sends only.
    struct StreamCounts {
        std::uint32_t ssrc = 0;
        std::uint32_t packets = 0;
        std::uint32_t octets = 0; // payload bytes
        std::uint32_t lastTimestamp = 0;
    };
    struct Counters {
        std::uint64_t offeredBytes = 0; // SRTP datagram bytes handed over (what a rate cap counts)
        std::uint64_t videoWireBytes = 0; // video first sends and retransmissions, with kWireOverheadBytes
        std::uint64_t audioPacketsSent = 0;
        std::uint64_t videoFramesSent = 0; // pictures, counted on the top running layer
        std::uint64_t nacksReceived = 0; // sequence numbers asked for
        std::uint64_t packetsRetransmitted = 0;
        std::uint64_t picturesNotSent = 0; // pictures discarded while video was paused for bandwidth
    };

    RtpSender(Config config, Transmit transmit);

    int layerCount() const { return static_cast<int>(layers_.size()); }
    // The layer an SSRC names, or nothing.
    std::optional<int> layerOf(std::uint32_t ssrc) const;

    void sendAudio(const media::EncodedAudio& packet, std::int64_t nowUs);
    // Packetises one encoded picture of a layer into the pacer. `running`:
    // the layers the rate control runs now, lowest first; a frame of a layer
    // outside it (or any while `paused`) is not worth the bandwidth any more
    // and is discarded.
    void enqueueVideo(const media::EncodedFrame& frame, std::span<const int> running, bool paused);
    // Sends what the pacer's budget allows at `nowUs`.
    std::size_t pace(std::int64_t nowUs);
    std::optional<std::int64_t> nextPaceUs() const { return pacer_.nextSendUs(); }
    void setPacingRateBps(std::int64_t bps) { pacer_.setRateBps(bps); }
    std::int64_t pacerQueueDelayMs() const { return pacer_.queueDelayMs(); }

    // A NACK for one of our layers: resends exactly what its buffer still
    // holds, each with a fresh transport-wide sequence number. Returns how
    // many packets went out.
    std::size_t onNack(const rtc::Nack& nack, std::int64_t nowUs);
    void setRttMs(std::int64_t rttMs);

    // SR material: every layer that has sent, then audio if it has.
    std::vector<StreamCounts> streamCounts() const;
    const Counters& counters() const { return counters_; }

private:
    struct Layer {
        std::uint32_t ssrc = 0;
        std::uint16_t sequence = 1;
        std::uint16_t pictureId = 0;
        StreamCounts counts;
        rtc::RetransmissionBuffer retransmissions;
    };

    void transmit(rtc::RtpPacket& packet, bool video, std::int64_t nowUs);

    Config config_;
    Transmit transmit_;
    rtc::RtpExtensionMap extensions_;
    rtc::Vp8Packetizer packetizer_{kMaxRtpPayloadBytes};
    VideoPacer pacer_;
    std::vector<std::unique_ptr<Layer>> layers_;
    std::uint16_t transportSequence_ = 0;
    std::uint16_t audioSequence_ = 1;
    StreamCounts audio_;
    std::int64_t lastPausedPicture_ = -1;
    Counters counters_;
};

} // namespace spoke::call::send
