#include "call/RemoteFeed.h"

#include "call/Publisher.h"
#include "call/ReceiverRtcp.h"
#include "call/VideoRenderQueue.h"
#include "media/MediaClock.h"
#include "media/audio/OpusVoiceDecoder.h"
#include "media/video/FrameStamp.h"
#include "media/video/VpxDecoder.h"
#include "rtc/AudioJitterBuffer.h"
#include "rtc/AvSync.h"
#include "rtc/JsepBuilder.h"
#include "rtc/NackGenerator.h"
#include "rtc/RtpPacket.h"
#include "rtc/Rtx.h"
#include "rtc/SequenceUnwrapper.h"
#include "rtc/VideoFrameBuffer.h"
#include "rtc/Vp8Descriptor.h"
#include "rtc/Vp8FrameAssembler.h"
#include "util/Clock.h"

#include <QRandomGenerator>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

namespace spoke::call {

namespace {

constexpr int kGatherTimeoutMs = 5000;
constexpr std::int64_t kAudioFrameMs = 20;
constexpr std::int64_t kMaxPlayoutLagMs = 200;
// Janus 1.1.2 ignores a NACK for a packet it resent less than 200 ms ago
// (MAX_NACK_IGNORE in src/ice.c): asking again sooner is wasted, and a lost
// retransmission is only replaced by a NACK sent after that.
constexpr std::int64_t kJanusNackRepeatFloorMs = 200;
// Lip sync's extra audio delay when video is the slower stream: moved once a
// second by at most kAudioSyncStepMs, left alone within the dead band (the
// smoothed offset wanders that much), never above the bound (past it,
// waiting for the picture costs the conversation more than the sync buys).
constexpr std::int64_t kAudioSyncIntervalMs = 1000;
constexpr std::int64_t kAudioSyncStepMs = 40;
constexpr double kAudioSyncDeadbandMs = 20;
constexpr std::int64_t kMaxAudioSyncDelayMs = 300;
// Skew figures count once both delays have had time to settle.
constexpr std::int64_t kSkewSettleMs = 5000;

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

QString clockDescription(std::int64_t epochMs)
{
    return QStringLiteral("clock=%1").arg(epochMs);
}

std::int64_t parseClockDescription(const QString& description)
{
    if (!description.startsWith(QLatin1String("clock=")))
        return -1;
    bool ok = false;
    const qint64 value = description.mid(6).toLongLong(&ok);
    return ok ? value : -1;
}

RemoteFeed::RemoteFeed(session::JanusConnection& connection, const session::Participant& participant,
                       RemoteFeedConfig config, QObject* parent)
    : QObject(parent)
    , participant_(participant)
    , config_(std::move(config))
    , handle_(connection, this)
{
    for (const auto& stream : participant_.streams) {
        if (const auto epoch = parseClockDescription(stream.description); epoch >= 0)
            senderClockEpochMs_ = epoch;
    }
    stats_.display = participant_.display;
    stats_.feedId = participant_.id;
    stats_.avSyncApplied = config_.avSyncEnabled;
    gatherPoll_.setInterval(10);
    // Janus says which simulcast substream it relays once it has switched.
    connect(&handle_, &session::VideoRoomHandle::pluginEvent, this,
            [this](const QJsonObject& data, const std::optional<session::Jsep>&) {
                if (data.contains(QLatin1String("substream"))) {
                    const std::lock_guard lock(statsMutex_);
                    stats_.video.layer = data.value(QLatin1String("substream")).toInt();
                }
            });
}

std::uint64_t RemoteFeed::bytesReceived() const
{
    affinity_.assertOwner();
    const auto* transport = transport_.get();
    return transport ? transport->stats().bytesReceived : 0;
}

void RemoteFeed::requestSubstream(int substream)
{
    affinity_.assertOwner();
    const auto offer = rtc::SessionDescription::parse(offerSdp_);
    if (!offer.ok())
        return;
    for (const auto& media : offer->media) {
        if (media.kind == "video" && media.mid) {
            handle_.configureSubstream(QString::fromStdString(*media.mid), substream, -1,
                                       [](const session::Outcome&) {});
            return;
        }
    }
}

RemoteFeed::~RemoteFeed()
{
    stop();
    // Before the queue its callbacks push into: the transport's thread stops here.
    transport_.reset();
}

void RemoteFeed::start()
{
    affinity_.assertOwner();
    lastMediaMs_ = util::steadyNowMs();
    handle_.attach([this](const std::optional<session::SessionError>& error) {
        if (error) {
            Q_EMIT failed(QStringLiteral("could not attach a subscriber handle: ") + error->describe());
            return;
        }
        session::videoroom::SubscriberOptions options;
        options.privateId = config_.privateId;
        handle_.joinAsSubscriber(config_.room, {session::videoroom::FeedStream{participant_.id, {}}}, options,
                                 [this](const session::SdpResult& result) { onOffer(result); });
    });
}

void RemoteFeed::onOffer(const session::SdpResult& offer)
{
    affinity_.assertOwner();
    if (!offer.ok() || offer.sdp.isEmpty()) {
        Q_EMIT failed(QStringLiteral("Janus gave no offer for feed %1 (%2)")
                          .arg(participant_.id)
                          .arg(offer.error ? offer.error->describe() : QStringLiteral("no SDP")));
        return;
    }
    lastMediaMs_ = util::steadyNowMs(); // progress: silence counts from the latest step
    offerSdp_ = offer.sdp.toStdString();
    const auto parsed = rtc::SessionDescription::parse(offerSdp_);
    if (!parsed.ok()) {
        Q_EMIT failed(QStringLiteral("Janus' offer does not parse: ")
                      + QString::fromStdString(parsed.error().message()));
        return;
    }
    auto remote = transport::RemoteTransportParameters::fromSdp(*parsed, false);
    if (!remote.ok()) {
        Q_EMIT failed(QString::fromStdString(remote.error().describe()));
        return;
    }

    // Janus offers, so it controls ICE; we answer active and are the DTLS client.
    transport::MediaTransportConfig config;
    config.ice.interfaceName = config_.iceInterface;
    config.ice.controlling = false;
    config.receiveImpairment = config_.receiveImpairment;
    transport::MediaTransport::Callbacks callbacks;
    callbacks.localCandidate = [this](const std::string& candidate) {
        const std::lock_guard lock(candidatesMutex_);
        candidates_.push_back(candidate);
    };
    callbacks.localCandidatesDone = [this] { gathered_ = true; };
    callbacks.rtp = [this](std::vector<std::uint8_t>&& packet) {
        incoming_.push(Incoming{std::move(packet), util::steadyNowUs(), false});
    };
    callbacks.rtcp = [this](std::vector<std::uint8_t>&& packet) {
        incoming_.push(Incoming{std::move(packet), util::steadyNowUs(), true});
    };
    {
        // The impairment's clock starts with the transport (unless the call anchors it).
        const std::lock_guard lock(statsMutex_);
        stats_.transportStartedAtMs = util::steadyNowMs() - config_.callStartMs;
    }
    auto made = transport::MediaTransport::create(config, std::move(callbacks));
    if (!made.ok()) {
        Q_EMIT failed(QString::fromStdString(made.error().describe()));
        return;
    }
    transport_ = std::move(*made);
    receiver_ = std::thread([this] { receiveLoop(); });
    transport_->setRemote(*remote);
    transport_->start();
    answerWhenGathered();
}

// Half trickle: our answer carries every candidate, so wait for gathering
// (a few milliseconds on one pinned interface) without blocking the thread.
void RemoteFeed::answerWhenGathered()
{
    const std::int64_t startedMs = util::steadyNowMs();
    connect(&gatherPoll_, &QTimer::timeout, this, [this, startedMs] {
        if (!gathered_ && util::steadyNowMs() - startedMs < kGatherTimeoutMs)
            return;
        gatherPoll_.stop();
        const auto offer = rtc::SessionDescription::parse(offerSdp_);
        rtc::jsep::SubscriberAnswerOptions options;
        options.transport = transport_->localParameters();
        {
            const std::lock_guard lock(candidatesMutex_);
            for (const auto& value : candidates_) {
                if (auto candidate = rtc::SdpCandidate::parse(value); candidate.ok())
                    options.transport.candidates.push_back(*candidate);
            }
        }
        options.transport.endOfCandidates = true;
        options.sessionId = std::to_string(QRandomGenerator::global()->bounded(1u << 30));
        options.acceptRtx = true;
        const auto answer = rtc::jsep::buildSubscriberAnswer(*offer, options);
        if (!answer.ok()) {
            Q_EMIT failed(QString::fromStdString(answer.error().message()));
            return;
        }
        handle_.start(QString::fromStdString(answer->toString()), [this](const session::Outcome& outcome) {
            if (!outcome.ok()) {
                Q_EMIT failed(QStringLiteral("subscriber start refused: ") + outcome.error->describe());
                return;
            }
            // Silence counts from here: the subscription may have waited out a
            // signalling stall, and media needs a moment to start.
            lastMediaMs_ = util::steadyNowMs();
            const std::lock_guard lock(statsMutex_);
            stats_.subscribedAtMs = util::steadyNowMs() - config_.callStartMs;
        });
    });
    gatherPoll_.start();
}

void RemoteFeed::stop()
{
    stopping_ = true;
    incoming_.close();
    if (receiver_.joinable())
        receiver_.join();
    if (transport_)
        transport_->close();
}

RemoteStats RemoteFeed::stats() const
{
    const std::lock_guard lock(statsMutex_);
    return stats_;
}

std::int64_t RemoteFeed::msSinceMedia() const
{
    return util::steadyNowMs() - lastMediaMs_.load();
}

void RemoteFeed::markGone(std::int64_t atMs, const QString& reason)
{
    const std::lock_guard lock(statsMutex_);
    if (stats_.goneAtMs < 0) {
        stats_.goneAtMs = atMs;
        stats_.goneReason = reason;
    }
}

// The receive/decode thread. Every rtc and media object of the path is
// built here so their thread assertions hold.
void RemoteFeed::receiveLoop()
{
    // Keyframe requests are the frame buffer's call: it knows which frames a
    // missing packet really costs. The NackGenerator only asks for packets,
    // and never again within Janus' repeat floor (see nackRetryMs).
    rtc::NackGenerator nacks(
        rtc::NackGenerator::Config{.defaultRttMs = kJanusNackRepeatFloorMs + 20, .requestKeyframes = false});
    rtc::Vp8FrameAssembler assembler;
    // A hole waits long enough for a second NACK round, which Janus' floor
    // pushes past 200 ms even on a short link.
    rtc::VideoFrameBuffer frames(rtc::VideoFrameBuffer::Config{.minWaitMs = 2 * kJanusNackRepeatFloorMs});
    media::VpxDecoder decoder(media::VideoCodec::Vp8);
    media::OpusVoiceDecoder opus;
    rtc::AudioJitterBuffer::Config jitterConfig;
    jitterConfig.minDelayMs = std::max(jitterConfig.minDelayMs, config_.audioMinDelayMs);
    jitterConfig.initialDelayMs = std::max(jitterConfig.initialDelayMs, jitterConfig.minDelayMs);
    rtc::AudioJitterBuffer jitter(jitterConfig);
    // The buffer keys packets on a 20 ms grid (see the insert below); lip
    // sync and latency need the timestamps as sent: snapped → sent.
    std::map<std::uint32_t, std::uint32_t> audioSentTimestamps;
    VideoRenderQueue renderQueue;
    std::optional<double> lastAudioPlayLatencyMs;
    std::int64_t audioSyncDelayMs = 0;
    std::int64_t lastAudioSyncStepMs = util::steadyNowMs();
    std::int64_t lastDelaySampleMs = util::steadyNowMs();
    std::int64_t firstRenderMs = -1;
    std::optional<std::int64_t> nextAudioTickMs; // the virtual sound card's next 20 ms tick
    std::optional<std::uint32_t> audioFirstTimestamp;
    rtc::SequenceUnwrapper audioUnwrapper;
    rtc::SequenceUnwrapper videoUnwrapper;
    std::optional<std::int64_t> audioFirst;
    std::optional<std::int64_t> audioHighest;
    std::optional<std::int64_t> videoFirst;
    std::optional<std::int64_t> videoHighest;
    // Unwrapped sequence numbers of the last few seconds, to tell a
    // retransmission from a first arrival; older ones are only counted.
    std::set<std::int64_t> videoSeen;
    std::uint64_t videoDistinct = 0;
    bool pliDue = false;
    std::int64_t lastPliMs = util::steadyNowMs();
    std::set<std::uint32_t> stamps;
    std::uint32_t mediaSsrc = 0;
    std::uint32_t audioSsrc = 0;
    ReceiverRtcp rtcp(QRandomGenerator::global()->generate() | 1u);
    rtc::AvSync sync;
    std::int64_t lastDecodedMs = -1;
    double meanIntervalMs = 1000.0 / 30;
    bool waitingForKeyframe = true;

    // Feedback rides behind an RR for the video stream (see ReceiverRtcp.h).
    auto sendFeedback = [&](rtc::RtcpPacket packet) {
        transport_->sendRtcp(rtcp.feedback(mediaSsrc, std::move(packet), util::steadyNowUs()));
    };

    auto playAudio = [&](const rtc::PlayoutDecision& decision, std::int64_t tickMs) {
        using Kind = rtc::PlayoutDecision::Kind;
        if (decision.kind == Kind::Silence)
            return; // still filling the initial delay
        media::AudioFrame pcm;
        std::optional<double> playLatencyMs;
        if (decision.kind == Kind::Decode) {
            pcm = opus.decode(decision.payload);
            const auto sent = audioSentTimestamps.find(decision.rtpTimestamp);
            const std::uint32_t sentTimestamp =
                sent != audioSentTimestamps.end() ? sent->second : decision.rtpTimestamp;
            // Heard when it leaves the speaker, which is what the picture must match.
            const std::int64_t heardMs = tickMs + (config_.playout ? config_.playout->outputLatencyMs() : 0);
            sync.onAudioPlayout(sentTimestamp, heardMs);
            // Capture time from the SRs: Janus rewrites a subscriber's RTP
            // timestamps (they start where the subscription did), and its SRs
            // follow. The sender's wall clock is this machine's (as for stamps).
            if (const auto captureUs = sync.captureUnixUs(rtc::AvSync::Stream::Audio, sentTimestamp)) {
                const std::int64_t wallMinusSteadyMs = util::unixNowMs() - util::steadyNowMs();
                playLatencyMs = static_cast<double>(heardMs - (*captureUs / 1000 - wallMinusSteadyMs));
                lastAudioPlayLatencyMs = playLatencyMs;
            }
        } else if (decision.kind == Kind::Fec) {
            pcm = opus.recoverFromNext(decision.payload);
        } else {
            pcm = opus.conceal();
        }
        if (config_.playout)
            config_.playout->push(participant_.id, pcm);
        if (config_.tap)
            config_.tap->remoteAudio(participant_.id, pcm);
        const auto& c = jitter.counters();
        const std::lock_guard lock(statsMutex_);
        auto& a = stats_.audio;
        a.playoutConcealedMs = static_cast<std::uint64_t>(c.concealedMs);
        a.playoutFecMs = static_cast<std::uint64_t>(c.fecMs);
        a.playoutLongestGapMs = static_cast<std::uint64_t>(c.longestGapMs);
        a.playoutLatePackets = static_cast<std::uint64_t>(c.packetsLate);
        a.playoutDelayMs = jitter.currentDelayMs();
        a.playoutTargetDelayMs = jitter.targetDelayMs();
        a.decodeErrors = opus.errorCount();
        if (playLatencyMs)
            a.playLatencyMs.push_back(*playLatencyMs);
        if (tickMs - lastDelaySampleMs >= 1000) {
            lastDelaySampleMs = tickMs;
            a.playoutDelayEachSecondMs.push_back(jitter.currentDelayMs());
        }
    };

    // Pictures whose lip-sync wait is over go to the view.
    auto renderDue = [&](std::int64_t nowMs) {
        auto due = renderQueue.popDue(nowMs);
        if (config_.tap) {
            for (const auto& entry : due)
                config_.tap->remoteVideo(participant_.id, entry.picture);
        }
        const std::lock_guard lock(statsMutex_);
        auto& v = stats_.video;
        v.renderDropped =
            static_cast<std::uint64_t>(renderQueue.counters().droppedOverflow + renderQueue.counters().droppedLate);
        for (const auto& entry : due) {
            if (firstRenderMs < 0)
                firstRenderMs = nowMs;
            if (!entry.captureMs)
                continue;
            const auto renderLatencyMs = static_cast<double>(nowMs - *entry.captureMs);
            v.renderLatencyMs.push_back(renderLatencyMs);
            if (lastAudioPlayLatencyMs && nowMs - firstRenderMs >= kSkewSettleMs)
                stats_.avSkewMs.push_back(*lastAudioPlayLatencyMs - renderLatencyMs);
        }
    };

    // Decode order and completeness come from the frame buffer; a frame
    // that still fails to decode means a lost reference: ask for a keyframe.
    auto decodeFrame = [&](const rtc::Vp8Frame& frame, std::int64_t nowMs) {
        std::optional<std::uint32_t> stampSeq;
        std::optional<double> latencyMs;
        std::optional<std::int64_t> captureMs;
        bool stampUnreadable = false;
        if (frame.keyframe)
            waitingForKeyframe = false;
        if (waitingForKeyframe)
            return;
        const auto picture = decoder.decode(frame.data);
        if (picture) {
            const auto reading = media::FrameStamp::read(*picture);
            if (reading.value) {
                stampSeq = reading.value->sequence;
                if (senderClockEpochMs_ >= 0) {
                    captureMs = senderClockEpochMs_ + reading.value->captureTimeMs;
                    latencyMs = static_cast<double>(util::steadyNowMs() - *captureMs);
                }
            } else {
                stampUnreadable = true;
            }
            // AvSync measures the picture as it would show undelayed; the
            // delay it asks for is applied after (its contract).
            sync.onVideoRender(frame.rtpTimestamp, nowMs);
            renderQueue.push(*picture, frame.rtpTimestamp, nowMs, config_.avSyncEnabled ? sync.videoDelayMs() : 0,
                             captureMs);
        } else {
            waitingForKeyframe = true;
            pliDue = true;
        }
        const std::lock_guard lock(statsMutex_);
        auto& v = stats_.video;
        if (!picture) {
            ++v.decodeErrors;
            return;
        }
        ++v.framesDecoded;
        const std::int64_t callMs = nowMs - config_.callStartMs;
        if (v.firstFrameMs < 0)
            v.firstFrameMs = callMs;
        if (lastDecodedMs >= 0 && nowMs - lastDecodedMs > RemoteVideoStats::kStallMs)
            v.stallsMs.emplace_back(lastDecodedMs - config_.callStartMs, callMs);
        v.lastFrameMs = callMs;
        if (lastDecodedMs >= 0) {
            const auto interval = static_cast<double>(nowMs - lastDecodedMs);
            if (interval > std::max(3 * meanIntervalMs, meanIntervalMs + 150))
                ++v.freezes;
            meanIntervalMs = 0.95 * meanIntervalMs + 0.05 * interval;
        }
        lastDecodedMs = nowMs;
        if (stampUnreadable)
            ++v.stampsUnreadable;
        if (stampSeq && stamps.insert(*stampSeq).second) {
            v.stampsRead = stamps.size();
            v.stampsExpected = *stamps.rbegin() - *stamps.begin() + 1;
            if (latencyMs)
                v.latencyMs.push_back(*latencyMs);
        }
    };

    while (true) {
        // Sleep until a packet, the next audio tick or the next picture due, whichever is first.
        std::int64_t waitMs = 10;
        const std::int64_t beforeWaitMs = util::steadyNowMs();
        if (nextAudioTickMs)
            waitMs = std::min(waitMs, *nextAudioTickMs - beforeWaitMs);
        if (const auto due = renderQueue.nextDueMs())
            waitMs = std::min(waitMs, *due - beforeWaitMs);
        auto item = incoming_.pop(std::chrono::milliseconds(std::max<std::int64_t>(waitMs, 0)));
        if (!item && stopping_)
            break;
        const std::int64_t nowMs = util::steadyNowMs();
        if (item && !item->rtcp) {
            lastMediaMs_ = nowMs;
            const auto parsed = rtc::RtpPacket::parse(item->bytes);
            if (!parsed.ok())
                continue;
            rtc::RtpPacket rtp = *parsed;
            const bool retransmission = rtp.payloadType == rtc::jsep::kVp8RtxPayloadType;
            // Janus' retransmissions come as RTX (RFC 4588): back to the original packet.
            if (retransmission) {
                if (mediaSsrc == 0)
                    continue;
                auto original = rtc::unwrapRtx(rtp, rtc::jsep::kVp8PayloadType, mediaSsrc);
                if (!original.ok())
                    continue; // a padding-only probe
                rtp = std::move(*original);
            }
            if (!retransmission && rtp.payloadType == rtc::jsep::kOpusPayloadType)
                rtcp.onRtp(rtp, 48'000, item->arrivalUs);
            else if (!retransmission && rtp.payloadType == rtc::jsep::kVp8PayloadType)
                rtcp.onRtp(rtp, 90'000, item->arrivalUs);
            if (rtp.payloadType == rtc::jsep::kOpusPayloadType) {
                audioSsrc = rtp.ssrc;
                const std::int64_t seq = audioUnwrapper.unwrap(rtp.sequenceNumber);
                // What is heard is the jitter buffer's call (the playout ticks
                // below); the figures here are the wire's: what was missing.
                // The buffer keys packets by timestamp in exact 20 ms steps; our
                // publishers stamp capture time, a little off the grid, so
                // snap to it (a real pause, e.g. DTX, still shows as a jump).
                if (!audioFirstTimestamp)
                    audioFirstTimestamp = rtp.timestamp;
                const auto offset = static_cast<std::int32_t>(rtp.timestamp - *audioFirstTimestamp);
                const auto steps = static_cast<std::int32_t>(
                    std::lround(static_cast<double>(offset) / rtc::AudioJitterBuffer::kTimestampsPerPacket));
                const std::uint32_t snapped =
                    *audioFirstTimestamp
                    + static_cast<std::uint32_t>(steps) * rtc::AudioJitterBuffer::kTimestampsPerPacket;
                audioSentTimestamps[snapped] = rtp.timestamp;
                while (audioSentTimestamps.size() > jitterConfig.maxPackets)
                    audioSentTimestamps.erase(audioSentTimestamps.begin());
                jitter.insert(rtp.sequenceNumber, snapped, rtp.payload, nowMs);
                if (!nextAudioTickMs)
                    nextAudioTickMs = nowMs;
                std::uint64_t concealedFrames = 0;
                if (!audioFirst)
                    audioFirst = seq;
                if (audioHighest && seq <= *audioHighest)
                    continue; // late or duplicate: its slot was already concealed
                if (audioHighest && seq > *audioHighest + 1) {
                    // Missing packets: the first can be rebuilt from this one's FEC, the rest need concealment.
                    concealedFrames = static_cast<std::uint64_t>(seq - *audioHighest - 2);
                }
                audioHighest = seq;
                const std::lock_guard lock(statsMutex_);
                auto& a = stats_.audio;
                ++a.packets;
                a.lost = static_cast<std::uint64_t>(*audioHighest - *audioFirst + 1) - a.packets;
                a.concealedMs += concealedFrames * kAudioFrameMs;
                a.longestGapMs = std::max<std::uint64_t>(a.longestGapMs, concealedFrames * kAudioFrameMs);
                if (concealedFrames * kAudioFrameMs > 60)
                    a.longGapsMs += concealedFrames * kAudioFrameMs;
                a.spanMs = static_cast<std::uint64_t>(*audioHighest - *audioFirst + 1) * kAudioFrameMs;
            } else if (rtp.payloadType == rtc::jsep::kVp8PayloadType) {
                mediaSsrc = rtp.ssrc;
                const std::int64_t seq = videoUnwrapper.unwrap(rtp.sequenceNumber);
                if (!videoFirst)
                    videoFirst = seq;
                videoHighest = std::max(videoHighest.value_or(seq), seq);
                if (videoSeen.insert(seq).second)
                    ++videoDistinct;
                while (videoSeen.size() > 4096)
                    videoSeen.erase(videoSeen.begin());
                if (nacks.onPacket(rtp.sequenceNumber, nowMs, startsKeyframe(rtp.payload))
                    == rtc::NackGenerator::Arrival::Recovered) {
                    rtcp.onRecovered(rtp.sequenceNumber, nowMs);
                    if (const auto rtt = rtcp.rttMs()) {
                        nacks.setRttMs(std::max(*rtt + 20, kJanusNackRepeatFloorMs + 20));
                        frames.setRttMs(*rtt);
                    }
                }
                auto inserted = assembler.insert(rtp, item->arrivalUs);
                if (inserted.frame)
                    frames.insert(std::move(*inserted.frame), nowMs);
                const std::lock_guard lock(statsMutex_);
                ++stats_.video.packets;
            }
        } else if (item && item->rtcp) {
            // Janus' SRs: echoed in our RRs (its RTT, hence its NACK buffer) and pin each stream's RTP clock for A/V
            // sync.
            for (const auto& sr : rtcp.onRtcp(item->bytes, item->arrivalUs)) {
                if (sr.ssrc == mediaSsrc && mediaSsrc != 0)
                    sync.onSenderReport(rtc::AvSync::Stream::Video, sr.ntpTime, sr.rtpTimestamp);
                else if (sr.ssrc == audioSsrc && audioSsrc != 0)
                    sync.onSenderReport(rtc::AvSync::Stream::Audio, sr.ntpTime, sr.rtpTimestamp);
            }
        }
        // Audio playout: one 20 ms decision per tick of a virtual sound card.
        while (nextAudioTickMs && *nextAudioTickMs <= nowMs) {
            const std::int64_t tickMs = *nextAudioTickMs;
            *nextAudioTickMs += kAudioFrameMs;
            // Held up for long (a loaded machine): a sound card would have
            // played on without us, so skip ahead rather than catch up.
            if (nowMs - *nextAudioTickMs > kMaxPlayoutLagMs)
                nextAudioTickMs = nowMs;
            playAudio(jitter.pull(tickMs), tickMs);
        }
        for (auto& report : rtcp.dueReports(util::steadyNowUs()))
            transport_->sendRtcp(std::move(report));

        // Frames the assembler gave up on, then whatever is decodable now.
        for (const auto& incomplete : assembler.expire(nowMs * 1000))
            frames.onFrameAbandoned(incomplete, nowMs);
        for (const auto& frame : frames.poll(nowMs))
            decodeFrame(frame, nowMs);
        renderDue(util::steadyNowMs());

        // Video the slower stream: hold sound back for it (AvSync's hint),
        // stepwise, since the offset measured includes what was added so far.
        if (config_.avSyncEnabled && nowMs - lastAudioSyncStepMs >= kAudioSyncIntervalMs) {
            lastAudioSyncStepMs = nowMs;
            if (const auto offset = sync.offsetMs()) {
                if (*offset < -kAudioSyncDeadbandMs)
                    audioSyncDelayMs = std::min(
                        audioSyncDelayMs + std::min(kAudioSyncStepMs, sync.audioDelayNeededMs()), kMaxAudioSyncDelayMs);
                else if (*offset > kAudioSyncDeadbandMs)
                    audioSyncDelayMs = std::max<std::int64_t>(
                        0, audioSyncDelayMs - std::min<std::int64_t>(kAudioSyncStepMs, std::llround(*offset)));
                jitter.setExtraDelayMs(audioSyncDelayMs);
            }
        }

        if (frames.takeKeyframeRequest(nowMs))
            pliDue = true;

        // NACK and keyframe requests, on the receive thread's own clock.
        if (mediaSsrc != 0) {
            auto missing = nacks.nacksToSend(nowMs);
            if (!missing.empty()) {
                rtcp.onNacked(missing, nowMs);
                sendFeedback(rtc::Nack{rtcp.ourSsrc(), mediaSsrc, std::move(missing)});
            }
            // Still no keyframe a second after asking: the PLI or its answer was lost.
            if (waitingForKeyframe && nowMs - lastPliMs >= 1000)
                pliDue = true;
            if (pliDue) {
                pliDue = false;
                lastPliMs = nowMs;
                sendFeedback(rtc::Pli{rtcp.ourSsrc(), mediaSsrc});
                const std::lock_guard lock(statsMutex_);
                ++stats_.video.keyframeRequests;
            }
            const std::lock_guard lock(statsMutex_);
            auto& v = stats_.video;
            v.nacked = static_cast<std::uint64_t>(nacks.counters().nacked);
            v.retransmitted = static_cast<std::uint64_t>(nacks.counters().recovered);
            if (videoFirst)
                v.lost = static_cast<std::uint64_t>(*videoHighest - *videoFirst + 1) - videoDistinct;
            v.rttMs = rtcp.rttMs().value_or(-1);
            v.framesDropped = static_cast<std::uint64_t>(frames.counters().framesDropped);
            v.nacksAbandoned = static_cast<std::uint64_t>(nacks.counters().abandoned);
            v.rtcpReportsSent = rtcp.reportsSent();
            stats_.avOffsetMs = sync.offsetMs();
            stats_.videoSyncDelayMs = config_.avSyncEnabled ? renderQueue.appliedDelayMs() : sync.videoDelayMs();
            stats_.audioSyncDelayMs = audioSyncDelayMs;
        }
    }
}

} // namespace spoke::call
