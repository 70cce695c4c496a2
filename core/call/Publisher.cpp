#include "call/Publisher.h"

#include "media/audio/ToneSource.h"
#include "media/video/TestPatternSource.h"
#include "rtc/JsepBuilder.h"
#include "rtc/NtpTime.h"
#include "rtc/RetransmissionBuffer.h"
#include "rtc/RtcpCompound.h"
#include "rtc/RtpPacket.h"
#include "rtc/Vp8Packetizer.h"

#include <QDateTime>

#include <algorithm>
#include <chrono>

namespace spoke::call {

std::int64_t steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

namespace {

constexpr std::size_t kMaxRtpPayloadBytes = 1100; // room for SRTP, extensions and a VPN under a 1280 MTU
constexpr std::int64_t kKeyframeMinIntervalMs = 300;
constexpr int kMinVideoBitrateBps = 100'000;

std::int64_t unixNowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

} // namespace

Publisher::Publisher(PublisherConfig config) : config_(config)
{
    if (config_.video) {
        media::VideoSendPipeline::Config video;
        video.encoder.sourceWidth = config_.width;
        video.encoder.sourceHeight = config_.height;
        video.encoder.maxFps = config_.fps;
        video.encoder.layerCount = 1;
        video.encoder.totalBitrateBps = config_.maxVideoBitrateBps;
        // A dropped picture would read as a lost stamp at the far end; at
        // these rates the encoder keeps up without dropping.
        video.encoder.allowFrameDrop = false;
        const int w = config_.width;
        const int h = config_.height;
        const int fps = config_.fps;
        auto makeSource = [w, h, fps] {
            return std::make_unique<media::TestPatternSource>(media::TestPatternSource::Config{w, h, fps, true});
        };
        video_ = std::make_unique<media::VideoSendPipeline>(makeSource(), makeSource, video);
    }
    if (config_.audio) {
        media::AudioSendPipeline::Config audio;
        audio.processing = std::nullopt; // a synthetic tone needs no echo cancelling
        audio.opus.dtx = false; // the tone never falls silent; keep the packet clock regular
        audio_ = std::make_unique<media::AudioSendPipeline>(
            std::make_unique<media::ToneSource>(media::ToneSource::Config{}), audio);
    }
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

LocalStats Publisher::stats() const
{
    const std::lock_guard lock(statsMutex_);
    return stats_;
}

// The send thread: everything stateful on the send side lives here, so the
// rtc helpers (which assert their owner thread) are built here too.
void Publisher::run()
{
    rtc::RetransmissionBuffer retransmissions;
    const rtc::Vp8Packetizer packetizer(kMaxRtpPayloadBytes);
    std::uint16_t videoSeq = 1;
    std::uint16_t audioSeq = 1;
    std::uint16_t pictureId = 0;
    std::uint32_t videoPackets = 0;
    std::uint32_t videoOctets = 0;
    std::uint32_t audioPackets = 0;
    std::uint32_t audioOctets = 0;
    std::uint32_t lastVideoTs = 0;
    std::uint32_t lastAudioTs = 0;
    std::int64_t lastKeyframeMs = 0;
    std::int64_t lastSrMs = 0;
    std::int64_t lastRateSampleMs = steadyNowMs();
    std::uint64_t lastBytesSent = 0;
    int capBps = config_.maxVideoBitrateBps;
    int targetBps = config_.maxVideoBitrateBps;

    auto sendRtp = [&](const rtc::RtpPacket& packet, std::int64_t nowMs) {
        retransmissions.onPacketSent(packet, nowMs);
        transport_->sendRtp(packet.serialize());
    };

    while (!stopping_) {
        const std::int64_t nowMs = steadyNowMs();

        // Feedback first: a PLI or NACK is worth more than the next frame.
        while (auto rtcp = rtcpIn_.tryPop()) {
            const auto packets = rtc::parseRtcpCompound(*rtcp);
            if (!packets.ok())
                continue;
            for (const auto& packet : *packets) {
                if (std::holds_alternative<rtc::Pli>(packet) || std::holds_alternative<rtc::Fir>(packet)) {
                    if (video_ && nowMs - lastKeyframeMs >= kKeyframeMinIntervalMs) {
                        video_->requestKeyframe();
                        lastKeyframeMs = nowMs;
                        const std::lock_guard lock(statsMutex_);
                        ++stats_.keyframesForced;
                    }
                } else if (const auto* nack = std::get_if<rtc::Nack>(&packet)) {
                    const auto answer = retransmissions.onNack(nack->sequenceNumbers, nowMs);
                    for (const auto& resend : answer.resend)
                        transport_->sendRtp(resend.serialize());
                    const std::lock_guard lock(statsMutex_);
                    stats_.nacksReceived += nack->sequenceNumbers.size();
                    stats_.packetsRetransmitted += answer.resend.size();
                } else if (const auto* remb = std::get_if<rtc::Remb>(&packet)) {
                    capBps = std::clamp(static_cast<int>(std::min<std::uint64_t>(remb->bitrateBps, 1u << 30)),
                                        kMinVideoBitrateBps, config_.maxVideoBitrateBps);
                    targetBps = std::min(targetBps, capBps);
                } else if (const auto* rr = std::get_if<rtc::ReceiverReport>(&packet)) {
                    for (const auto& block : rr->reports) {
                        if (block.ssrc != config_.videoSsrc)
                            continue;
                        // Loss-based control (GCC's rule): > 10 % back off, < 2 % grow.
                        const double loss = block.fractionLost / 256.0;
                        if (loss > 0.10)
                            targetBps = static_cast<int>(targetBps * (1.0 - 0.5 * loss));
                        else if (loss < 0.02)
                            targetBps = static_cast<int>(targetBps * 1.08);
                        targetBps = std::clamp(targetBps, kMinVideoBitrateBps, capBps);
                        if (const auto rtt =
                                rtc::ntp::roundTripMicros(rtc::ntp::compact(rtc::ntp::fromUnixMicros(unixNowUs())),
                                                          block.lastSenderReport, block.delaySinceLastSenderReport))
                            retransmissions.setRttMs(std::max<std::int64_t>(1, *rtt / 1000));
                    }
                }
            }
        }
        if (video_)
            video_->setTotalBitrateBps(targetBps);

        bool idle = true;
        if (audio_) {
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
                sendRtp(packet, nowMs);
                const std::lock_guard lock(statsMutex_);
                ++stats_.audioPacketsSent;
            }
        }
        if (video_) {
            while (auto frame = video_->output().tryPop()) {
                idle = false;
                rtc::Vp8Descriptor descriptor;
                descriptor.pictureId = pictureId;
                pictureId = static_cast<std::uint16_t>((pictureId + 1) & 0x7FFF);
                const auto payloads = packetizer.packetize(frame->data, descriptor);
                const auto timestamp = static_cast<std::uint32_t>(frame->captureTimeUs * 90 / 1000);
                for (std::size_t i = 0; i < payloads.size(); ++i) {
                    rtc::RtpPacket packet;
                    packet.payloadType = rtc::jsep::kVp8PayloadType;
                    packet.sequenceNumber = videoSeq++;
                    packet.timestamp = timestamp;
                    packet.ssrc = config_.videoSsrc;
                    packet.marker = i + 1 == payloads.size();
                    packet.payload = payloads[i];
                    ++videoPackets;
                    videoOctets += static_cast<std::uint32_t>(packet.payload.size());
                    sendRtp(packet, nowMs);
                }
                lastVideoTs = timestamp;
                const std::lock_guard lock(statsMutex_);
                ++stats_.videoFramesSent;
            }
        }

        // One SR per second per stream: Janus and the far end map RTP time to wall time with it.
        if (nowMs - lastSrMs >= 1000) {
            lastSrMs = nowMs;
            const std::uint64_t ntp = rtc::ntp::fromUnixMicros(unixNowUs());
            std::vector<rtc::RtcpPacket> reports;
            if (video_)
                reports.emplace_back(
                    rtc::SenderReport{config_.videoSsrc, ntp, lastVideoTs, videoPackets, videoOctets, {}});
            if (audio_)
                reports.emplace_back(
                    rtc::SenderReport{config_.audioSsrc, ntp, lastAudioTs, audioPackets, audioOctets, {}});
            for (const auto& report : reports)
                transport_->sendRtcp(rtc::buildRtcpCompound({report}));
        }
        if (nowMs - lastRateSampleMs >= 1000) {
            const auto bytes = transport_->stats().bytesSent;
            const std::int64_t bps =
                static_cast<std::int64_t>(bytes - lastBytesSent) * 8 * 1000 / (nowMs - lastRateSampleMs);
            lastBytesSent = bytes;
            lastRateSampleMs = nowMs;
            const std::lock_guard lock(statsMutex_);
            stats_.sendBitrateBps.emplace_back(nowMs - callStartMs_, bps);
            stats_.targetBitrateBps = targetBps;
            if (video_) {
                const auto sent = video_->stats();
                stats_.framesDroppedBeforeSend = sent.captureQueueDropped + sent.encoderDropped + sent.outputDropped;
            }
        }
        if (idle)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

} // namespace spoke::call
