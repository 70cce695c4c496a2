#include "call/send/SendFeedback.h"

#include "call/send/RateController.h"
#include "call/send/RtpSender.h"
#include "rtc/NtpTime.h"

#include <algorithm>
#include <optional>
#include <variant>

namespace spoke::call::send {

SendFeedback::SendFeedback(RtpSender& sender, RateController& rate, bool video)
    : sender_(sender)
    , rate_(rate)
    , video_(video)
    , lastKeyframeMs_(static_cast<std::size_t>(sender.layerCount()), -kKeyframeMinIntervalMs)
{
}

std::uint32_t SendFeedback::keyframeRequest(std::uint32_t mediaSsrc, std::int64_t nowMs)
{
    if (!video_)
        return 0;
    const auto named = sender_.layerOf(mediaSsrc);
    std::uint32_t layers = 0;
    for (int i = 0; i < sender_.layerCount(); ++i) {
        auto& last = lastKeyframeMs_[static_cast<std::size_t>(i)];
        if ((named && *named != i) || nowMs - last < kKeyframeMinIntervalMs)
            continue;
        last = nowMs;
        layers |= 1u << i;
        ++counters_.keyframesForced;
    }
    return layers;
}

void SendFeedback::onReceiverReport(const rtc::ReceiverReport& rr, std::int64_t nowMs, std::uint32_t arrivalNtpCompact)
{
    // The worst layer's loss speaks for the link: they share it.
    std::optional<std::uint8_t> worstLoss;
    for (const auto& block : rr.reports) {
        if (!sender_.layerOf(block.ssrc))
            continue;
        worstLoss = std::max(worstLoss.value_or(0), block.fractionLost);
        if (const auto rtt = rtc::ntp::roundTripMicros(arrivalNtpCompact, block.lastSenderReport,
                                                       block.delaySinceLastSenderReport)) {
            counters_.rttMs = std::max<std::int64_t>(1, *rtt / 1000);
            rate_.setRttMs(counters_.rttMs);
            sender_.setRttMs(counters_.rttMs);
        }
    }
    if (worstLoss)
        rate_.onReceiverReport(*worstLoss, nowMs);
}

std::uint32_t SendFeedback::onRtcp(std::span<const rtc::RtcpPacket> packets, std::int64_t nowUs,
                                   std::uint32_t arrivalNtpCompact)
{
    const std::int64_t nowMs = nowUs / 1000;
    std::uint32_t keyframes = 0;
    for (const auto& packet : packets) {
        if (const auto* pli = std::get_if<rtc::Pli>(&packet)) {
            keyframes |= keyframeRequest(pli->mediaSsrc, nowMs);
        } else if (std::holds_alternative<rtc::Fir>(packet)) {
            keyframes |= keyframeRequest(0, nowMs); // a FIR asks every layer
        } else if (const auto* nack = std::get_if<rtc::Nack>(&packet)) {
            sender_.onNack(*nack, nowUs);
        } else if (const auto* remb = std::get_if<rtc::Remb>(&packet)) {
            counters_.rembBps = static_cast<std::int64_t>(std::min<std::uint64_t>(remb->bitrateBps, 1u << 30));
            rate_.onRemb(counters_.rembBps);
        } else if (const auto* feedback = std::get_if<rtc::TransportFeedback>(&packet)) {
            rate_.onTransportFeedback(*feedback, nowMs);
            ++counters_.transportFeedbacks;
        } else if (const auto* rr = std::get_if<rtc::ReceiverReport>(&packet)) {
            onReceiverReport(*rr, nowMs, arrivalNtpCompact);
        }
    }
    return keyframes;
}

} // namespace spoke::call::send
