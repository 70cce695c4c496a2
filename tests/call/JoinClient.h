#pragma once

// What the Janus call tests share: `spoke-cli join` processes started in a
// room the harness (tests/janus/janus-netns) made, and their stats files read
// back. Header-only; each test executable includes it once.

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace spoke::test {

inline QString env(const char* name)
{
    QString value = qEnvironmentVariable(name); // returned: moved, so not const
    if (value.isEmpty())
        FAIL(name << " is not set: run this test through tests/janus/janus-netns (ctest -L janus)");
    return value;
}

inline std::int64_t steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

struct JoinClient {
    QString name;
    QString statsPath;
    std::unique_ptr<QProcess> process;
};

// Starts `spoke-cli` with `args` (ending in "--stats"), the stats going to
// DIR/NAME.json; its stderr to `stderrFile`, or through to the test's own.
inline JoinClient launchJoin(const QTemporaryDir& dir, const QString& name, const QStringList& args,
                             const QString& stderrFile = {})
{
    JoinClient client{name, dir.filePath(name + QStringLiteral(".json")), std::make_unique<QProcess>()};
    if (stderrFile.isEmpty())
        client.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    else
        client.process->setStandardErrorFile(stderrFile);
    client.process->setStandardOutputFile(QProcess::nullDevice());
    client.process->start(QStringLiteral(SPOKE_CLI_PATH), args + QStringList{client.statsPath});
    REQUIRE(client.process->waitForStarted(5000));
    return client;
}

// Starts `spoke-cli join` as `name` for `seconds`, writing its stats into
// `dir`; `janusUrl` replaces the harness's (a relay in front of it).
inline JoinClient startClient(const QTemporaryDir& dir, const QString& name, int seconds, const QStringList& extra = {},
                              const QString& janusUrl = {})
{
    return launchJoin(dir, name,
                      QStringList{QStringLiteral("join"), QStringLiteral("--janus"),
                                  janusUrl.isEmpty() ? env("SPOKE_JANUS_WS") : janusUrl, QStringLiteral("--room"),
                                  env("SPOKE_JANUS_ROOM"), QStringLiteral("--display"), name,
                                  QStringLiteral("--seconds"), QString::number(seconds), QStringLiteral("--ice-iface"),
                                  env("SPOKE_ICE_IFACE")}
                          + extra + QStringList{QStringLiteral("--stats")});
}

// The stats file of a client that has exited, which must have exited cleanly.
inline QJsonObject readStats(const JoinClient& client)
{
    INFO(client.name.toStdString() << " exit code " << client.process->exitCode());
    REQUIRE(client.process->exitStatus() == QProcess::NormalExit);
    REQUIRE(client.process->exitCode() == 0);
    QFile file(client.statsPath);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const auto doc = QJsonDocument::fromJson(file.readAll());
    REQUIRE(doc.isObject());
    return doc.object();
}

// Waits for the client to exit (no event loop needed), then reads its stats.
inline QJsonObject finish(JoinClient& client, int timeoutMs)
{
    REQUIRE(client.process->waitForFinished(timeoutMs));
    return readStats(client);
}

inline QJsonObject remoteNamed(const QJsonObject& stats, const QString& display)
{
    for (const auto& value : stats.value(QLatin1String("remote")).toArray()) {
        if (value.toObject().value(QLatin1String("display")).toString() == display)
            return value.toObject();
    }
    return {};
}

// Whether one of the call's logged events contains `text`.
inline bool saidEvent(const QJsonObject& stats, QLatin1String text)
{
    const QJsonArray events = stats.value(QLatin1String("events")).toArray();
    return std::any_of(events.begin(), events.end(),
                       [&](const QJsonValue& event) { return event.toString().contains(text); });
}

// A number at a dotted path ("video.latency_ms.p50"); -1 when absent.
inline double number(const QJsonObject& object, const char* path)
{
    QJsonValue value = object;
    for (const auto& part : QString::fromLatin1(path).split(QLatin1Char('.')))
        value = value.toObject().value(part);
    return value.toDouble(-1);
}

// Pictures a sender never put on the wire (its encoder skipped them under
// CPU or bitrate pressure, its capture queue overflowed, its video was
// paused for bandwidth or its camera off), from its own stats: a receiver's
// stamp count cannot tell them from pictures the network lost, so a test of
// network loss discounts them.
inline double framesNotSent(const QJsonObject& senderStats)
{
    return number(senderStats, "local.frames_dropped_before_send");
}

inline std::string compact(const QJsonValue& value)
{
    return QJsonDocument(value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
        .toJson(QJsonDocument::Compact)
        .toStdString();
}

} // namespace spoke::test
