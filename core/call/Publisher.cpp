#include "call/Publisher.h"

#include "call/MutableAudioSource.h"
#include "call/TappedVideoSource.h"
#include "call/VideoPacer.h"
#include "media/MediaError.h"
#include "media/audio/ToneSource.h"
#include "media/devices/DeviceRegistry.h"
#include "rtc/BitrateLadder.h"
#include "rtc/JsepBuilder.h"
#include "rtc/NtpTime.h"
#include "rtc/RetransmissionBuffer.h"
#include "rtc/RtcpCompound.h"
#include "rtc/RtpExtensionMap.h"
#include "rtc/RtpPacket.h"
#include "rtc/SendBandwidthEstimator.h"
#include "rtc/SendRateAllocator.h"
#include "rtc/Vp8Packetizer.h"
#include "util/Clock.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace spoke::call {

namespace {

constexpr std::size_t kMaxRtpPayloadBytes = 1100; // room for SRTP, extensions and a VPN under a 1280 MTU
constexpr std::int64_t kKeyframeMinIntervalMs = 300;
constexpr std::int64_t kRateControlIntervalMs = 100;
constexpr std::size_t kSrtpTagBytes = 10;
constexpr std::size_t kWireOverheadBytes = kSrtpTagBytes + 8 + 20; // SRTP tag, UDP, IPv4: what the link carries
constexpr int kAudioMaxBitrateBps = 32'000;

} // namespace

Publisher::Publisher(PublisherConfig config) : config_(std::move(config))
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

void appendWarning(std::string& warnings, const std::string& warning)
{
    if (!warnings.empty())
        warnings += ' ';
    warnings += warning;
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
    // A dropped picture would read as a lost stamp at the far end; at
    // these rates the encoder keeps up without dropping.
    video.encoder.allowFrameDrop = false;
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
        appendWarning(deviceWarning_, "The camera could not be used (" + opened.error + "); sending the test pattern.");
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
        appendWarning(deviceWarning_,
                      std::string("The microphone could not be used (") + error.what() + "); you are muted.");
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
        stats_.audioBitrateBps = kAudioMaxBitrateBps;
    }
    if (video_)
        video_->start();
    if (audio_)
        audio_->start();
    thread_ = std::thread([this] { run(); });
}

void Publisher::stop()
{
    affinity_.assertOwner();
    stopping_ = true;
    rtcpIn_.close();
    if (thread_.joinable())
        thread_.join();
    if (video_)
        video_->stop();
    if (audio_)
        audio_->stop();
}

void Publisher::onRtcp(std::vector<std::uint8_t>&& rtcp)
{
    rtcpIn_.push(std::move(rtcp));
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

namespace {

// One simulcast layer's RTP stream: its own SSRC, sequence numbers, VP8
// picture ids and retransmission history (Janus NACKs per layer SSRC).
struct LayerStream {
    std::uint32_t ssrc = 0;
    std::uint16_t sequence = 1;
    std::uint16_t pictureId = 0;
    std::uint32_t packets = 0;
    std::uint32_t octets = 0;
    std::uint32_t lastTimestamp = 0;
    std::int64_t lastKeyframeMs = -kKeyframeMinIntervalMs;
    rtc::RetransmissionBuffer retransmissions;
};

std::vector<int> activeOf(const std::vector<rtc::VideoLayerPlan>& plan)
{
    std::vector<int> active;
    for (std::size_t i = 0; i < plan.size(); ++i)
        if (plan[i].bitrateBps > 0)
            active.push_back(static_cast<int>(i));
    return active;
}

// libvpx overshoots small layers and keyframes, and every packet carries
// ~60 bytes of headers (a third of a 160x90 frame): what leaves can be 20-40 %
// above the plan. Once a second the encoder's share is scaled by what the
// wire really carried, down at once, back up slowly (5 % a second), so the
// sender's rate, not only its plan, stays under the estimate.
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

} // namespace

// The send thread: everything stateful on the send side lives here, so the
// rtc helpers (which assert their owner thread) are built here too.
void Publisher::run()
{
    std::vector<std::uint32_t> layerSsrcs = config_.videoLayerSsrcs;
    if (layerSsrcs.empty())
        layerSsrcs = {config_.videoSsrc};
    const int layerCount = std::clamp(static_cast<int>(layerSsrcs.size()), 1, 3);
    std::vector<std::unique_ptr<LayerStream>> layers;
    for (int i = 0; i < layerCount; ++i) {
        layers.push_back(std::make_unique<LayerStream>());
        layers.back()->ssrc = layerSsrcs[static_cast<std::size_t>(i)];
    }
    auto layerOf = [&](std::uint32_t ssrc) -> LayerStream* {
        for (auto& layer : layers)
            if (layer->ssrc == ssrc)
                return layer.get();
        return nullptr;
    };

    rtc::RtpExtensionMap extensions;
    extensions.set(rtc::RtpExtensionKind::TransportSequenceNumber, rtc::jsep::kTransportCcExtensionId);
    std::uint16_t transportSequence = 0;

    // The estimate covers everything on the wire: video at its cap with its
    // headers, plus Opus and its headers.
    rtc::SendBandwidthEstimator::Config estimatorConfig;
    estimatorConfig.maxBps =
        static_cast<std::int64_t>(config_.maxVideoBitrateBps / (1 - rtc::SendRateAllocator::kVideoHeaderShare))
        + kAudioMaxBitrateBps + rtc::SendRateAllocator::kAudioHeaderBps;
    estimatorConfig.startBps = std::min(estimatorConfig.startBps, estimatorConfig.maxBps);
    rtc::SendBandwidthEstimator estimator(estimatorConfig);
    rtc::SendRateAllocator allocator(
        rtc::SendRateAllocator::Config{config_.width, config_.height, config_.fps, layerCount});
    rtc::SendAllocation allocation = allocator.allocate(estimator.targetBitrateBps());
    int appliedVideoBps = 0;
    double encoderScale = 1.0;
    std::uint64_t videoWireBytes = 0; // first sends and retransmissions, with overhead
    std::uint64_t lastVideoWireBytes = 0;
    int appliedAudioBps = 0;
    // What the encoder runs now: it starts planned for the configured maximum.
    std::vector<int> appliedActive = activeOf(rtc::BitrateLadder::simulcast(config_.maxVideoBitrateBps, config_.width,
                                                                            config_.height, config_.fps, layerCount));
    VideoPacer pacer;

    const rtc::Vp8Packetizer packetizer(kMaxRtpPayloadBytes);
    std::uint16_t audioSeq = 1;
    std::uint32_t audioPackets = 0;
    std::uint32_t audioOctets = 0;
    std::uint32_t lastAudioTs = 0;
    std::int64_t lastSrMs = 0;
    std::int64_t lastRateControlMs = 0;
    const std::int64_t firstMs = util::steadyNowMs();
    std::int64_t lastRateSampleMs = firstMs;
    std::uint64_t lastBytesSent = 0;
    // SRTP datagram bytes handed to the transport (the unit a rate cap in
    // core/transport's Impairment counts): the rate we send at, before any
    // link queues or drops it. UDP/IP headers are not in it.
    std::uint64_t offeredBytes = 0;
    std::uint64_t picturesNotSent = 0; // while video was paused for bandwidth
    std::int64_t lastPausedSequence = -1;

    // Every packet, first send or retransmission, gets the next transport-wide
    // sequence number: Janus' feedback reports each one's arrival.
    auto sendRtp = [&](rtc::RtpPacket& packet) {
        extensions.setTransportSequenceNumber(packet, transportSequence);
        auto bytes = packet.serialize();
        estimator.onPacketSent(transportSequence, bytes.size() + kWireOverheadBytes, util::steadyNowUs());
        ++transportSequence;
        offeredBytes += bytes.size() + kSrtpTagBytes;
        if (packet.ssrc != config_.audioSsrc)
            videoWireBytes += bytes.size() + kWireOverheadBytes;
        transport_->sendRtp(std::move(bytes));
    };
    auto sendVideo = [&](rtc::RtpPacket& packet) {
        if (LayerStream* layer = layerOf(packet.ssrc))
            layer->retransmissions.onPacketSent(packet, util::steadyNowMs());
        sendRtp(packet);
    };

    auto applyAllocation = [&](std::int64_t nowMs) {
        allocation = allocator.allocate(estimator.targetBitrateBps());
        pacer.setRateBps(static_cast<std::int64_t>(std::max<double>(allocation.videoBitrateBps, 100'000)
                                                   * VideoPacer::kPacingFactor));
        // The encoder gets the allocation scaled by its measured overshoot;
        // the layer plan (and so which layers run) follows from that, with
        // the same ladder the encoder uses.
        const int encoderBps = std::max(1, static_cast<int>(allocation.videoBitrateBps * encoderScale));
        const bool topRunning = layerCount > 1 && !appliedActive.empty() && appliedActive.back() == layerCount - 1;
        const auto plan = allocation.videoPaused
                              ? std::vector<rtc::VideoLayerPlan>{}
                              : rtc::BitrateLadder::simulcast(encoderBps, config_.width, config_.height, config_.fps,
                                                              layerCount, topRunning);
        const auto active = activeOf(plan);
        const bool videoChanged =
            std::abs(encoderBps - appliedVideoBps) > appliedVideoBps / 20 || active != appliedActive;
        if (video_ && videoChanged && !allocation.videoPaused) {
            // A layer that starts (or video that resumes) needs a keyframe
            // before anyone can decode it; the encoder gives one itself.
            video_->setTotalBitrateBps(encoderBps);
            appliedVideoBps = encoderBps;
        }
        if (audio_ && allocation.audioBitrateBps != appliedAudioBps) {
            audio_->setBitrateBps(allocation.audioBitrateBps);
            appliedAudioBps = allocation.audioBitrateBps;
        }
        const std::lock_guard lock(statsMutex_);
        stats_.targetBitrateBps = allocation.videoPaused ? 0 : encoderBps;
        stats_.audioBitrateBps = allocation.audioBitrateBps;
        stats_.videoPaused = allocation.videoPaused;
        stats_.layerBitrateBps.clear();
        for (const auto& layer : plan)
            stats_.layerBitrateBps.push_back(layer.bitrateBps);
        // While video is paused the encoder keeps its last plan (it is not
        // told), so appliedActive keeps mirroring it.
        if (video_ && (active != stats_.activeLayers || stats_.activeLayersOverTime.empty())) {
            stats_.activeLayers = active;
            stats_.activeLayersOverTime.emplace_back(nowMs - callStartMs_, active);
        }
        if (!allocation.videoPaused)
            appliedActive = active;
    };
    applyAllocation(firstMs);

    while (!stopping_) {
        const std::int64_t nowMs = util::steadyNowMs();

        // Feedback first: a PLI or NACK is worth more than the next frame.
        while (auto rtcp = rtcpIn_.tryPop()) {
            const auto packets = rtc::parseRtcpCompound(*rtcp);
            if (!packets.ok())
                continue;
            for (const auto& packet : *packets) {
                if (std::holds_alternative<rtc::Pli>(packet) || std::holds_alternative<rtc::Fir>(packet)) {
                    const std::uint32_t mediaSsrc =
                        std::holds_alternative<rtc::Pli>(packet) ? std::get<rtc::Pli>(packet).mediaSsrc : 0;
                    // A PLI names its layer; a FIR (or a PLI for an SSRC we do not know) asks for all.
                    for (int i = 0; i < layerCount; ++i) {
                        LayerStream& layer = *layers[static_cast<std::size_t>(i)];
                        const bool named = layerOf(mediaSsrc) == nullptr || layer.ssrc == mediaSsrc;
                        if (!video_ || !named || nowMs - layer.lastKeyframeMs < kKeyframeMinIntervalMs)
                            continue;
                        video_->requestKeyframe(i);
                        layer.lastKeyframeMs = nowMs;
                        const std::lock_guard lock(statsMutex_);
                        ++stats_.keyframesForced;
                    }
                } else if (const auto* nack = std::get_if<rtc::Nack>(&packet)) {
                    LayerStream* layer = layerOf(nack->mediaSsrc);
                    if (!layer)
                        continue;
                    auto answer = layer->retransmissions.onNack(nack->sequenceNumbers, nowMs);
                    for (auto& resend : answer.resend)
                        sendRtp(resend);
                    const std::lock_guard lock(statsMutex_);
                    stats_.nacksReceived += nack->sequenceNumbers.size();
                    stats_.packetsRetransmitted += answer.resend.size();
                } else if (const auto* remb = std::get_if<rtc::Remb>(&packet)) {
                    const auto bps = static_cast<std::int64_t>(std::min<std::uint64_t>(remb->bitrateBps, 1u << 30));
                    estimator.onRemb(bps);
                    const std::lock_guard lock(statsMutex_);
                    stats_.rembBps = bps;
                } else if (const auto* feedback = std::get_if<rtc::TransportFeedback>(&packet)) {
                    estimator.onTransportFeedback(*feedback, nowMs);
                    const std::lock_guard lock(statsMutex_);
                    ++stats_.transportFeedbacks;
                } else if (const auto* rr = std::get_if<rtc::ReceiverReport>(&packet)) {
                    // The worst layer's loss speaks for the link: they share it.
                    std::optional<std::uint8_t> worstLoss;
                    for (const auto& block : rr->reports) {
                        LayerStream* layer = layerOf(block.ssrc);
                        if (!layer)
                            continue;
                        worstLoss = std::max(worstLoss.value_or(0), block.fractionLost);
                        if (const auto rtt = rtc::ntp::roundTripMicros(
                                rtc::ntp::compact(rtc::ntp::fromUnixMicros(util::unixNowUs())), block.lastSenderReport,
                                block.delaySinceLastSenderReport)) {
                            const std::int64_t rttMs = std::max<std::int64_t>(1, *rtt / 1000);
                            estimator.setRttMs(rttMs);
                            for (auto& each : layers)
                                each->retransmissions.setRttMs(rttMs);
                        }
                    }
                    if (worstLoss)
                        estimator.onReceiverReport(*worstLoss, nowMs);
                }
            }
        }
        if (nowMs - lastRateControlMs >= kRateControlIntervalMs) {
            lastRateControlMs = nowMs;
            estimator.process(nowMs);
            applyAllocation(nowMs);
        }

        bool idle = true;
        if (audio_) {
            // Audio never waits behind the pacer: 50 small packets a second.
            while (auto encoded = audio_->output().tryPop()) {
                idle = false;
                rtc::RtpPacket packet;
                packet.payloadType = rtc::jsep::kOpusPayloadType;
                packet.sequenceNumber = audioSeq++;
                packet.timestamp = static_cast<std::uint32_t>(encoded->captureTimeUs * 48 / 1000);
                packet.ssrc = config_.audioSsrc;
                packet.payload = std::move(encoded->data);
                lastAudioTs = packet.timestamp;
                ++audioPackets;
                audioOctets += static_cast<std::uint32_t>(packet.payload.size());
                sendRtp(packet);
                const std::lock_guard lock(statsMutex_);
                ++stats_.audioPacketsSent;
            }
        }
        if (video_) {
            while (auto frame = video_->output().tryPop()) {
                idle = false;
                const int index = std::clamp(frame->layerIndex, 0, layerCount - 1);
                // Paused video, or a layer the allocation has just stopped:
                // its frames are not worth the bandwidth any more.
                if (allocation.videoPaused
                    || std::find(appliedActive.begin(), appliedActive.end(), index) == appliedActive.end()) {
                    // Only a pause costs every receiver the picture; a stopped
                    // layer's receivers are moved to one that still runs.
                    if (allocation.videoPaused && frame->sequence != lastPausedSequence) {
                        lastPausedSequence = frame->sequence;
                        ++picturesNotSent;
                    }
                    continue;
                }
                LayerStream& layer = *layers[static_cast<std::size_t>(index)];
                rtc::Vp8Descriptor descriptor;
                descriptor.pictureId = layer.pictureId;
                layer.pictureId = static_cast<std::uint16_t>((layer.pictureId + 1) & 0x7FFF);
                const auto payloads = packetizer.packetize(frame->data, descriptor);
                const auto timestamp = static_cast<std::uint32_t>(frame->captureTimeUs * 90 / 1000);
                for (std::size_t i = 0; i < payloads.size(); ++i) {
                    rtc::RtpPacket packet;
                    packet.payloadType = rtc::jsep::kVp8PayloadType;
                    packet.sequenceNumber = layer.sequence++;
                    packet.timestamp = timestamp;
                    packet.ssrc = layer.ssrc;
                    packet.marker = i + 1 == payloads.size();
                    packet.payload = payloads[i];
                    ++layer.packets;
                    layer.octets += static_cast<std::uint32_t>(packet.payload.size());
                    pacer.enqueue(std::move(packet));
                }
                layer.lastTimestamp = timestamp;
                // Counted once per picture: the top layer carries every one.
                if (index == appliedActive.back()) {
                    const std::lock_guard lock(statsMutex_);
                    ++stats_.videoFramesSent;
                }
            }
        }
        if (pacer.process(util::steadyNowUs(), sendVideo) > 0)
            idle = false;

        // One SR per second per stream: Janus and the far end map RTP time to wall time with it.
        if (nowMs - lastSrMs >= 1000) {
            lastSrMs = nowMs;
            const std::uint64_t ntp = rtc::ntp::fromUnixMicros(util::unixNowUs());
            std::vector<rtc::RtcpPacket> reports;
            if (video_) {
                for (const auto& layer : layers)
                    if (layer->packets > 0)
                        reports.emplace_back(rtc::SenderReport{
                            layer->ssrc, ntp, layer->lastTimestamp, layer->packets, layer->octets, {}});
            }
            if (audio_)
                reports.emplace_back(
                    rtc::SenderReport{config_.audioSsrc, ntp, lastAudioTs, audioPackets, audioOctets, {}});
            for (const auto& report : reports)
                transport_->sendRtcp(rtc::buildRtcpCompound({report}));
        }
        if (nowMs - lastRateSampleMs >= 1000) {
            const auto bytes = offeredBytes;
            const std::int64_t bps =
                static_cast<std::int64_t>(bytes - lastBytesSent) * 8 * 1000 / (nowMs - lastRateSampleMs);
            const double videoBps = static_cast<double>(videoWireBytes - lastVideoWireBytes) * 8 * 1000
                                    / static_cast<double>(nowMs - lastRateSampleMs);
            lastVideoWireBytes = videoWireBytes;
            encoderScale = nextEncoderScale(
                encoderScale, videoBps, allocation.videoBitrateBps / (1 - rtc::SendRateAllocator::kVideoHeaderShare));
            lastBytesSent = bytes;
            lastRateSampleMs = nowMs;
            const std::lock_guard lock(statsMutex_);
            stats_.sendBitrateBps.emplace_back(nowMs - callStartMs_, bps);
            stats_.estimateBps.emplace_back(nowMs - callStartMs_, estimator.targetBitrateBps());
            if (video_) {
                const auto sent = video_->stats();
                stats_.framesDroppedBeforeSend =
                    sent.captureQueueDropped + sent.encoderDropped + sent.outputDropped + picturesNotSent;
            }
        }
        if (idle)
            std::this_thread::sleep_for(std::chrono::milliseconds(pacer.queuedPackets() > 0 ? 1 : 2));
    }
}

} // namespace spoke::call
