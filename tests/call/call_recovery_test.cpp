// The receive side's recovery, end to end through the real Janus (run
// through tests/janus/janus-netns): `spoke-cli join` processes with the
// transport's seeded impairment on one of them, and for the network drop a
// TCP relay that also stalls the WebSocket. The stats files say what
// arrived and when; the assertions are on those figures.

#include "session/TcpRelay.h"

#include "JoinClient.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

using namespace spoke::test;

namespace {

// Runs the event loop (the relay lives on it) for `ms`.
void pump(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Waits with the event loop running, then reads the stats file.
QJsonObject finishPumping(JoinClient& client, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (client.process->state() != QProcess::NotRunning && clock.elapsed() < timeoutMs)
        pump(50);
    REQUIRE(client.process->state() == QProcess::NotRunning);
    return readStats(client);
}

// Every entry for `display`: a re-subscribe after a drop adds one.
std::vector<QJsonObject> remotesNamed(const QJsonObject& stats, const QString& display)
{
    std::vector<QJsonObject> found;
    for (const auto& value : stats.value(QLatin1String("remote")).toArray()) {
        if (value.toObject().value(QLatin1String("display")).toString() == display)
            found.push_back(value.toObject());
    }
    return found;
}

// Call ms (of `stats`) of the first video frame decoded at or after
// `afterMs`, from any of the entries: the end of the stall that spans it, or
// a later entry's first frame.
std::optional<std::int64_t> firstFrameAfter(const std::vector<QJsonObject>& entries, std::int64_t afterMs)
{
    std::optional<std::int64_t> best;
    auto consider = [&](std::int64_t ms) {
        if (ms >= afterMs && (!best || ms < *best))
            best = ms;
    };
    for (const auto& entry : entries) {
        const auto video = entry.value(QLatin1String("video")).toObject();
        const auto first = static_cast<std::int64_t>(number(video, "first_frame_ms"));
        const auto last = static_cast<std::int64_t>(number(video, "last_frame_ms"));
        if (first >= 0)
            consider(first);
        for (const auto& stall : video.value(QLatin1String("stalls_ms")).toArray())
            consider(static_cast<std::int64_t>(stall.toArray().at(1).toDouble()));
        // Decoding straight through the moment: no stall ends there.
        if (first >= 0 && first < afterMs && last >= afterMs) {
            bool inStall = false;
            for (const auto& stall : video.value(QLatin1String("stalls_ms")).toArray())
                inStall = inStall
                          || (stall.toArray().at(0).toDouble() <= static_cast<double>(afterMs)
                              && stall.toArray().at(1).toDouble() >= static_cast<double>(afterMs));
            if (!inStall)
                consider(afterMs);
        }
    }
    return best;
}

} // namespace

TEST_CASE("call: on a lossy link NACKed video packets are retransmitted and stamped frames arrive", "[janus][call]")
{
    constexpr int kSeconds = 20;
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // One VP8 layer each: this is about packets lost and recovered, not the
    // simulcast layer choice (whose 160x90 layer is too small for the stamp
    // to be read back, which would count as loss here).
    const QStringList oneLayer{QStringLiteral("--layers"), QStringLiteral("1")};
    JoinClient hub = startClient(dir, QStringLiteral("hub"), kSeconds, oneLayer);
    JoinClient clinic =
        startClient(dir, QStringLiteral("clinic"), kSeconds,
                    oneLayer + QStringList{QStringLiteral("--impair"), QStringLiteral("loss=10%,delay=100ms,seed=7")});
    const QJsonObject hubStats = finishPumping(hub, (kSeconds + 30) * 1000);
    const QJsonObject clinicStats = finishPumping(clinic, (kSeconds + 30) * 1000);
    struct Direction {
        const char* what;
        QJsonObject receiver;
        QJsonObject sender;
        QString from;
    };
    for (const auto& d : {Direction{"clinic receives hub (downlink)", clinicStats, hubStats, QStringLiteral("hub")},
                          Direction{"hub receives clinic (uplink)", hubStats, clinicStats, QStringLiteral("clinic")}}) {
        const auto entries = remotesNamed(d.receiver, d.from);
        REQUIRE(entries.size() == 1);
        const QJsonObject& remote = entries.front();
        INFO(d.what << ": " << compact(remote));
        // The link really was lossy, and Janus answered our NACKs.
        CHECK(number(remote, "video.nacked") > 20);
        CHECK(number(remote, "video.retransmitted") > 0.5 * number(remote, "video.nacked") / 2);
        CHECK(number(remote, "video.rtcp_reports_sent") > kSeconds);
        // Before Janus had our RRs, ~98 % of the stamped frames were lost
        // here. Now what is lost is mostly the first second or two: Janus
        // keeps nothing to resend until its first SR (sent once a second)
        // came back echoed in our RR, so early holes cost keyframes. Pictures
        // the sender never put on the wire (its encoder may drop them under
        // load; counted by the sender, per cause) are not network loss.
        const double expected = number(remote, "video.stamped_frames_expected");
        const double notSent = framesNotSent(d.sender);
        const double arrived = number(remote, "video.stamped_frames") / std::max(1.0, expected - notSent);
        INFO("stamped frames arrived: "
             << 100 * arrived << " % of " << expected << ", not sent " << notSent << " "
             << compact(d.sender.value(QLatin1String("local")).toObject().value(QLatin1String("frames_not_sent"))));
        WARN(d.what << ": " << 100 * arrived << " % of " << expected << " stamped frames arrived; nacked "
                    << number(remote, "video.nacked") << ", retransmitted " << number(remote, "video.retransmitted")
                    << ", keyframe requests " << number(remote, "video.keyframe_requests") << ", stalls "
                    << compact(QJsonObject{
                           {QStringLiteral("s"),
                            remote.value(QLatin1String("video")).toObject().value(QLatin1String("stalls_ms"))}}));
        CHECK(expected > (kSeconds - 6) * 25);
        CHECK(arrived >= 0.80);
    }
}

TEST_CASE("call: video recovers within 1 s after a 2 s total outage", "[janus][call]")
{
    constexpr int kSeconds = 14;
    constexpr std::int64_t kOutageStartMs = 6000;
    constexpr std::int64_t kOutageMs = 2000;
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    JoinClient hub = startClient(dir, QStringLiteral("hub"), kSeconds);
    // Every packet of the clinic's PeerConnections, both ways, is dropped
    // from 6 s to 8 s into its call.
    JoinClient clinic = startClient(dir, QStringLiteral("clinic"), kSeconds,
                                    {QStringLiteral("--impair"), QStringLiteral("outage=6s+2s")});
    const QJsonObject hubStats = finishPumping(hub, (kSeconds + 30) * 1000);
    const QJsonObject clinicStats = finishPumping(clinic, (kSeconds + 30) * 1000);
    const auto outageEndSteadyMs =
        static_cast<std::int64_t>(number(clinicStats, "started_steady_ms")) + kOutageStartMs + kOutageMs;

    // Downlink: the clinic's subscriber sees the hole, asks for a keyframe
    // (the packets of 2 s ago are past any retransmission) and decodes again.
    const auto down = remotesNamed(clinicStats, QStringLiteral("hub"));
    REQUIRE(down.size() == 1);
    INFO("clinic receives hub: " << compact(down.front()));
    const auto downEndMs = kOutageStartMs + kOutageMs;
    const auto downBack = firstFrameAfter(down, downEndMs);
    REQUIRE(downBack);
    const std::int64_t downRecoveryMs = *downBack - downEndMs;
    // Uplink: Janus and the hub's subscriber get nothing from the clinic
    // for 2 s; the hub's PLI reaches the clinic's publisher through Janus.
    const auto up = remotesNamed(hubStats, QStringLiteral("clinic"));
    REQUIRE_FALSE(up.empty());
    INFO("hub receives clinic: " << compact(up.front()));
    const auto upEndMs = outageEndSteadyMs - static_cast<std::int64_t>(number(hubStats, "started_steady_ms"));
    const auto upBack = firstFrameAfter(up, upEndMs);
    REQUIRE(upBack);
    const std::int64_t upRecoveryMs = *upBack - upEndMs;
    INFO("video back " << downRecoveryMs << " ms after the outage (downlink), " << upRecoveryMs << " ms (uplink)");
    WARN("video back " << downRecoveryMs << " ms after the outage (downlink), " << upRecoveryMs << " ms (uplink)");
    // It really stopped: no frame decoded inside the outage.
    bool stalled = false;
    for (const auto& stall :
         down.front().value(QLatin1String("video")).toObject().value(QLatin1String("stalls_ms")).toArray())
        stalled = stalled
                  || (stall.toArray().at(0).toDouble() <= static_cast<double>(kOutageStartMs + 100)
                      && stall.toArray().at(1).toDouble() >= static_cast<double>(downEndMs));
    CHECK(stalled);
    CHECK(downRecoveryMs <= 1000);
    CHECK(upRecoveryMs <= 1000);
}

TEST_CASE("call: a client whose network drops for 10 s rejoins by itself and the others see its video again",
          "[janus][call]")
{
    constexpr int kSeconds = 30;
    constexpr std::int64_t kDropStartMs = 7000;
    constexpr std::int64_t kDropMs = 10000;
    const QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // The clinic's signalling goes through a relay the test can cut; its
    // media goes dark at the same moment through the transport's outage.
    spoke::test::TcpRelay relay(QHostAddress::LocalHost, static_cast<quint16>(QUrl(env("SPOKE_JANUS_WS")).port()));
    QUrl relayed(env("SPOKE_JANUS_WS"));
    relayed.setPort(relay.port());
    JoinClient hub = startClient(dir, QStringLiteral("hub"), kSeconds + 2);
    const std::int64_t clinicStartedMs = steadyMs();
    JoinClient clinic =
        startClient(dir, QStringLiteral("clinic"), kSeconds,
                    {QStringLiteral("--impair"), QStringLiteral("outage=%1ms+%2ms").arg(kDropStartMs).arg(kDropMs)},
                    relayed.toString());
    pump(static_cast<int>(clinicStartedMs + kDropStartMs - steadyMs()));
    // The socket dies (the client hears of it and reconnects, in vain until
    // the link is back) and the media goes dark.
    relay.cut();
    relay.refuse();
    pump(static_cast<int>(clinicStartedMs + kDropStartMs + kDropMs - steadyMs()));
    REQUIRE(relay.accept());
    const QJsonObject clinicStats = finishPumping(clinic, (kSeconds + 30) * 1000);
    const QJsonObject hubStats = finishPumping(hub, (kSeconds + 30) * 1000);
    // What each side did about it (re-subscribes, reconnects), for the log.
    WARN("clinic events: " << compact(QJsonObject{{QStringLiteral("e"), clinicStats.value(QLatin1String("events"))}}));
    WARN("hub events: " << compact(QJsonObject{{QStringLiteral("e"), hubStats.value(QLatin1String("events"))}}));

    const auto dropEndSteadyMs =
        static_cast<std::int64_t>(number(clinicStats, "started_steady_ms")) + kDropStartMs + kDropMs;
    // The hub sees the clinic's video again.
    const auto atHub = remotesNamed(hubStats, QStringLiteral("clinic"));
    REQUIRE_FALSE(atHub.empty());
    std::string hubSaw;
    for (const auto& entry : atHub)
        hubSaw += compact(entry) + "\n";
    INFO("hub receives clinic: " << hubSaw);
    const auto hubDropEndMs = dropEndSteadyMs - static_cast<std::int64_t>(number(hubStats, "started_steady_ms"));
    const auto hubBack = firstFrameAfter(atHub, hubDropEndMs);
    // And the clinic sees the hub again.
    const auto atClinic = remotesNamed(clinicStats, QStringLiteral("hub"));
    REQUIRE_FALSE(atClinic.empty());
    std::string clinicSaw;
    for (const auto& entry : atClinic)
        clinicSaw += compact(entry) + "\n";
    INFO("clinic receives hub: " << clinicSaw);
    const auto clinicBack = firstFrameAfter(atClinic, kDropStartMs + kDropMs);
    REQUIRE(hubBack);
    REQUIRE(clinicBack);
    INFO("video back " << (*hubBack - hubDropEndMs) << " ms after the drop at the hub, "
                       << (*clinicBack - kDropStartMs - kDropMs) << " ms at the clinic");
    WARN("video back " << (*hubBack - hubDropEndMs) << " ms after the drop at the hub, "
                       << (*clinicBack - kDropStartMs - kDropMs) << " ms at the clinic");
    // Both ways, back with seconds of the run to spare.
    CHECK(*hubBack - hubDropEndMs <= 8000);
    CHECK(*clinicBack - (kDropStartMs + kDropMs) <= 8000);
}
