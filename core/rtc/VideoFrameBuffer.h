#pragma once

#include "rtc/SequenceUnwrapper.h"
#include "rtc/Vp8FrameAssembler.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace spoke::rtc {

// Between the Vp8FrameAssembler and the decoder: puts complete frames in
// decode order and hands out only frames the decoder can use. A frame is
// usable when it is a keyframe or follows the last handed-out frame with
// nothing missing in between (contiguous sequence numbers, or consecutive
// picture ids). A hole is given a deadline for NACKed packets to fill it;
// after that the buffer stops guessing: everything up to the next keyframe
// is dropped and a keyframe is requested (PLI), because VP8 gives a
// receiver no reliable way to know which later frames avoid the lost one.
// Owned by the receiving network thread (asserted).
class VideoFrameBuffer {
public:
    struct Config {
        // Wait for a hole = clamp(2.5 × RTT + 2 × jitter + 20 ms, min, max):
        // time for two NACK rounds (a retransmission is lost as often as
        // the original), with the jitter and reorder window on top. A
        // keyframe costs one RTT plus a frame 5-20× larger than a delta
        // frame (tens of KB: half a second of a 400 kbit/s link), so giving
        // up before a second retransmission had its chance only lengthens
        // the freeze. The cap keeps a 600 ms-RTT link from freezing for
        // seconds on one hole.
        std::int64_t minWaitMs = 80;
        std::int64_t maxWaitMs = 1000;
        std::int64_t defaultRttMs = 100;
        // PLIs repeat while no keyframe arrives (the first may be lost), at
        // most this often; Janus forwards at most about one a second anyway.
        std::int64_t minKeyframeRequestIntervalMs = 500;
        std::size_t maxPendingFrames = 90; // 3 s at 30 fps: beyond that, start over
        // Janus keeps at most 1 s of packets for retransmission: a hole
        // spanning more media time than that (an outage) cannot be filled,
        // so the keyframe is asked for at once instead of after the wait.
        std::int64_t retransmissionHorizonMs = 1000;
    };

    struct Counters {
        std::int64_t framesReleased = 0; // handed to the decoder
        std::int64_t framesDropped = 0; // never decodable (references missing, too late)
        std::int64_t keyframeRequests = 0;
        std::int64_t freezes = 0;
        std::int64_t totalFreezeMs = 0;
        std::int64_t longestInterFrameMs = 0;
    };

    VideoFrameBuffer() : VideoFrameBuffer(Config{}) { }
    explicit VideoFrameBuffer(Config config) : config_(config) { }

    void insert(Vp8Frame frame, std::int64_t nowMs);
    // The assembler gave up on a frame: a hole after the last released
    // frame cannot fill any more, so stop waiting for it.
    void onFrameAbandoned(const IncompleteVp8Frame& frame, std::int64_t nowMs);
    // Frames to decode now, in order. Call often (every packet and on a timer).
    std::vector<Vp8Frame> poll(std::int64_t nowMs);
    // True when a PLI should go out now.
    bool takeKeyframeRequest(std::int64_t nowMs);

    void setRttMs(std::int64_t rttMs) { rttMs_ = rttMs; }
    void setJitterMs(std::int64_t jitterMs) { jitterMs_ = jitterMs; }
    std::int64_t holeWaitMs() const;
    // When the wait for the hole in front of the next frame runs out (poll
    // then gives up on it and asks for a keyframe); nothing when no frame
    // waits behind a hole, or they wait for a keyframe (a packet, not time).
    std::optional<std::int64_t> holeDeadlineMs() const;

    bool waitingForKeyframe() const { return needKeyframe_; }
    std::size_t pendingFrames() const { return frames_.size(); }
    const Counters& counters() const { return counters_; }

private:
    struct Pending {
        Vp8Frame frame;
        std::int64_t lastSeq = 0; // unwrapped
    };
    std::optional<std::int64_t> lastInsertMs_;
    bool followsReleased(const Pending& p, std::int64_t firstSeq) const;
    void release(std::map<std::int64_t, Pending>::iterator it, std::int64_t nowMs, std::vector<Vp8Frame>& out);
    void giveUp(std::int64_t nowMs);
    void dropBefore(std::int64_t firstSeq);
    void noteRendered(std::int64_t nowMs);

    ThreadAffinity affinity_;
    Config config_;
    std::optional<std::int64_t> rttMs_;
    std::int64_t jitterMs_ = 0;
    SequenceUnwrapper unwrapper_;
    std::map<std::int64_t, Pending> frames_; // by unwrapped first sequence number
    bool needKeyframe_ = true; // nothing decodable before the first keyframe
    bool keyframeRequestDue_ = false;
    std::optional<std::int64_t> lastKeyframeRequestMs_;
    std::optional<std::int64_t> lastReleasedSeq_; // unwrapped last sequence number
    std::optional<std::uint16_t> lastReleasedPictureId_;
    std::uint32_t lastReleasedTimestamp_ = 0;
    std::optional<std::int64_t> holeSinceMs_;
    // Freeze accounting (W3C webrtc-stats: an inter-frame gap longer than
    // max(3 × average frame interval, average + 150 ms)).
    std::optional<std::int64_t> lastReleaseMs_;
    double averageIntervalMs_ = 0;
    Counters counters_;
};

} // namespace spoke::rtc
