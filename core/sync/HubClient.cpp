#include "sync/HubClient.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace spoke::sync {

namespace {

SyncError transportError(QNetworkReply::NetworkError code, const QString& text)
{
    SyncErrorKind kind = SyncErrorKind::Offline;
    switch (code) {
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError: kind = SyncErrorKind::TlsFailure; break;
    case QNetworkReply::TimeoutError: kind = SyncErrorKind::Timeout; break;
    default: break; // refused, unreachable, closed, proxy: the hub cannot be reached now
    }
    return SyncError{kind, 0, {}, text};
}

} // namespace

HubClient::HubClient(QUrl baseUrl, int timeoutMs)
    : baseUrl_(std::move(baseUrl))
    , timeoutMs_(timeoutMs)
    , network_(std::make_unique<QNetworkAccessManager>())
{
    // One request at a time on a slow link; no cookies, no cache.
    network_->setAutoDeleteReplies(false);
}

HubClient::~HubClient() = default;

void HubClient::setProxy(const QNetworkProxy& proxy)
{
    network_->setProxy(proxy);
}

QUrl HubClient::urlFor(const QString& pathAndQuery) const
{
    QString base = baseUrl_.toString();
    if (!base.endsWith(QLatin1Char('/')))
        base += QLatin1Char('/');
    QString tail = pathAndQuery;
    while (tail.startsWith(QLatin1Char('/')))
        tail.remove(0, 1);
    return QUrl(base + tail);
}

HubExpected<HubReply> HubClient::send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                                      const QString& idempotencyKey)
{
    return exchange(method, pathAndQuery, body, idempotencyKey, "application/json", "application/json");
}

HubExpected<HubReply> HubClient::sendBytes(const QByteArray& method, const QString& pathAndQuery,
                                           const QByteArray& body, const QByteArray& contentType,
                                           const QByteArray& accept)
{
    return exchange(method, pathAndQuery, body, {}, contentType, accept);
}

HubExpected<HubReply> HubClient::exchange(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                                          const QString& idempotencyKey, const QByteArray& contentType,
                                          const QByteArray& accept)
{
    QNetworkRequest request(urlFor(pathAndQuery));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("spoke-sync"));
    request.setRawHeader("Accept", accept);
    if (!token_.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token_.toUtf8());
    if (!idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", idempotencyKey.toUtf8());
    if (!body.isEmpty() || method == "POST")
        request.setRawHeader("Content-Type", contentType);

    std::unique_ptr<QNetworkReply> reply(network_->sendCustomRequest(request, method, body));
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool timedOut = false;
    bool tooLarge = false;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply.get(), &QNetworkReply::downloadProgress, &loop, [&](qint64 received, qint64) {
        timer.start(timeoutMs_); // bytes moved: the wait starts over
        if (received > kMaxAnswerBytes) {
            tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply.get(), &QNetworkReply::uploadProgress, &loop,
                     [&](qint64, qint64) { timer.start(timeoutMs_); });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs_);
    if (!reply->isFinished())
        loop.exec();

    if (timedOut)
        return SyncError{
            SyncErrorKind::Timeout, 0, {}, QStringLiteral("nothing from the hub for %1 ms").arg(timeoutMs_)};
    if (tooLarge)
        return SyncError{SyncErrorKind::BadResponse, 0, {}, QStringLiteral("answer larger than the limit")};
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return transportError(reply->error(), reply->errorString());
    return HubReply{status.toInt(), reply->readAll()};
}

HubExpected<QByteArray> HubClient::call(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                                        const QString& idempotencyKey)
{
    auto reply = send(method, pathAndQuery, body, idempotencyKey);
    if (!reply)
        return reply.error();
    if (reply->status < 200 || reply->status > 299)
        return errorForReply(*reply);
    return std::move(reply->body);
}

SyncError errorForReply(const HubReply& reply)
{
    SyncError error;
    error.httpStatus = reply.status;
    error.hubCode = errorCodeOf(reply.body);
    switch (reply.status) {
    case 401: error.kind = SyncErrorKind::Unauthenticated; break;
    case 403: error.kind = SyncErrorKind::Forbidden; break;
    case 404: error.kind = SyncErrorKind::NotFound; break;
    case 409: error.kind = SyncErrorKind::Conflict; break;
    case 413: error.kind = SyncErrorKind::TooLarge; break;
    case 422:
        error.kind =
            error.hubCode == QLatin1String("invalid_case") ? SyncErrorKind::InvalidCase : SyncErrorKind::Findings;
        break;
    case 503: error.kind = SyncErrorKind::Unavailable; break;
    default:
        error.kind = reply.status >= 500   ? SyncErrorKind::ServerError
                     : reply.status == 408 ? SyncErrorKind::Timeout
                                           : SyncErrorKind::BadRequest;
    }
    error.detail = QStringLiteral("HTTP %1%2")
                       .arg(reply.status)
                       .arg(error.hubCode.isEmpty() ? QString() : QStringLiteral(" ") + error.hubCode);
    return error;
}

QUrl normaliseHubUrl(const QString& text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty())
        return {};
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace spoke::sync
