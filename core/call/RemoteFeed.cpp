#include "call/RemoteFeed.h"

#include "call/receive/FeedReceiver.h"
#include "rtc/JsepBuilder.h"
#include "util/Clock.h"

#include <QJsonArray>
#include <QMetaObject>
#include <QPointer>
#include <QRandomGenerator>

#include <algorithm>
#include <limits>

namespace spoke::call {

QString clockDescription(std::int64_t epochMs)
{
    return QStringLiteral("clock=%1").arg(epochMs);
}

std::int64_t parseClockDescription(const QString& description)
{
    // "clock=N", or "screen;clock=N" on a screen share (ScreenShare.h).
    const QString clock = description.section(QLatin1Char(';'), -1);
    if (!clock.startsWith(QLatin1String("clock=")))
        return -1;
    bool ok = false;
    const qint64 value = clock.mid(6).toLongLong(&ok);
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
    published_.avSyncApplied = config_.avSyncEnabled;
    videoWanted_ = config_.receiveVideo;
    videoPaused_ = !config_.receiveVideo;
    // Half trickle waits for gathering, but never for ever.
    gatherTimeout_.setSingleShot(true);
    gatherTimeout_.setInterval(kGatherTimeoutMs);
    connect(&gatherTimeout_, &QTimer::timeout, this, &RemoteFeed::sendAnswer);
    // Janus says which simulcast substream it relays once it has switched.
    connect(&handle_, &session::VideoRoomHandle::pluginEvent, this,
            [this](const QJsonObject& data, const std::optional<session::Jsep>&) {
                if (data.contains(QLatin1String("substream"))) {
                    const std::lock_guard lock(statsMutex_);
                    layer_ = data.value(QLatin1String("substream")).toInt();
                }
            });
    queue_ = std::make_unique<util::TaskQueue>("feed-" + std::to_string(participant_.id));
}

std::uint64_t RemoteFeed::bytesReceived() const
{
    affinity_.assertOwner();
    const auto* transport = transport_.get();
    return transport ? transport->stats().bytesReceived : 0;
}

RemoteFeed::WireBytes RemoteFeed::wireBytes() const
{
    affinity_.assertOwner();
    if (!transport_)
        return {};
    const auto stats = transport_->stats();
    return {stats.bytesSent, stats.bytesReceived};
}

QString RemoteFeed::videoMid() const
{
    const auto offer = rtc::SessionDescription::parse(offerSdp_);
    if (!offer.ok())
        return {};
    for (const auto& media : offer->media) {
        if (media.kind == "video" && media.mid)
            return QString::fromStdString(*media.mid);
    }
    return {};
}

void RemoteFeed::requestSubstream(int substream)
{
    affinity_.assertOwner();
    requestedSubstream_ = substream;
    if (const QString mid = videoMid(); !mid.isEmpty())
        handle_.configureSubstream(mid, substream, -1, [](const session::Outcome&) {});
}

void RemoteFeed::setVideoReceiving(bool on, int substream)
{
    affinity_.assertOwner();
    videoWanted_ = on;
    if (on && substream >= 0)
        requestedSubstream_ = substream;
    {
        const std::lock_guard lock(statsMutex_);
        videoPaused_ = !on;
    }
    if (started_)
        sendVideoConfigure(on ? substream : -1);
}

// One `configure` for the video mid: `send` (Janus 1.1.2 stops relaying that
// stream, and on `true` resets its sequence numbers and asks the publisher
// for a keyframe, janus_videoroom.c L11221-11233) and the substream to
// resume on.
void RemoteFeed::sendVideoConfigure(int substream)
{
    const QString mid = videoMid();
    if (mid.isEmpty())
        return; // a feed without video: nothing to pause
    QJsonObject stream{{QStringLiteral("mid"), mid}, {QStringLiteral("send"), videoWanted_}};
    if (videoWanted_ && substream >= 0)
        stream.insert(QStringLiteral("substream"), substream);
    const QJsonObject body{{QStringLiteral("request"), QStringLiteral("configure")},
                           {QStringLiteral("streams"), QJsonArray{stream}}};
    handle_.request(body, [self = QPointer<RemoteFeed>(this)](const session::Outcome& outcome) {
        if (self && !outcome.ok())
            Q_EMIT self->failed(QStringLiteral("Janus refused to pause or resume the video: ")
                                + outcome.error->describe());
    });
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
        options.pin = config_.pin;
        options.token = config_.token;
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
    config.ice.stun = config_.stun;
    config.ice.turnServers = config_.turnServers;
    config.ice.controlling = false;
    config.receiveImpairment = config_.receiveImpairment;
    transport::MediaTransport::Callbacks callbacks;
    callbacks.localCandidate = [this](const std::string& candidate) {
        const std::lock_guard lock(candidatesMutex_);
        candidates_.push_back(candidate);
    };
    // Gathering done, on the network thread: answer on ours, if we still exist.
    // (The transport, hence this callback, never outlives the feed: see the destructor.)
    callbacks.localCandidatesDone = [this] {
        QMetaObject::invokeMethod(
            this,
            [self = QPointer<RemoteFeed>(this)] {
                if (self)
                    self->sendAnswer();
            },
            Qt::QueuedConnection);
    };
    callbacks.rtp = [this](std::vector<std::uint8_t>&& packet) { post(std::move(packet), false); };
    callbacks.rtcp = [this](std::vector<std::uint8_t>&& packet) { post(std::move(packet), true); };
    {
        // The impairment's clock starts with the transport (unless the call anchors it).
        const std::lock_guard lock(statsMutex_);
        transportStartedAtMs_ = util::steadyNowMs() - config_.callStartMs;
    }
    auto made = transport::MediaTransport::create(config, std::move(callbacks));
    if (!made.ok()) {
        Q_EMIT failed(QString::fromStdString(made.error().describe()));
        return;
    }
    transport_ = std::move(*made);
    startReceiver();
    transport_->setRemote(*remote);
    transport_->start();
    // Half trickle: our answer carries every candidate, so it waits for
    // gathering (a few milliseconds on one pinned interface), event-driven.
    gatherTimeout_.start();
}

// Builds the media path on the feed's queue, so every rtc/media object's
// thread assertion names that thread.
void RemoteFeed::startReceiver()
{
    receive::FeedReceiver::Config config;
    config.feedId = participant_.id;
    config.callStartMs = config_.callStartMs;
    config.senderClockEpochMs = senderClockEpochMs_;
    config.screenShare = config_.screenShare;
    config.avSyncEnabled = config_.avSyncEnabled;
    config.audioMinDelayMs = config_.audioMinDelayMs;
    config.ourSsrc = QRandomGenerator::global()->generate() | 1u;
    config.recorder = config_.statsRecorder;
    receive::FeedReceiver::Outputs outputs;
    // The transport is closed only after this queue has stopped (stop()).
    outputs.sendRtcp = [this](std::vector<std::uint8_t> packet) { transport_->sendRtcp(std::move(packet)); };
    outputs.picture = [this](const media::VideoFrame& picture) {
        if (config_.tap)
            config_.tap->remoteVideo(participant_.id, picture);
    };
    outputs.sound = [this](const media::AudioFrame& pcm) {
        if (config_.playout)
            config_.playout->push(participant_.id, pcm);
        if (config_.tap)
            config_.tap->remoteAudio(participant_.id, pcm);
    };
    outputs.outputLatencyMs = [playout = config_.playout] { return playout ? playout->outputLatencyMs() : 0; };
    queue_->post([this, config = std::move(config), outputs = std::move(outputs)] {
        receiver_ = std::make_unique<receive::FeedReceiver>(config, outputs);
        lastPublishMs_ = util::steadyNowMs();
        scheduleWake(lastPublishMs_);
    });
}

void RemoteFeed::sendAnswer()
{
    affinity_.assertOwner();
    if (answered_ || !transport_)
        return;
    answered_ = true;
    gatherTimeout_.stop();
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
        started_ = true;
        if (!videoWanted_)
            sendVideoConfigure(-1); // asked before the subscription had started
        const std::lock_guard lock(statsMutex_);
        subscribedAtMs_ = util::steadyNowMs() - config_.callStartMs;
    });
}

// Network thread: stamp the arrival and hand over; never wait.
void RemoteFeed::post(std::vector<std::uint8_t>&& bytes, bool rtcp)
{
    const std::int64_t arrivalUs = util::steadyNowUs();
    if (!rtcp)
        lastMediaMs_ = arrivalUs / 1000;
    auto task = [this, bytes = std::move(bytes), arrivalUs, rtcp] { onPacket(bytes, arrivalUs, rtcp); };
    if (!queue_->tryPost(std::move(task), kMaxQueuedPackets) && !stopping_)
        ++packetsDropped_;
}

void RemoteFeed::onPacket(const std::vector<std::uint8_t>& bytes, std::int64_t arrivalUs, bool rtcp)
{
    const std::int64_t nowUs = util::steadyNowUs();
    unpublishedPackets_ = true;
    if (rtcp)
        receiver_->onRtcp(bytes, arrivalUs);
    else
        receiver_->onRtp(bytes, arrivalUs, nowUs / 1000);
    runDue();
}

// Everything due now, then sleep until the next thing is.
void RemoteFeed::runDue()
{
    const std::int64_t nowUs = util::steadyNowUs();
    const std::int64_t nowMs = nowUs / 1000;
    receiver_->process(nowUs, util::unixNowMs() - nowMs);
    if (nowMs - lastPublishMs_ >= kPublishIntervalMs)
        publish(nowMs);
    scheduleWake(nowMs);
}

// At most one live delayed wake, at the earliest due time. TaskQueue cannot
// cancel, so a wake superseded by an earlier one still fires later, once,
// and does nothing.
void RemoteFeed::scheduleWake(std::int64_t nowMs)
{
    std::optional<std::int64_t> wakeMs = receiver_->nextWakeMs(nowMs);
    // A publish of its own only when packets changed the figures: the
    // stages' own wakes (ticks, reports) publish in passing, and a feed
    // with nothing arriving stays asleep.
    if (unpublishedPackets_)
        wakeMs =
            std::min(wakeMs.value_or(std::numeric_limits<std::int64_t>::max()), lastPublishMs_ + kPublishIntervalMs);
    if (!wakeMs)
        return; // nothing is due until a packet comes
    if (wakeScheduledMs_ && *wakeScheduledMs_ <= *wakeMs)
        return;
    wakeScheduledMs_ = wakeMs;
    queue_->postDelayed(*wakeMs - nowMs, [this, dueMs = *wakeMs] {
        if (wakeScheduledMs_ != dueMs)
            return; // superseded by an earlier wake, which has run and scheduled the next
        wakeScheduledMs_.reset();
        runDue();
    });
}

void RemoteFeed::publish(std::int64_t nowMs)
{
    lastPublishMs_ = nowMs;
    unpublishedPackets_ = false;
    RemoteStats snapshot = receiver_->snapshot();
    const std::lock_guard lock(statsMutex_);
    published_ = std::move(snapshot);
}

void RemoteFeed::stop()
{
    stopping_ = true;
    // Joins the queue's thread: after this, nothing runs on it, and its
    // last figures can be taken here.
    queue_->stop();
    if (receiver_) {
        RemoteStats snapshot = receiver_->snapshot();
        {
            const std::lock_guard lock(statsMutex_);
            published_ = std::move(snapshot);
        }
        receiver_.reset();
    }
    if (transport_)
        transport_->close();
}

std::optional<transport::SelectedPair> RemoteFeed::selectedIcePair() const
{
    affinity_.assertOwner();
    return transport_ ? transport_->selectedPair() : std::nullopt;
}

RemoteStats RemoteFeed::stats() const
{
    const std::lock_guard lock(statsMutex_);
    RemoteStats stats = published_;
    stats.display = participant_.display;
    stats.screenShare = config_.screenShare;
    stats.feedId = participant_.id;
    stats.video.layer = layer_;
    stats.videoPaused = videoPaused_;
    stats.video.packetsDroppedQueue = packetsDropped_;
    stats.subscribedAtMs = subscribedAtMs_;
    stats.transportStartedAtMs = transportStartedAtMs_;
    stats.goneAtMs = goneAtMs_;
    stats.goneReason = goneReason_;
    return stats;
}

std::int64_t RemoteFeed::msSinceMedia() const
{
    return util::steadyNowMs() - lastMediaMs_.load();
}

void RemoteFeed::markGone(std::int64_t atMs, const QString& reason)
{
    const std::lock_guard lock(statsMutex_);
    if (goneAtMs_ < 0) {
        goneAtMs_ = atMs;
        goneReason_ = reason;
    }
}

} // namespace spoke::call
