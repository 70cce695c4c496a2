#include "hub/server/HubServer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QUrlQuery>
#include <QWebSocket>

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
    QElapsedTimer timer;
    timer.start();
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const api::HttpRequest converted = toHttpRequest(request);
    if (isWebSocketUpgrade(converted)) {
        metrics_.recordRequest(QStringLiteral("/api/v1/events"), 101, double(timer.nsecsElapsed()) / 1e9);
        if (log_)
            log_->write({nowMs, converted.method, QStringLiteral("/api/v1/events"), 101, 0, std::nullopt});
        return true; // EventHub::adopt() gets the socket next
    }
    api::RouteOutcome outcome = router_.handle(converted, nowMs);

    QHttpServerResponder responder = makeResponder(request, socket);
    write(responder, outcome.response);
    events_.notify(outcome.changes);

    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    metrics_.recordRequest(outcome.route, outcome.response.status, seconds);
    if (log_)
        log_->write(
            {nowMs, converted.method, outcome.route, outcome.response.status, seconds * 1000.0, outcome.accountId});
    return true;
}

void HubServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    // handleRequest answers every request, so Qt never calls this; answer
    // anyway rather than leave a client waiting.
    QHttpServerResponder responder = makeResponder(request, socket);
    write(responder, api::notFound(QStringLiteral("there is no such resource")).response());
}

void HubServer::write(QHttpServerResponder& responder, const api::HttpResponse& response)
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(response.status));
    if (!response.contentType.isEmpty())
        responder.writeHeader("Content-Type", response.contentType);
    // Answers are per account and change with every write.
    responder.writeHeader("Cache-Control", "no-store");
    responder.writeHeader("X-Content-Type-Options", "nosniff");
    for (const auto& [name, value] : response.headers)
        responder.writeHeader(name, value);
    if (response.status != 204)
        responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
}

} // namespace spoke::hub::server
