#include "rtc/StreamStatistics.h"

#include "rtc/NtpTime.h"

#include <algorithm>

namespace spoke::rtc {

StreamStatistics::StreamStatistics(std::uint32_t ssrc, std::uint32_t clockRateHz)
    : ssrc_(ssrc)
    , jitter_(clockRateHz) { }

void StreamStatistics::onPacket(std::uint16_t sequenceNumber, std::uint32_t rtpTimestamp, std::int64_t arrivalTimeUs)
{
    affinity_.assertOwner();
    const std::int64_t seq = unwrapper_.unwrap(sequenceNumber);
    if (!baseSequence_) {
        baseSequence_ = seq;
        highestSequence_ = seq;
    }
    // A packet from before the first one moves the base back, so it is not
    // counted as received-but-never-expected.
    baseSequence_ = std::min(*baseSequence_, seq);
    highestSequence_ = std::max(highestSequence_, seq);
    ++received_; // duplicates count, as in RFC 3550 (loss can go negative)
    jitter_.onPacket(rtpTimestamp, arrivalTimeUs);
}

void StreamStatistics::onSenderReport(std::uint64_t ntpTime, std::int64_t arrivalTimeUs)
{
    affinity_.assertOwner();
    lastSenderReportCompact_ = ntp::compact(ntpTime);
    lastSenderReportArrivalUs_ = arrivalTimeUs;
}

std::int64_t StreamStatistics::packetsExpected() const
{
    return baseSequence_ ? highestSequence_ - *baseSequence_ + 1 : 0;
}

ReportBlock StreamStatistics::makeReportBlock(std::int64_t nowUs)
{
    affinity_.assertOwner();
    ReportBlock b;
    b.ssrc = ssrc_;
    const std::int64_t expected = packetsExpected();
    const std::int64_t expectedInterval = expected - expectedAtLastReport_;
    const std::int64_t lostInterval = expectedInterval - (received_ - receivedAtLastReport_);
    expectedAtLastReport_ = expected;
    receivedAtLastReport_ = received_;
    b.fractionLost =
        expectedInterval > 0 && lostInterval > 0
            ? static_cast<std::uint8_t>(std::min<std::int64_t>(255, (lostInterval << 8) / expectedInterval))
            : 0;
    b.cumulativeLost = static_cast<std::int32_t>(std::clamp<std::int64_t>(cumulativeLost(), -0x800000, 0x7FFFFF));
    // Cycles in the high 16 bits; our unwrapped numbers start at 2^16, so take them relative to that.
    b.extendedHighestSequence = static_cast<std::uint32_t>(highestSequence_ - 0x10000);
    b.jitter = jitter_.jitter();
    if (lastSenderReportArrivalUs_) {
        b.lastSenderReport = lastSenderReportCompact_;
        b.delaySinceLastSenderReport = ntp::compactFromMicros(nowUs - *lastSenderReportArrivalUs_);
    }
    return b;
}

} // namespace spoke::rtc
