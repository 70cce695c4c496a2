#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>
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

// A region of a file on disk sent as an answer's body (a deck, a
// recording's part). The server streams it in chunks as the socket drains,
// so memory stays flat whatever the file's size (HubServer, FileStreamer);
// behind nginx the router names it in X-Accel-Redirect instead
// (hub/api/FileRanges.h, docs/hub-deploy.md).
struct FileBody {
    QString path; // absolute
    // The same file relative to the hub's data dir ("decks/<sha256>.pdf"):
    // what follows the --accel-redirect prefix.
    QString dataPath;
    qint64 offsetBytes = 0;
    qint64 lengthBytes = 0;
    // The file's size when the answer was made. If it is shorter when the
    // server sends it, the connection is closed: the headers promised
    // lengthBytes.
    qint64 totalBytes = 0;
};

// What the router answers. Bodies are JSON unless contentType says otherwise
// (the OpenAPI document is JSON too; /metrics is Prometheus text). With
// `file`, the body is that file region and `body` stays empty.
struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    std::optional<FileBody> file;

    static HttpResponse json(int status, const QJsonObject& object);
    // 200 (or 206 for a part) whose body is `region`, streamed from disk.
    static HttpResponse fromFile(int status, FileBody region, const QByteArray& contentType);
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
