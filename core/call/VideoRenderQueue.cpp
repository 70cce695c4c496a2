#include "call/VideoRenderQueue.h"

#include <algorithm>

namespace spoke::call {

void VideoRenderQueue::push(media::VideoFrame picture, std::uint32_t rtpTimestamp, std::int64_t decodedMs,
                            std::int64_t delayMs, std::optional<std::int64_t> captureMs)
{
    affinity_.assertOwner();
    // An RTP timestamp behind the last one: the sender started over, and
    // what is queued would play its old pictures after the new ones.
    if (lastRtpTimestamp_ && static_cast<std::int32_t>(rtpTimestamp - *lastRtpTimestamp_) < 0)
        reset();
    lastRtpTimestamp_ = rtpTimestamp;
    ++counters_.pushed;
    const std::int64_t wanted = std::clamp<std::int64_t>(delayMs, 0, config_.maxDelayMs);
    // The first picture takes the delay as it is: nothing was shown yet, so there is nothing to jump from.
    const std::int64_t applied =
        appliedDelayMs_ ? *appliedDelayMs_ + std::clamp(wanted - *appliedDelayMs_, -kMaxStepMs, kMaxStepMs) : wanted;
    appliedDelayMs_ = applied;
    const std::int64_t dueMs = std::max(decodedMs + applied, lastDueMs_.value_or(decodedMs));
    lastDueMs_ = dueMs;
    queue_.push_back(Entry{std::move(picture), rtpTimestamp, decodedMs, dueMs, captureMs});
    while (queue_.size() > config_.maxFrames) {
        queue_.pop_front();
        ++counters_.droppedOverflow;
    }
}

std::vector<VideoRenderQueue::Entry> VideoRenderQueue::popDue(std::int64_t nowMs)
{
    affinity_.assertOwner();
    std::vector<Entry> due;
    while (!queue_.empty() && queue_.front().dueMs <= nowMs) {
        // Held up (a stalled thread): a picture long overdue with a newer one
        // due as well would only flash; the newer one shows the present.
        const bool newerDue = queue_.size() > 1 && queue_[1].dueMs <= nowMs;
        if (newerDue && nowMs - queue_.front().dueMs > config_.maxLateMs) {
            queue_.pop_front();
            ++counters_.droppedLate;
            continue;
        }
        due.push_back(std::move(queue_.front()));
        queue_.pop_front();
        ++counters_.released;
    }
    return due;
}

std::optional<std::int64_t> VideoRenderQueue::nextDueMs() const
{
    affinity_.assertOwner();
    if (queue_.empty())
        return std::nullopt;
    return queue_.front().dueMs;
}

void VideoRenderQueue::reset()
{
    affinity_.assertOwner();
    counters_.flushed += static_cast<std::int64_t>(queue_.size());
    queue_.clear();
    appliedDelayMs_.reset();
    lastDueMs_.reset();
    lastRtpTimestamp_.reset();
}

} // namespace spoke::call
