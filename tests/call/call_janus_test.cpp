// End to end through the real Janus (run through tests/janus/janus-netns):
// three `spoke-cli join` processes in one VideoRoom, each publishing the
// stamped test pattern and the marked tone and subscribing to the other two.
// Their stats files say what arrived; the assertions are on those figures.

#include "JoinClient.h"

#include <catch2/catch.hpp>

#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <map>
#include <vector>

using namespace spoke::test;

TEST_CASE("call: three clients in one room receive each other's stamped video and audio", "[janus][call]")
{
    constexpr int kSeconds = 30;
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QStringList names{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")};
    std::vector<JoinClient> clients;
    // One layer each: three sanitizer-built clients encoding three layers
    // apiece overrun this machine's two cores, a starved encoder makes its
    // sender pause the top layer, and everyone on it loses ~10 pictures (over
    // 1 %) while Janus falls back. Simulcast and layer switching are the
    // capped-link tests' subject; this one measures the three-way path.
    for (const auto& name : names)
        clients.push_back(startClient(dir, name, kSeconds, {QStringLiteral("--layers"), QStringLiteral("1")}));
    std::map<QString, QJsonObject> all;
    for (auto& client : clients)
        all[client.name] = finish(client, (kSeconds + 30) * 1000);
    for (const auto& [name, stats] : all) {
        CHECK(number(stats, "local.video_frames_sent") > kSeconds * 25);
        for (const auto& other : names) {
            if (other == name)
                continue;
            const QJsonObject remote = remoteNamed(stats, other);
            INFO(name.toStdString() << " receiving " << other.toStdString() << ": " << compact(remote));
            REQUIRE_FALSE(remote.isEmpty());
            // Frames from the first keyframe to the end: at 30 fps nearly the whole run.
            CHECK(number(remote, "video.frames_decoded") > (kSeconds - 5) * 25);
            // >= 99 % of the stamped frames that went on the wire arrive. A
            // picture the sender never sent (its encoder may drop under CPU
            // load; counted by the sender, per cause) never carried its stamp
            // out: only the rest is network loss.
            const double expected = number(remote, "video.stamped_frames_expected");
            const double missing = expected - number(remote, "video.stamped_frames");
            const double notSent = framesNotSent(all[other]);
            INFO("missing "
                 << missing << " of " << expected << ", not sent by the sender " << notSent << " "
                 << compact(
                        all[other].value(QLatin1String("local")).toObject().value(QLatin1String("frames_not_sent"))));
            CHECK(missing <= 0.01 * expected + notSent);
            CHECK(number(remote, "video.latency_ms.p50") < 100);
            CHECK(number(remote, "video.latency_ms.p95") < 150);
            CHECK(number(remote, "audio.packets") > (kSeconds - 5) * 45);
            CHECK(number(remote, "audio.longest_gap_ms") <= 60);
        }
    }
}

TEST_CASE("call: a killed client is noticed by the others within 5 s", "[janus][call]")
{
    constexpr int kSeconds = 16;
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    std::vector<JoinClient> clients;
    for (const auto& name : {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")})
        clients.push_back(startClient(dir, name, kSeconds));
    // Let everyone publish and subscribe, then kill carol without a goodbye.
    QProcess::execute(QStringLiteral("sleep"), {QStringLiteral("7")});
    clients[2].process->kill();
    const std::int64_t killedAtMs = steadyMs();
    REQUIRE(clients[2].process->waitForFinished(5000));
    for (int i = 0; i < 2; ++i) {
        const QJsonObject stats = finish(clients[static_cast<std::size_t>(i)], (kSeconds + 30) * 1000);
        const QJsonObject carol = remoteNamed(stats, QStringLiteral("carol"));
        INFO(clients[static_cast<std::size_t>(i)].name.toStdString() << ": " << compact(stats));
        REQUIRE_FALSE(carol.isEmpty());
        CHECK(number(carol, "video.frames_decoded") > 30); // she was really there first (seconds of video)
        REQUIRE(carol.contains(QLatin1String("gone_at_ms")));
        const auto noticedAfterMs =
            number(stats, "started_steady_ms") + number(carol, "gone_at_ms") - static_cast<double>(killedAtMs);
        INFO("noticed " << noticedAfterMs << " ms after the kill ("
                        << carol.value(QLatin1String("gone_reason")).toString().toStdString() << ")");
        CHECK(noticedAfterMs >= 0);
        CHECK(noticedAfterMs <= 5000);
    }
}

TEST_CASE("call: on a link with 10 % loss and 100 ms delay audio gaps stay within 60 ms for 95 % of the run",
          "[janus][call]")
{
    constexpr int kSeconds = 20;
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    std::vector<JoinClient> clients;
    clients.push_back(startClient(dir, QStringLiteral("hub"), kSeconds));
    clients.push_back(startClient(dir, QStringLiteral("clinic"), kSeconds,
                                  {QStringLiteral("--impair"), QStringLiteral("loss=10%,delay=100ms,seed=7")}));
    const QJsonObject hub = finish(clients[0], (kSeconds + 30) * 1000);
    const QJsonObject clinic = finish(clients[1], (kSeconds + 30) * 1000);
    // The clinic's uplink (the hub receives it) and downlink (the clinic receives).
    for (const auto& [who, remote] : {std::pair{"hub hears clinic", remoteNamed(hub, QStringLiteral("clinic"))},
                                      std::pair{"clinic hears hub", remoteNamed(clinic, QStringLiteral("hub"))}}) {
        INFO(who << ": " << compact(remote));
        REQUIRE_FALSE(remote.isEmpty());
        const double span = number(remote, "audio.span_ms");
        CHECK(span > (kSeconds - 5) * 1000);
        CHECK(number(remote, "audio.lost") > 0); // the link really was lossy
        CHECK(number(remote, "audio.long_gaps_ms") <= 0.05 * span);
        CHECK(number(remote, "video.frames_decoded") > 0);
    }
}
