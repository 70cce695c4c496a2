#include "call/receive/FeedReceiver.h"

#include "rtc/JsepBuilder.h"
#include "rtc/RtpPacket.h"

#include <algorithm>
#include <limits>

namespace spoke::call::receive {

FeedReceiver::FeedReceiver(Config config, Outputs outputs)
    : config_(std::move(config))
    , outputs_(std::move(outputs))
    , stats_(config_.feedId, config_.callStartMs, config_.recorder)
    , rtcp_(config_.ourSsrc)
    , lipSync_(config_.avSyncEnabled)
    , video_(VideoReceiveStream::Config{config_.senderClockEpochMs, config_.screenShare}, stats_)
    , audio_(AudioReceiveStream::Config{config_.audioMinDelayMs}, stats_)
{
    stats_.stats().avSyncApplied = config_.avSyncEnabled;
}

void FeedReceiver::onRtp(std::span<const std::uint8_t> bytes, std::int64_t arrivalUs, std::int64_t nowMs)
{
    const auto parsed = rtc::RtpPacket::parse(bytes);
    if (!parsed.ok())
        return;
    const rtc::RtpPacket& rtp = *parsed;
    if (rtp.payloadType == rtc::jsep::kOpusPayloadType) {
        rtcp_.onRtp(rtp, 48'000, arrivalUs);
        audio_.onRtp(rtp, nowMs);
        return;
    }
    // First arrivals count for the report block, RTX copies do not.
    if (rtp.payloadType == rtc::jsep::kVp8PayloadType)
        rtcp_.onRtp(rtp, 90'000, arrivalUs);
    const auto arrival = video_.onRtp(rtp, arrivalUs, nowMs);
    if (arrival.recovered) {
        rtcp_.onRecovered(*arrival.recovered, nowMs);
        if (const auto rtt = rtcp_.rttMs())
            video_.setRttMs(*rtt);
    }
}

// Janus' SRs: echoed in our RRs (its RTT, hence its NACK buffer) and pin
// each stream's RTP clock for lip sync.
void FeedReceiver::onRtcp(std::span<const std::uint8_t> bytes, std::int64_t arrivalUs)
{
    for (const auto& sr : rtcp_.onRtcp(bytes, arrivalUs)) {
        if (sr.ssrc == video_.ssrc() && video_.ssrc() != 0)
            lipSync_.onSenderReport(rtc::AvSync::Stream::Video, sr.ntpTime, sr.rtpTimestamp);
        else if (sr.ssrc == audio_.ssrc() && audio_.ssrc() != 0)
            lipSync_.onSenderReport(rtc::AvSync::Stream::Audio, sr.ntpTime, sr.rtpTimestamp);
    }
}

void FeedReceiver::process(std::int64_t nowUs, std::int64_t unixMinusSteadyMs)
{
    const std::int64_t nowMs = nowUs / 1000;
    playAudio(nowMs, unixMinusSteadyMs);
    for (auto& report : rtcp_.dueReports(nowUs))
        outputs_.sendRtcp(std::move(report));
    video_.process(nowMs, lipSync_);
    for (const auto& entry : video_.takeDuePictures(nowMs)) {
        if (outputs_.picture)
            outputs_.picture(entry.picture);
    }
    if (const auto audioDelayMs = lipSync_.updateAudioDelay(nowMs))
        audio_.setExtraDelayMs(*audioDelayMs);
    sendFeedback(nowUs);
    publishCounters();
}

// One 20 ms decision per tick of a virtual sound card.
void FeedReceiver::playAudio(std::int64_t nowMs, std::int64_t unixMinusSteadyMs)
{
    for (const auto& tick : audio_.tick(nowMs)) {
        if (tick.kind == rtc::PlayoutDecision::Kind::Silence)
            continue;
        if (tick.kind == rtc::PlayoutDecision::Kind::Decode) {
            // Heard when it leaves the speaker, which is what the picture must match.
            const std::int64_t heardMs = tick.tickMs + (outputs_.outputLatencyMs ? outputs_.outputLatencyMs() : 0);
            if (const auto latencyMs = lipSync_.onAudioHeard(tick.sentTimestamp, heardMs, unixMinusSteadyMs))
                stats_.onAudioPlayLatencyMs(*latencyMs);
        }
        if (outputs_.sound)
            outputs_.sound(tick.pcm);
    }
}

// Feedback rides behind an RR for the video stream (see ReceiverRtcp.h).
void FeedReceiver::sendFeedback(std::int64_t nowUs)
{
    const std::int64_t nowMs = nowUs / 1000;
    auto feedback = video_.takeFeedback(nowMs);
    const std::uint32_t mediaSsrc = video_.ssrc();
    if (!feedback.nacks.empty()) {
        rtcp_.onNacked(feedback.nacks, nowMs);
        outputs_.sendRtcp(
            rtcp_.feedback(mediaSsrc, rtc::Nack{rtcp_.ourSsrc(), mediaSsrc, std::move(feedback.nacks)}, nowUs));
    }
    if (feedback.pli)
        outputs_.sendRtcp(rtcp_.feedback(mediaSsrc, rtc::Pli{rtcp_.ourSsrc(), mediaSsrc}, nowUs));
}

void FeedReceiver::publishCounters()
{
    auto& s = stats_.stats();
    s.video.rttMs = rtcp_.rttMs().value_or(-1);
    s.video.rtcpReportsSent = rtcp_.reportsSent();
    s.avOffsetMs = lipSync_.offsetMs();
    s.videoSyncDelayMs = config_.avSyncEnabled ? video_.appliedSyncDelayMs() : lipSync_.wantedVideoDelayMs();
    s.audioSyncDelayMs = lipSync_.audioDelayMs();
}

std::optional<std::int64_t> FeedReceiver::nextWakeMs(std::int64_t nowMs) const
{
    constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
    std::int64_t wakeMs = lipSync_.nextWakeMs();
    // Rounded up: a wake a fraction of a millisecond early finds nothing due.
    if (const auto reportUs = rtcp_.nextReportUs())
        wakeMs = std::min(wakeMs, (*reportUs + 999) / 1000);
    if (const auto tick = audio_.nextWakeMs())
        wakeMs = std::min(wakeMs, *tick);
    if (const auto video = video_.nextWakeMs(nowMs))
        wakeMs = std::min(wakeMs, *video);
    if (wakeMs == kNever)
        return std::nullopt;
    return std::max(wakeMs, nowMs);
}

RemoteStats FeedReceiver::snapshot() const
{
    return stats_.snapshot();
}

} // namespace spoke::call::receive
