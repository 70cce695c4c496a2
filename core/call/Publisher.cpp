#include "call/Publisher.h"

#include "call/MutableAudioSource.h"
#include "call/TappedVideoSource.h"
#include "call/send/RateController.h"
#include "call/send/RtpSender.h"
#include "call/send/SendFeedback.h"
#include "call/send/SenderReports.h"
#include "media/MediaError.h"
#include "media/audio/ToneSource.h"
#include "media/devices/DeviceRegistry.h"
#include "rtc/JsepBuilder.h"
#include "rtc/NtpTime.h"
#include "rtc/RtcpCompound.h"
#include "util/Clock.h"

#include <algorithm>
#include <optional>

namespace spoke::call {

namespace {

// RTCP compounds waiting on the send queue before the network thread drops
// them: Janus sends a few dozen a second; a backlog this deep means the
// send thread is stalled, and old feedback is worthless by then.
constexpr std::size_t kMaxPendingTasks = 256;

} // namespace

Publisher::Publisher(PublisherConfig config)
    : config_(std::move(config))
    , queue_(std::make_unique<util::TaskQueue>("send"))
{
    if (config_.video)
        openVideo();
    if (config_.audio)
        openAudio();
}

namespace {

// Opened once per process: enumerating backends is not free, and the
// registry is read-only afterwards, so every call shares it.
const media::DeviceRegistry& deviceRegistry()
{
    static const media::DeviceRegistry registry;
    return registry;
}

} // namespace

void Publisher::openVideo()
{
    media::VideoSendPipeline::Config video;
    video.encoder.sourceWidth = config_.width;
    video.encoder.sourceHeight = config_.height;
    video.encoder.maxFps = config_.fps;
    video.encoder.layerCount = std::clamp(static_cast<int>(config_.videoLayerSsrcs.size()), 1, 3);
    video.encoder.totalBitrateBps = config_.maxVideoBitrateBps;
    video.encoder.screenContent = config_.screenContent;
    // Rate control may skip a picture under CPU or bitrate pressure (the
    // encoder's default): what it skips is counted (LocalStats::framesNotSent),
    // so a receiver's stamp count can tell it from network loss.
    const media::VideoCaptureFormat format{config_.width, config_.height, config_.fps};
    // The pipeline calls this again to reopen a camera that went away; it
    // then falls back to the test pattern rather than ending the call.
    auto makeSource = [format, id = config_.videoDeviceId, tap = config_.tap,
                       switches = config_.switches]() -> std::unique_ptr<media::VideoSource> {
        auto opened = deviceRegistry().openVideoOrFallback(id, format);
        if (!tap && !switches)
            return std::move(opened.source);
        return std::make_unique<TappedVideoSource>(std::move(opened.source), tap, switches);
    };
    auto opened = deviceRegistry().openVideoOrFallback(config_.videoDeviceId, format);
    if (!opened.error.empty())
        deviceEvents_.push_back(
            {config_.screenContent ? CallEvent::Kind::ScreenUnusable : CallEvent::Kind::CameraUnusable,
             QString::fromStdString(opened.error)});
    std::unique_ptr<media::VideoSource> first = std::move(opened.source);
    if (config_.tap || config_.switches)
        first = std::make_unique<TappedVideoSource>(std::move(first), config_.tap, config_.switches);
    video_ = std::make_unique<media::VideoSendPipeline>(std::move(first), makeSource, video);
}

void Publisher::openAudio()
{
    media::AudioSendPipeline::Config audio;
    std::unique_ptr<media::AudioSource> source;
    auto switches = config_.switches;
    // The marked tone goes out untouched (tests decode its marks); synthetic
    // silence is processed like a microphone, so it sends DTX as a quiet room does.
    bool raw = config_.audioDeviceId == "synthetic:tone";
    try {
        if (config_.openMicrophone) {
            source = config_.openMicrophone();
            raw = false;
        } else if (config_.audioDeviceId.empty()) {
            throw media::MediaError(media::MediaErrorKind::DeviceNotFound, "no microphone is chosen or connected");
        } else {
            source = deviceRegistry().openAudio(config_.audioDeviceId);
        }
    } catch (const media::MediaError& error) {
        // Silence keeps the audio m-line and its clock alive, so the hub
        // still hears us once the user picks a working microphone and rejoins.
        deviceEvents_.push_back({CallEvent::Kind::MicrophoneUnusable, QString::fromUtf8(error.what())});
        source = std::make_unique<media::ToneSource>(media::ToneSource::Config{});
        switches = std::make_shared<SendSwitches>();
        switches->audioMuted = true;
        raw = true;
    }
    if (raw) {
        audio.processing = std::nullopt; // a synthetic tone needs no echo cancelling
        audio.opus.dtx = false; // the tone never falls silent; keep the packet clock regular
    } else {
        audio.processing = config_.audioProcessing;
    }
    if (config_.tap || switches)
        source = std::make_unique<MutableAudioSource>(std::move(source), config_.tap, switches);
    audio_ = std::make_unique<media::AudioSendPipeline>(std::move(source), audio);
}

// Every stage of the send side, built on the send queue (their rtc parts
// assert the thread they were made on) and touched only by its tasks.
struct Publisher::SendState {
    SendState(const PublisherConfig& config, send::RtpSender::Transmit transmit)
        : sender(senderConfig(config), std::move(transmit))
        , rate(send::RateController::Config{config.width, config.height, config.fps, sender.layerCount(),
                                            config.maxVideoBitrateBps, config.audio, !config.screenContent})
        , feedback(sender, rate, config.video)
    {
    }
    static send::RtpSender::Config senderConfig(const PublisherConfig& config)
    {
        std::vector<std::uint32_t> layers = config.videoLayerSsrcs;
        if (layers.empty())
            layers = {config.videoSsrc};
        layers.resize(std::min<std::size_t>(layers.size(), 3));
        return {config.audioSsrc, layers, static_cast<std::uint8_t>(rtc::jsep::kTransportCcExtensionId)};
    }

    send::RtpSender sender;
    send::RateController rate;
    send::SendFeedback feedback;
    send::SenderReports reports;
    std::optional<std::int64_t> wakeAtUs; // the earliest delayed wake already posted
    std::int64_t secondStartMs = 0; // the once-a-second stats window
    std::uint64_t secondStartBytes = 0;
    std::int64_t activeLayersMask = -1; // as last recorded
};

Publisher::~Publisher()
{
    stop();
}

void Publisher::start(transport::MediaTransport& transport, std::int64_t callStartMs)
{
    affinity_.assertOwner();
    transport_ = &transport;
    callStartMs_ = callStartMs;
    {
        const std::lock_guard lock(statsMutex_);
        stats_.targetBitrateBps = config_.maxVideoBitrateBps;
        if (config_.video)
            stats_.activeLayers = {0};
        stats_.audioBitrateBps = send::RateController::kAudioMaxBitrateBps;
    }
    queue_->post([this] { buildStages(); });
    // A drain already posted is enough: it takes everything queued by the
    // time it runs.
    if (video_) {
        video_->setOutputReady([this] {
            if (!videoDrainPosted_.exchange(true))
                queue_->post([this] { drainVideo(); });
        });
        video_->start();
    }
    if (audio_) {
        audio_->setOutputReady([this] {
            if (!audioDrainPosted_.exchange(true))
                queue_->post([this] { drainAudio(); });
        });
        audio_->start();
    }
}

void Publisher::stop()
{
    affinity_.assertOwner();
    queue_->stop();
    if (video_)
        video_->stop();
    if (audio_)
        audio_->stop();
    // The queue's thread has ended: its state can be read here one last time.
    if (state_) {
        const std::lock_guard lock(statsMutex_);
        fillStats(stats_);
    }
}

void Publisher::onRtcp(std::vector<std::uint8_t>&& rtcp)
{
    if (!queue_->tryPost([this, rtcp = std::move(rtcp)] { handleRtcp(rtcp); }, kMaxPendingTasks))
        ++rtcpDropped_;
}

void Publisher::processFarEnd(std::span<const std::int16_t> samples, int echoDelayMs)
{
    // audio_ is made in the constructor and lives until the destructor.
    if (!audio_)
        return;
    if (echoDelayMs >= 0)
        audio_->setEchoDelayMs(echoDelayMs);
    audio_->processFarEnd(samples);
}

LocalStats Publisher::stats() const
{
    const std::lock_guard lock(statsMutex_);
    return stats_;
}

void Publisher::buildStages()
{
    state_ = std::make_unique<SendState>(config_, [this](send::SentRtp&& sent) {
        state_->rate.onPacketSent(sent.transportSequence, sent.bytes.size() + send::RtpSender::kWireOverheadBytes,
                                  sent.sendTimeUs);
        transport_->sendRtp(std::move(sent.bytes));
    });
    const std::int64_t nowMs = util::steadyNowMs();
    state_->secondStartMs = nowMs;
    applyRate(nowMs);
    runDue();
}

void Publisher::handleRtcp(const std::vector<std::uint8_t>& rtcp)
{
    const auto packets = rtc::parseRtcpCompound(rtcp);
    if (!state_ || !packets.ok())
        return;
    const std::int64_t nowUs = util::steadyNowUs();
    const std::uint32_t arrival = rtc::ntp::compact(rtc::ntp::fromUnixMicros(util::unixNowUs()));
    const std::uint32_t keyframes = state_->feedback.onRtcp(*packets, nowUs, arrival);
    for (int i = 0; video_ && i < state_->sender.layerCount(); ++i)
        if (keyframes & (1u << i))
            video_->requestKeyframe(i);
}

void Publisher::drainVideo()
{
    videoDrainPosted_ = false;
    if (!state_)
        return;
    const auto& rate = state_->rate.state();
    while (auto frame = video_->output().tryPop())
        state_->sender.enqueueVideo(*frame, rate.runningLayers, rate.videoPaused);
    runDue();
}

void Publisher::drainAudio()
{
    audioDrainPosted_ = false;
    if (!state_)
        return;
    while (auto packet = audio_->output().tryPop())
        state_->sender.sendAudio(*packet, util::steadyNowUs());
}

// Whatever is due now, then one wake for the earliest next thing.
void Publisher::runDue()
{
    const std::int64_t nowUs = util::steadyNowUs();
    const std::int64_t nowMs = nowUs / 1000;
    if (nowMs >= state_->rate.nextUpdateMs())
        applyRate(nowMs);
    state_->sender.pace(nowUs);
    sendReports(nowMs);
    if (nowMs - state_->secondStartMs >= 1000)
        publishSecond(nowMs);
    scheduleWake(nowUs);
}

void Publisher::scheduleWake(std::int64_t nowUs)
{
    SendState& s = *state_;
    std::int64_t nextUs =
        std::min({s.rate.nextUpdateMs() * 1000, s.reports.nextMs() * 1000, (s.secondStartMs + 1000) * 1000});
    if (const auto pace = s.sender.nextPaceUs())
        nextUs = std::min(nextUs, *pace);
    if (s.wakeAtUs && *s.wakeAtUs <= nextUs)
        return; // an earlier wake is already on its way
    // TaskQueue delays are in ms: round up, a packet a fraction of a ms late
    // costs nothing, one sent early overdraws the pacer.
    const std::int64_t delayMs = std::max<std::int64_t>(0, (nextUs - nowUs + 999) / 1000);
    const std::int64_t wakeAtUs = nowUs + delayMs * 1000;
    s.wakeAtUs = wakeAtUs;
    queue_->postDelayed(delayMs, [this, wakeAtUs] {
        if (state_->wakeAtUs == wakeAtUs)
            state_->wakeAtUs.reset();
        runDue();
    });
}

void Publisher::applyRate(std::int64_t nowMs)
{
    SendState& s = *state_;
    const auto decision = s.rate.update(nowMs, s.sender.counters().videoWireBytes);
    s.sender.setPacingRateBps(decision.pacingBps);
    if (video_ && decision.encoderBps)
        video_->setTotalBitrateBps(*decision.encoderBps);
    if (audio_ && decision.audioBps)
        audio_->setBitrateBps(*decision.audioBps);
    const auto& rate = s.rate.state();
    std::int64_t mask = 0;
    for (const int layer : rate.activeLayers)
        mask |= std::int64_t{1} << layer;
    if (video_ && mask != s.activeLayersMask) {
        s.activeLayersMask = mask;
        if (config_.statsRecorder)
            config_.statsRecorder->record(kActiveLayersSeries, StatsRecorder::kLocal, nowMs - callStartMs_, {mask});
    }
    const std::lock_guard lock(statsMutex_);
    stats_.targetBitrateBps = rate.targetVideoBps;
    stats_.audioBitrateBps = rate.audioBps;
    stats_.videoPaused = rate.videoPaused;
    stats_.layerBitrateBps = rate.layerBitrateBps;
    if (video_)
        stats_.activeLayers = rate.activeLayers;
}

void Publisher::sendReports(std::int64_t nowMs)
{
    const auto streams = state_->sender.streamCounts();
    const auto reports = state_->reports.due(nowMs, rtc::ntp::fromUnixMicros(util::unixNowUs()), streams);
    for (const auto& report : reports)
        transport_->sendRtcp(rtc::buildRtcpCompound({report}));
}

// The send rate of the second just ended and the estimate, as current
// values in the stats and as points for the recorder.
void Publisher::publishSecond(std::int64_t nowMs)
{
    SendState& s = *state_;
    const std::uint64_t bytes = s.sender.counters().offeredBytes;
    const auto bps = static_cast<std::int64_t>(bytes - s.secondStartBytes) * 8 * 1000 / (nowMs - s.secondStartMs);
    s.secondStartBytes = bytes;
    s.secondStartMs = nowMs;
    const std::int64_t estimateBps = s.rate.state().estimateBps;
    if (config_.statsRecorder) {
        config_.statsRecorder->record(kSendBitrateSeries, StatsRecorder::kLocal, nowMs - callStartMs_, {bps});
        config_.statsRecorder->record(kEstimateSeries, StatsRecorder::kLocal, nowMs - callStartMs_, {estimateBps});
    }
    const std::lock_guard lock(statsMutex_);
    stats_.sendBitrateBps = bps;
    stats_.estimateBps = estimateBps;
    fillStats(stats_);
}

// Counters from the stages and the pipelines; the caller holds statsMutex_
// and is the send queue, or stop() after the queue has ended.
void Publisher::fillStats(LocalStats& stats) const
{
    const auto& sent = state_->sender.counters();
    const auto& feedback = state_->feedback.counters();
    stats.nacksReceived = sent.nacksReceived;
    stats.packetsRetransmitted = sent.packetsRetransmitted;
    stats.videoFramesSent = sent.videoFramesSent;
    stats.audioPacketsSent = sent.audioPacketsSent;
    stats.keyframesForced = feedback.keyframesForced;
    stats.transportFeedbacks = feedback.transportFeedbacks;
    stats.rembBps = feedback.rembBps;
    stats.rttMs = feedback.rttMs;
    stats.rtcpDropped = rtcpDropped_.load();
    stats.framesNotSent.paused = sent.picturesNotSent;
    if (video_) {
        const auto video = video_->stats();
        stats.framesNotSent.cameraOff = video.sourceSkipped;
        stats.framesNotSent.captureQueue = video.captureQueueDropped;
        stats.framesNotSent.encoder = video.encoderDropped + video.encodeErrors;
        stats.framesNotSent.outputQueue = video.outputDropped;
        stats.encodeUsage = video.encodeUsage;
        stats.cpuScaleSteps = video.cpuScaleSteps;
        stats.cpuAdaptations = video.cpuAdaptations;
    }
}

} // namespace spoke::call
