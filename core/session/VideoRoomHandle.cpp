#include "session/VideoRoomHandle.h"

#include <QMetaObject>

namespace spoke::session {

namespace {

QLatin1String key(const char* name)
{
    return QLatin1String(name);
}

const QString kPlugin = QStringLiteral("janus.plugin.videoroom");

} // namespace

VideoRoomHandle::VideoRoomHandle(JanusConnection& connection, QObject* parent)
    : QObject(parent)
    , connection_(&connection)
{
    connect(&connection, &JanusConnection::handleEvent, this, &VideoRoomHandle::onHandleEvent);
}

VideoRoomHandle::~VideoRoomHandle()
{
    *alive_ = false;
}

quint64 VideoRoomHandle::handleId() const
{
    affinity_.assertOwner();
    return handleId_;
}

ReplyHandler VideoRoomHandle::guard(ReplyHandler done)
{
    return [alive = alive_, done = std::move(done)](const Outcome& outcome) {
        if (*alive)
            done(outcome);
    };
}

bool VideoRoomHandle::ensureAttached(const ReplyHandler& done)
{
    if (connection_ && handleId_ != 0)
        return true;
    const SessionError error{SessionErrorKind::NotConnected, 0,
                             QStringLiteral("the video room handle is not attached")};
    QMetaObject::invokeMethod(
        this,
        [done, error] {
            done(Outcome{error, {}});
        },
        Qt::QueuedConnection);
    return false;
}

void VideoRoomHandle::attach(std::function<void(const std::optional<SessionError>&)> done)
{
    affinity_.assertOwner();
    if (!connection_) {
        done(SessionError{SessionErrorKind::NotConnected, 0, QStringLiteral("the connection is gone")});
        return;
    }
    connection_->attach(kPlugin, [this, alive = alive_,
                                  done = std::move(done)](quint64 handleId, const std::optional<SessionError>& error) {
        if (!*alive)
            return;
        if (!error)
            handleId_ = handleId;
        done(error);
    });
}

void VideoRoomHandle::detach(ReplyHandler done)
{
    affinity_.assertOwner();
    if (!ensureAttached(done))
        return;
    const quint64 id = handleId_;
    handleId_ = 0;
    room_.clear();
    connection_->detach(id, guard(std::move(done)));
}

void VideoRoomHandle::request(const QJsonObject& body, ReplyHandler done)
{
    affinity_.assertOwner();
    if (!ensureAttached(done))
        return;
    connection_->sendMessage(handleId_, body, std::nullopt, guard(std::move(done)));
}

void VideoRoomHandle::sendWithSdp(const QJsonObject& body, const std::optional<Jsep>& jsep, SdpHandler done)
{
    auto adapt = [done](const Outcome& outcome) {
        SdpResult result;
        result.error = outcome.error;
        result.data = outcome.message.pluginData;
        if (outcome.message.jsep) {
            result.sdp = outcome.message.jsep->sdp;
            result.sdpType = outcome.message.jsep->type;
        }
        done(result);
    };
    if (!ensureAttached(adapt))
        return;
    connection_->sendMessage(handleId_, body, jsep, guard(std::move(adapt)));
}

void VideoRoomHandle::joinAsPublisher(const videoroom::JoinOptions& join, ReplyHandler done)
{
    affinity_.assertOwner();
    request(videoroom::joinPublisher(join), std::move(done));
}

void VideoRoomHandle::publish(const QString& offerSdp, const videoroom::PublishOptions& options, SdpHandler done,
                              bool candidatesInSdp)
{
    affinity_.assertOwner();
    sendWithSdp(videoroom::publish(options), Jsep{QStringLiteral("offer"), offerSdp, !candidatesInSdp},
                [done = std::move(done)](const SdpResult& result) {
                    // A publish that Janus accepted must come back with its answer.
                    if (result.ok() && result.sdpType != QLatin1String("answer")) {
                        SdpResult broken = result;
                        broken.error =
                            SessionError{SessionErrorKind::Protocol, 0,
                                         QStringLiteral("the media server accepted the offer but sent no answer")};
                        done(broken);
                        return;
                    }
                    done(result);
                });
}

void VideoRoomHandle::configure(const videoroom::PublishOptions& options, const QString& offerSdp, SdpHandler done)
{
    affinity_.assertOwner();
    std::optional<Jsep> jsep;
    if (!offerSdp.isEmpty())
        jsep = Jsep{QStringLiteral("offer"), offerSdp, false};
    sendWithSdp(videoroom::configurePublisher(options), jsep, std::move(done));
}

void VideoRoomHandle::joinAndConfigure(const videoroom::JoinOptions& join, const QString& offerSdp,
                                       const videoroom::PublishOptions& options, SdpHandler done)
{
    affinity_.assertOwner();
    sendWithSdp(videoroom::joinAndConfigure(join, options), Jsep{QStringLiteral("offer"), offerSdp, false},
                std::move(done));
}

void VideoRoomHandle::unpublish(ReplyHandler done)
{
    affinity_.assertOwner();
    request(videoroom::unpublish(), std::move(done));
}

void VideoRoomHandle::leave(ReplyHandler done)
{
    affinity_.assertOwner();
    request(videoroom::leave(), std::move(done));
}

void VideoRoomHandle::joinAsSubscriber(quint64 room, const QList<videoroom::FeedStream>& streams,
                                       const videoroom::SubscriberOptions& options, SdpHandler done)
{
    affinity_.assertOwner();
    sendWithSdp(videoroom::joinSubscriber(room, streams, options), std::nullopt,
                [done = std::move(done)](const SdpResult& result) {
                    if (result.ok() && result.sdpType != QLatin1String("offer")) {
                        SdpResult broken = result;
                        broken.error = SessionError{
                            SessionErrorKind::Protocol, 0,
                            QStringLiteral("the media server accepted the subscription but sent no offer")};
                        done(broken);
                        return;
                    }
                    done(result);
                });
}

void VideoRoomHandle::start(const QString& answerSdp, ReplyHandler done)
{
    affinity_.assertOwner();
    if (!ensureAttached(done))
        return;
    connection_->sendMessage(handleId_, videoroom::start(), Jsep{QStringLiteral("answer"), answerSdp, false},
                             guard(std::move(done)));
}

void VideoRoomHandle::subscribe(const QList<videoroom::FeedStream>& streams, SdpHandler done)
{
    affinity_.assertOwner();
    sendWithSdp(videoroom::subscribe(streams), std::nullopt, std::move(done));
}

void VideoRoomHandle::unsubscribe(const QList<videoroom::FeedStream>& streams, SdpHandler done)
{
    affinity_.assertOwner();
    sendWithSdp(videoroom::unsubscribe(streams), std::nullopt, std::move(done));
}

void VideoRoomHandle::update(const QList<videoroom::FeedStream>& subscribeTo,
                             const QList<videoroom::FeedStream>& unsubscribeFrom, SdpHandler done)
{
    affinity_.assertOwner();
    sendWithSdp(videoroom::update(subscribeTo, unsubscribeFrom), std::nullopt, std::move(done));
}

void VideoRoomHandle::configureSubstream(const QString& mid, int substream, int temporal, ReplyHandler done)
{
    affinity_.assertOwner();
    request(videoroom::configureSubscriber(mid, substream, temporal), std::move(done));
}

void VideoRoomHandle::trickle(const QString& sdpMid, int sdpMLineIndex, const QString& candidate, ReplyHandler done)
{
    affinity_.assertOwner();
    if (!ensureAttached(done))
        return;
    const QJsonObject object{
        {key("sdpMid"), sdpMid}, {key("sdpMLineIndex"), sdpMLineIndex}, {key("candidate"), candidate}};
    connection_->trickle(handleId_, object, guard(std::move(done)));
}

void VideoRoomHandle::trickleCompleted(ReplyHandler done)
{
    affinity_.assertOwner();
    if (!ensureAttached(done))
        return;
    connection_->trickleCompleted(handleId_, guard(std::move(done)));
}

void VideoRoomHandle::onHandleEvent(quint64 handleId, const JanusMessage& message)
{
    affinity_.assertOwner();
    if (handleId_ == 0 || handleId != handleId_)
        return;
    switch (message.type) {
    case JanusMessageType::Event:
        if (message.plugin == kPlugin)
            room_.apply(message.pluginData);
        Q_EMIT pluginEvent(message.pluginData, message.jsep);
        break;
    case JanusMessageType::WebrtcUp: Q_EMIT webrtcUp(); break;
    case JanusMessageType::Media:
        Q_EMIT mediaChanged(message.raw.value(key("type")).toString(), message.raw.value(key("receiving")).toBool());
        break;
    case JanusMessageType::SlowLink:
        Q_EMIT slowLink(message.raw.value(key("uplink")).toBool(), message.raw.value(key("lost")).toInt());
        break;
    case JanusMessageType::Hangup: Q_EMIT hungUp(message.raw.value(key("reason")).toString()); break;
    case JanusMessageType::Detached:
        handleId_ = 0;
        room_.clear();
        Q_EMIT detached();
        break;
    default: break;
    }
}

} // namespace spoke::session
