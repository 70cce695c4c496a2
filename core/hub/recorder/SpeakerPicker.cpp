#include "hub/recorder/SpeakerPicker.h"

namespace spoke::hub::recorder {

namespace {

// A new speaker must be this much louder than the shown one to take over.
constexpr double kTakeOverRatio = 1.5;
constexpr double kSmoothing = 0.2; // per 20 ms frame: about 100 ms to follow a change

} // namespace

void SpeakerPicker::audioLevel(quint64 feedId, double rms, std::int64_t)
{
    Feed& feed = feeds_[feedId];
    feed.level += kSmoothing * (rms - feed.level);
}

void SpeakerPicker::videoFrame(quint64 feedId, std::int64_t nowMs)
{
    Feed& feed = feeds_[feedId];
    if (!live(feed, nowMs))
        feed.firstVideoMs = nowMs;
    feed.lastVideoMs = nowMs;
}

bool SpeakerPicker::live(const Feed& feed, std::int64_t nowMs) const
{
    return feed.lastVideoMs >= 0 && nowMs - feed.lastVideoMs <= config_.staleMs;
}

SpeakerPicker::Choice SpeakerPicker::choose(std::int64_t nowMs)
{
    Choice choice;
    std::int64_t newestShareMs = -1;
    std::optional<quint64> loudest;
    double loudestLevel = 0;
    for (const auto& [id, feed] : feeds_) {
        if (!live(feed, nowMs))
            continue;
        if (isScreenFeed(id)) {
            // Two shares at once: the one started last is what people look at.
            if (feed.firstVideoMs > newestShareMs) {
                newestShareMs = feed.firstVideoMs;
                choice.screen = id;
            }
            continue;
        }
        if (!loudest || feed.level > loudestLevel) {
            loudest = id;
            loudestLevel = feed.level;
        }
    }
    const bool shownLive = speaker_ && feeds_.contains(*speaker_) && live(feeds_.at(*speaker_), nowMs);
    if (!shownLive) {
        speaker_ = loudest;
        speakerSinceMs_ = nowMs;
    } else if (loudest && *loudest != *speaker_ && loudestLevel >= config_.speakingRms
               && nowMs - speakerSinceMs_ >= config_.holdMs
               && loudestLevel > kTakeOverRatio * feeds_.at(*speaker_).level) {
        speaker_ = loudest;
        speakerSinceMs_ = nowMs;
    }
    choice.speaker = speaker_;
    return choice;
}

} // namespace spoke::hub::recorder
