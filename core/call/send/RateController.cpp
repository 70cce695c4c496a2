#include "call/send/RateController.h"

#include "call/VideoPacer.h"

#include <algorithm>
#include <cmath>

namespace spoke::call::send {

namespace {

// The estimate covers everything on the wire: video at its cap with its
// headers, plus Opus and its headers.
rtc::SendBandwidthEstimator::Config estimatorConfig(int maxVideoBitrateBps, bool audio)
{
    rtc::SendBandwidthEstimator::Config config;
    config.maxBps = static_cast<std::int64_t>(maxVideoBitrateBps / (1 - rtc::SendRateAllocator::kVideoHeaderShare))
                    + (audio ? RateController::kAudioMaxBitrateBps + rtc::SendRateAllocator::kAudioHeaderBps : 0);
    config.startBps = std::min(config.startBps, config.maxBps);
    return config;
}

} // namespace

std::vector<int> runningLayersOf(const std::vector<rtc::VideoLayerPlan>& plan)
{
    std::vector<int> running;
    for (std::size_t i = 0; i < plan.size(); ++i)
        if (plan[i].bitrateBps > 0)
            running.push_back(static_cast<int>(i));
    return running;
}

double nextEncoderScale(double scale, double sentBps, double budgetBps)
{
    if (budgetBps <= 0 || sentBps <= 0)
        return scale;
    const double ratio = sentBps / budgetBps;
    if (ratio > 1.03)
        return std::clamp(scale / ratio, std::max(0.3, scale * 0.7), 1.0);
    if (ratio < 0.97)
        return std::min(1.0, scale * 1.05);
    return scale;
}

RateController::RateController(Config config)
    : config_(config)
    , estimator_(estimatorConfig(config.maxVideoBitrateBps, config.audio))
    , allocator_(
          rtc::SendRateAllocator::Config{config.width, config.height, config.fps, config.layerCount, config.audio})
{
    // What the encoder runs before the first update: it starts planned for
    // the configured maximum.
    state_.runningLayers = runningLayersOf(rtc::BitrateLadder::simulcast(
        config_.maxVideoBitrateBps, config_.width, config_.height, config_.fps, config_.layerCount));
    state_.estimateBps = estimator_.targetBitrateBps();
}

void RateController::onPacketSent(std::uint16_t transportSequence, std::size_t wireBytes, std::int64_t sendTimeUs)
{
    estimator_.onPacketSent(transportSequence, wireBytes, sendTimeUs);
}

void RateController::onTransportFeedback(const rtc::TransportFeedback& feedback, std::int64_t nowMs)
{
    estimator_.onTransportFeedback(feedback, nowMs);
}

void RateController::onReceiverReport(std::uint8_t fractionLost, std::int64_t nowMs)
{
    estimator_.onReceiverReport(fractionLost, nowMs);
}

void RateController::onRemb(std::int64_t bitrateBps)
{
    estimator_.onRemb(bitrateBps);
}

void RateController::setRttMs(std::int64_t rttMs)
{
    estimator_.setRttMs(rttMs);
}

void RateController::measureOvershoot(std::int64_t nowMs, std::uint64_t videoWireBytes,
                                      const rtc::SendAllocation& allocation)
{
    if (!config_.correctOvershoot)
        return;
    if (!overshootSinceMs_) {
        overshootSinceMs_ = nowMs;
        overshootSinceBytes_ = videoWireBytes;
        return;
    }
    const std::int64_t elapsedMs = nowMs - *overshootSinceMs_;
    if (elapsedMs < kOvershootWindowMs)
        return;
    const double sentBps =
        static_cast<double>(videoWireBytes - overshootSinceBytes_) * 8 * 1000 / static_cast<double>(elapsedMs);
    state_.encoderScale = nextEncoderScale(
        state_.encoderScale, sentBps, allocation.videoBitrateBps / (1 - rtc::SendRateAllocator::kVideoHeaderShare));
    overshootSinceMs_ = nowMs;
    overshootSinceBytes_ = videoWireBytes;
}

RateController::Decision RateController::update(std::int64_t nowMs, std::uint64_t videoWireBytes)
{
    lastUpdateMs_ = nowMs;
    estimator_.process(nowMs);
    state_.estimateBps = estimator_.targetBitrateBps();
    const rtc::SendAllocation allocation = allocator_.allocate(state_.estimateBps);
    measureOvershoot(nowMs, videoWireBytes, allocation);

    Decision decision;
    decision.pacingBps = static_cast<std::int64_t>(std::max<double>(allocation.videoBitrateBps, kMinPacingBps)
                                                   * VideoPacer::kPacingFactor);
    // The encoder gets the allocation scaled by its measured overshoot; the
    // layer plan (and so which layers run) follows from that, with the same
    // ladder the encoder uses. A running top layer keeps the ladder's
    // hysteresis, so a dip that would not start it does not stop it.
    const int encoderBps = std::max(1, static_cast<int>(allocation.videoBitrateBps * state_.encoderScale));
    const bool topRunning = config_.layerCount > 1 && !state_.runningLayers.empty()
                            && state_.runningLayers.back() == config_.layerCount - 1;
    const auto plan = allocation.videoPaused
                          ? std::vector<rtc::VideoLayerPlan>{}
                          : rtc::BitrateLadder::simulcast(encoderBps, config_.width, config_.height, config_.fps,
                                                          config_.layerCount, topRunning);
    const auto running = runningLayersOf(plan);
    // Re-planning costs the encoder a reconfigure: only for a 5 % change
    // or a layer that starts or stops. A layer that starts (or video that
    // resumes) needs a keyframe; the encoder gives one itself.
    const bool videoChanged =
        std::abs(encoderBps - appliedVideoBps_) > appliedVideoBps_ / 20 || running != state_.runningLayers;
    if (videoChanged && !allocation.videoPaused) {
        decision.encoderBps = encoderBps;
        appliedVideoBps_ = encoderBps;
    }
    if (allocation.audioBitrateBps != appliedAudioBps_) {
        decision.audioBps = allocation.audioBitrateBps;
        appliedAudioBps_ = allocation.audioBitrateBps;
    }
    state_.targetVideoBps = allocation.videoPaused ? 0 : encoderBps;
    state_.audioBps = allocation.audioBitrateBps;
    state_.videoPaused = allocation.videoPaused;
    state_.activeLayers = running;
    state_.layerBitrateBps.clear();
    for (const auto& layer : plan)
        state_.layerBitrateBps.push_back(layer.bitrateBps);
    // While video is paused the encoder keeps its last plan (it is not
    // told), so the running layers keep mirroring it.
    if (!allocation.videoPaused)
        state_.runningLayers = running;
    return decision;
}

} // namespace spoke::call::send
