#include "sync/JoinInfo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

#include <cmath>
#include <optional>

namespace spoke::sync {

namespace {

// Strings from the hub are bounded: a pin, a token or a name longer than
// this is not one the hub made.
constexpr qsizetype kMaxStringChars = 512;

SyncError badField(const QString& path, const char* problem)
{
    return SyncError{SyncErrorKind::BadResponse, 0, {}, path + QLatin1Char(' ') + QLatin1String(problem)};
}

// Reads one object's fields; the first problem wins and names its path.
class Reader {
public:
    Reader(QJsonObject object, QString where) : object_(std::move(object)), where_(std::move(where)) { }

    QString path(const char* key) const { return where_ + QLatin1Char('.') + QLatin1String(key); }

    std::uint64_t positive(const char* key)
    {
        const QJsonValue value = object_.value(QLatin1String(key));
        // Janus ids are JSON numbers: whole, and exact in a double (2^53).
        const double number = value.toDouble(std::nan(""));
        if (value.isUndefined() || value.isNull())
            fail(key, "is missing");
        else if (!value.isDouble() || !std::isfinite(number) || std::trunc(number) != number)
            fail(key, "is not a whole number");
        else if (number < 1 || number > 9007199254740992.0)
            fail(key, "is out of range");
        else
            return static_cast<std::uint64_t>(number);
        return 0;
    }
    std::int64_t nonNegative(const char* key)
    {
        const QJsonValue value = object_.value(QLatin1String(key));
        if (value.isDouble() && value.toDouble() == 0)
            return 0;
        return static_cast<std::int64_t>(positive(key));
    }
    QString string(const char* key, bool allowEmpty = false)
    {
        const QJsonValue value = object_.value(QLatin1String(key));
        const QString text = value.toString();
        if (value.isUndefined() || value.isNull())
            fail(key, "is missing");
        else if (!value.isString())
            fail(key, "is not a string");
        else if (text.isEmpty() && !allowEmpty)
            fail(key, "is empty");
        else if (text.size() > kMaxStringChars)
            fail(key, "is too long");
        else
            return text;
        return {};
    }
    QJsonObject object(const char* key)
    {
        const QJsonValue value = object_.value(QLatin1String(key));
        if (!value.isObject())
            fail(key, value.isUndefined() ? "is missing" : "is not an object");
        return value.toObject();
    }
    QJsonArray array(const char* key)
    {
        const QJsonValue value = object_.value(QLatin1String(key));
        if (!value.isArray())
            fail(key, value.isUndefined() ? "is missing" : "is not a list");
        return value.toArray();
    }
    bool has(const char* key) const
    {
        const QJsonValue value = object_.value(QLatin1String(key));
        return !value.isUndefined() && !value.isNull();
    }

    void fail(const char* key, const char* problem)
    {
        if (!error_)
            error_ = badField(path(key), problem);
    }
    void failWith(SyncError error)
    {
        if (!error_)
            error_ = std::move(error);
    }
    bool ok() const { return !error_; }
    const SyncError& error() const { return *error_; }

private:
    QJsonObject object_;
    QString where_;
    std::optional<SyncError> error_;
};

// stun:host[:port] (RFC 7064), turn:/turns:host[:port][?transport=udp|tcp]
// (RFC 7065). Only the shape is checked here; the call engine parses them.
bool isIceUrl(const QString& url)
{
    static const QRegularExpression shape(QStringLiteral(
        R"(^(stun|stuns|turn|turns):(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?(\?transport=(udp|tcp))?$)"));
    return shape.match(url).hasMatch();
}

JoinIceServer readIceServer(Reader& parent, const QJsonValue& value, const QString& where)
{
    if (!value.isObject()) {
        parent.failWith(badField(where, "is not an object"));
        return {};
    }
    Reader f(value.toObject(), where);
    JoinIceServer server;
    const QJsonArray urls = f.array("urls");
    if (f.ok() && urls.isEmpty())
        f.fail("urls", "is empty");
    bool needsCredential = false;
    for (qsizetype i = 0; f.ok() && i < urls.size(); ++i) {
        const QString url = urls.at(i).toString();
        if (!urls.at(i).isString() || !isIceUrl(url)) {
            f.failWith(badField(f.path("urls") + QStringLiteral("[%1]").arg(i), "is not a stun: or turn: URL"));
            break;
        }
        needsCredential = needsCredential || url.startsWith(QLatin1String("turn"));
        server.urls.append(url);
    }
    // A TURN server without credentials would be refused by coturn; STUN
    // carries none.
    if (needsCredential || f.has("username") || f.has("credential")) {
        server.username = f.string("username");
        server.credential = f.string("credential");
    }
    if (!f.ok())
        parent.failWith(f.error());
    return server;
}

JoinInfo readJoin(Reader& f)
{
    JoinInfo info;
    const QString url = f.string("janus_url");
    info.janusUrl = QUrl(url, QUrl::StrictMode);
    if (f.ok()
        && (!info.janusUrl.isValid() || info.janusUrl.host().isEmpty()
            || (info.janusUrl.scheme() != QLatin1String("ws") && info.janusUrl.scheme() != QLatin1String("wss"))))
        f.fail("janus_url", "is not a ws:// or wss:// URL");
    info.room = f.positive("room");
    info.pin = f.string("pin", true);
    info.token = f.string("token");
    Reader feeds(f.object("feeds"), f.path("feeds"));
    if (f.ok()) {
        info.cameraFeedId = feeds.positive("camera");
        info.screenFeedId = feeds.positive("screen");
        if (feeds.ok() && info.cameraFeedId == info.screenFeedId)
            feeds.fail("screen", "is the camera's id");
        if (!feeds.ok())
            f.failWith(feeds.error());
    }
    info.display = f.string("display");
    info.role = f.string("role");
    const QJsonArray servers = f.array("ice_servers");
    for (qsizetype i = 0; f.ok() && i < servers.size(); ++i)
        info.iceServers.push_back(
            readIceServer(f, servers.at(i), f.path("ice_servers") + QStringLiteral("[%1]").arg(i)));
    info.expiresMs = f.nonNegative("expires_ms");
    return info;
}

} // namespace

HubExpected<JoinInfo> parseJoinInfoAnswer(const QByteArray& body)
{
    if (body.size() > kMaxAnswerBytes)
        return SyncError{SyncErrorKind::BadResponse, 0, {}, QStringLiteral("answer too large")};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return SyncError{SyncErrorKind::BadResponse, 0, {}, QStringLiteral("answer is not a JSON object")};
    Reader outer(doc.object(), QStringLiteral("answer"));
    Reader f(outer.object("join"), QStringLiteral("join"));
    if (!outer.ok())
        return outer.error();
    JoinInfo info = readJoin(f);
    if (!f.ok())
        return f.error();
    return info;
}

bool isValidDeviceId(const QString& deviceId)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return shape.match(deviceId).hasMatch();
}

HubExpected<JoinInfo> fetchJoinInfo(HubClient& client, std::int64_t sessionId, const QString& deviceId)
{
    if (!isValidDeviceId(deviceId))
        return SyncError{SyncErrorKind::BadRequest,
                         0,
                         {},
                         QStringLiteral("the device id must be 1-64 characters of A-Z a-z 0-9 . _ -")};
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("device_id"), deviceId);
    auto body = client.call("GET", QStringLiteral("api/v1/sessions/%1/join?").arg(sessionId)
                                       + query.toString(QUrl::FullyEncoded));
    if (!body)
        return body.error();
    return parseJoinInfoAnswer(*body);
}

JoinInfoRefusal classifyJoinInfoError(const SyncError& error)
{
    switch (error.kind) {
    case SyncErrorKind::NotSignedIn:
    case SyncErrorKind::Unauthenticated: return JoinInfoRefusal::NotSignedIn;
    case SyncErrorKind::Forbidden: return JoinInfoRefusal::RemovedByChair;
    case SyncErrorKind::Conflict: return JoinInfoRefusal::SessionOver;
    case SyncErrorKind::NotFound: return JoinInfoRefusal::NoSuchSession;
    case SyncErrorKind::Offline:
    case SyncErrorKind::Timeout:
    case SyncErrorKind::TlsFailure: return JoinInfoRefusal::Unreachable;
    case SyncErrorKind::Unavailable:
        // 503 is also the hub's own database down; only media_unavailable
        // says the media server is missing.
        return error.hubCode == QLatin1String("media_unavailable") ? JoinInfoRefusal::MediaUnavailable
                                                                   : JoinInfoRefusal::Other;
    default: return JoinInfoRefusal::Other;
    }
}

} // namespace spoke::sync
