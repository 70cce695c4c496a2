#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QJsonArray>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <vector>

namespace spoke::hub::janus {

// One Janus instance `spoke-hub serve --janus NAME=HTTP_API_URL,PUBLIC_WS_URL`
// names: the hub talks to its REST API (loopback or a private network), and
// clients are sent its public WebSocket URL.
struct JanusInstance {
    QString name; // 1-64 of [A-Za-z0-9._-]; stored with each room it holds
    QUrl httpApi; // http(s)://host:port/janus (the transport's base_path)
    QUrl publicWs; // ws(s)://host:port the clients connect to
};

// What the hub needs to give sessions their rooms (docs/hub-api.md, Media).
// Secrets are read from files by spoke-hub serve, never taken on the command
// line, where ps shows them to every user of the machine.
struct MediaConfig {
    std::vector<JanusInstance> janus;
    QString adminKey; // the VideoRoom plugin's admin_key: only the hub creates rooms
    QStringList stunUrls; // stun:host:port
    QStringList turnUrls; // turn:host:port?transport=udp|tcp, turns:...
    QByteArray turnSecret; // coturn's static-auth-secret (use-auth-secret)
    qint64 turnTtlS = kDefaultTurnTtlS;

    // A session runs 60-120 min; 6 h covers a late join plus reconnects
    // without handing out a credential that lasts for days.
    static constexpr qint64 kDefaultTurnTtlS = 6 * 3600;

    bool enabled() const { return !janus.empty(); }
    const JanusInstance* instance(const QString& name) const;
};

// Parsers for serve's arguments; an error names the argument and the value.
Expected<JanusInstance, QString> parseJanusArgument(const QString& value);
// What is wrong with a --stun or --turn URL (RFC 7064, RFC 7065), or none.
std::optional<QString> checkStunUrl(const QString& value);
std::optional<QString> checkTurnUrl(const QString& value);
Expected<qint64, QString> parseTurnTtl(const QString& value);
// The secret in a file: its content without the trailing newline; an error
// for an unreadable or empty file.
Expected<QByteArray, QString> readSecretFile(const QString& argument, const QString& path);

// coturn's REST API credentials (coturn's README.turnserver, "TURN REST API";
// draft-uberti-behave-turn-rest-00): username "EXPIRY_UNIX_S:ACCOUNT_ID",
// credential base64(HMAC-SHA1(shared secret, username)). coturn accepts the
// pair until EXPIRY without asking anyone.
struct TurnCredential {
    QString username;
    QString credential;
    qint64 expiresMs = 0;
};
TurnCredential turnCredential(const QByteArray& secret, qint64 accountId, qint64 nowMs, qint64 ttlS);

// The contract's ice_servers: one entry with every STUN URL, one with every
// TURN URL and the credential (omitted when there is no TURN).
QJsonArray iceServersJson(const MediaConfig& config, const std::optional<TurnCredential>& credential);

// The instance a new room goes to: the one with the fewest live rooms
// (`liveRooms` by instance name; absent means none), the first named on a
// tie, so that a new instance fills up first and rooms spread evenly.
const JanusInstance* chooseInstance(const std::vector<JanusInstance>& instances, const QMap<QString, int>& liveRooms);

// Publisher ids fixed per account and device (docs/hub-api.md, Media): the
// camera is ACCOUNT * 1000 + 2 * SLOT, the screen that + 1, where SLOT (0-499)
// is the device's place among the account's devices in this session. Anyone
// can tell whose a feed is from its id alone; account ids start at 1, so no
// feed is 0 (which Janus reads as "pick one for me").
inline constexpr qint64 kFeedsPerAccount = 1000;
inline constexpr int kMaxDeviceSlots = int(kFeedsPerAccount / 2);
struct FeedIds {
    qint64 camera = 0;
    qint64 screen = 0;
};
FeedIds feedIdsFor(qint64 accountId, int slot);
struct FeedOwner {
    qint64 accountId = 0;
    int slot = 0;
    bool screen = false;
};
std::optional<FeedOwner> ownerOfFeed(qint64 feedId);

// The hub's own recorder (core/hub/recorder) joins with a feed id below
// kFeedsPerAccount, which no account's device has: ownerOfFeed() names no
// one, so it is never listed as a participant nor stored as attendance. A
// new id for each part (1-999, then round again), so the part that follows
// a killed recorder does not collide with the one Janus still holds until
// the dead recorder's Janus session times out.
qint64 recorderFeedId(int part);

// A device id as the join route takes it: 1-64 of [A-Za-z0-9._-].
bool isValidDeviceId(const QString& deviceId);

} // namespace spoke::hub::janus
