#include "call/ScreenShare.h"

#include "rtc/JsepBuilder.h"

#include <QMetaObject>
#include <QPointer>
#include <QRandomGenerator>

#include <algorithm>

namespace spoke::call {

namespace {

constexpr int kGatherTimeoutMs = 5000;
constexpr int kReadyTimeoutMs = 15000;
constexpr auto kScreenTag = QLatin1String("screen;");

} // namespace

QString screenShareDescription(std::int64_t clockEpochMs)
{
    return kScreenTag + clockDescription(clockEpochMs);
}

bool isScreenShareDescription(const QString& description)
{
    return description.startsWith(kScreenTag) || description == QLatin1String("screen");
}

bool isScreenShare(const session::Participant& participant)
{
    return std::any_of(participant.streams.begin(), participant.streams.end(), [](const session::StreamInfo& s) {
        return s.type == QLatin1String("video") && isScreenShareDescription(s.description);
    });
}

ScreenShare::ScreenShare(session::JanusConnection& connection, ScreenShareConfig config,
                         session::videoroom::JoinOptions join, QObject* parent)
    : QObject(parent)
    , config_(std::move(config))
    , join_(std::move(join))
    , handle_(std::make_unique<session::VideoRoomHandle>(connection, this))
{
    gatherTimeout_.setSingleShot(true);
    gatherTimeout_.setInterval(kGatherTimeoutMs);
    connect(&gatherTimeout_, &QTimer::timeout, this, &ScreenShare::sendOffer);
    readyTimeout_.setSingleShot(true);
    readyTimeout_.setInterval(kReadyTimeoutMs);
    connect(&readyTimeout_, &QTimer::timeout, this,
            [this] { fail(QStringLiteral("the screen share's PeerConnection did not come up")); });
}

ScreenShare::~ScreenShare()
{
    closeMedia();
}

ScreenShare::State ScreenShare::state() const
{
    affinity_.assertOwner();
    return state_;
}

quint64 ScreenShare::feedId() const
{
    affinity_.assertOwner();
    return handle_ ? handle_->room().ownId() : 0;
}

LocalStats ScreenShare::stats() const
{
    return publisher_ ? publisher_->stats() : lastStats_;
}

RemoteFeed::WireBytes ScreenShare::wireBytes() const
{
    RemoteFeed::WireBytes bytes = closedBytes_;
    if (transport_) {
        const auto stats = transport_->stats();
        bytes.sent += stats.bytesSent;
        bytes.received += stats.bytesReceived;
    }
    return bytes;
}

void ScreenShare::start()
{
    affinity_.assertOwner();
    if (state_ != State::Idle)
        return;
    state_ = State::Joining;
    handle_->attach([this](const std::optional<session::SessionError>& error) {
        if (error) {
            fail(QStringLiteral("could not attach the screen share to the VideoRoom: ") + error->describe());
            return;
        }
        joinRoom();
    });
}

void ScreenShare::joinRoom()
{
    handle_->joinAsPublisher(join_, [this](const session::Outcome& outcome) {
        if (state_ != State::Joining)
            return;
        if (!outcome.ok()) {
            fail(QStringLiteral("the screen share could not join room %1: %2")
                     .arg(join_.room)
                     .arg(outcome.error->describe()));
            return;
        }
        Q_EMIT joined(handle_->room().ownId());
        makePublisher();
    });
}

// The send side (video only, screen profile) and its PeerConnection; the
// offer goes out when gathering is done (half trickle, as the camera's).
void ScreenShare::makePublisher()
{
    state_ = State::Connecting;
    PublisherConfig config;
    config.video = true;
    config.audio = false;
    config.videoDeviceId = config_.deviceId;
    config.width = config_.width;
    config.height = config_.height;
    config.fps = config_.fps;
    config.maxVideoBitrateBps = config_.maxBitrateBps;
    config.screenContent = true;
    config.videoSsrc = QRandomGenerator::global()->generate() | 1u;
    publisher_ = std::make_unique<Publisher>(config);
    publisherConfig_ = config;

    transport::MediaTransportConfig transportConfig;
    transportConfig.ice.interfaceName = config_.iceInterface;
    transportConfig.ice.stun = config_.stun;
    transportConfig.ice.turnServers = config_.turnServers;
    transportConfig.ice.controlling = true;
    transportConfig.sendImpairment = config_.sendImpairment;
    transport::MediaTransport::Callbacks callbacks;
    callbacks.localCandidate = [this](const std::string& candidate) {
        const std::lock_guard lock(candidatesMutex_);
        candidates_.push_back(candidate);
    };
    // Network thread: hop to ours. The transport never outlives this object.
    callbacks.localCandidatesDone = [this] {
        QMetaObject::invokeMethod(
            this,
            [self = QPointer<ScreenShare>(this)] {
                if (self)
                    self->sendOffer();
            },
            Qt::QueuedConnection);
    };
    callbacks.stateChanged = [this](transport::MediaTransportState, const std::optional<transport::TransportError>&) {
        QMetaObject::invokeMethod(
            this,
            [self = QPointer<ScreenShare>(this)] {
                if (self)
                    self->onTransportState();
            },
            Qt::QueuedConnection);
    };
    // Closed and destroyed before the publisher (closeMedia).
    callbacks.rtcp = [publisher = publisher_.get()](std::vector<std::uint8_t>&& rtcp) {
        publisher->onRtcp(std::move(rtcp));
    };
    auto made = transport::MediaTransport::create(transportConfig, std::move(callbacks));
    if (!made.ok()) {
        fail(QString::fromStdString(made.error().describe()));
        return;
    }
    transport_ = std::move(*made);
    transport_->start();
    gatherTimeout_.start();
}

void ScreenShare::sendOffer()
{
    affinity_.assertOwner();
    if (state_ != State::Connecting || offerSent_ || !transport_)
        return;
    offerSent_ = true;
    gatherTimeout_.stop();
    rtc::jsep::PublisherOfferOptions offerOptions;
    offerOptions.transport = transport_->localParameters();
    {
        const std::lock_guard lock(candidatesMutex_);
        for (const auto& value : candidates_) {
            if (auto candidate = rtc::SdpCandidate::parse(value); candidate.ok())
                offerOptions.transport.candidates.push_back(*candidate);
        }
    }
    offerOptions.transport.endOfCandidates = true;
    offerOptions.sessionId = std::to_string(QRandomGenerator::global()->bounded(1u << 30));
    offerOptions.cname = config_.cname.toStdString();
    offerOptions.streamId = "spoke-screen";
    offerOptions.videoSsrc = publisherConfig_.videoSsrc;
    offerOptions.videoRtxSsrc = publisherConfig_.videoSsrc + 1;
    offerOptions.simulcastRids = {}; // one stream: no simulcast for receivers to pick from
    auto offer = rtc::jsep::buildPublisherOffer(offerOptions);
    // Video only: the builder always writes an audio m-line; drop it and its
    // BUNDLE entry. The only extension kept is transport-cc, as the camera's.
    std::erase_if(offer.media, [](const rtc::SdpMedia& media) { return media.kind != "video"; });
    QString videoMid;
    for (auto& media : offer.media) {
        std::erase_if(media.extmaps,
                      [](const rtc::SdpExtmap& e) { return e.id != rtc::jsep::kTransportCcExtensionId; });
        if (media.mid)
            videoMid = QString::fromStdString(*media.mid);
    }
    for (auto& group : offer.groups)
        std::erase_if(group.mids, [&](const std::string& mid) { return mid != videoMid.toStdString(); });
    session::videoroom::PublishOptions publishOptions;
    publishOptions.bitrateBps = config_.maxBitrateBps;
    publishOptions.videoCodec = QStringLiteral("vp8");
    publishOptions.descriptions.append({videoMid, screenShareDescription(config_.clockEpochMs)});
    handle_->publish(QString::fromStdString(offer.toString()), publishOptions,
                     [this](const session::SdpResult& answer) { onAnswer(answer); });
}

void ScreenShare::onAnswer(const session::SdpResult& answer)
{
    affinity_.assertOwner();
    if (state_ != State::Connecting)
        return;
    if (!answer.ok()) {
        fail(QStringLiteral("Janus refused the screen share: ") + answer.error->describe());
        return;
    }
    const auto sdp = rtc::SessionDescription::parse(answer.sdp.toStdString());
    if (!sdp.ok()) {
        fail(QStringLiteral("Janus' answer to the screen share does not parse: ")
             + QString::fromStdString(sdp.error().message()));
        return;
    }
    auto remote = transport::RemoteTransportParameters::fromSdp(*sdp, true);
    if (!remote.ok()) {
        fail(QString::fromStdString(remote.error().describe()));
        return;
    }
    transport_->setRemote(*remote);
    readyTimeout_.start();
    onTransportState(); // it may be up already
}

void ScreenShare::onTransportState()
{
    affinity_.assertOwner();
    if (state_ != State::Connecting || !transport_ || !offerSent_)
        return;
    const auto state = transport_->state();
    if (state == transport::MediaTransportState::Ready && readyTimeout_.isActive()) {
        readyTimeout_.stop();
        publisher_->start(*transport_, config_.callStartMs);
        state_ = State::Live;
        Q_EMIT live();
    } else if (state == transport::MediaTransportState::Failed) {
        fail(QStringLiteral("the screen share's PeerConnection failed"));
    }
}

void ScreenShare::fail(const QString& why)
{
    if (state_ == State::Stopped || state_ == State::Failed)
        return;
    state_ = State::Failed;
    closeMedia();
    Q_EMIT failed(why);
    Q_EMIT stopped();
}

void ScreenShare::closeMedia()
{
    gatherTimeout_.stop();
    readyTimeout_.stop();
    if (transport_) {
        transport_->close();
        const auto stats = transport_->stats();
        closedBytes_.sent += stats.bytesSent;
        closedBytes_.received += stats.bytesReceived;
    }
    // The publisher's send queue writes to the transport and the transport's
    // RTCP callback posts to the publisher: so the publisher stops sending
    // first (a share stopped the other way round sent RTP on a transport
    // already gone, under ASan), then the transport goes, then the publisher
    // its callbacks pointed at. CallSession::publish() keeps the same order.
    if (publisher_) {
        publisher_->stop();
        lastStats_ = publisher_->stats();
    }
    transport_.reset();
    publisher_.reset();
}

void ScreenShare::stop()
{
    affinity_.assertOwner();
    if (state_ == State::Stopped || state_ == State::Failed)
        return;
    const bool joined = state_ != State::Idle;
    state_ = State::Stopped;
    closeMedia();
    // Leaving unpublishes too; the handle goes with the reply (or with the
    // Janus session, if that ends first).
    if (joined && handle_) {
        handle_->leave([handle = QPointer<session::VideoRoomHandle>(handle_.get())](const session::Outcome&) {
            if (handle)
                handle->detach([](const session::Outcome&) {});
        });
    }
    Q_EMIT stopped();
}

} // namespace spoke::call
