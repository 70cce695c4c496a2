#include "rtc/Vp8FrameAssembler.h"

#include <algorithm>

namespace spoke::rtc {

namespace {
constexpr std::size_t kFinishedMemory = 128;
constexpr std::int64_t kMaxInferredGap = 64; // never invent longer runs of "missing" packets
} // namespace

Vp8FrameAssembler::InsertResult Vp8FrameAssembler::insert(const RtpPacket& packet, std::int64_t arrivalTimeUs)
{
    affinity_.assertOwner();
    InsertResult result;
    auto parsed = Vp8Descriptor::parse(packet.payload);
    if (!parsed) {
        result.outcome = Outcome::Malformed;
        result.error = parsed.error().message();
        return result;
    }
    const std::int64_t seq = unwrapper_.unwrap(packet.sequenceNumber);
    for (const auto& f : finished_) {
        if (f.timestamp == packet.timestamp || (seq >= f.firstSeq && seq <= f.lastSeq)) {
            result.outcome = Outcome::Late; // a retransmission after we completed or gave up
            return result;
        }
    }
    auto it = frames_.find(packet.timestamp);
    if (it == frames_.end()) {
        if (frames_.size() >= limits_.maxPendingFrames) {
            auto oldest = std::min_element(frames_.begin(), frames_.end(), [](const auto& a, const auto& b) {
                return a.second.firstArrivalUs < b.second.firstArrivalUs;
            });
            dropFrame(oldest);
        }
        it = frames_.emplace(packet.timestamp, PendingFrame{{}, arrivalTimeUs, arrivalTimeUs}).first;
    }
    PendingFrame& frame = it->second;
    if (frame.packets.count(seq) != 0) {
        result.outcome = Outcome::Duplicate;
        return result;
    }
    Packet stored;
    stored.descriptor = parsed->descriptor;
    stored.marker = packet.marker;
    stored.payload.assign(packet.payload.begin() + static_cast<std::ptrdiff_t>(parsed->headerBytes),
                          packet.payload.end());
    frame.packets.emplace(seq, std::move(stored));
    frame.lastArrivalUs = std::max(frame.lastArrivalUs, arrivalTimeUs);
    if (frame.packets.size() > limits_.maxPacketsPerFrame) {
        dropFrame(it);
        return result;
    }
    if (auto done = tryComplete(it->first, frame)) {
        rememberFinished(it->first, frame.packets.begin()->first, frame.packets.rbegin()->first);
        frames_.erase(it);
        result.outcome = Outcome::Completed;
        result.frame = std::move(done);
    }
    return result;
}

std::optional<Vp8Frame> Vp8FrameAssembler::tryComplete(std::uint32_t timestamp, PendingFrame& frame)
{
    const auto& [firstSeq, first] = *frame.packets.begin();
    const auto& [lastSeq, last] = *frame.packets.rbegin();
    const bool starts = first.descriptor.startOfPartition && first.descriptor.partitionIndex == 0;
    if (!starts || !last.marker || static_cast<std::int64_t>(frame.packets.size()) != lastSeq - firstSeq + 1)
        return std::nullopt;
    Vp8Frame out;
    out.rtpTimestamp = timestamp;
    out.firstSequenceNumber = static_cast<std::uint16_t>(firstSeq);
    out.lastSequenceNumber = static_cast<std::uint16_t>(lastSeq);
    out.descriptor = first.descriptor;
    out.firstArrivalUs = frame.firstArrivalUs;
    out.lastArrivalUs = frame.lastArrivalUs;
    std::size_t bytes = 0;
    for (const auto& [s, p] : frame.packets)
        bytes += p.payload.size();
    out.data.reserve(bytes);
    for (const auto& [s, p] : frame.packets)
        out.data.insert(out.data.end(), p.payload.begin(), p.payload.end());
    if (auto header = Vp8FrameHeader::parse(out.data)) {
        out.keyframe = header->keyframe;
        out.width = header->width;
        out.height = header->height;
    }
    return out;
}

std::vector<std::int64_t> Vp8FrameAssembler::missingIn(const PendingFrame& frame) const
{
    std::vector<std::int64_t> missing;
    const std::int64_t lo = frame.packets.begin()->first;
    const std::int64_t hi = frame.packets.rbegin()->first;
    const auto& first = frame.packets.begin()->second;
    const bool startSeen = first.descriptor.startOfPartition && first.descriptor.partitionIndex == 0;
    const bool endSeen = frame.packets.rbegin()->second.marker;

    // Known neighbours: the nearest sequence numbers of other frames, pending
    // or finished, bound how far a missing start or end can reach.
    std::optional<std::int64_t> below;
    std::optional<std::int64_t> above;
    auto consider = [&](std::int64_t s) {
        if (s < lo && (!below || s > *below))
            below = s;
        if (s > hi && (!above || s < *above))
            above = s;
    };
    for (const auto& [ts, other] : frames_) {
        if (&other == &frame)
            continue;
        consider(other.packets.begin()->first);
        consider(other.packets.rbegin()->first);
    }
    for (const auto& f : finished_) {
        consider(f.firstSeq);
        consider(f.lastSeq);
    }
    if (!startSeen && below)
        for (std::int64_t s = std::max(*below + 1, lo - kMaxInferredGap); s < lo; ++s)
            missing.push_back(s);
    std::int64_t previous = lo;
    for (const auto& [s, p] : frame.packets) {
        for (std::int64_t gap = previous + 1; gap < s && gap - previous <= kMaxInferredGap; ++gap)
            missing.push_back(gap);
        previous = s;
    }
    if (!endSeen && above)
        for (std::int64_t s = hi + 1; s < *above && s - hi <= kMaxInferredGap; ++s)
            missing.push_back(s);
    return missing;
}

IncompleteVp8Frame Vp8FrameAssembler::describeIncomplete(std::uint32_t timestamp, const PendingFrame& frame) const
{
    IncompleteVp8Frame out;
    out.rtpTimestamp = timestamp;
    const auto& first = frame.packets.begin()->second;
    out.startSeen = first.descriptor.startOfPartition && first.descriptor.partitionIndex == 0;
    out.endSeen = frame.packets.rbegin()->second.marker;
    out.packetsReceived = frame.packets.size();
    for (const std::int64_t s : missingIn(frame))
        out.missingSequenceNumbers.push_back(static_cast<std::uint16_t>(s));
    return out;
}

void Vp8FrameAssembler::dropFrame(std::map<std::uint32_t, PendingFrame>::iterator it)
{
    dropped_.push_back(describeIncomplete(it->first, it->second));
    rememberFinished(it->first, it->second.packets.begin()->first, it->second.packets.rbegin()->first);
    frames_.erase(it);
}

void Vp8FrameAssembler::rememberFinished(std::uint32_t timestamp, std::int64_t firstSeq, std::int64_t lastSeq)
{
    finished_.push_back({timestamp, firstSeq, lastSeq});
    if (finished_.size() > kFinishedMemory)
        finished_.pop_front();
}

std::vector<IncompleteVp8Frame> Vp8FrameAssembler::expire(std::int64_t nowUs)
{
    affinity_.assertOwner();
    for (auto it = frames_.begin(); it != frames_.end();) {
        auto next = std::next(it);
        if (nowUs - it->second.firstArrivalUs > limits_.frameDeadlineUs)
            dropFrame(it);
        it = next;
    }
    return std::exchange(dropped_, {});
}

std::vector<std::uint16_t> Vp8FrameAssembler::missingSequenceNumbers() const
{
    affinity_.assertOwner();
    std::vector<std::int64_t> all;
    for (const auto& [ts, frame] : frames_) {
        const auto missing = missingIn(frame);
        all.insert(all.end(), missing.begin(), missing.end());
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    std::vector<std::uint16_t> out;
    out.reserve(all.size());
    for (const std::int64_t s : all)
        out.push_back(static_cast<std::uint16_t>(s));
    return out;
}

} // namespace spoke::rtc
