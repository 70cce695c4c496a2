#include "session/VideoRoomRequests.h"

#include <QJsonArray>

namespace spoke::session::videoroom {

namespace {

QLatin1String key(const char* name)
{
    return QLatin1String(name);
}

QJsonObject request(const char* name)
{
    return QJsonObject{{key("request"), QString::fromLatin1(name)}};
}

void addJoinFields(QJsonObject& body, const JoinOptions& join)
{
    body.insert(key("ptype"), QStringLiteral("publisher"));
    body.insert(key("room"), static_cast<qint64>(join.room));
    if (!join.display.isEmpty())
        body.insert(key("display"), join.display);
    if (join.id != 0)
        body.insert(key("id"), static_cast<qint64>(join.id));
    if (!join.pin.isEmpty())
        body.insert(key("pin"), join.pin);
    if (!join.token.isEmpty())
        body.insert(key("token"), join.token);
}

void addPublishFields(QJsonObject& body, const PublishOptions& options)
{
    if (options.bitrateBps)
        body.insert(key("bitrate"), *options.bitrateBps);
    if (options.record)
        body.insert(key("record"), *options.record);
    if (!options.filename.isEmpty())
        body.insert(key("filename"), options.filename);
    if (!options.display.isEmpty())
        body.insert(key("display"), options.display);
    if (!options.audioCodec.isEmpty())
        body.insert(key("audiocodec"), options.audioCodec);
    if (!options.videoCodec.isEmpty())
        body.insert(key("videocodec"), options.videoCodec);
    if (!options.descriptions.isEmpty()) {
        QJsonArray descriptions;
        for (const auto& [mid, text] : options.descriptions)
            descriptions.append(QJsonObject{{key("mid"), mid}, {key("description"), text}});
        body.insert(key("descriptions"), descriptions);
    }
}

QJsonArray streamList(const QList<FeedStream>& streams)
{
    QJsonArray list;
    for (const FeedStream& stream : streams) {
        QJsonObject entry{{key("feed"), static_cast<qint64>(stream.feed)}};
        if (!stream.mid.isEmpty())
            entry.insert(key("mid"), stream.mid);
        list.append(entry);
    }
    return list;
}

} // namespace

QJsonObject joinPublisher(const JoinOptions& join)
{
    QJsonObject body = request("join");
    addJoinFields(body, join);
    return body;
}

QJsonObject publish(const PublishOptions& options)
{
    QJsonObject body = request("publish");
    addPublishFields(body, options);
    return body;
}

QJsonObject configurePublisher(const PublishOptions& options)
{
    QJsonObject body = request("configure");
    addPublishFields(body, options);
    return body;
}

QJsonObject joinAndConfigure(const JoinOptions& join, const PublishOptions& options)
{
    QJsonObject body = request("joinandconfigure");
    addJoinFields(body, join);
    addPublishFields(body, options);
    return body;
}

QJsonObject unpublish()
{
    return request("unpublish");
}

QJsonObject leave()
{
    return request("leave");
}

QJsonObject joinSubscriber(quint64 room, const QList<FeedStream>& streams, const SubscriberOptions& options)
{
    QJsonObject body = request("join");
    body.insert(key("ptype"), QStringLiteral("subscriber"));
    body.insert(key("room"), static_cast<qint64>(room));
    body.insert(key("streams"), streamList(streams));
    if (options.privateId != 0)
        body.insert(key("private_id"), static_cast<qint64>(options.privateId));
    if (options.useMsid)
        body.insert(key("use_msid"), true);
    if (!options.pin.isEmpty())
        body.insert(key("pin"), options.pin);
    if (!options.token.isEmpty())
        body.insert(key("token"), options.token);
    return body;
}

QJsonObject start()
{
    return request("start");
}

QJsonObject subscribe(const QList<FeedStream>& streams)
{
    QJsonObject body = request("subscribe");
    body.insert(key("streams"), streamList(streams));
    return body;
}

QJsonObject unsubscribe(const QList<FeedStream>& streams)
{
    QJsonObject body = request("unsubscribe");
    body.insert(key("streams"), streamList(streams));
    return body;
}

QJsonObject update(const QList<FeedStream>& subscribeTo, const QList<FeedStream>& unsubscribeFrom)
{
    QJsonObject body = request("update");
    if (!subscribeTo.isEmpty())
        body.insert(key("subscribe"), streamList(subscribeTo));
    if (!unsubscribeFrom.isEmpty())
        body.insert(key("unsubscribe"), streamList(unsubscribeFrom));
    return body;
}

QJsonObject configureSubscriber(const QString& mid, int substream, int temporal)
{
    QJsonObject body = request("configure");
    if (!mid.isEmpty())
        body.insert(key("mid"), mid);
    if (substream >= 0)
        body.insert(key("substream"), substream);
    if (temporal >= 0)
        body.insert(key("temporal"), temporal);
    return body;
}

JoinRefusal classifyJoinError(const SessionError& error)
{
    if (error.kind != SessionErrorKind::PluginError)
        return JoinRefusal::Other;
    switch (error.code) {
    case 433: return JoinRefusal::NotAuthorized;
    case 426: return JoinRefusal::NoSuchRoom;
    case 436: return JoinRefusal::FeedIdTaken;
    case 432: return JoinRefusal::RoomFull;
    default: return JoinRefusal::Other;
    }
}

const char* toString(JoinRefusal refusal)
{
    switch (refusal) {
    case JoinRefusal::Other: return "other";
    case JoinRefusal::NotAuthorized: return "not authorized";
    case JoinRefusal::NoSuchRoom: return "no such room";
    case JoinRefusal::FeedIdTaken: return "feed id taken";
    case JoinRefusal::RoomFull: return "room full";
    }
    return "unknown";
}

} // namespace spoke::session::videoroom
