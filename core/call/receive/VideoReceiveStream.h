#pragma once

#include "call/VideoRenderQueue.h"
#include "call/receive/LipSync.h"
#include "call/receive/QueueDelayEstimator.h"
#include "call/receive/ReceiveStatsCollector.h"
#include "media/video/VpxDecoder.h"
#include "rtc/NackGenerator.h"
#include "rtc/RtpPacket.h"
#include "rtc/SequenceUnwrapper.h"
#include "rtc/VideoFrameBuffer.h"
#include "rtc/Vp8FrameAssembler.h"

#include <cstdint>
#include <optional>
#include <set>
#include <vector>

namespace spoke::call::receive {

// One feed's pictures from RTP to the view: RTX unwrap (RFC 4588: Janus
// resends as RTX), NackGenerator (which packets to ask for again),
// Vp8FrameAssembler, VideoFrameBuffer (decode order, how long a hole may
// wait, when a keyframe is needed), VP8 decode, the FrameStamp reading
// (glass-to-glass latency, when the sender draws stamps), and the
// VideoRenderQueue (the lip-sync wait LipSync asks for). It says what to
// send back (NACKs, PLIs) and which pictures are due; the feed sends and shows.
//
// Clock-free: every call takes the time, and nextWakeMs() says when it next
// has work (a picture due, a hole to NACK, a keyframe to ask for again), so
// its driver sleeps until then. Owned by the feed's queue (the decoder and
// the rtc parts assert their thread).
class VideoReceiveStream {
public:
    // Janus 1.1.2 ignores a NACK for a packet it resent less than 200 ms ago
    // (MAX_NACK_IGNORE in src/ice.c): asking again sooner is wasted, and a
    // lost retransmission is only replaced by a NACK sent after that.
    static constexpr std::int64_t kJanusNackRepeatFloorMs = 200;
    // Still no keyframe this long after asking: the PLI or its answer was lost.
    static constexpr std::int64_t kPliRepeatMs = 1000;
    // Frames that came but were not polled yet are looked at this soon
    // (NackGenerator and VideoFrameBuffer name their own due times).
    static constexpr std::int64_t kPendingCheckMs = 10;
    static constexpr std::int64_t kKeyframeCheckMs = 100;

    struct Config {
        // The sender's MediaClock zero on the steady clock (-1: unknown,
        // stamps then give frame numbers but no latency).
        std::int64_t senderClockEpochMs = -1;
        // A screen share: each picture's TextStamp is read too (the stamped
        // text pattern's live lines), counted as read or misread; and a
        // frame may take kScreenFrameDeadlineMs to arrive, since a keyframe
        // of a page of text is 30-50 KB, two seconds of a 150 kbit/s share
        // (tests/media/screen_content_test.cpp prints the sizes). Keyframe
        // requests repeat no sooner, or each would restart the wait.
        bool screenShare = false;
    };
    static constexpr std::int64_t kScreenFrameDeadlineMs = 4000;
    struct Arrival {
        bool accepted = false; // a VP8 packet of this stream (RTX unwrapped)
        bool retransmission = false;
        std::optional<std::uint16_t> recovered; // a NACKed sequence number that arrived
    };
    struct Feedback {
        std::vector<std::uint16_t> nacks;
        bool pli = false;
    };

    VideoReceiveStream(Config config, ReceiveStatsCollector& stats);

    // A VP8 or VP8-RTX packet that arrived at `arrivalUs`, handled at `nowMs`.
    Arrival onRtp(const rtc::RtpPacket& packet, std::int64_t arrivalUs, std::int64_t nowMs);
    // RTT from NACK to retransmission (ReceiverRtcp): NACK retries and the
    // frame buffer's hole wait follow it.
    void setRttMs(std::int64_t rttMs);
    // Expires, releases and decodes whatever is ready; decoded pictures go
    // to the render queue with lip sync's delay.
    void process(std::int64_t nowMs, LipSync& lipSync);
    // Pictures whose wait is over, oldest first.
    std::vector<VideoRenderQueue::Entry> takeDuePictures(std::int64_t nowMs);
    // NACKs and a PLI to send now (empty before the stream's SSRC is known).
    Feedback takeFeedback(std::int64_t nowMs);
    std::optional<std::int64_t> nextWakeMs(std::int64_t nowMs) const;

    std::uint32_t ssrc() const { return ssrc_; }
    bool waitingForKeyframe() const { return waitingForKeyframe_; }
    std::int64_t appliedSyncDelayMs() const { return renderQueue_.appliedDelayMs(); }

private:
    void countPacket(std::int64_t sequence);
    void decode(const rtc::Vp8Frame& frame, std::int64_t nowMs, LipSync& lipSync);
    void readStamp(const media::VideoFrame& picture, std::optional<std::int64_t>& captureMs, std::int64_t nowMs);
    void updateCounters();

    Config config_;
    ReceiveStatsCollector& stats_;
    rtc::NackGenerator nacks_;
    rtc::Vp8FrameAssembler assembler_;
    std::int64_t pliRepeatMs_ = kPliRepeatMs;
    rtc::VideoFrameBuffer frames_;
    media::VpxDecoder decoder_;
    VideoRenderQueue renderQueue_;
    QueueDelayEstimator queueDelay_;
    rtc::SequenceUnwrapper unwrapper_;
    std::optional<std::int64_t> firstSequence_;
    std::optional<std::int64_t> highestSequence_;
    // Unwrapped sequence numbers of the last few seconds, to tell a
    // retransmission from a first arrival; older ones are only counted.
    std::set<std::int64_t> seen_;
    std::uint64_t distinct_ = 0;
    // Stamp frame numbers likewise: recent ones to drop repeats, the span in two numbers.
    std::set<std::uint32_t> recentStamps_;
    std::optional<std::uint32_t> firstStamp_;
    std::uint32_t highestStamp_ = 0;
    std::uint32_t ssrc_ = 0;
    bool waitingForKeyframe_ = true;
    bool pliDue_ = false;
    std::optional<std::int64_t> lastPliMs_;
};

} // namespace spoke::call::receive
