// Joining the right room safely, against a real Janus (tests/janus/janus-netns):
// a room's pin and allow-list, wss:// with a verified certificate, and a
// client that can reach nothing but a TURN server (janus-netns --turn).

#include "JoinClient.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>

using namespace spoke::test;

namespace {

// One Janus HTTP API request with curl; its JSON answer.
QJsonObject janusPost(const QString& path, const QJsonObject& body)
{
    QProcess curl;
    curl.start(QStringLiteral("curl"), {QStringLiteral("-fsS"), QStringLiteral("--max-time"), QStringLiteral("5"),
                                        QStringLiteral("-d"), QString::fromUtf8(QJsonDocument(body).toJson()),
                                        env("SPOKE_JANUS_HTTP") + QStringLiteral("/janus") + path});
    REQUIRE(curl.waitForFinished(10000));
    REQUIRE(curl.exitCode() == 0);
    const auto doc = QJsonDocument::fromJson(curl.readAllStandardOutput());
    REQUIRE(doc.isObject());
    return doc.object();
}

// Creates a VideoRoom with a pin and an allow-list, as the hub does for a session.
void createGuardedRoom(qint64 room, const QString& pin, const QStringList& tokens)
{
    const auto t = QStringLiteral("transaction");
    const auto session = janusPost({}, {{QStringLiteral("janus"), QStringLiteral("create")}, {t, QStringLiteral("c")}});
    const QString sessionPath = QStringLiteral("/%1").arg(qint64(number(session, "data.id")));
    const auto handle = janusPost(sessionPath, {{QStringLiteral("janus"), QStringLiteral("attach")},
                                                {QStringLiteral("plugin"), QStringLiteral("janus.plugin.videoroom")},
                                                {t, QStringLiteral("a")}});
    const QJsonObject create{{QStringLiteral("request"), QStringLiteral("create")},
                             {QStringLiteral("room"), room},
                             {QStringLiteral("admin_key"), env("SPOKE_JANUS_ADMIN_SECRET")},
                             {QStringLiteral("pin"), pin},
                             {QStringLiteral("allowed"), QJsonArray::fromStringList(tokens)},
                             {QStringLiteral("publishers"), 6},
                             {QStringLiteral("audiocodec"), QStringLiteral("opus")},
                             {QStringLiteral("videocodec"), QStringLiteral("vp8")},
                             {QStringLiteral("transport_wide_cc_ext"), true}};
    const auto created = janusPost(sessionPath + QStringLiteral("/%1").arg(qint64(number(handle, "data.id"))),
                                   {{QStringLiteral("janus"), QStringLiteral("message")},
                                    {t, QStringLiteral("m")},
                                    {QStringLiteral("body"), create}});
    INFO(compact(created));
    REQUIRE(created.value(QLatin1String("plugindata"))
                .toObject()
                .value(QLatin1String("data"))
                .toObject()
                .value(QLatin1String("videoroom"))
            == QStringLiteral("created"));
}

struct Refused {
    int exitCode = 0;
    QString stderrText;
};

// A `spoke-cli join` expected to fail quickly; its exit code and what it said.
Refused runRefused(const QStringList& args, const QString& program = QStringLiteral(SPOKE_CLI_PATH))
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start(program, args);
    REQUIRE(process.waitForFinished(40000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardError())};
}

QStringList roomArgs(const QString& janusUrl, const QString& room, const QString& name, int seconds)
{
    return {QStringLiteral("join"),
            QStringLiteral("--janus"),
            janusUrl,
            QStringLiteral("--room"),
            room,
            QStringLiteral("--display"),
            name,
            QStringLiteral("--seconds"),
            QString::number(seconds),
            QStringLiteral("--ice-iface"),
            env("SPOKE_ICE_IFACE"),
            QStringLiteral("--layers"),
            QStringLiteral("1")};
}

} // namespace

TEST_CASE("join: a room with a pin and an allow-list admits its tokens under fixed ids and refuses the rest",
          "[janus][join]")
{
    constexpr int kSeconds = 10;
    constexpr qint64 kRoom = 5551;
    createGuardedRoom(kRoom, QStringLiteral("pin-4417"), {QStringLiteral("tok-alice"), QStringLiteral("tok-bob")});
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString room = QString::number(kRoom);
    const QStringList alice{QStringLiteral("--room"),    room,
                            QStringLiteral("--pin"),     QStringLiteral("pin-4417"),
                            QStringLiteral("--token"),   QStringLiteral("tok-alice"),
                            QStringLiteral("--feed-id"), QStringLiteral("700001"),
                            QStringLiteral("--layers"),  QStringLiteral("1")};
    QStringList bob = alice;
    bob[5] = QStringLiteral("tok-bob");
    bob[7] = QStringLiteral("700002");
    // startClient's own --room comes first; the later one wins.
    JoinClient a = startClient(dir, QStringLiteral("alice"), kSeconds, alice);
    JoinClient b = startClient(dir, QStringLiteral("bob"), kSeconds, bob);

    // Outsiders, while they are in: no token, another room's token, a wrong pin.
    const QString ws = env("SPOKE_JANUS_WS");
    for (const QStringList& extra : {QStringList{QStringLiteral("--pin"), QStringLiteral("pin-4417")},
                                     QStringList{QStringLiteral("--pin"), QStringLiteral("pin-4417"),
                                                 QStringLiteral("--token"), QStringLiteral("tok-of-another-session")},
                                     QStringList{QStringLiteral("--pin"), QStringLiteral("wrong"),
                                                 QStringLiteral("--token"), QStringLiteral("tok-alice")}}) {
        const Refused refused = runRefused(roomArgs(ws, room, QStringLiteral("outsider"), 5) + extra);
        INFO(extra.join(QLatin1Char(' ')).toStdString() << ": " << refused.stderrText.toStdString());
        CHECK(refused.exitCode != 0);
        CHECK(refused.stderrText.contains(QStringLiteral("refused us: not authorized")));
        CHECK(refused.stderrText.contains(QStringLiteral("(433)")));
    }

    const QJsonObject aliceStats = finish(a, (kSeconds + 30) * 1000);
    const QJsonObject bobStats = finish(b, (kSeconds + 30) * 1000);
    for (const auto& [stats, other, otherId] :
         {std::tuple{aliceStats, QStringLiteral("bob"), QStringLiteral("700002")},
          std::tuple{bobStats, QStringLiteral("alice"), QStringLiteral("700001")}}) {
        const QJsonObject remote = remoteNamed(stats, other);
        INFO(other.toStdString() << " as received: " << compact(remote));
        REQUIRE_FALSE(remote.isEmpty());
        CHECK(remote.value(QLatin1String("feed")).toString() == otherId);
        CHECK(number(remote, "video.frames_decoded") > (kSeconds - 5) * 20);
        CHECK(number(remote, "audio.packets") > (kSeconds - 5) * 40);
        CHECK_FALSE(remoteNamed(stats, QStringLiteral("outsider")).contains(QLatin1String("feed")));
    }
}

TEST_CASE("join: over wss the call joins with the pinned CA and is refused without it or under another name",
          "[janus][join]")
{
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString room = env("SPOKE_JANUS_ROOM");
    const QString stats = dir.filePath(QStringLiteral("wss.json"));
    QProcess joined;
    joined.setStandardOutputFile(QProcess::nullDevice());
    joined.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    joined.start(QStringLiteral(SPOKE_CLI_PATH), roomArgs(env("SPOKE_JANUS_WSS"), room, QStringLiteral("secure"), 4)
                                                     + QStringList{QStringLiteral("--ca-file"), env("SPOKE_JANUS_CA"),
                                                                   QStringLiteral("--stats"), stats});
    REQUIRE(joined.waitForFinished(40000));
    CHECK(joined.exitCode() == 0);
    QFile file(stats);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonObject joinedStats = QJsonDocument::fromJson(file.readAll()).object();
    INFO(compact(joinedStats));
    CHECK(saidEvent(joinedStats, QLatin1String("joined room")));
    CHECK(saidEvent(joinedStats, QLatin1String("publishing")));

    const Refused untrusted = runRefused(roomArgs(env("SPOKE_JANUS_WSS"), room, QStringLiteral("secure"), 4));
    INFO(untrusted.stderrText.toStdString());
    CHECK(untrusted.exitCode != 0);
    CHECK(untrusted.stderrText.contains(QStringLiteral("the certificate of 127.0.0.1 is not trusted")));

    const Refused otherName = runRefused(roomArgs(env("SPOKE_JANUS_WSS_OTHER_NAME"), room, QStringLiteral("secure"), 4)
                                         + QStringList{QStringLiteral("--ca-file"), env("SPOKE_JANUS_CA")});
    INFO(otherName.stderrText.toStdString());
    CHECK(otherName.exitCode != 0);
    CHECK(otherName.stderrText.contains(QStringLiteral("is not trusted")));
    CHECK(otherName.stderrText.contains(QStringLiteral("host name"), Qt::CaseInsensitive));

    // Plain ws:// beyond loopback is refused before anything is sent.
    const Refused plain =
        runRefused(roomArgs(QStringLiteral("ws://%1:8188").arg(env("SPOKE_ICE_IP")), room, QStringLiteral("plain"), 4));
    CHECK(plain.exitCode != 0);
    CHECK(plain.stderrText.contains(QStringLiteral("refusing unencrypted ws://")));
}

TEST_CASE(
    "join: a client that can reach only the TURN server joins through its relay over TCP and media flows both ways",
    "[janus][join][turn]")
{
    constexpr int kSeconds = 15;
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // coturn's REST-secret scheme (docs/hub-api.md, the join info): the
    // username is "EXPIRY:ACCOUNT", the password base64(HMAC-SHA1(secret, username)).
    const QString username = QStringLiteral("%1:7").arg(QDateTime::currentSecsSinceEpoch() + 3600);
    const QByteArray credential =
        QMessageAuthenticationCode::hash(username.toUtf8(), env("SPOKE_TURN_SECRET").toUtf8(), QCryptographicHash::Sha1)
            .toBase64();
    const QString passwordFile = dir.filePath(QStringLiteral("turn-password"));
    {
        QFile file(passwordFile);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(credential + '\n');
    }
    const QString turnUrl =
        QStringLiteral("turn:%1:%2?transport=tcp").arg(env("SPOKE_TURN_HOST"), env("SPOKE_TURN_PORT"));

    // The relayed client: in the TURN-only namespace, no interface pinned.
    JoinClient relayed{QStringLiteral("relayed"), dir.filePath(QStringLiteral("relayed.json")),
                       std::make_unique<QProcess>()};
    relayed.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    relayed.process->setStandardOutputFile(QProcess::nullDevice());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("SPOKE_ICE_IFACE")); // the harness' pin is for the other namespace
    relayed.process->setProcessEnvironment(environment);
    relayed.process->start(QStringLiteral("nsenter"), {QStringLiteral("-t"),
                                                       env("SPOKE_TURN_NETNS_PID"),
                                                       QStringLiteral("-n"),
                                                       QStringLiteral(SPOKE_CLI_PATH),
                                                       QStringLiteral("join"),
                                                       QStringLiteral("--janus"),
                                                       env("SPOKE_JANUS_WS_TURN"),
                                                       QStringLiteral("--practice"),
                                                       QStringLiteral("--room"),
                                                       env("SPOKE_JANUS_ROOM"),
                                                       QStringLiteral("--display"),
                                                       relayed.name,
                                                       QStringLiteral("--seconds"),
                                                       QString::number(kSeconds),
                                                       QStringLiteral("--stats"),
                                                       relayed.statsPath,
                                                       QStringLiteral("--layers"),
                                                       QStringLiteral("1"),
                                                       QStringLiteral("--turn"),
                                                       turnUrl,
                                                       QStringLiteral("--turn-user"),
                                                       username,
                                                       QStringLiteral("--turn-password-file"),
                                                       passwordFile});
    REQUIRE(relayed.process->waitForStarted(5000));
    JoinClient direct =
        startClient(dir, QStringLiteral("direct"), kSeconds, {QStringLiteral("--layers"), QStringLiteral("1")});

    const QJsonObject relayedStats = finish(relayed, (kSeconds + 30) * 1000);
    const QJsonObject directStats = finish(direct, (kSeconds + 30) * 1000);
    INFO("relayed: " << compact(relayedStats.value(QLatin1String("events"))));
    // Every PeerConnection of the relayed client went through coturn.
    CHECK(saidEvent(relayedStats, QLatin1String("publisher ICE pair: relay ")));
    CHECK(saidEvent(relayedStats, QLatin1String("ICE pair: relay 10.77.0.1:")));
    const QJsonArray events = relayedStats.value(QLatin1String("events")).toArray();
    CHECK(std::none_of(events.begin(), events.end(),
                       [](const QJsonValue& e) { return e.toString().contains(QLatin1String("ICE pair: host")); }));
    for (const auto& [stats, other] :
         {std::pair{relayedStats, QStringLiteral("direct")}, std::pair{directStats, QStringLiteral("relayed")}}) {
        const QJsonObject remote = remoteNamed(stats, other);
        INFO(other.toStdString() << " as received: " << compact(remote));
        REQUIRE_FALSE(remote.isEmpty());
        CHECK(number(remote, "video.frames_decoded") > (kSeconds - 6) * 20);
        CHECK(number(remote, "audio.packets") > (kSeconds - 6) * 40);
    }
}
