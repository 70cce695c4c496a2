#include "hub/janus/MediaConfig.h"

#include <QFile>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>

#include <algorithm>

namespace spoke::hub::janus {

namespace {

bool isNameText(const QString& text, qsizetype maxChars)
{
    static const QRegularExpression kName(QStringLiteral("^[A-Za-z0-9._-]+$"));
    return !text.isEmpty() && text.size() <= maxChars && kName.match(text).hasMatch();
}

// host:port after the scheme, with an optional ?transport= for TURN.
std::optional<QString> checkIceUrl(const QString& argument, const QString& value, const QStringList& schemes,
                                   bool transportAllowed)
{
    const qsizetype colon = value.indexOf(u':');
    const QString scheme = value.left(colon);
    if (colon <= 0 || !schemes.contains(scheme))
        return QStringLiteral("%1 %2: the URL must start with %3")
            .arg(argument, value, schemes.join(QStringLiteral(": or ")) + u':');
    QString rest = value.mid(colon + 1);
    const qsizetype query = rest.indexOf(u'?');
    if (query >= 0) {
        const QString parameter = rest.mid(query + 1);
        if (!transportAllowed
            || (parameter != QLatin1String("transport=udp") && parameter != QLatin1String("transport=tcp")))
            return QStringLiteral("%1 %2: the only parameter allowed is ?transport=udp or ?transport=tcp")
                .arg(argument, value);
        rest = rest.left(query);
    }
    static const QRegularExpression kHostPort(
        QStringLiteral("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:([0-9]{1,5}))?$"));
    const QRegularExpressionMatch match = kHostPort.match(rest);
    if (!match.hasMatch() || (match.hasCaptured(3) && match.captured(3).toInt() > 65535))
        return QStringLiteral("%1 %2: expected %3:HOST[:PORT]").arg(argument, value, scheme);
    return std::nullopt;
}

} // namespace

const JanusInstance* MediaConfig::instance(const QString& name) const
{
    for (const JanusInstance& candidate : janus) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

Expected<JanusInstance, QString> parseJanusArgument(const QString& value)
{
    const qsizetype equals = value.indexOf(u'=');
    const qsizetype comma = value.indexOf(u',', equals + 1);
    if (equals <= 0 || comma < 0)
        return QStringLiteral("--janus %1: expected NAME=HTTP_API_URL,PUBLIC_WS_URL, e.g. "
                              "main=http://127.0.0.1:8088/janus,wss://media.example.org:8989")
            .arg(value);
    JanusInstance instance;
    instance.name = value.left(equals);
    instance.httpApi = QUrl(value.mid(equals + 1, comma - equals - 1), QUrl::StrictMode);
    instance.publicWs = QUrl(value.mid(comma + 1), QUrl::StrictMode);
    if (!isNameText(instance.name, 64))
        return QStringLiteral("--janus %1: the name must be 1-64 of A-Z a-z 0-9 . _ -").arg(value);
    const QString http = instance.httpApi.scheme();
    if (!instance.httpApi.isValid() || (http != QLatin1String("http") && http != QLatin1String("https"))
        || instance.httpApi.host().isEmpty())
        return QStringLiteral("--janus %1: the Janus REST API URL must be http(s)://HOST:PORT/BASE_PATH").arg(value);
    const QString ws = instance.publicWs.scheme();
    if (!instance.publicWs.isValid() || (ws != QLatin1String("ws") && ws != QLatin1String("wss"))
        || instance.publicWs.host().isEmpty())
        return QStringLiteral("--janus %1: the public URL must be ws(s)://HOST:PORT").arg(value);
    return instance;
}

std::optional<QString> checkStunUrl(const QString& value)
{
    return checkIceUrl(QStringLiteral("--stun"), value, {QStringLiteral("stun"), QStringLiteral("stuns")}, false);
}

std::optional<QString> checkTurnUrl(const QString& value)
{
    return checkIceUrl(QStringLiteral("--turn"), value, {QStringLiteral("turn"), QStringLiteral("turns")}, true);
}

Expected<qint64, QString> parseTurnTtl(const QString& value)
{
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    // At least a minute (a client needs time to use it), at most a week.
    if (!ok || seconds < 60 || seconds > 7 * 86'400)
        return QStringLiteral("--turn-ttl-s %1: expected whole seconds from 60 to 604800").arg(value);
    return seconds;
}

Expected<QByteArray, QString> readSecretFile(const QString& argument, const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("%1 %2: cannot read it: %3").arg(argument, path, file.errorString());
    QByteArray secret = file.read(4096);
    while (secret.endsWith('\n') || secret.endsWith('\r'))
        secret.chop(1);
    if (secret.isEmpty())
        return QStringLiteral("%1 %2: the file is empty").arg(argument, path);
    return secret;
}

TurnCredential turnCredential(const QByteArray& secret, qint64 accountId, qint64 nowMs, qint64 ttlS)
{
    const qint64 expiresS = nowMs / 1000 + ttlS;
    TurnCredential credential;
    credential.username = QStringLiteral("%1:%2").arg(expiresS).arg(accountId);
    credential.credential = QString::fromLatin1(
        QMessageAuthenticationCode::hash(credential.username.toUtf8(), secret, QCryptographicHash::Sha1).toBase64());
    credential.expiresMs = expiresS * 1000;
    return credential;
}

QJsonArray iceServersJson(const MediaConfig& config, const std::optional<TurnCredential>& credential)
{
    QJsonArray servers;
    if (!config.stunUrls.isEmpty())
        servers.append(QJsonObject{{QStringLiteral("urls"), QJsonArray::fromStringList(config.stunUrls)}});
    if (!config.turnUrls.isEmpty() && credential)
        servers.append(QJsonObject{{QStringLiteral("urls"), QJsonArray::fromStringList(config.turnUrls)},
                                   {QStringLiteral("username"), credential->username},
                                   {QStringLiteral("credential"), credential->credential}});
    return servers;
}

const JanusInstance* chooseInstance(const std::vector<JanusInstance>& instances, const QMap<QString, int>& liveRooms)
{
    const JanusInstance* best = nullptr;
    int bestRooms = 0;
    for (const JanusInstance& instance : instances) {
        const int rooms = liveRooms.value(instance.name, 0);
        if (!best || rooms < bestRooms) {
            best = &instance;
            bestRooms = rooms;
        }
    }
    return best;
}

FeedIds feedIdsFor(qint64 accountId, int slot)
{
    const qint64 camera = accountId * kFeedsPerAccount + 2 * qint64(slot);
    return {camera, camera + 1};
}

std::optional<FeedOwner> ownerOfFeed(qint64 feedId)
{
    if (feedId < kFeedsPerAccount)
        return std::nullopt;
    const qint64 within = feedId % kFeedsPerAccount;
    return FeedOwner{feedId / kFeedsPerAccount, int(within / 2), within % 2 == 1};
}

qint64 recorderFeedId(int part)
{
    return 1 + qint64(std::max(part, 1) - 1) % (kFeedsPerAccount - 1);
}

bool isValidDeviceId(const QString& deviceId)
{
    return isNameText(deviceId, 64);
}

} // namespace spoke::hub::janus
