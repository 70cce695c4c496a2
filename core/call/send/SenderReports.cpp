#include "call/send/SenderReports.h"

namespace spoke::call::send {

std::vector<rtc::SenderReport> SenderReports::due(std::int64_t nowMs, std::uint64_t ntpNow,
                                                  std::span<const RtpSender::StreamCounts> streams)
{
    if (nowMs < nextMs())
        return {};
    lastMs_ = nowMs;
    std::vector<rtc::SenderReport> reports;
    for (const auto& stream : streams)
        reports.push_back(
            rtc::SenderReport{stream.ssrc, ntpNow, stream.lastTimestamp, stream.packets, stream.octets, {}});
    return reports;
}

} // namespace spoke::call::send
