#include "viewmodels/CallMediaRouter.h"

#include "call/Publisher.h"
#include "util/Clock.h"
#include "viewmodels/VideoView.h"

namespace spoke::ui {

void CallMediaRouter::attach(quint64 feedId, VideoView* view)
{
    tiles_.add(feedId, view->sink());
}

void CallMediaRouter::detach(quint64 feedId, VideoView* view)
{
    tiles_.remove(feedId, view->sink().get());
}

void CallMediaRouter::detachAll()
{
    tiles_.clear();
    const std::lock_guard lock(activityMutex_);
    activity_.clear();
}

CallMediaRouter::FeedActivity CallMediaRouter::activity(quint64 feedId) const
{
    const std::lock_guard lock(activityMutex_);
    const auto it = activity_.find(feedId);
    return it == activity_.end() ? FeedActivity{} : it->second;
}

void CallMediaRouter::localVideo(const media::VideoFrame& frame)
{
    onPicture(kSelf, frame);
}

void CallMediaRouter::localAudio(const media::AudioFrame& frame)
{
    onSound(kSelf, frame);
}

void CallMediaRouter::remoteVideo(quint64 feedId, const media::VideoFrame& frame)
{
    onPicture(feedId, frame);
}

void CallMediaRouter::remoteAudio(quint64 feedId, const media::AudioFrame& frame)
{
    onSound(feedId, frame);
}

void CallMediaRouter::onPicture(quint64 feedId, const media::VideoFrame& frame)
{
    {
        const std::lock_guard lock(activityMutex_);
        auto& a = activity_[feedId];
        a.lastVideoMs = util::steadyNowMs();
        ++a.pictures;
    }
    tiles_.deliver(feedId, frame);
}

void CallMediaRouter::onSound(quint64 feedId, const media::AudioFrame& frame)
{
    const double level = call::rmsLevel(frame);
    const std::int64_t nowMs = util::steadyNowMs();
    const std::lock_guard lock(activityMutex_);
    auto& a = activity_[feedId];
    // Fast attack, slow release: a ring that lights at once and fades.
    a.level = level > a.level ? level : 0.8 * a.level + 0.2 * level;
    a.lastAudioMs = nowMs;
    if (level > kSpeakingLevel)
        a.lastLoudMs = nowMs;
    if (level > kSilenceLevel)
        a.lastAudibleMs = nowMs;
}

} // namespace spoke::ui
