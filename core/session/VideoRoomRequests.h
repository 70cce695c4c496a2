#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "session/SessionError.h"

#include <optional>

// Bodies of VideoRoom requests (janus.plugin.videoroom, Janus 1.1.x
// multistream API), built in one place so their shape is unit-tested.
namespace spoke::session::videoroom {

struct JoinOptions {
    quint64 room = 0;
    QString display;
    quint64 id = 0; // 0 = let Janus choose
    QString pin; // only for rooms that have one
    QString token; // only for rooms with an allow-list
};

struct PublishOptions {
    std::optional<int> bitrateBps; // our own cap, below the room's
    std::optional<bool> record;
    QString filename; // relative to the room's rec_dir
    QString display;
    QString audioCodec; // empty = the room's choice
    QString videoCodec;
    // Optional per-mid descriptions ("camera", "slides") shown to others.
    QList<QPair<QString, QString>> descriptions;
};

// One stream to receive: a publisher's feed, optionally only one of its mids.
struct FeedStream {
    quint64 feed = 0;
    QString mid; // empty = every stream of the feed
};

struct SubscriberOptions {
    quint64 privateId = 0; // our publisher private_id, links the two handles
    bool useMsid = false;
    // A room with a pin checks it on subscribers too (Janus
    // janus_videoroom_access_room); the token is sent alike for rooms that
    // check their allow-list on every join.
    QString pin;
    QString token;
};

// Why the VideoRoom refused a join, from its error code
// (plugins/janus_videoroom.c, JANUS_VIDEOROOM_ERROR_*), so a caller can say
// what the user can do about it.
enum class JoinRefusal {
    Other, // anything else (a transport or protocol failure, another code)
    NotAuthorized, // 433: wrong pin, or a token not in the room's allow-list
    NoSuchRoom, // 426
    FeedIdTaken, // 436: our fixed publisher id is in use (joined twice?)
    RoomFull, // 432: the room's publisher limit
};
JoinRefusal classifyJoinError(const SessionError& error);
const char* toString(JoinRefusal refusal);

QJsonObject joinPublisher(const JoinOptions& join);
QJsonObject publish(const PublishOptions& options);
QJsonObject configurePublisher(const PublishOptions& options);
QJsonObject joinAndConfigure(const JoinOptions& join, const PublishOptions& options);
QJsonObject unpublish();
QJsonObject leave();

QJsonObject joinSubscriber(quint64 room, const QList<FeedStream>& streams, const SubscriberOptions& options);
QJsonObject start();
QJsonObject subscribe(const QList<FeedStream>& streams);
QJsonObject unsubscribe(const QList<FeedStream>& streams);
QJsonObject update(const QList<FeedStream>& subscribeTo, const QList<FeedStream>& unsubscribeFrom);
// Simulcast layer choice on a subscriber: substream 0-2 (resolution),
// temporal 0-2 (frame rate); -1 leaves a value unchanged.
QJsonObject configureSubscriber(const QString& mid, int substream, int temporal);

} // namespace spoke::session::videoroom
