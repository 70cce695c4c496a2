#include "call/send/RtpSender.h"

#include "rtc/JsepBuilder.h"

#include <algorithm>

namespace spoke::call::send {

RtpSender::RtpSender(Config config, Transmit transmit) : config_(std::move(config)), transmit_(std::move(transmit))
{
    if (config_.layerSsrcs.empty())
        config_.layerSsrcs = {0};
    extensions_.set(rtc::RtpExtensionKind::TransportSequenceNumber, config_.transportCcExtensionId);
    for (const std::uint32_t ssrc : config_.layerSsrcs) {
        layers_.push_back(std::make_unique<Layer>());
        layers_.back()->ssrc = ssrc;
        layers_.back()->counts.ssrc = ssrc;
    }
    audio_.ssrc = config_.audioSsrc;
}

std::optional<int> RtpSender::layerOf(std::uint32_t ssrc) const
{
    for (std::size_t i = 0; i < layers_.size(); ++i)
        if (layers_[i]->ssrc == ssrc)
            return static_cast<int>(i);
    return std::nullopt;
}

void RtpSender::transmit(rtc::RtpPacket& packet, bool video, std::int64_t nowUs)
{
    extensions_.setTransportSequenceNumber(packet, transportSequence_);
    SentRtp sent{packet.serialize(), transportSequence_, nowUs, video};
    ++transportSequence_;
    counters_.offeredBytes += sent.bytes.size() + kSrtpTagBytes;
    if (video)
        counters_.videoWireBytes += sent.bytes.size() + kWireOverheadBytes;
    transmit_(std::move(sent));
}

void RtpSender::sendAudio(const media::EncodedAudio& encoded, std::int64_t nowUs)
{
    rtc::RtpPacket packet;
    packet.payloadType = rtc::jsep::kOpusPayloadType;
    packet.sequenceNumber = audioSequence_++;
    packet.timestamp = static_cast<std::uint32_t>(encoded.captureTimeUs * 48 / 1000); // Opus' RTP clock is 48 kHz
    packet.ssrc = config_.audioSsrc;
    packet.payload = encoded.data;
    audio_.lastTimestamp = packet.timestamp;
    ++audio_.packets;
    audio_.octets += static_cast<std::uint32_t>(packet.payload.size());
    ++counters_.audioPacketsSent;
    transmit(packet, false, nowUs);
}

void RtpSender::enqueueVideo(const media::EncodedFrame& frame, std::span<const int> running, bool paused)
{
    const int index = std::clamp(frame.layerIndex, 0, layerCount() - 1);
    if (paused || std::find(running.begin(), running.end(), index) == running.end()) {
        // Only a pause costs every receiver the picture; a stopped layer's
        // receivers are moved by Janus to one that still runs. Counted once
        // per picture, whichever of its layers comes first.
        if (paused && frame.sequence != lastPausedPicture_) {
            lastPausedPicture_ = frame.sequence;
            ++counters_.picturesNotSent;
        }
        return;
    }
    Layer& layer = *layers_[static_cast<std::size_t>(index)];
    rtc::Vp8Descriptor descriptor;
    descriptor.pictureId = layer.pictureId;
    layer.pictureId = static_cast<std::uint16_t>((layer.pictureId + 1) & 0x7FFF); // 15-bit picture id, RFC 7741 §4.2
    const auto payloads = packetizer_.packetize(frame.data, descriptor);
    const auto timestamp = static_cast<std::uint32_t>(frame.captureTimeUs * 90 / 1000); // VP8's RTP clock is 90 kHz
    for (std::size_t i = 0; i < payloads.size(); ++i) {
        rtc::RtpPacket packet;
        packet.payloadType = rtc::jsep::kVp8PayloadType;
        packet.sequenceNumber = layer.sequence++;
        packet.timestamp = timestamp;
        packet.ssrc = layer.ssrc;
        packet.marker = i + 1 == payloads.size();
        packet.payload = payloads[i];
        ++layer.counts.packets;
        layer.counts.octets += static_cast<std::uint32_t>(packet.payload.size());
        pacer_.enqueue(std::move(packet));
    }
    layer.counts.lastTimestamp = timestamp;
    // Counted once per picture: the top running layer carries every one.
    if (index == running.back())
        ++counters_.videoFramesSent;
}

std::size_t RtpSender::pace(std::int64_t nowUs)
{
    return pacer_.process(nowUs, [&](rtc::RtpPacket& packet) {
        if (const auto index = layerOf(packet.ssrc))
            layers_[static_cast<std::size_t>(*index)]->retransmissions.onPacketSent(packet, nowUs / 1000);
        transmit(packet, true, nowUs);
    });
}

std::size_t RtpSender::onNack(const rtc::Nack& nack, std::int64_t nowUs)
{
    const auto index = layerOf(nack.mediaSsrc);
    if (!index)
        return 0;
    auto answer = layers_[static_cast<std::size_t>(*index)]->retransmissions.onNack(nack.sequenceNumbers, nowUs / 1000);
    for (auto& resend : answer.resend)
        transmit(resend, true, nowUs);
    counters_.nacksReceived += nack.sequenceNumbers.size();
    counters_.packetsRetransmitted += answer.resend.size();
    return answer.resend.size();
}

void RtpSender::setRttMs(std::int64_t rttMs)
{
    for (auto& layer : layers_)
        layer->retransmissions.setRttMs(rttMs);
}

std::vector<RtpSender::StreamCounts> RtpSender::streamCounts() const
{
    std::vector<StreamCounts> counts;
    for (const auto& layer : layers_)
        if (layer->counts.packets > 0)
            counts.push_back(layer->counts);
    if (audio_.packets > 0)
        counts.push_back(audio_);
    return counts;
}

} // namespace spoke::call::send
