#include "call/ReceiverRtcp.h"

#include "rtc/RtcpCompound.h"

#include <algorithm>
#include <variant>

namespace spoke::call {

namespace {

// A NACK older than this is past any retransmission (Janus keeps 1 s at most).
constexpr std::int64_t kNackMemoryMs = 2000;
constexpr std::int64_t kMinRttMs = 1;
constexpr std::int64_t kMaxRttMs = 2000;
constexpr std::size_t kRttSamples = 15;

} // namespace

void ReceiverRtcp::onRtp(const rtc::RtpPacket& packet, std::uint32_t clockRateHz, std::int64_t arrivalUs)
{
    affinity_.assertOwner();
    auto it = streams_.find(packet.ssrc);
    if (it == streams_.end())
        it = streams_.try_emplace(packet.ssrc, packet.ssrc, clockRateHz).first;
    it->second.onPacket(packet.sequenceNumber, packet.timestamp, arrivalUs);
    if (!nextReportUs_)
        nextReportUs_ = arrivalUs; // report at once: Janus resends nothing until it has our RTT
}

std::vector<rtc::SenderReport> ReceiverRtcp::onRtcp(std::span<const std::uint8_t> compound, std::int64_t arrivalUs)
{
    affinity_.assertOwner();
    std::vector<rtc::SenderReport> reports;
    const auto parsed = rtc::parseRtcpCompound(compound);
    if (!parsed.ok())
        return reports;
    for (const auto& packet : *parsed) {
        const auto* sr = std::get_if<rtc::SenderReport>(&packet);
        if (!sr)
            continue;
        ++senderReports_;
        if (const auto it = streams_.find(sr->ssrc); it != streams_.end()) {
            it->second.onSenderReport(sr->ntpTime, arrivalUs);
            // Echo it at once rather than up to a second later: the sooner
            // Janus has an RTT, the sooner it keeps packets for our NACKs
            // (and the RTT it measures is then the link's, not our timer's).
            nextReportUs_ = arrivalUs;
        }
        reports.push_back(*sr);
    }
    return reports;
}

rtc::ReceiverReport ReceiverRtcp::reportFor(std::uint32_t mediaSsrc, std::int64_t nowUs)
{
    rtc::ReceiverReport rr;
    rr.ssrc = ourSsrc_;
    if (const auto it = streams_.find(mediaSsrc); it != streams_.end())
        rr.reports.push_back(it->second.makeReportBlock(nowUs));
    return rr;
}

std::vector<std::vector<std::uint8_t>> ReceiverRtcp::dueReports(std::int64_t nowUs)
{
    affinity_.assertOwner();
    std::vector<std::vector<std::uint8_t>> out;
    if (!nextReportUs_ || nowUs < *nextReportUs_)
        return out;
    nextReportUs_ = nowUs + kReportIntervalUs;
    // One RR per stream: Janus reads only the first report block to decide
    // which of its media the packet is about.
    for (const auto& [ssrc, stream] : streams_) {
        out.push_back(rtc::buildRtcpCompound({reportFor(ssrc, nowUs)}));
        ++reportsSent_;
    }
    return out;
}

std::vector<std::uint8_t> ReceiverRtcp::feedback(std::uint32_t mediaSsrc, rtc::RtcpPacket packet, std::int64_t nowUs)
{
    affinity_.assertOwner();
    ++reportsSent_;
    return rtc::buildRtcpCompound({reportFor(mediaSsrc, nowUs), std::move(packet)});
}

void ReceiverRtcp::onNacked(const std::vector<std::uint16_t>& sequenceNumbers, std::int64_t nowMs)
{
    affinity_.assertOwner();
    std::erase_if(nackedAtMs_, [nowMs](const auto& entry) { return nowMs - entry.second > kNackMemoryMs; });
    for (const std::uint16_t seq : sequenceNumbers)
        nackedAtMs_.try_emplace(seq, nowMs); // a retry keeps the first time
}

void ReceiverRtcp::onRecovered(std::uint16_t sequenceNumber, std::int64_t nowMs)
{
    affinity_.assertOwner();
    const auto it = nackedAtMs_.find(sequenceNumber);
    if (it == nackedAtMs_.end())
        return;
    rttSamplesMs_.push_back(std::clamp(nowMs - it->second, kMinRttMs, kMaxRttMs));
    nackedAtMs_.erase(it);
    while (rttSamplesMs_.size() > kRttSamples)
        rttSamplesMs_.pop_front();
}

std::optional<std::int64_t> ReceiverRtcp::rttMs() const
{
    if (rttSamplesMs_.empty())
        return std::nullopt;
    std::vector<std::int64_t> sorted(rttSamplesMs_.begin(), rttSamplesMs_.end());
    const auto middle = sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2);
    std::nth_element(sorted.begin(), middle, sorted.end());
    return *middle;
}

} // namespace spoke::call
