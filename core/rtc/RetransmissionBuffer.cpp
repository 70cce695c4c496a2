#include "rtc/RetransmissionBuffer.h"

namespace spoke::rtc {

void RetransmissionBuffer::onPacketSent(const RtpPacket& packet, std::int64_t nowMs)
{
    affinity_.assertOwner();
    const std::int64_t seq = unwrapper_.unwrap(packet.sequenceNumber);
    packets_[seq] = Entry{packet, nowMs, std::nullopt};
    evict(nowMs);
}

void RetransmissionBuffer::evict(std::int64_t nowMs)
{
    while (packets_.size() > config_.maxPackets)
        packets_.erase(packets_.begin());
    while (!packets_.empty() && nowMs - packets_.begin()->second.sentAtMs > config_.maxAgeMs)
        packets_.erase(packets_.begin());
}

RetransmissionBuffer::NackAnswer RetransmissionBuffer::onNack(std::span<const std::uint16_t> sequenceNumbers,
                                                              std::int64_t nowMs)
{
    affinity_.assertOwner();
    evict(nowMs);
    NackAnswer answer;
    const std::int64_t rtt = rttMs_.value_or(config_.defaultRttMs);
    for (const std::uint16_t s : sequenceNumbers) {
        // Placed relative to the newest sent packet, without moving it.
        const auto it = packets_.find(unwrapper_.peek(s));
        if (it == packets_.end()) {
            ++answer.unknown;
            continue;
        }
        Entry& e = it->second;
        if (e.resentAtMs && nowMs - *e.resentAtMs < rtt) {
            ++answer.throttled;
            continue;
        }
        e.resentAtMs = nowMs;
        answer.resend.push_back(e.packet);
    }
    return answer;
}

} // namespace spoke::rtc
