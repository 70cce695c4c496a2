#include "hub/server/EventHub.h"

#include "hub/api/Metrics.h"
#include "hub/db/HubDatabase.h"
#include "hub/identity/Identity.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>

namespace spoke::hub::server {

namespace {

QString changedEvent(qint64 cursor)
{
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("event"), QStringLiteral("changed")},
                                                       {QStringLiteral("cursor"), double(cursor)}})
                                 .toJson(QJsonDocument::Compact));
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

EventHub::EventHub(HubDatabase& db, Identity& identity, api::Metrics& metrics, QObject* parent)
    : QObject(parent)
    , db_(db)
    , identity_(identity)
    , metrics_(metrics)
{
    pingTimer_.setInterval(kPingIntervalMs);
    connect(&pingTimer_, &QTimer::timeout, this, &EventHub::onPingTick);
    pingTimer_.start();
}

EventHub::~EventHub()
{
    closeAll();
}

int EventHub::signedInCount() const
{
    int count = 0;
    for (const auto& [socket, client] : clients_)
        count += client.accountId ? 1 : 0;
    return count;
}

void EventHub::adopt(std::unique_ptr<QWebSocket> owned)
{
    QWebSocket* socket = owned.release();
    socket->setParent(this);
    socket->setMaxAllowedIncomingMessageSize(kMaxIncomingMessageBytes);
    socket->setMaxAllowedIncomingFrameSize(kMaxIncomingMessageBytes);
    clients_.emplace(socket, Client{});
    updateGauge();
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { forget(socket); });
    connect(socket, &QWebSocket::pong, this, [this, socket] {
        if (auto found = clients_.find(socket); found != clients_.end())
            found->second.awaitingPong = false;
    });
    // Qt HttpServer 6.4 upgrades a WebSocket request on any path; only
    // /api/v1/events is one.
    if (socket->requestUrl().path() != QLatin1String("/api/v1/events")) {
        close(socket, kNotFoundCloseCode, QStringLiteral("no such endpoint"));
        return;
    }
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString& message) { onTextMessage(socket, message); });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this, socket] { close(socket, kUnauthenticatedCloseCode, QStringLiteral("send the token as text")); });
    QTimer::singleShot(kAuthTimeoutMs, socket, [this, socket] { onAuthTimeout(socket); });
}

void EventHub::onTextMessage(QWebSocket* socket, const QString& message)
{
    auto found = clients_.find(socket);
    if (found == clients_.end() || found->second.accountId)
        return; // after sign-in, clients have nothing to say
    const QJsonValue token = QJsonDocument::fromJson(message.toUtf8()).object().value(QStringLiteral("token"));
    std::optional<Principal> principal;
    try {
        if (token.isString())
            principal = identity_.authenticate(token.toString(), nowMs());
    } catch (const HubDbError& error) {
        qWarning("spoke-hub: event socket sign-in failed: %s", error.what());
        close(socket, 1011, QStringLiteral("the hub's database cannot be reached"));
        return;
    }
    if (!principal) {
        close(socket, kUnauthenticatedCloseCode, QStringLiteral("unauthenticated"));
        return;
    }
    Client& client = found->second;
    client.token = token.toString();
    client.accountId = principal->accountId;
    for (const Membership& membership : principal->memberships)
        client.programmes.insert(membership.programmeId);
    try {
        socket->sendTextMessage(changedEvent(db_.currentChangeSeq()));
    } catch (const HubDbError& error) {
        qWarning("spoke-hub: event socket without a first cursor: %s", error.what());
    }
}

void EventHub::onAuthTimeout(QWebSocket* socket)
{
    auto found = clients_.find(socket);
    if (found != clients_.end() && !found->second.accountId)
        close(socket, kUnauthenticatedCloseCode, QStringLiteral("no token within 10 seconds"));
}

void EventHub::onPingTick()
{
    std::vector<QWebSocket*> dead;
    for (auto& [socket, client] : clients_) {
        if (!client.accountId)
            continue;
        if (client.awaitingPong) {
            dead.push_back(socket);
            continue;
        }
        bool live = false;
        try {
            live = identity_.authenticate(client.token, nowMs()).has_value();
        } catch (const HubDbError&) {
            live = true; // an outage is not the client's fault; check again next time
        }
        if (!live) {
            dead.push_back(socket);
            continue;
        }
        client.awaitingPong = true;
        socket->ping();
    }
    for (QWebSocket* socket : dead)
        close(socket, kUnauthenticatedCloseCode, QStringLiteral("no answer to ping, or the token is no longer valid"));
}

void EventHub::notify(const std::vector<api::ProgrammeChange>& changes)
{
    if (changes.empty())
        return;
    // Each live event is serialised once, whatever the number of sockets.
    std::vector<QString> live(changes.size());
    for (std::size_t i = 0; i < changes.size(); ++i)
        if (!changes[i].event.isEmpty())
            live[i] = QString::fromUtf8(QJsonDocument(changes[i].event).toJson(QJsonDocument::Compact));
    for (auto& [socket, client] : clients_) {
        if (!client.accountId)
            continue;
        qint64 cursor = 0;
        for (std::size_t i = 0; i < changes.size(); ++i) {
            if (!client.programmes.contains(changes[i].programmeId))
                continue;
            cursor = std::max(cursor, changes[i].cursor);
            if (!live[i].isEmpty())
                socket->sendTextMessage(live[i]);
        }
        if (cursor > 0)
            socket->sendTextMessage(changedEvent(cursor));
    }
}

void EventHub::close(QWebSocket* socket, int code, const QString& reason)
{
    // The socket leaves the map at once, so it gets no more events; it is
    // deleted when its close handshake ends (or aborted if that never comes).
    clients_.erase(socket);
    updateGauge();
    socket->close(QWebSocketProtocol::CloseCode(code), reason);
    QTimer::singleShot(kAuthTimeoutMs, socket, [socket] { socket->abort(); });
}

void EventHub::forget(QWebSocket* socket)
{
    clients_.erase(socket);
    updateGauge();
    socket->deleteLater();
}

void EventHub::closeAll()
{
    const auto clients = std::move(clients_);
    clients_.clear();
    for (const auto& [socket, client] : clients) {
        socket->disconnect(this);
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("the hub is stopping"));
    }
    updateGauge();
}

void EventHub::updateGauge()
{
    metrics_.setEventSockets(int(clients_.size()));
}

} // namespace spoke::hub::server
