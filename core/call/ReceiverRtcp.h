#pragma once

#include "rtc/RtcpPackets.h"
#include "rtc/RtpPacket.h"
#include "rtc/StreamStatistics.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <span>
#include <vector>

namespace spoke::call {

// The RTCP a subscriber PeerConnection owes Janus, and what it reads from
// Janus' sender reports. Two details of Janus 1.1.2 (src/ice.c) make this
// more than politeness:
//  - Janus keeps a subscriber's outgoing packets for retransmission only
//    once it knows that subscriber's RTT (`nack_queue_ms` starts at 0 and is
//    set from RTT + 100 ms when an RR echoes one of its SRs). With no RR, every
//    NACK finds an empty buffer and nothing is ever resent.
//  - RTCP from a receive-only peer is routed by its sender SSRC, which Janus
//    does not know for us, then by the first report block's SSRC or a NACK's
//    media SSRC. A lone PLI names neither, so Janus drops it unread.
// Hence an RR per stream once a second (LSR/DLSR echoing Janus' last SR),
// and every NACK or PLI sent behind an RR for that stream in one compound.
// It also estimates the RTT from NACK to retransmission, since Janus sends a
// subscriber no report blocks to take it from: the median of recent samples
// timed from each sequence number's first NACK (a lost NACK or a lost
// retransmission makes one sample long; the median ignores it, while timing
// from the latest retry would keep only the quick answers and underestimate).
// Owned by the feed's queue (receive::FeedReceiver; asserted).
class ReceiverRtcp {
public:
    static constexpr std::int64_t kReportIntervalUs = 1'000'000;

    explicit ReceiverRtcp(std::uint32_t ourSsrc) : ourSsrc_(ourSsrc) { }

    // A first-time media packet (not an RTX copy), for the report block.
    void onRtp(const rtc::RtpPacket& packet, std::uint32_t clockRateHz, std::int64_t arrivalUs);
    // Parses Janus' compound RTCP; returns its sender reports (for A/V sync)
    // after noting their time for LSR/DLSR. Unparseable input is ignored.
    std::vector<rtc::SenderReport> onRtcp(std::span<const std::uint8_t> compound, std::int64_t arrivalUs);

    // One RR compound per stream when a report is due, none otherwise.
    std::vector<std::vector<std::uint8_t>> dueReports(std::int64_t nowUs);
    // When dueReports() next has something (none before the first packet).
    std::optional<std::int64_t> nextReportUs() const { return nextReportUs_; }
    // RR for `mediaSsrc` followed by the feedback, as one compound.
    std::vector<std::uint8_t> feedback(std::uint32_t mediaSsrc, rtc::RtcpPacket packet, std::int64_t nowUs);

    void onNacked(const std::vector<std::uint16_t>& sequenceNumbers, std::int64_t nowMs);
    void onRecovered(std::uint16_t sequenceNumber, std::int64_t nowMs);
    std::optional<std::int64_t> rttMs() const;

    std::uint32_t ourSsrc() const { return ourSsrc_; }
    std::uint64_t reportsSent() const { return reportsSent_; }
    std::uint64_t senderReportsReceived() const { return senderReports_; }

private:
    rtc::ReceiverReport reportFor(std::uint32_t mediaSsrc, std::int64_t nowUs);

    ThreadAffinity affinity_;
    std::uint32_t ourSsrc_;
    std::map<std::uint32_t, rtc::StreamStatistics> streams_;
    std::optional<std::int64_t> nextReportUs_;
    std::map<std::uint16_t, std::int64_t> nackedAtMs_; // first NACK per sequence number
    std::deque<std::int64_t> rttSamplesMs_; // the most recent, oldest first
    std::uint64_t reportsSent_ = 0;
    std::uint64_t senderReports_ = 0;
};

} // namespace spoke::call
