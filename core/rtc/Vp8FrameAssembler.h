#pragma once

#include "rtc/RtpPacket.h"
#include "rtc/SequenceUnwrapper.h"
#include "rtc/Vp8Descriptor.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace spoke::rtc {

// One VP8 frame put back together from its RTP packets.
struct Vp8Frame {
    std::uint32_t rtpTimestamp = 0;
    std::uint16_t firstSequenceNumber = 0;
    std::uint16_t lastSequenceNumber = 0;
    Vp8Descriptor descriptor; // of the first packet (picture id, layers)
    bool keyframe = false;
    std::uint16_t width = 0; // keyframes only
    std::uint16_t height = 0;
    std::int64_t firstArrivalUs = 0;
    std::int64_t lastArrivalUs = 0;
    std::vector<std::uint8_t> data; // the encoded frame, descriptors removed
};

// A frame given up on: it aged past the deadline or overflowed a limit.
struct IncompleteVp8Frame {
    std::uint32_t rtpTimestamp = 0;
    bool startSeen = false;
    bool endSeen = false;
    std::size_t packetsReceived = 0;
    std::vector<std::uint16_t> missingSequenceNumbers; // those that can be inferred
};

// Collects the RTP packets of one SSRC into VP8 frames (RFC 7741). A frame
// is complete when its first packet (S=1, PID=0), its last (marker) and
// every sequence number between them have arrived, in any order. Complete
// frames are handed out at once, in completion order; putting them into
// decode order and waiting for references is the jitter buffer's job.
// Owned by the receiving network thread.
class Vp8FrameAssembler {
public:
    struct Limits {
        std::size_t maxPacketsPerFrame = 1024; // ~1.2 MB at a 1200-byte MTU
        std::size_t maxPendingFrames = 32;
        std::int64_t frameDeadlineUs = 1'000'000; // since the frame's first packet arrived
    };

    enum class Outcome { Buffered, Completed, Duplicate, Late, Malformed };
    struct InsertResult {
        Outcome outcome = Outcome::Buffered;
        std::optional<Vp8Frame> frame; // when Completed
        std::string error; // when Malformed
    };

    Vp8FrameAssembler() : Vp8FrameAssembler(Limits{}) { }
    explicit Vp8FrameAssembler(Limits limits) : limits_(limits) { }

    InsertResult insert(const RtpPacket& packet, std::int64_t arrivalTimeUs);
    // Gives up on frames older than the deadline (and any dropped for limits
    // since the last call). A non-empty result usually means: send a PLI.
    std::vector<IncompleteVp8Frame> expire(std::int64_t nowUs);
    // Sequence numbers known to be missing from pending frames, oldest first.
    std::vector<std::uint16_t> missingSequenceNumbers() const;
    std::size_t pendingFrames() const { return frames_.size(); }

private:
    struct Packet {
        Vp8Descriptor descriptor;
        bool marker = false;
        std::vector<std::uint8_t> payload; // after the descriptor
    };
    struct PendingFrame {
        std::map<std::int64_t, Packet> packets; // by unwrapped sequence number
        std::int64_t firstArrivalUs = 0;
        std::int64_t lastArrivalUs = 0;
    };

    std::optional<Vp8Frame> tryComplete(std::uint32_t timestamp, PendingFrame& frame);
    IncompleteVp8Frame describeIncomplete(std::uint32_t timestamp, const PendingFrame& frame) const;
    void dropFrame(std::map<std::uint32_t, PendingFrame>::iterator it);
    void rememberFinished(std::uint32_t timestamp, std::int64_t firstSeq, std::int64_t lastSeq);
    std::vector<std::int64_t> missingIn(const PendingFrame& frame) const;

    ThreadAffinity affinity_;
    Limits limits_;
    SequenceUnwrapper unwrapper_;
    std::map<std::uint32_t, PendingFrame> frames_; // by RTP timestamp
    std::vector<IncompleteVp8Frame> dropped_;
    // Recently finished (completed or dropped) frames: timestamp and seq span.
    struct Finished {
        std::uint32_t timestamp;
        std::int64_t firstSeq;
        std::int64_t lastSeq;
    };
    std::deque<Finished> finished_;
};

} // namespace spoke::rtc
