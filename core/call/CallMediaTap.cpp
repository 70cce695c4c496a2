#include "call/CallMediaTap.h"

#include <cmath>

namespace spoke::call {

void FeedVideoSinks::add(quint64 feedId, std::shared_ptr<media::VideoSink> sink)
{
    if (!sink)
        return;
    const std::lock_guard lock(mutex_);
    auto next = std::make_shared<Sinks>(*sinks_);
    next->emplace(feedId, std::move(sink));
    sinks_ = std::move(next);
}

void FeedVideoSinks::remove(quint64 feedId, const media::VideoSink* sink)
{
    const std::lock_guard lock(mutex_);
    auto next = std::make_shared<Sinks>(*sinks_);
    for (auto [it, end] = next->equal_range(feedId); it != end; ++it) {
        if (it->second.get() == sink) {
            next->erase(it);
            break;
        }
    }
    sinks_ = std::move(next);
}

void FeedVideoSinks::clear()
{
    const std::lock_guard lock(mutex_);
    sinks_ = std::make_shared<const Sinks>();
}

std::shared_ptr<const FeedVideoSinks::Sinks> FeedVideoSinks::snapshot() const
{
    const std::lock_guard lock(mutex_);
    return sinks_;
}

std::size_t FeedVideoSinks::deliver(quint64 feedId, const media::VideoFrame& frame) const
{
    const auto sinks = snapshot();
    std::size_t reached = 0;
    for (auto [it, end] = sinks->equal_range(feedId); it != end; ++it, ++reached)
        it->second->onFrame(frame);
    return reached;
}

double rmsLevel(const media::AudioFrame& frame)
{
    const auto samples = frame.samples();
    if (samples.empty())
        return 0.0;
    double sum = 0.0;
    for (const std::int16_t s : samples)
        sum += static_cast<double>(s) * s;
    return std::sqrt(sum / static_cast<double>(samples.size())) / 32768.0;
}

} // namespace spoke::call
