#include "call/CallSession.h"

#include "media/MediaClock.h"
#include "media/MediaError.h"
#include "media/devices/DeviceRegistry.h"
#include "rtc/JsepBuilder.h"
#include "util/Clock.h"

#include <QMetaObject>
#include <QPointer>
#include <QRandomGenerator>

#include <algorithm>
#include <utility>

namespace spoke::call {

namespace {

constexpr int kGatherTimeoutMs = 5000;
constexpr int kReadyTimeoutMs = 15000;
constexpr int kMaxRepublishes = 3;

session::JanusConnection::Options connectionOptions(const CallOptions& call)
{
    session::JanusConnection::Options options;
    options.url = call.janusUrl;
    options.caCertificatesPath = call.caCertificatesPath;
    options.allowPlainWs = call.allowPlainWs;
    options.requestTimeoutMs = 8000;
    return options;
}

QString refusalText(session::videoroom::JoinRefusal refusal)
{
    using session::videoroom::JoinRefusal;
    switch (refusal) {
    case JoinRefusal::NotAuthorized: return QStringLiteral("not authorized (a wrong pin, or no valid token for it)");
    case JoinRefusal::NoSuchRoom: return QStringLiteral("the room does not exist on this media server");
    case JoinRefusal::FeedIdTaken: return QStringLiteral("our participant id is already in the room");
    case JoinRefusal::RoomFull: return QStringLiteral("the room is full");
    case JoinRefusal::Other: break;
    }
    return {};
}

} // namespace

CallSession::CallSession(CallOptions options, QObject* parent)
    : QObject(parent)
    , options_(std::move(options))
    , connection_(connectionOptions(options_))
{
    switches_->audioMuted = options_.startMuted;
    cameraOn_ = options_.startCameraOn;
    audioOnly_ = options_.audioOnly;
    receiveVideo_ = options_.receiveVideo;
    switches_->videoMuted = !cameraOn_ || audioOnly_;
    // Gathering and the publisher's DTLS are event-driven (the transport's
    // callbacks, queued here); these single shots only bound the wait.
    gatherTimeout_.setSingleShot(true);
    gatherTimeout_.setInterval(kGatherTimeoutMs);
    connect(&gatherTimeout_, &QTimer::timeout, this, [this] { sendPublishOffer(publishGeneration_); });
    readyTimeout_.setSingleShot(true);
    readyTimeout_.setInterval(kReadyTimeoutMs);
    connect(&readyTimeout_, &QTimer::timeout, this, [this] {
        publisherFailed_ = true; // the watchdog publishes again
    });
    watchdog_.setInterval(250);
    connect(&watchdog_, &QTimer::timeout, this, &CallSession::watchdog);
    connect(&connection_, &session::JanusConnection::ready, this, [this](quint64) {
        Q_EMIT connected();
        joinRoom();
    });
    connect(&connection_, &session::JanusConnection::connectionInterrupted, this,
            [this](const session::SessionError& why) {
                logEvent(QStringLiteral("signalling interrupted: ") + why.describe());
                Q_EMIT signallingInterrupted(why.describe());
            });
    connect(&connection_, &session::JanusConnection::reclaimed, this, [this](quint64) {
        logEvent(QStringLiteral("signalling reconnected, session claimed"));
        // Feeds that lost their media while signalling was down (or
        // whose re-subscribe failed for want of it) are made afresh
        // now, not at the next turn of the re-subscribe limit.
        std::vector<quint64> stale;
        for (const auto& [id, feed] : feeds_) {
            if (feed->msSinceMedia() > 1000)
                stale.push_back(id);
        }
        for (const quint64 id : stale) {
            dropFeed(id, QStringLiteral("no media while signalling was down"));
            lastResubscribeMs_[id] = 0;
        }
        for (auto& [id, last] : lastResubscribeMs_)
            last = 0;
        Q_EMIT signallingRestored();
    });
    connect(&connection_, &session::JanusConnection::sessionLost, this, [this](const session::SessionError& why) {
        logEvent(QStringLiteral("Janus session lost: ") + why.describe());
        Q_EMIT failed({CallFailure::Kind::SessionLost, {}, options_.room, why.describe()});
    });
    connect(&connection_, &session::JanusConnection::closed, this, [this] {
        if (stopping_)
            Q_EMIT finished();
    });
}

// Stops every receive feed and our publishing PeerConnection; shared by
// stop() and the destructor.
void CallSession::stopMedia()
{
    for (auto& [id, feed] : feeds_)
        feed->stop();
    if (screenShare_)
        screenShare_->stop();
    {
        const std::lock_guard lock(farEndMutex_);
        farEndTarget_ = nullptr;
    }
    if (playout_)
        playout_->stop();
    if (publisherTransport_)
        publisherTransport_->close();
    if (publisher_)
        publisher_->stop();
}

CallSession::~CallSession()
{
    stopMedia();
    publisherTransport_.reset();
}

// Opens the chosen speaker and starts playing the others into it. Without
// one the call goes on silent, and mediaWarning says so.
void CallSession::startPlayout()
{
    affinity_.assertOwner();
    std::unique_ptr<media::AudioSink> sink;
    std::optional<CallEvent> warning;
    try {
        if (options_.openSpeaker)
            sink = options_.openSpeaker();
        else if (!options_.speakerDeviceId.empty())
            sink = media::DeviceRegistry().openAudioOutput(options_.speakerDeviceId);
        else
            warning = CallEvent{CallEvent::Kind::NoSpeakerChosen, {}};
    } catch (const media::MediaError& error) {
        warning = CallEvent{CallEvent::Kind::SpeakerUnusable, QString::fromUtf8(error.what())};
    }
    if (!sink) {
        reportMediaEvent(warning.value_or(CallEvent{CallEvent::Kind::NoSpeakerAvailable, {}}));
        return;
    }
    AudioPlayout::Callbacks callbacks;
    callbacks.farEnd = [this](std::span<const std::int16_t> samples, int deviceLatencyMs) {
        const std::lock_guard lock(farEndMutex_);
        if (farEndTarget_)
            farEndTarget_->processFarEnd(samples, deviceLatencyMs);
    };
    // From the playout thread; queued, so it is dropped if we are gone by then.
    callbacks.stopped = [this](const std::string& why) {
        QMetaObject::invokeMethod(
            this,
            [this, why = QString::fromStdString(why)] {
                reportMediaEvent({CallEvent::Kind::SpeakerStopped, why});
            },
            Qt::QueuedConnection);
    };
    playout_ = std::make_shared<AudioPlayout>(std::move(sink), options_.playoutMixer, std::move(callbacks));
    playout_->start();
    logEvent(QStringLiteral("playing the others on ") + playout_->stats().device);
}

std::int64_t CallSession::callMs() const
{
    return util::steadyNowMs() - startMs_;
}

void CallSession::reportMediaEvent(const CallEvent& event)
{
    logEvent(QStringLiteral("media warning %1: %2").arg(QLatin1String(callEventName(event.kind)), event.detail));
    Q_EMIT mediaWarning(event);
}

void CallSession::logEvent(const QString& what)
{
    events_.push_back(QStringLiteral("%1 ms: %2").arg(callMs()).arg(what));
}

void CallSession::start()
{
    affinity_.assertOwner();
    startMs_ = util::steadyNowMs();
    clockEpochMs_ = media::MediaClock::epochSteadyMs();
    // An impairment's outages are one network drop of this client: timed from
    // the call's start in every PeerConnection, including later ones.
    for (auto* impairment : {&options_.impairment, options_.uplinkImpairment ? &*options_.uplinkImpairment : nullptr,
                             options_.downlinkImpairment ? &*options_.downlinkImpairment : nullptr}) {
        if (impairment)
            impairment->outageClockStartUs = startMs_ * 1000;
    }
    startPlayout();
    connection_.open();
    watchdog_.start();
}

void CallSession::joinRoom()
{
    affinity_.assertOwner();
    if (publisherHandle_)
        return; // a claim after a reconnect: handles and membership survived
    publisherHandle_ = std::make_unique<session::VideoRoomHandle>(connection_, this);
    auto& room = publisherHandle_->room();
    connect(&room, &session::RoomState::participantPublished, this,
            [this](const session::Participant& p) { subscribeTo(p); });
    connect(&room, &session::RoomState::participantUnpublished, this,
            [this](quint64 id) { dropFeed(id, QStringLiteral("unpublished")); });
    connect(&room, &session::RoomState::participantLeft, this,
            [this](quint64 id, const QString&) { dropFeed(id, QStringLiteral("left")); });
    publisherHandle_->attach([this](const std::optional<session::SessionError>& error) {
        if (error) {
            Q_EMIT failed({CallFailure::Kind::PluginUnavailable, {}, options_.room, error->describe()});
            return;
        }
        publisherHandle_->joinAsPublisher(publisherJoin(PublisherFeed::Camera), [this](
                                                                                    const session::Outcome& outcome) {
            if (!outcome.ok()) {
                const auto refusal = session::videoroom::classifyJoinError(*outcome.error);
                if (refusal != session::videoroom::JoinRefusal::Other) {
                    const QString detail = refusalText(refusal);
                    logEvent(QStringLiteral("room %1 refused us: %2").arg(options_.room).arg(detail));
                    Q_EMIT joinRefused(refusal, detail);
                    Q_EMIT failed({CallFailure::Kind::RoomRefused, refusal, options_.room, outcome.error->describe()});
                    return;
                }
                Q_EMIT failed({CallFailure::Kind::JoinFailed, {}, options_.room, outcome.error->describe()});
                return;
            }
            privateId_ = static_cast<quint64>(outcome.message.pluginData.value(QLatin1String("private_id")).toDouble());
            logEvent(QStringLiteral("joined room %1 as %2").arg(options_.room).arg(publisherHandle_->room().ownId()));
            Q_EMIT joined();
            for (const auto& p : publisherHandle_->room().participants()) {
                if (p.publishing)
                    subscribeTo(p);
            }
            if (options_.video || options_.audio)
                publish();
        });
    });
}

session::videoroom::JoinOptions CallSession::publisherJoin(PublisherFeed feed) const
{
    session::videoroom::JoinOptions join;
    join.room = options_.room;
    join.display = options_.display;
    join.id = feed == PublisherFeed::Camera ? options_.feedId : options_.screenFeedId;
    join.pin = options_.pin;
    join.token = options_.token;
    return join;
}

void CallSession::publish()
{
    affinity_.assertOwner();
    {
        const std::lock_guard lock(farEndMutex_);
        farEndTarget_ = nullptr;
    }
    if (publisher_) {
        lastLocal_ = publisher_->stats();
        publisher_->stop();
    }
    if (publisherTransport_) {
        publisherTransport_->close();
        const auto stats = publisherTransport_->stats();
        closedWireBytes_.sent += stats.bytesSent;
        closedWireBytes_.received += stats.bytesReceived;
    }
    publisherTransport_.reset();
    publisher_.reset();
    publisherFailed_ = false;
    publisherCandidates_.clear();
    ++publishGeneration_; // callbacks queued by the previous transport are stale
    offerSent_ = false;
    awaitingReady_ = false;
    gatherTimeout_.stop();
    readyTimeout_.stop();

    PublisherConfig config;
    config.video = options_.video;
    config.audio = options_.audio;
    config.videoDeviceId = options_.videoDeviceId;
    config.audioDeviceId = options_.audioDeviceId;
    config.audioProcessing = options_.audioProcessing;
    config.openMicrophone = options_.openMicrophone;
    config.width = options_.width;
    config.height = options_.height;
    config.fps = options_.fps;
    config.maxVideoBitrateBps = options_.maxVideoBitrateBps;
    config.tap = options_.tap;
    config.statsRecorder = options_.statsRecorder;
    config.switches = switches_;
    config.audioSsrc = QRandomGenerator::global()->generate() | 1u;
    config.videoSsrc = QRandomGenerator::global()->generate() | 1u;
    const int layers = std::clamp(options_.simulcastLayers, 1, 3);
    for (int i = 0; layers > 1 && i < layers; ++i)
        config.videoLayerSsrcs.push_back(QRandomGenerator::global()->generate() | 1u);
    publisher_ = std::make_unique<Publisher>(config);
    {
        const std::lock_guard lock(farEndMutex_);
        farEndTarget_ = publisher_.get();
    }
    for (const CallEvent& event : publisher_->deviceEvents())
        reportMediaEvent(event);

    // We offer: we control ICE, say actpass, and Janus becomes the DTLS client.
    transport::MediaTransportConfig transportConfig;
    transportConfig.ice.interfaceName = options_.iceInterface;
    transportConfig.ice.stun = options_.stun;
    transportConfig.ice.turnServers = options_.turnServers;
    transportConfig.ice.controlling = true;
    transportConfig.sendImpairment = options_.uplinkImpairment.value_or(options_.impairment);
    transport::MediaTransport::Callbacks callbacks;
    callbacks.localCandidate = [this](const std::string& candidate) {
        const std::lock_guard lock(publisherCandidatesMutex_);
        publisherCandidates_.push_back(candidate);
    };
    // Network thread: hop to ours. The transport, hence these callbacks,
    // never outlives this object (stopMedia, the destructor).
    const int generation = publishGeneration_;
    callbacks.localCandidatesDone = [this, generation] {
        QMetaObject::invokeMethod(
            this,
            [self = QPointer<CallSession>(this), generation] {
                if (self)
                    self->sendPublishOffer(generation);
            },
            Qt::QueuedConnection);
    };
    callbacks.stateChanged = [this, generation](transport::MediaTransportState state,
                                                const std::optional<transport::TransportError>&) {
        if (state == transport::MediaTransportState::Failed)
            publisherFailed_ = true;
        QMetaObject::invokeMethod(
            this,
            [self = QPointer<CallSession>(this), generation] {
                if (self)
                    self->onPublisherTransportState(generation);
            },
            Qt::QueuedConnection);
    };
    // The transport is always closed and destroyed before the publisher (see publish() and the destructor).
    callbacks.rtcp = [publisher = publisher_.get()](std::vector<std::uint8_t>&& rtcp) {
        publisher->onRtcp(std::move(rtcp));
    };
    auto made = transport::MediaTransport::create(transportConfig, std::move(callbacks));
    if (!made.ok()) {
        Q_EMIT failed({CallFailure::Kind::TransportUnavailable,
                       {},
                       options_.room,
                       QString::fromStdString(made.error().describe())});
        return;
    }
    publisherTransport_ = std::move(*made);
    publisherTransport_->start();

    publisherConfig_ = config;
    // Half trickle: the offer carries every candidate (sendPublishOffer).
    gatherTimeout_.start();
}

// Gathering done (or timed out) for the transport of `generation`.
void CallSession::sendPublishOffer(int generation)
{
    affinity_.assertOwner();
    if (generation != publishGeneration_ || offerSent_ || !publisherTransport_ || !publisherHandle_)
        return;
    offerSent_ = true;
    gatherTimeout_.stop();
    const PublisherConfig& config = publisherConfig_;
    rtc::jsep::PublisherOfferOptions offerOptions;
    offerOptions.transport = publisherTransport_->localParameters();
    {
        const std::lock_guard lock(publisherCandidatesMutex_);
        for (const auto& value : publisherCandidates_) {
            if (auto candidate = rtc::SdpCandidate::parse(value); candidate.ok())
                offerOptions.transport.candidates.push_back(*candidate);
        }
    }
    offerOptions.transport.endOfCandidates = true;
    offerOptions.sessionId = std::to_string(QRandomGenerator::global()->bounded(1u << 30));
    offerOptions.cname = options_.display.toStdString();
    offerOptions.audioSsrc = config.audioSsrc;
    offerOptions.videoSsrc = config.videoSsrc;
    offerOptions.videoRtxSsrc = config.videoSsrc + 1;
    // Simulcast the legacy way (a=ssrc-group:SIM, one FID group per
    // layer): Janus 1.1.2 maps layers by SSRC, so packets need no rid/mid
    // extension. The only extension kept is transport-cc, whose feedback
    // drives our bandwidth estimate.
    offerOptions.simulcastRids = {};
    offerOptions.videoSimulcastSsrcs = config.videoLayerSsrcs;
    for (const std::uint32_t ssrc : config.videoLayerSsrcs)
        offerOptions.videoSimulcastRtxSsrcs.push_back(ssrc ^ 0x2u);
    auto offer = rtc::jsep::buildPublisherOffer(offerOptions);
    QString videoMid;
    for (auto& media : offer.media) {
        std::erase_if(media.extmaps,
                      [](const rtc::SdpExtmap& e) { return e.id != rtc::jsep::kTransportCcExtensionId; });
        if (media.kind == "video" && media.mid)
            videoMid = QString::fromStdString(*media.mid);
    }
    session::videoroom::PublishOptions publishOptions;
    publishOptions.bitrateBps = options_.maxVideoBitrateBps;
    if (!videoMid.isEmpty())
        publishOptions.descriptions.append({videoMid, clockDescription(clockEpochMs_)});
    publisherHandle_->publish(QString::fromStdString(offer.toString()), publishOptions,
                              [this](const session::SdpResult& answer) { onPublishAnswer(answer); });
}

void CallSession::onPublishAnswer(const session::SdpResult& answer)
{
    affinity_.assertOwner();
    if (!answer.ok()) {
        Q_EMIT failed({CallFailure::Kind::PublishRefused, {}, options_.room, answer.error->describe()});
        return;
    }
    const auto sdp = rtc::SessionDescription::parse(answer.sdp.toStdString());
    if (!sdp.ok()) {
        Q_EMIT failed({CallFailure::Kind::AnswerUnusable,
                       {},
                       options_.room,
                       QStringLiteral("does not parse: ") + QString::fromStdString(sdp.error().message())});
        return;
    }
    auto remote = transport::RemoteTransportParameters::fromSdp(*sdp, true);
    if (!remote.ok()) {
        Q_EMIT failed(
            {CallFailure::Kind::AnswerUnusable, {}, options_.room, QString::fromStdString(remote.error().describe())});
        return;
    }
    publisherTransport_->setRemote(*remote);
    awaitingReady_ = true;
    readyTimeout_.start();
    onPublisherTransportState(publishGeneration_); // it may be up already
}

// The publisher's transport changed state (queued from its network thread).
void CallSession::onPublisherTransportState(int generation)
{
    affinity_.assertOwner();
    if (generation != publishGeneration_ || !awaitingReady_ || !publisherTransport_ || !publisher_)
        return;
    const auto state = publisherTransport_->state();
    if (state == transport::MediaTransportState::Ready) {
        awaitingReady_ = false;
        readyTimeout_.stop();
        publisher_->start(*publisherTransport_, startMs_);
        if (const auto pair = publisherTransport_->selectedPair())
            logEvent(QStringLiteral("publisher ICE pair: ") + QString::fromStdString(pair->describe()));
        logEvent(QStringLiteral("publishing"));
        Q_EMIT published();
    } else if (state == transport::MediaTransportState::Failed) {
        awaitingReady_ = false;
        readyTimeout_.stop();
        publisherFailed_ = true; // the watchdog publishes again
    }
}

void CallSession::subscribeTo(const session::Participant& participant)
{
    affinity_.assertOwner();
    if (stopping_ || feeds_.count(participant.id) || ownScreenFeeds_.count(participant.id))
        return;
    RemoteFeedConfig config;
    config.room = options_.room;
    config.privateId = privateId_;
    config.iceInterface = options_.iceInterface;
    config.stun = options_.stun;
    config.turnServers = options_.turnServers;
    config.pin = options_.pin;
    config.token = options_.token;
    config.receiveImpairment = options_.downlinkImpairment.value_or(options_.impairment);
    config.callStartMs = startMs_;
    config.tap = options_.tap;
    config.statsRecorder = options_.statsRecorder;
    config.playout = playout_;
    config.avSyncEnabled = options_.avSync;
    config.audioMinDelayMs = options_.audioMinDelayMs;
    config.receiveVideo = videoWanted();
    config.screenShare = isScreenShare(participant);
    auto feed = std::make_unique<RemoteFeed>(connection_, participant, config, this);
    const quint64 id = participant.id;
    connect(feed.get(), &RemoteFeed::failed, this,
            [this, id](const QString& why) { logEvent(QStringLiteral("feed %1 failed: %2").arg(id).arg(why)); });
    logEvent(QStringLiteral("subscribing to %1 (%2)").arg(participant.display).arg(id));
    feed->start();
    feeds_.emplace(id, std::move(feed));
}

void CallSession::dropFeed(quint64 id, const QString& reason)
{
    affinity_.assertOwner();
    const auto it = feeds_.find(id);
    if (it == feeds_.end())
        return;
    it->second->markGone(callMs(), reason);
    it->second->stop();
    const auto bytes = it->second->wireBytes();
    closedWireBytes_.sent += bytes.sent;
    closedWireBytes_.received += bytes.received;
    auto stats = it->second->stats();
    logEvent(QStringLiteral("%1 gone: %2").arg(stats.display, reason));
    downlinks_.erase(id);
    if (playout_)
        playout_->removeFeed(id);
    goneFeeds_.push_back(std::move(stats));
    // Deleted later: this may run inside one of the handle's own callbacks.
    it->second.release()->deleteLater();
    feeds_.erase(it);
    icePairLogged_.erase(id);
}

void CallSession::watchdog()
{
    affinity_.assertOwner();
    if (stopping_)
        return;
    std::vector<quint64> silent;
    for (const auto& [id, feed] : feeds_) {
        if (feed->msSinceMedia() > options_.mediaSilenceLimitMs)
            silent.push_back(id);
    }
    for (const quint64 id : silent) {
        dropFeed(id, QStringLiteral("no media for %1 s").arg(options_.mediaSilenceLimitMs / 1000));
        lastResubscribeMs_.try_emplace(id, 0);
    }
    // Still publishing as far as Janus knows: our subscriber PeerConnection
    // died (a lost network), so subscribe afresh, at most every 5 s, until
    // media flows again (a re-subscribe made while the network was still
    // down goes silent too, and must not be the last try).
    for (auto& [id, last] : lastResubscribeMs_) {
        const auto participant = publisherHandle_ ? publisherHandle_->room().participant(id) : std::nullopt;
        if (feeds_.count(id) || !participant || !participant->publishing || (last != 0 && callMs() - last < 5'000))
            continue;
        last = callMs();
        logEvent(QStringLiteral("subscribing to %1 again").arg(participant->display));
        subscribeTo(*participant);
    }
    steerLayers();
    logIcePairs();
    const auto wire = wireTotals();
    meter_.onTotals(callMs(), wire.sent, wire.received);
    if (publisherFailed_ && publisherHandle_ && republishes_ < kMaxRepublishes) {
        ++republishes_;
        logEvent(QStringLiteral("publisher PeerConnection failed: publishing again"));
        publisherHandle_->unpublish([this](const session::Outcome&) { publish(); });
        publisherFailed_ = false;
    }
}

// Each feed's selected ICE pair, once, in the events (whether a call went
// through a TURN relay is read there).
void CallSession::logIcePairs()
{
    for (const auto& [id, feed] : feeds_) {
        if (icePairLogged_.count(id))
            continue;
        if (const auto pair = feed->selectedIcePair()) {
            icePairLogged_.insert(id);
            logEvent(QStringLiteral("feed %1 ICE pair: %2").arg(id).arg(QString::fromStdString(pair->describe())));
        }
    }
}

void CallSession::setMuted(bool muted)
{
    affinity_.assertOwner();
    if (switches_->audioMuted.exchange(muted) != muted)
        logEvent(muted ? QStringLiteral("muted") : QStringLiteral("unmuted"));
}

void CallSession::setCameraOn(bool on)
{
    affinity_.assertOwner();
    if (std::exchange(cameraOn_, on) != on)
        logEvent(on ? QStringLiteral("camera on") : QStringLiteral("camera off"));
    applySendSwitches();
}

bool CallSession::muted() const
{
    return switches_->audioMuted;
}

bool CallSession::cameraOn() const
{
    affinity_.assertOwner();
    return cameraOn_;
}

// Audio only holds the camera's pictures back the way camera off does:
// before the encoder, so turning either back on needs no keyframe request.
void CallSession::applySendSwitches()
{
    switches_->videoMuted = !cameraOn_ || audioOnly_;
}

void CallSession::setAudioOnly(bool on)
{
    affinity_.assertOwner();
    if (std::exchange(audioOnly_, on) == on)
        return;
    logEvent(on ? QStringLiteral("audio only") : QStringLiteral("audio and video"));
    applySendSwitches();
    applyVideoReception();
}

void CallSession::setReceiveVideo(bool on)
{
    affinity_.assertOwner();
    if (std::exchange(receiveVideo_, on) == on)
        return;
    logEvent(on ? QStringLiteral("receiving video by choice") : QStringLiteral("not receiving video by choice"));
    applyVideoReception();
}

bool CallSession::audioOnly() const
{
    affinity_.assertOwner();
    return audioOnly_;
}

bool CallSession::receiveVideo() const
{
    affinity_.assertOwner();
    return receiveVideo_;
}

// The user's choice over every feed. Back on, each feed restarts at the
// lowest substream with a fresh layer selector: what the link carried
// before says little about it now.
void CallSession::applyVideoReception()
{
    const bool on = videoWanted();
    for (const auto& [id, feed] : feeds_) {
        if (feed->videoReceiving() != on)
            feed->setVideoReceiving(on, on ? 0 : -1);
    }
    downlinks_.clear();
}

RemoteFeed::WireBytes CallSession::wireTotals() const
{
    affinity_.assertOwner();
    RemoteFeed::WireBytes total = closedWireBytes_;
    if (screenShare_) {
        const auto bytes = screenShare_->wireBytes();
        total.sent += bytes.sent;
        total.received += bytes.received;
    }
    if (publisherTransport_) {
        const auto stats = publisherTransport_->stats();
        total.sent += stats.bytesSent;
        total.received += stats.bytesReceived;
    }
    for (const auto& [id, feed] : feeds_) {
        const auto bytes = feed->wireBytes();
        total.sent += bytes.sent;
        total.received += bytes.received;
    }
    return total;
}

CallStats CallSession::stats() const
{
    CallStats stats;
    stats.startedSteadyMs = startMs_;
    stats.local = publisher_ ? publisher_->stats() : lastLocal_;
    stats.remote = goneFeeds_;
    for (const auto& [id, feed] : feeds_)
        stats.remote.push_back(feed->stats());
    if (playout_)
        stats.playout = playout_->stats();
    stats.events = events_;
    stats.screenShare = lastScreenStats_;
    if (screenShare_) {
        stats.screenShare->local = screenShare_->stats();
        stats.screenShare->bytesSent = screenShare_->wireBytes().sent;
    }
    // Totals read now (the meter's last reading may be 250 ms old); the
    // rate from the meter's window.
    const auto wire = wireTotals();
    stats.bytesSent = std::max<std::uint64_t>(wire.sent, meter_.bytesSent());
    stats.bytesReceived = std::max<std::uint64_t>(wire.received, meter_.bytesReceived());
    stats.sendBps = meter_.sendBps();
    stats.receiveBps = meter_.receiveBps();
    return stats;
}

void CallSession::stop()
{
    affinity_.assertOwner();
    if (stopping_)
        return;
    stopping_ = true;
    watchdog_.stop();
    gatherTimeout_.stop();
    readyTimeout_.stop();
    lastLocal_ = publisher_ ? publisher_->stats() : lastLocal_;
    closeScreenShare();
    stopMedia();
    // A connection already lost (refused, untrusted) has no session to close
    // and will not say closed(): finish without waiting for it.
    const auto state = connection_.state();
    const bool nothingToClose =
        state == session::JanusConnection::State::Closed || state == session::JanusConnection::State::Idle;
    connection_.close();
    if (nothingToClose)
        QMetaObject::invokeMethod(this, &CallSession::finished, Qt::QueuedConnection);
}

// The share gets its own handle, joined as the camera's is (publisherJoin),
// and its own PeerConnection on the uplink the camera uses.
void CallSession::startScreenShare(const std::string& deviceId)
{
    affinity_.assertOwner();
    if (stopping_ || !publisherHandle_ || publisherHandle_->room().ownId() == 0) {
        logEvent(QStringLiteral("screen share not started: not in the room yet"));
        Q_EMIT screenShareStopped(QStringLiteral("not in the room yet"));
        return;
    }
    closeScreenShare();
    ScreenShareConfig config;
    config.deviceId = deviceId;
    config.width = options_.screenWidth;
    config.height = options_.screenHeight;
    config.fps = options_.screenFps;
    config.maxBitrateBps = options_.screenMaxBitrateBps;
    config.iceInterface = options_.iceInterface;
    config.stun = options_.stun;
    config.turnServers = options_.turnServers;
    config.sendImpairment = options_.uplinkImpairment.value_or(options_.impairment);
    config.callStartMs = startMs_;
    config.clockEpochMs = clockEpochMs_;
    config.cname = options_.display;
    screenShare_ = std::make_unique<ScreenShare>(connection_, config, publisherJoin(PublisherFeed::Screen), this);
    lastScreenStats_ = ScreenShareStats{QString::fromStdString(deviceId), callMs(), -1, {}, 0};
    ScreenShare* share = screenShare_.get();
    connect(share, &ScreenShare::joined, this, [this](quint64 id) {
        ownScreenFeeds_.insert(id);
        dropFeed(id, QStringLiteral("our own screen share")); // in case its "publishers" event came first
    });
    connect(share, &ScreenShare::live, this, [this] {
        logEvent(QStringLiteral("sharing the screen (%1)").arg(QString::fromStdString(screenDeviceId_)));
        Q_EMIT screenShareStarted();
    });
    connect(share, &ScreenShare::failed, this, [this, share](const QString& why) {
        logEvent(QStringLiteral("screen share failed: ") + why);
        // Queued: closing deletes the share, whose handle is calling us now.
        QMetaObject::invokeMethod(
            this,
            [this, share, why] {
                if (screenShare_.get() != share)
                    return; // already replaced or closed
                closeScreenShare();
                Q_EMIT screenShareStopped(why);
            },
            Qt::QueuedConnection);
    });
    screenDeviceId_ = deviceId;
    logEvent(QStringLiteral("starting a screen share of %1").arg(QString::fromStdString(deviceId)));
    share->start();
}

void CallSession::stopScreenShare()
{
    affinity_.assertOwner();
    if (!screenShare_)
        return;
    closeScreenShare();
    logEvent(QStringLiteral("screen share stopped"));
    Q_EMIT screenShareStopped(QString());
}

bool CallSession::screenSharing() const
{
    affinity_.assertOwner();
    return screenShare_ && screenShare_->state() == ScreenShare::State::Live;
}

// Stops the share and keeps its last figures and bytes; the object goes
// later, as it may be inside one of its own handle's callbacks.
void CallSession::closeScreenShare()
{
    if (!screenShare_)
        return;
    screenShare_->stop();
    const auto bytes = screenShare_->wireBytes();
    closedWireBytes_.sent += bytes.sent;
    closedWireBytes_.received += bytes.received;
    if (lastScreenStats_) {
        lastScreenStats_->local = screenShare_->stats();
        lastScreenStats_->bytesSent = bytes.sent;
        lastScreenStats_->stoppedAtMs = callMs();
    }
    screenShare_.release()->deleteLater();
}

} // namespace spoke::call
