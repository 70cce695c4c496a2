#include "hub/server/HubServer.h"

#include "hub/janus/RoomService.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

#include <memory>

namespace spoke::hub::server {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

Expected<QSslKey, QString> readKey(const QString& keyFile)
{
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the TLS key %1: %2").arg(keyFile, file.errorString());
    const QByteArray pem = file.readAll();
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return QStringLiteral("the TLS key %1 is not an unencrypted PEM RSA or EC private key").arg(keyFile);
}

// Qt HttpServer 6.4 calls handleRequest() for a WebSocket upgrade too, and
// then hands the socket to the WebSocket server; an answer written here
// would go out before the 101. The upgrade happens when the parser saw
// `Connection: upgrade` with `Upgrade: websocket`, so the same test is used.
bool isWebSocketUpgrade(const api::HttpRequest& request)
{
    const bool connectionUpgrade = request.header("connection").toLower().split(',').contains("upgrade")
                                   || request.header("connection").toLower().trimmed() == "upgrade";
    return connectionUpgrade && request.header("upgrade").trimmed().toLower() == "websocket";
}

} // namespace

api::HttpRequest toHttpRequest(const QHttpServerRequest& request)
{
    api::HttpRequest converted;
    converted.method = methodName(request.method());
    converted.path = request.url().path(QUrl::FullyDecoded);
    for (const auto& [key, value] : QUrlQuery(request.url()).queryItems(QUrl::FullyDecoded))
        converted.query.insert(key, value);
    for (const auto& [name, value] : request.headers())
        converted.headers.insert(name.toLower(), value);
    converted.body = request.body();
    return converted;
}

HubServer::HubServer(HubDatabase& db, Identity& identity, std::FILE* requestLog, QObject* parent)
    : QAbstractHttpServer(parent)
    , router_(db, identity, metrics_)
    , events_(db, identity, metrics_)
    , signIns_(db.location(), SignInWorkers::defaultWorkers(),
               SignInWorkers::defaultWorkers() * SignInWorkers::kWaitingPerWorker)
    , db_(db)
{
    if (requestLog)
        log_.emplace(requestLog);
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (hasPendingWebSocketConnections())
            events_.adopt(nextPendingWebSocketConnection());
    });
}

HubServer::~HubServer()
{
    events_.closeAll();
}

void HubServer::useMedia(janus::MediaConfig config)
{
    rooms_ = std::make_unique<janus::RoomService>(db_, std::move(config));
}

Expected<bool, QString> HubServer::useTls(const QString& certificateFile, const QString& keyFile)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    if (chain.isEmpty())
        return QStringLiteral("no PEM certificate could be read from %1").arg(certificateFile);
    auto key = readKey(keyFile);
    if (!key)
        return key.error();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(*key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    sslSetup(configuration);
    tls_ = true;
    return true;
}

bool HubServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    Received received;
    received.timer.start();
    received.nowMs = QDateTime::currentMSecsSinceEpoch();
    api::HttpRequest converted = toHttpRequest(request);
    received.method = converted.method;
    if (isWebSocketUpgrade(converted)) {
        metrics_.recordRequest(QStringLiteral("/api/v1/events"), 101, double(received.timer.nsecsElapsed()) / 1e9);
        if (log_)
            log_->write({received.nowMs, converted.method, QStringLiteral("/api/v1/events"), 101, 0, std::nullopt});
        return true; // EventHub::adopt() gets the socket next
    }
    if (const std::optional<QString> route = router_.passwordRoute(converted)) {
        offload(std::move(converted), *route, received, socket);
        return true;
    }
    api::RouteOutcome outcome = router_.handle(converted, received.nowMs);
    if (outcome.room && rooms_) {
        runRoom(std::move(outcome), received, socket);
        return true;
    }
    answer(socket, outcome, received, std::nullopt);
    return true;
}

void HubServer::runRoom(api::RouteOutcome outcome, const Received& received, QTcpSocket* socket)
{
    const api::RoomRequest request = *outcome.room;
    outcome.room.reset();
    if (request.kind == api::RoomRequest::Kind::Destroy) {
        answer(socket, outcome, received, std::nullopt);
        rooms_->run(request, received.nowMs, {});
        return;
    }
    const std::uint64_t slot = answers_.reserve(socket);
    const QPointer<QTcpSocket> guarded(socket);
    rooms_->run(request, received.nowMs,
                [this, guarded, slot, received, outcome](api::HttpResponse response,
                                                         std::vector<api::ProgrammeChange> changes) mutable {
                    outcome.response = std::move(response);
                    outcome.changes = std::move(changes);
                    answer(guarded.data(), outcome, received, slot);
                });
}

void HubServer::missingHandler(const QHttpServerRequest&, QTcpSocket* socket)
{
    // handleRequest answers every request, so Qt never calls this; answer
    // anyway rather than leave a client waiting.
    socket->write(outgoing(api::notFound(QStringLiteral("there is no such resource")).response()).head);
}

void HubServer::drain(int timeoutMs, const std::function<void()>& then)
{
    if (draining_) {
        then();
        return;
    }
    draining_ = true;
    for (QTcpServer* listener : servers())
        listener->close();
    auto called = std::make_shared<bool>(false);
    const auto once = [then, called] {
        if (!*called) {
            *called = true;
            then();
        }
    };
    connect(&signIns_, &SignInWorkers::drained, this, once);
    QTimer::singleShot(timeoutMs, this, once);
    signIns_.stop();
}

void HubServer::offload(api::HttpRequest request, const QString& route, const Received& received, QTcpSocket* socket)
{
    const std::uint64_t slot = answers_.reserve(socket);
    const QPointer<QTcpSocket> guarded(socket);
    const bool queued = signIns_.submit(std::move(request), received.nowMs, route,
                                        [this, guarded, slot, received](const api::RouteOutcome& outcome) {
                                            answer(guarded.data(), outcome, received, slot);
                                        });
    if (queued)
        return;
    api::RouteOutcome busy;
    busy.route = route;
    busy.response = api::HttpResponse::error(
        503, QStringLiteral("unavailable"),
        draining_ ? QStringLiteral("the hub is shutting down; try again in a moment")
                  : QStringLiteral("the hub is busy signing others in; try again in a moment"));
    busy.response.headers.emplace_back("Retry-After", "1");
    answer(socket, busy, received, slot);
}

void HubServer::answer(QTcpSocket* socket, const api::RouteOutcome& outcome, const Received& received,
                       std::optional<std::uint64_t> slot)
{
    // A null socket: the client left while its sign-in ran (fill ignores it).
    if (slot)
        answers_.fill(socket, *slot, outgoing(outcome.response));
    else
        answers_.send(socket, outgoing(outcome.response));
    events_.notify(outcome.changes);
    if (changeObserver_ && !outcome.changes.empty())
        changeObserver_(outcome.changes);
    record(outcome, received);
}

void HubServer::record(const api::RouteOutcome& outcome, const Received& received)
{
    const double seconds = double(received.timer.nsecsElapsed()) / 1e9;
    metrics_.recordRequest(outcome.route, outcome.response.status, seconds);
    if (log_)
        log_->write({received.nowMs, received.method, outcome.route, outcome.response.status, seconds * 1000.0,
                     outcome.accountId});
}

} // namespace spoke::hub::server
