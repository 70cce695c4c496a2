#include "session/JanusConnection.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QMetaObject>
#include <QSslCertificate>
#include <QSslError>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <algorithm>
#include <utility>

namespace spoke::session {

namespace {

// How often deadlines and silence are checked; bounds the lateness of a timeout.
constexpr int kTickMs = 100;
// close() waits at most this long for Janus to confirm "destroy".
constexpr int kDestroyTimeoutMs = 2000;

QLatin1String key(const char* name)
{
    return QLatin1String(name);
}

} // namespace

void JanusConnection::SocketDeleter::operator()(QWebSocket* socket) const
{
    // The socket may be the sender of the signal being handled right now.
    socket->disconnect();
    socket->abort();
    socket->deleteLater();
}

JanusConnection::JanusConnection(Options options, QObject* parent) : QObject(parent), options_(std::move(options))
{
    clock_.start();
    tickTimer_.setInterval(kTickMs);
    connect(&tickTimer_, &QTimer::timeout, this, &JanusConnection::onTick);
    pingTimer_.setInterval(options_.pingIntervalMs);
    connect(&pingTimer_, &QTimer::timeout, this, [this] {
        if (socket_)
            socket_->ping();
    });
    keepaliveTimer_.setInterval(options_.keepaliveIntervalMs);
    connect(&keepaliveTimer_, &QTimer::timeout, this, &JanusConnection::sendKeepalive);
    reconnectTimer_.setSingleShot(true);
    connect(&reconnectTimer_, &QTimer::timeout, this, &JanusConnection::connectSocket);
}

JanusConnection::~JanusConnection()
{
    // No callbacks from a destructor: their owners may already be gone. Janus
    // drops the session itself after reclaim_session_timeout.
    socket_.reset();
}

JanusConnection::State JanusConnection::state() const
{
    affinity_.assertOwner();
    return state_;
}

quint64 JanusConnection::sessionId() const
{
    affinity_.assertOwner();
    return sessionId_;
}

void JanusConnection::setState(State state)
{
    if (state_ == state)
        return;
    state_ = state;
    Q_EMIT stateChanged(state);
}

std::optional<QString> JanusConnection::checkSignallingUrl(const QUrl& url, bool allowPlainWs)
{
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")))
        return QStringLiteral("the media server address must be a wss:// URL, e.g. wss://media.example.org:8989");
    if (scheme == QLatin1String("wss") || allowPlainWs)
        return std::nullopt;
    const QHostAddress host(url.host());
    if (url.host() == QLatin1String("localhost") || (!host.isNull() && host.isLoopback()))
        return std::nullopt;
    return QStringLiteral("refusing unencrypted ws:// to %1: use wss://, or ask for a practice session")
        .arg(url.host());
}

// The TLS settings every connect of this session uses: the system's CAs or
// only the pinned ones.
std::optional<SessionError> JanusConnection::prepareTls()
{
    tls_.reset();
    if (options_.url.scheme() != QLatin1String("wss"))
        return std::nullopt;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!options_.caCertificatesPath.isEmpty()) {
        const auto certificates = QSslCertificate::fromPath(options_.caCertificatesPath, QSsl::Pem);
        if (certificates.isEmpty())
            return SessionError{SessionErrorKind::Insecure, 0,
                                QStringLiteral("no PEM certificate could be read from the CA file %1")
                                    .arg(options_.caCertificatesPath)};
        tls.setCaCertificates(certificates);
    }
    tls_ = tls;
    return std::nullopt;
}

void JanusConnection::open()
{
    affinity_.assertOwner();
    if (state_ != State::Idle && state_ != State::Closed)
        return;
    sessionId_ = 0;
    setState(State::Connecting);
    std::optional<SessionError> refusal;
    if (auto why = checkSignallingUrl(options_.url, options_.allowPlainWs))
        refusal = SessionError{SessionErrorKind::Insecure, 0, *why};
    else
        refusal = prepareTls();
    if (refusal) {
        // Reported like any failed connect: later, never inside open().
        QMetaObject::invokeMethod(
            this, [this, error = *refusal] { loseSession(error); }, Qt::QueuedConnection);
        return;
    }
    tickTimer_.start();
    connectSocket();
}

void JanusConnection::connectSocket()
{
    socket_.reset(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest));
    QWebSocket* socket = socket_.get();
    connect(socket, &QWebSocket::connected, this, &JanusConnection::onConnected);
    connect(socket, &QWebSocket::disconnected, this, &JanusConnection::onDisconnected);
    connect(socket, &QWebSocket::textMessageReceived, this, &JanusConnection::onText);
    connect(socket, &QWebSocket::pong, this, [this] { lastHeardMs_ = nowMs(); });
    // A refused or failed connect emits only an error, never disconnected().
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] { onDisconnected(); });
    // Never ignored: a certificate that does not verify ends this connect.
    connect(socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        QStringList reasons;
        for (const QSslError& error : errors)
            reasons.append(error.errorString());
        tlsFailure_ = QStringLiteral("the certificate of %1 is not trusted: %2")
                          .arg(options_.url.host(), reasons.join(QStringLiteral("; ")));
    });
    tlsFailure_.clear();
    if (tls_)
        socket->setSslConfiguration(*tls_);
    QWebSocketHandshakeOptions handshake;
    handshake.setSubprotocols({QStringLiteral("janus-protocol")});
    lastHeardMs_ = nowMs();
    socket->open(options_.url, handshake);
}

void JanusConnection::dropSocket()
{
    pingTimer_.stop();
    keepaliveTimer_.stop();
    socket_.reset();
}

void JanusConnection::onConnected()
{
    lastHeardMs_ = nowMs();
    pingTimer_.start();
    if (state_ == State::Connecting)
        createSession();
    else if (state_ == State::Reconnecting)
        claimSession();
}

void JanusConnection::createSession()
{
    send(QJsonObject{{key("janus"), QStringLiteral("create")}}, QStringLiteral("create"), Completion::OnResult,
         [this](const Outcome& outcome) {
             if (!outcome.ok()) {
                 loseSession(*outcome.error);
                 return;
             }
             const auto id = janusId(outcome.message.data.value(key("id")));
             if (!id) {
                 loseSession({SessionErrorKind::Protocol, 0,
                              QStringLiteral("the media server created a session but sent no valid id")});
                 return;
             }
             sessionId_ = *id;
             keepaliveTimer_.start();
             setState(State::Ready);
             Q_EMIT ready(sessionId_);
         });
}

void JanusConnection::claimSession()
{
    QJsonObject claim{{key("janus"), QStringLiteral("claim")}};
    send(claim, QStringLiteral("claim"), Completion::OnResult, [this](const Outcome& outcome) {
        if (!outcome.ok()) {
            // The new socket failed too: the reconnect loop carries on.
            if (outcome.error->kind == SessionErrorKind::ConnectionLost)
                return;
            if (outcome.error->kind == SessionErrorKind::Timeout) {
                onSocketLost(QStringLiteral("the media server did not answer the claim"));
                return;
            }
            SessionError error = *outcome.error;
            error.message = QStringLiteral("could not take back the session after reconnecting: ") + error.message;
            loseSession(error);
            return;
        }
        keepaliveTimer_.start();
        setState(State::Ready);
        Q_EMIT reclaimed(sessionId_);
    });
}

void JanusConnection::sendKeepalive()
{
    if (state_ != State::Ready)
        return;
    // Failure needs no action here: a dead socket is caught by the silence check.
    send(QJsonObject{{key("janus"), QStringLiteral("keepalive")}}, QStringLiteral("keepalive"), Completion::OnAck,
         [](const Outcome&) {});
}

void JanusConnection::onDisconnected()
{
    const QString why = socket_ ? socket_->errorString() : QString();
    onSocketLost(why.isEmpty() ? QStringLiteral("the connection closed") : why);
}

void JanusConnection::onSocketLost(const QString& why)
{
    switch (state_) {
    case State::Closing: finishClose(); return;
    case State::Connecting:
        if (!tlsFailure_.isEmpty()) {
            loseSession({SessionErrorKind::Insecure, 0, tlsFailure_});
            return;
        }
        loseSession({SessionErrorKind::NotConnected, 0,
                     QStringLiteral("cannot reach the media server at %1: %2").arg(options_.url.toString(), why)});
        return;
    case State::Ready: {
        dropSocket();
        const SessionError error{SessionErrorKind::ConnectionLost, 0, why};
        transactions_.failAll(error);
        lostAtMs_ = nowMs();
        nextReconnectDelayMs_ = options_.reconnectDelayMs;
        setState(State::Reconnecting);
        Q_EMIT connectionInterrupted(error);
        scheduleReconnect();
        return;
    }
    case State::Reconnecting:
        dropSocket();
        transactions_.failAll({SessionErrorKind::ConnectionLost, 0, why});
        scheduleReconnect();
        return;
    case State::Idle:
    case State::Closed: dropSocket(); return;
    }
}

void JanusConnection::scheduleReconnect()
{
    if (nowMs() - lostAtMs_ >= options_.reconnectWindowMs) {
        loseSession({SessionErrorKind::ConnectionLost, 0,
                     QStringLiteral("could not reconnect to the media server within %1 s")
                         .arg(options_.reconnectWindowMs / 1000)});
        return;
    }
    reconnectTimer_.start(nextReconnectDelayMs_);
    nextReconnectDelayMs_ = std::min(nextReconnectDelayMs_ * 2, options_.maxReconnectDelayMs);
}

void JanusConnection::loseSession(const SessionError& reason)
{
    reconnectTimer_.stop();
    tickTimer_.stop();
    dropSocket();
    sessionId_ = 0;
    setState(State::Closed);
    transactions_.failAll(reason);
    Q_EMIT sessionLost(reason);
}

void JanusConnection::close()
{
    affinity_.assertOwner();
    if (state_ != State::Ready) {
        if (state_ != State::Closed && state_ != State::Idle)
            finishClose();
        return;
    }
    setState(State::Closing);
    send(
        QJsonObject{{key("janus"), QStringLiteral("destroy")}}, QStringLiteral("destroy"), Completion::OnResult,
        [this](const Outcome&) { finishClose(); }, kDestroyTimeoutMs);
}

void JanusConnection::finishClose()
{
    if (state_ == State::Closed)
        return;
    reconnectTimer_.stop();
    tickTimer_.stop();
    // A polite close frame; the socket is deleted right after.
    if (socket_)
        socket_->close();
    dropSocket();
    sessionId_ = 0;
    setState(State::Closed);
    transactions_.failAll({SessionErrorKind::NotConnected, 0, QStringLiteral("the connection was closed")});
    Q_EMIT closed();
}

void JanusConnection::onTick()
{
    transactions_.expire(nowMs());
    const bool socketOpen = socket_
                            && (state_ == State::Ready || state_ == State::Closing
                                || (state_ == State::Reconnecting && pingTimer_.isActive()));
    if (socketOpen && nowMs() - lastHeardMs_ > options_.silenceLimitMs) {
        onSocketLost(QStringLiteral("no answer from the media server for %1 s").arg(options_.silenceLimitMs / 1000));
    } else if (state_ == State::Connecting && socket_ && !pingTimer_.isActive()
               && nowMs() - lastHeardMs_ > options_.requestTimeoutMs) {
        onSocketLost(QStringLiteral("no connection after %1 s").arg(options_.requestTimeoutMs / 1000));
    } else if (state_ == State::Reconnecting && socket_ && !pingTimer_.isActive()
               && nowMs() - lastHeardMs_ > options_.requestTimeoutMs) {
        onSocketLost(QStringLiteral("reconnect attempt timed out"));
    }
}

void JanusConnection::onText(const QString& text)
{
    lastHeardMs_ = nowMs();
    auto parsed = parseJanusMessage(text.toUtf8());
    if (auto* failure = std::get_if<ParseFailure>(&parsed)) {
        Q_EMIT protocolWarning(QStringLiteral("ignored a message from the media server: ") + failure->message);
        return;
    }
    const JanusMessage& message = std::get<JanusMessage>(parsed);
    if (message.sessionId != 0 && sessionId_ != 0 && message.sessionId != sessionId_) {
        Q_EMIT protocolWarning(QStringLiteral("ignored a message for another session (%1)").arg(message.sessionId));
        return;
    }
    if (message.type == JanusMessageType::Timeout) {
        loseSession({SessionErrorKind::SessionGone, 0,
                     QStringLiteral("the media server ended the session after a period without keepalives")});
        return;
    }
    const bool aboutHandle = message.sender != 0 && message.type != JanusMessageType::Ack
                             && message.type != JanusMessageType::Success && message.type != JanusMessageType::Error;
    // Handle listeners (RoomState) see an event before the request callback
    // it completes runs, so the callback finds the room already updated.
    if (aboutHandle)
        Q_EMIT handleEvent(message.sender, message);
    if (!transactions_.route(message) && !aboutHandle && message.type != JanusMessageType::Ack)
        Q_EMIT protocolWarning(QStringLiteral("ignored an unexpected \"%1\" message").arg(message.typeName));
}

void JanusConnection::send(QJsonObject request, const QString& name, Completion completion, ReplyHandler handler,
                           int timeoutMs, quint64 handleId)
{
    const bool sessionLess = name == QLatin1String("create");
    const bool canSend =
        socket_ && socket_->isValid()
        && (state_ == State::Ready || state_ == State::Closing || sessionLess || name == QLatin1String("claim"));
    if (!canSend) {
        const SessionErrorKind kind =
            state_ == State::Reconnecting ? SessionErrorKind::ConnectionLost : SessionErrorKind::NotConnected;
        failLater(std::move(handler),
                  {kind, 0, QStringLiteral("\"%1\" not sent: no connection to the media server").arg(name)});
        return;
    }
    const int timeout = timeoutMs >= 0 ? timeoutMs : options_.requestTimeoutMs;
    request.insert(key("transaction"), transactions_.begin(name, completion, nowMs() + timeout, std::move(handler)));
    if (!sessionLess)
        request.insert(key("session_id"), static_cast<qint64>(sessionId_));
    if (handleId != 0)
        request.insert(key("handle_id"), static_cast<qint64>(handleId));
    socket_->sendTextMessage(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
}

void JanusConnection::failLater(ReplyHandler handler, SessionError error)
{
    // Callbacks never run inside the call that started the request.
    QMetaObject::invokeMethod(
        this,
        [handler = std::move(handler), error = std::move(error)] {
            handler(Outcome{error, {}});
        },
        Qt::QueuedConnection);
}

void JanusConnection::attach(const QString& plugin, AttachHandler handler)
{
    affinity_.assertOwner();
    QJsonObject request{{key("janus"), QStringLiteral("attach")}, {key("plugin"), plugin}};
    send(request, QStringLiteral("attach"), Completion::OnResult,
         [handler = std::move(handler)](const Outcome& outcome) {
             if (!outcome.ok()) {
                 handler(0, outcome.error);
                 return;
             }
             const auto id = janusId(outcome.message.data.value(key("id")));
             if (!id) {
                 handler(0, SessionError{SessionErrorKind::Protocol, 0,
                                         QStringLiteral("the media server attached a plugin but sent no handle id")});
                 return;
             }
             handler(*id, std::nullopt);
         });
}

void JanusConnection::detach(quint64 handleId, ReplyHandler handler)
{
    affinity_.assertOwner();
    send(QJsonObject{{key("janus"), QStringLiteral("detach")}}, QStringLiteral("detach"), Completion::OnResult,
         std::move(handler), -1, handleId);
}

void JanusConnection::sendMessage(quint64 handleId, const QJsonObject& body, const std::optional<Jsep>& jsep,
                                  ReplyHandler handler, int timeoutMs)
{
    affinity_.assertOwner();
    QJsonObject request{{key("janus"), QStringLiteral("message")}, {key("body"), body}};
    if (jsep) {
        QJsonObject object{{key("type"), jsep->type}, {key("sdp"), jsep->sdp}};
        if (!jsep->trickle)
            object.insert(key("trickle"), false);
        request.insert(key("jsep"), object);
    }
    const QString name = body.value(key("request")).toString(QStringLiteral("message"));
    send(request, name, Completion::OnResult, std::move(handler), timeoutMs, handleId);
}

void JanusConnection::trickle(quint64 handleId, const QJsonObject& candidate, ReplyHandler handler)
{
    affinity_.assertOwner();
    send(QJsonObject{{key("janus"), QStringLiteral("trickle")}, {key("candidate"), candidate}},
         QStringLiteral("trickle"), Completion::OnAck, std::move(handler), -1, handleId);
}

void JanusConnection::trickleCompleted(quint64 handleId, ReplyHandler handler)
{
    affinity_.assertOwner();
    trickle(handleId, QJsonObject{{key("completed"), true}}, std::move(handler));
}

} // namespace spoke::session
