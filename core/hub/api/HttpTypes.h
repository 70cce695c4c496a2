#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <utility>
#include <vector>

namespace spoke::hub::api {

// One HTTP request as the router sees it: already framed by the server (or
// made up by a test or the fuzzer), so nothing here touches a socket.
struct HttpRequest {
    QByteArray method; // "GET", "POST", ... as sent
    QString path; // decoded path, no query: "/api/v1/cases/7"
    QMap<QString, QString> query; // decoded query items; the last of repeated keys wins
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray& lowerCaseName) const { return headers.value(lowerCaseName); }
};

// What the router answers. Bodies are JSON unless contentType says otherwise
// (the OpenAPI document is JSON too; /metrics is Prometheus text).
struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    std::vector<std::pair<QByteArray, QByteArray>> headers;

    static HttpResponse json(int status, const QJsonObject& object);
    static HttpResponse noContent();
    // docs/hub-api.md "Errors": {"error":{"code","message"}}, plus any extra
    // top-level members (the findings of a 422).
    static HttpResponse error(int status, const QString& code, const QString& message, const QJsonObject& extra = {});
};

// A client mistake or refusal, carried as a value until it becomes a
// response: parsers return it inside spoke::Expected.
struct ApiError {
    int status = 400;
    QString code;
    QString message;

    HttpResponse response() const { return HttpResponse::error(status, code, message); }
};

inline ApiError badRequest(const QString& message)
{
    return {400, QStringLiteral("bad_request"), message};
}
inline ApiError forbidden(const QString& message)
{
    return {403, QStringLiteral("forbidden"), message};
}
inline ApiError notFound(const QString& message)
{
    return {404, QStringLiteral("not_found"), message};
}
inline ApiError conflict(const QString& message)
{
    return {409, QStringLiteral("conflict"), message};
}

} // namespace spoke::hub::api
