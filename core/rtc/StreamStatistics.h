#pragma once

#include "rtc/JitterEstimator.h"
#include "rtc/RtcpPackets.h"
#include "rtc/SequenceUnwrapper.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <optional>

namespace spoke::rtc {

// What one incoming SSRC looked like since the stream started: the RFC 3550
// A.3 loss accounting plus jitter, turned into the report block that goes
// back in our RR/SR. Owned by the network thread that receives the stream.
class StreamStatistics {
public:
    StreamStatistics(std::uint32_t ssrc, std::uint32_t clockRateHz);

    void onPacket(std::uint16_t sequenceNumber, std::uint32_t rtpTimestamp, std::int64_t arrivalTimeUs);
    // Remember the sender's SR so the next report block can echo it (LSR/DLSR).
    void onSenderReport(std::uint64_t ntpTime, std::int64_t arrivalTimeUs);

    // A report block as of now. Fraction lost covers the interval since the
    // previous call, so call it once per outgoing report.
    ReportBlock makeReportBlock(std::int64_t nowUs);

    std::uint32_t ssrc() const { return ssrc_; }
    std::int64_t packetsReceived() const { return received_; }
    std::int64_t packetsExpected() const;
    std::int64_t cumulativeLost() const { return packetsExpected() - received_; }
    std::uint32_t jitter() const { return jitter_.jitter(); }

private:
    ThreadAffinity affinity_;
    std::uint32_t ssrc_;
    JitterEstimator jitter_;
    SequenceUnwrapper unwrapper_;
    std::optional<std::int64_t> baseSequence_;
    std::int64_t highestSequence_ = 0;
    std::int64_t received_ = 0;
    std::int64_t expectedAtLastReport_ = 0;
    std::int64_t receivedAtLastReport_ = 0;
    std::uint32_t lastSenderReportCompact_ = 0;
    std::optional<std::int64_t> lastSenderReportArrivalUs_;
};

} // namespace spoke::rtc
