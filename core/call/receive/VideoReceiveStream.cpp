#include "call/receive/VideoReceiveStream.h"

#include "media/video/FrameStamp.h"
#include "media/video/TextStamp.h"
#include "rtc/JsepBuilder.h"
#include "rtc/Rtx.h"
#include "rtc/Vp8Descriptor.h"

#include <algorithm>
#include <limits>

namespace spoke::call::receive {

namespace {

constexpr std::size_t kRecentSequences = 4096; // a few seconds of packets at 1-2 Mbit/s
constexpr double kBufferSmoothing = 0.1;

// The packet that begins a VP8 keyframe: with it, older holes no longer matter.
bool startsKeyframe(std::span<const std::uint8_t> payload)
{
    const auto parsed = rtc::Vp8Descriptor::parse(payload);
    if (!parsed.ok() || !parsed->descriptor.startOfPartition || parsed->descriptor.partitionIndex != 0)
        return false;
    const auto header = rtc::Vp8FrameHeader::parse(payload.subspan(parsed->headerBytes));
    return header.ok() && header->keyframe;
}

} // namespace

// Keyframe requests are the frame buffer's call: it knows which frames a
// missing packet really costs. The NackGenerator only asks for packets, and
// never again within Janus' repeat floor. A hole waits long enough for a
// second NACK round, which that floor pushes past 200 ms even on a short link.
VideoReceiveStream::VideoReceiveStream(Config config, ReceiveStatsCollector& stats)
    : config_(config)
    , stats_(stats)
    , nacks_(rtc::NackGenerator::Config{.defaultRttMs = kJanusNackRepeatFloorMs + 20, .requestKeyframes = false})
    , assembler_(rtc::Vp8FrameAssembler::Limits{.frameDeadlineUs =
                                                    (config.screenShare ? kScreenFrameDeadlineMs : 1000) * 1000})
    , pliRepeatMs_(config.screenShare ? kScreenFrameDeadlineMs : kPliRepeatMs)
    , frames_(rtc::VideoFrameBuffer::Config{.minWaitMs = 2 * kJanusNackRepeatFloorMs,
                                            .minKeyframeRequestIntervalMs =
                                                config.screenShare ? kScreenFrameDeadlineMs : 500})
    , decoder_(media::VideoCodec::Vp8)
{
}

VideoReceiveStream::Arrival VideoReceiveStream::onRtp(const rtc::RtpPacket& packet, std::int64_t arrivalUs,
                                                      std::int64_t nowMs)
{
    Arrival arrival;
    arrival.retransmission = packet.payloadType == rtc::jsep::kVp8RtxPayloadType;
    rtc::RtpPacket rtp = packet;
    if (arrival.retransmission) {
        if (ssrc_ == 0)
            return arrival;
        auto original = rtc::unwrapRtx(packet, rtc::jsep::kVp8PayloadType, ssrc_);
        if (!original.ok())
            return arrival; // a padding-only probe
        rtp = std::move(*original);
    } else if (packet.payloadType != rtc::jsep::kVp8PayloadType) {
        return arrival;
    }
    arrival.accepted = true;
    ssrc_ = rtp.ssrc;
    if (!lastPliMs_)
        lastPliMs_ = nowMs; // the first keyframe gets a second to come by itself
    countPacket(unwrapper_.unwrap(rtp.sequenceNumber));
    if (nacks_.onPacket(rtp.sequenceNumber, nowMs, startsKeyframe(rtp.payload))
        == rtc::NackGenerator::Arrival::Recovered)
        arrival.recovered = rtp.sequenceNumber;
    auto inserted = assembler_.insert(rtp, arrivalUs);
    if (inserted.frame) {
        queueDelay_.onFrame(inserted.frame->rtpTimestamp, inserted.frame->firstArrivalUs);
        frames_.insert(std::move(*inserted.frame), nowMs);
    }
    ++stats_.video().packets;
    return arrival;
}

void VideoReceiveStream::countPacket(std::int64_t sequence)
{
    if (!firstSequence_)
        firstSequence_ = sequence;
    highestSequence_ = std::max(highestSequence_.value_or(sequence), sequence);
    if (seen_.insert(sequence).second)
        ++distinct_;
    while (seen_.size() > kRecentSequences)
        seen_.erase(seen_.begin());
}

void VideoReceiveStream::setRttMs(std::int64_t rttMs)
{
    nacks_.setRttMs(std::max(rttMs + 20, kJanusNackRepeatFloorMs + 20));
    frames_.setRttMs(rttMs);
}

void VideoReceiveStream::process(std::int64_t nowMs, LipSync& lipSync)
{
    // Frames the assembler gave up on, then whatever is decodable now.
    for (const auto& incomplete : assembler_.expire(nowMs * 1000))
        frames_.onFrameAbandoned(incomplete, nowMs);
    for (const auto& frame : frames_.poll(nowMs))
        decode(frame, nowMs, lipSync);
    if (frames_.takeKeyframeRequest(nowMs))
        pliDue_ = true;
    updateCounters();
}

// Decode order and completeness come from the frame buffer; a frame that
// still fails to decode means a lost reference: ask for a keyframe.
void VideoReceiveStream::decode(const rtc::Vp8Frame& frame, std::int64_t nowMs, LipSync& lipSync)
{
    if (frame.keyframe)
        waitingForKeyframe_ = false;
    if (waitingForKeyframe_)
        return;
    const auto picture = decoder_.decode(frame.data);
    if (!picture) {
        waitingForKeyframe_ = true;
        pliDue_ = true;
        ++stats_.video().decodeErrors;
        return;
    }
    std::optional<std::int64_t> captureMs;
    readStamp(*picture, captureMs, nowMs);
    if (config_.screenShare) {
        if (media::TextStamp::read(*picture).frame)
            ++stats_.video().textRead;
        else
            ++stats_.video().textMisread;
    }
    const std::int64_t delayMs = lipSync.onPictureDecoded(frame.rtpTimestamp, nowMs);
    renderQueue_.push(*picture, frame.rtpTimestamp, nowMs, delayMs, captureMs);
    stats_.onFrameDecoded(nowMs);
    // What this receiver adds: first packet to decoded, plus the lip-sync wait.
    auto& v = stats_.video();
    const std::int64_t firstArrivalMs = frame.firstArrivalUs / 1000;
    const auto bufferMs = static_cast<double>(nowMs - firstArrivalMs + renderQueue_.appliedDelayMs());
    v.receiveBufferMs =
        v.receiveBufferMs < 0 ? bufferMs : (1 - kBufferSmoothing) * v.receiveBufferMs + kBufferSmoothing * bufferMs;
}

void VideoReceiveStream::readStamp(const media::VideoFrame& picture, std::optional<std::int64_t>& captureMs,
                                   std::int64_t nowMs)
{
    auto& v = stats_.video();
    const auto reading = media::FrameStamp::read(picture);
    if (!reading.value) {
        ++v.stampsUnreadable;
        return;
    }
    // Every client on this machine shares the steady clock, so the sender's
    // capture time is comparable with ours.
    std::optional<double> latencyMs;
    if (config_.senderClockEpochMs >= 0) {
        captureMs = config_.senderClockEpochMs + reading.value->captureTimeMs;
        latencyMs = static_cast<double>(nowMs - *captureMs);
    }
    const std::uint32_t sequence = reading.value->sequence;
    if (!recentStamps_.insert(sequence).second)
        return;
    while (recentStamps_.size() > kRecentSequences)
        recentStamps_.erase(recentStamps_.begin());
    if (!firstStamp_)
        firstStamp_ = highestStamp_ = sequence;
    firstStamp_ = std::min(*firstStamp_, sequence);
    highestStamp_ = std::max(highestStamp_, sequence);
    ++v.stampsRead;
    v.stampsExpected = highestStamp_ - *firstStamp_ + 1;
    if (latencyMs)
        stats_.onGlassToGlassMs(*latencyMs);
}

std::vector<VideoRenderQueue::Entry> VideoReceiveStream::takeDuePictures(std::int64_t nowMs)
{
    auto due = renderQueue_.popDue(nowMs);
    for (const auto& entry : due)
        stats_.onPictureRendered(nowMs, entry.captureMs);
    const auto& c = renderQueue_.counters();
    stats_.video().renderDropped = static_cast<std::uint64_t>(c.droppedOverflow + c.droppedLate);
    return due;
}

VideoReceiveStream::Feedback VideoReceiveStream::takeFeedback(std::int64_t nowMs)
{
    Feedback feedback;
    if (ssrc_ == 0)
        return feedback;
    feedback.nacks = nacks_.nacksToSend(nowMs);
    if (waitingForKeyframe_ && lastPliMs_ && nowMs - *lastPliMs_ >= pliRepeatMs_)
        pliDue_ = true;
    if (pliDue_) {
        pliDue_ = false;
        lastPliMs_ = nowMs;
        feedback.pli = true;
        ++stats_.video().keyframeRequests;
    }
    updateCounters();
    return feedback;
}

void VideoReceiveStream::updateCounters()
{
    auto& v = stats_.video();
    v.nacked = static_cast<std::uint64_t>(nacks_.counters().nacked);
    v.retransmitted = static_cast<std::uint64_t>(nacks_.counters().recovered);
    if (firstSequence_)
        v.lost = static_cast<std::uint64_t>(*highestSequence_ - *firstSequence_ + 1) - distinct_;
    v.framesDropped = static_cast<std::uint64_t>(frames_.counters().framesDropped);
    v.nacksAbandoned = static_cast<std::uint64_t>(nacks_.counters().abandoned);
    v.queueDelayMs = queueDelay_.queueDelayMs();
}

std::optional<std::int64_t> VideoReceiveStream::nextWakeMs(std::int64_t nowMs) const
{
    std::int64_t wakeMs = std::numeric_limits<std::int64_t>::max();
    if (const auto due = renderQueue_.nextDueMs())
        wakeMs = *due;
    if (ssrc_ == 0)
        return renderQueue_.nextDueMs();
    // A gap to NACK (or give up on) and a hole whose wait runs out: at the
    // time the rtc parts name, not on a tick, so a lossy link costs a wakeup
    // per NACK round rather than a hundred a second. Frames held behind a
    // keyframe request wait for a packet, not for time.
    if (const auto due = nacks_.nextDueMs())
        wakeMs = std::min(wakeMs, std::max(*due, nowMs));
    if (const auto due = frames_.holeDeadlineMs())
        wakeMs = std::min(wakeMs, std::max(*due, nowMs));
    else if (frames_.pendingFrames() > 0 && !frames_.waitingForKeyframe())
        wakeMs = std::min(wakeMs, nowMs + kPendingCheckMs); // not polled since they came: look soon
    if (pliDue_)
        wakeMs = nowMs;
    // The frame buffer repeats its own keyframe request at most every 500 ms
    // (VideoFrameBuffer::Config), and the assembler gives up on a frame after
    // a second: a coarser look is enough, and an outage (nothing arriving
    // for seconds) costs ten wakeups a second, not a hundred.
    if (frames_.waitingForKeyframe() || assembler_.pendingFrames() > 0)
        wakeMs = std::min(wakeMs, nowMs + kKeyframeCheckMs);
    if (waitingForKeyframe_ && lastPliMs_)
        wakeMs = std::min(wakeMs, *lastPliMs_ + pliRepeatMs_);
    if (wakeMs == std::numeric_limits<std::int64_t>::max())
        return std::nullopt;
    return wakeMs;
}

} // namespace spoke::call::receive
