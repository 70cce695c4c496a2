#include "rtc/VideoFrameBuffer.h"

#include <algorithm>

namespace spoke::rtc {

std::int64_t VideoFrameBuffer::holeWaitMs() const
{
    const std::int64_t rtt = rttMs_.value_or(config_.defaultRttMs);
    return std::clamp(rtt * 5 / 2 + 2 * jitterMs_ + 20, config_.minWaitMs, config_.maxWaitMs);
}

void VideoFrameBuffer::insert(Vp8Frame frame, std::int64_t nowMs)
{
    affinity_.assertOwner();
    // Media after a silence: the PLIs sent into the silence were most
    // likely lost with everything else, so the next one need not wait.
    if (needKeyframe_ && lastInsertMs_ && nowMs - *lastInsertMs_ >= config_.minKeyframeRequestIntervalMs)
        lastKeyframeRequestMs_.reset();
    lastInsertMs_ = nowMs;
    const std::int64_t first = unwrapper_.unwrap(frame.firstSequenceNumber);
    const std::int64_t last = first + static_cast<std::uint16_t>(frame.lastSequenceNumber - frame.firstSequenceNumber);
    if (lastReleasedSeq_ && first <= *lastReleasedSeq_) {
        ++counters_.framesDropped; // its moment has passed: newer frames were decoded
        return;
    }
    if (frames_.contains(first))
        return;
    frames_.emplace(first, Pending{std::move(frame), last});
    while (frames_.size() > config_.maxPendingFrames) {
        // Far too much is stuck behind a hole: start over from a keyframe.
        frames_.erase(frames_.begin());
        ++counters_.framesDropped;
        giveUp(nowMs);
    }
}

void VideoFrameBuffer::onFrameAbandoned(const IncompleteVp8Frame& frame, std::int64_t nowMs)
{
    affinity_.assertOwner();
    (void)frame;
    if (!needKeyframe_ && holeSinceMs_)
        giveUp(nowMs);
}

bool VideoFrameBuffer::followsReleased(const Pending& p, std::int64_t firstSeq) const
{
    if (!lastReleasedSeq_)
        return false;
    if (firstSeq == *lastReleasedSeq_ + 1)
        return true;
    // Padding or a dropped non-media packet can leave a sequence gap with no
    // frame lost; consecutive picture ids prove nothing was.
    const auto& d = p.frame.descriptor;
    if (lastReleasedPictureId_ && d.pictureId) {
        const std::uint16_t modulo = d.longPictureId ? 0x8000 : 0x80;
        return *d.pictureId == (*lastReleasedPictureId_ + 1) % modulo;
    }
    return false;
}

void VideoFrameBuffer::noteRendered(std::int64_t nowMs)
{
    if (lastReleaseMs_) {
        const std::int64_t interval = nowMs - *lastReleaseMs_;
        counters_.longestInterFrameMs = std::max(counters_.longestInterFrameMs, interval);
        if (averageIntervalMs_ > 0) {
            const double threshold = std::max(3 * averageIntervalMs_, averageIntervalMs_ + 150);
            if (static_cast<double>(interval) > threshold) {
                ++counters_.freezes;
                counters_.totalFreezeMs += interval;
            }
        }
        // Frames released together after a hole fills say nothing about the
        // frame rate; a freeze must not become the new normal either.
        if (interval > 0 && (averageIntervalMs_ == 0 || interval < 3 * averageIntervalMs_))
            averageIntervalMs_ = averageIntervalMs_ == 0
                                     ? static_cast<double>(interval)
                                     : 0.9 * averageIntervalMs_ + 0.1 * static_cast<double>(interval);
    }
    lastReleaseMs_ = nowMs;
}

void VideoFrameBuffer::release(std::map<std::int64_t, Pending>::iterator it, std::int64_t nowMs,
                               std::vector<Vp8Frame>& out)
{
    lastReleasedSeq_ = it->second.lastSeq;
    lastReleasedPictureId_ = it->second.frame.descriptor.pictureId;
    lastReleasedTimestamp_ = it->second.frame.rtpTimestamp;
    if (it->second.frame.keyframe) {
        needKeyframe_ = false;
        keyframeRequestDue_ = false;
    }
    holeSinceMs_.reset();
    ++counters_.framesReleased;
    noteRendered(nowMs);
    out.push_back(std::move(it->second.frame));
    frames_.erase(it);
}

void VideoFrameBuffer::dropBefore(std::int64_t firstSeq)
{
    for (auto it = frames_.begin(); it != frames_.end() && it->first < firstSeq;) {
        it = frames_.erase(it);
        ++counters_.framesDropped;
    }
}

void VideoFrameBuffer::giveUp(std::int64_t nowMs)
{
    (void)nowMs;
    needKeyframe_ = true;
    keyframeRequestDue_ = true;
    holeSinceMs_.reset();
}

std::vector<Vp8Frame> VideoFrameBuffer::poll(std::int64_t nowMs)
{
    affinity_.assertOwner();
    std::vector<Vp8Frame> out;
    while (!frames_.empty()) {
        if (needKeyframe_) {
            const auto key = std::find_if(frames_.begin(), frames_.end(),
                                          [](const auto& entry) { return entry.second.frame.keyframe; });
            if (key == frames_.end()) {
                // Keep what came (the keyframe may still be missing a packet
                // while later frames are complete), but ask for one.
                keyframeRequestDue_ = true;
                break;
            }
            const std::int64_t keySeq = key->first;
            dropBefore(keySeq);
            release(frames_.begin(), nowMs, out);
            continue;
        }
        auto next = frames_.begin();
        if (next->second.frame.keyframe || followsReleased(next->second, next->first)) {
            release(next, nowMs, out);
            continue;
        }
        if (!holeSinceMs_)
            holeSinceMs_ = nowMs;
        const auto holeMediaMs =
            static_cast<std::int32_t>(next->second.frame.rtpTimestamp - lastReleasedTimestamp_) / 90; // 90 kHz clock
        if (nowMs - *holeSinceMs_ < holeWaitMs() && holeMediaMs <= config_.retransmissionHorizonMs)
            break;
        giveUp(nowMs);
    }
    return out;
}

std::optional<std::int64_t> VideoFrameBuffer::holeDeadlineMs() const
{
    if (needKeyframe_ || !holeSinceMs_ || frames_.empty())
        return std::nullopt;
    return *holeSinceMs_ + holeWaitMs();
}

bool VideoFrameBuffer::takeKeyframeRequest(std::int64_t nowMs)
{
    affinity_.assertOwner();
    if (!keyframeRequestDue_ || !needKeyframe_)
        return false;
    if (lastKeyframeRequestMs_ && nowMs - *lastKeyframeRequestMs_ < config_.minKeyframeRequestIntervalMs)
        return false;
    lastKeyframeRequestMs_ = nowMs;
    ++counters_.keyframeRequests;
    return true;
}

} // namespace spoke::rtc
