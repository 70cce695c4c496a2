#pragma once

#include "call/send/RtpSender.h"
#include "rtc/RtcpPackets.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace spoke::call::send {

// One sender report per stream per second (RFC 3550 §6.4.1): Janus and the
// far end map RTP time to wall time with it (lip sync, rtc::AvSync), and the
// LSR Janus echoes in its receiver reports gives our round trip. A stream
// that has sent nothing yet gets none.
//
// Clock-free: due() takes `nowMs` and the wall time as NTP (what the SR
// carries). Owned by the publisher's send queue.
class SenderReports {
public:
    static constexpr std::int64_t kIntervalMs = 1000;

    // The SRs due at `nowMs` (empty when none are), from the sender's counts.
    std::vector<rtc::SenderReport> due(std::int64_t nowMs, std::uint64_t ntpNow,
                                       std::span<const RtpSender::StreamCounts> streams);
    // The first call is due at once.
    std::int64_t nextMs() const { return lastMs_ ? *lastMs_ + kIntervalMs : 0; }

private:
    std::optional<std::int64_t> lastMs_;
};

} // namespace spoke::call::send
