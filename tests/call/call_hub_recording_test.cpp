// The hub records a session (issue 14): three `spoke-cli join
// --hub-session` clients meet through a real spoke-hub and a real Janus
// (tests/janus/janus-netns, recording.cmake); the chair switches recording
// on (POST /api/v1/sessions/{id}/recording), advances the agenda and ends the
// session. The hub's `spoke-hub record` child writes
// DATA_DIR/recordings/session-ID/part-N.webm, read back here with
// RecordingProbe: a chapter per agenda item, video and audio, and as long as
// recording was on. When it is over the hub hands the parts to its
// recordings catalogue (RecordingHandOver): the full parts, light and
// audio-slides, and a timeline whose chat sits where it was sent. The second
// case kills the child with SIGKILL mid-way: the first part still plays up
// to the kill, and the hub's supervisor starts part 2, which plays to the end.

#include "HubSession.h"
#include "recording/RecordingProbe.h"

#include <QDir>
#include <QFileInfo>

#include <cmath>
#include <csignal>
#include <cstdio>

using namespace spoke::test;
using spoke::recording::ProbeResult;
using spoke::recording::RecordingProbe;

namespace {

const QString kAgenda = QStringLiteral("Didactic:20,Case presentation:20");
constexpr double kDurationToleranceMs = 3000; // the child's start-up and the stop's round trip
constexpr double kChapterToleranceMs = 2000;

struct Recording {
    HubSession& hub;
    qint64 startedSteadyMs = 0;

    QString path(const QString& name) const
    {
        return QStringLiteral("/api/v1/sessions/%1/%2").arg(hub.sessionId()).arg(name);
    }

    QJsonObject state()
    {
        const HubReply reply = hub.call("GET", path(QStringLiteral("recording")), QStringLiteral("participant"));
        INFO("GET recording: " << reply.status << " " << compact(reply.body));
        REQUIRE(reply.status == 200);
        return reply.body.value(QLatin1String("recording")).toObject();
    }
    QJsonArray parts() { return state().value(QLatin1String("parts")).toArray(); }

    // Recording needs the call under way: before the first join the
    // session has no room (409 no_room), and under ASan the clients take
    // a while to join.
    void waitForCall(int timeoutMs)
    {
        const bool inCall = waitUntil(
            [&] {
                const HubReply reply =
                    hub.call("GET", path(QStringLiteral("participants")), QStringLiteral("participant"));
                if (reply.status == 200 && !reply.body.value("participants").toArray().isEmpty())
                    return true;
                waitUntil([] { return false; }, 250);
                return false;
            },
            timeoutMs);
        REQUIRE(inCall);
    }

    void start()
    {
        const HubReply reply =
            hub.call("POST", path(QStringLiteral("recording")), QStringLiteral("chair"), {{"recording", true}});
        INFO("POST recording: " << reply.status << " " << compact(reply.body));
        REQUIRE(reply.status == 200);
        REQUIRE(reply.body.value("recording").toObject().value("active").toBool());
        startedSteadyMs = steadyMs();
        // A trainee may look but not switch it.
        const HubReply refused =
            hub.call("POST", path(QStringLiteral("recording")), QStringLiteral("participant"), {{"recording", false}});
        CHECK(refused.status == 403);
    }

    // Starts the next agenda item, or ends the session when there is none;
    // returns when it asked, in wall-clock ms (the hub's clock: same machine).
    double advance()
    {
        const HubReply sessions = hub.call("GET", QStringLiteral("/api/v1/sessions"), QStringLiteral("chair"));
        REQUIRE(sessions.status == 200);
        QJsonObject body{{"end", true}};
        for (const auto& session : sessions.body.value("sessions").toArray()) {
            if (session.toObject().value("id").toInteger() != hub.sessionId())
                continue;
            for (const auto& item : session.toObject().value("agenda").toArray()) {
                if (item.toObject().value("started_ms").isNull()) {
                    body = {{"item_id", item.toObject().value("id")}};
                    break;
                }
            }
        }
        const double askedMs = double(QDateTime::currentMSecsSinceEpoch());
        const HubReply reply = hub.call("POST", path(QStringLiteral("agenda/advance")), QStringLiteral("chair"), body);
        INFO("advance " << compact(body) << ": " << reply.status << " " << compact(reply.body));
        REQUIRE(reply.status == 200);
        return askedMs;
    }

    void at(double seconds) const
    {
        waitUntil([&] { return steadyMs() - startedSteadyMs >= qint64(seconds * 1000); }, int(seconds * 1000) + 5000);
    }

    // Waits until part `part` exists and has ended (ended) or runs (!ended).
    QJsonObject waitForPart(int part, bool ended, int timeoutMs)
    {
        QJsonObject found;
        waitUntil(
            [&] {
                for (const auto& value : parts()) {
                    const QJsonObject candidate = value.toObject();
                    if (candidate.value("part").toInt() == part && candidate.value("ended_ms").isNull() != ended)
                        found = candidate;
                }
                if (found.isEmpty())
                    waitUntil([] { return false; }, 250);
                return !found.isEmpty();
            },
            timeoutMs);
        INFO("parts: " << compact(parts()));
        REQUIRE_FALSE(found.isEmpty());
        return found;
    }

    // Sends a chat message as `member`; returns when it asked (wall-clock ms).
    double chat(const QString& member, const QString& text)
    {
        const double sentMs = double(QDateTime::currentMSecsSinceEpoch());
        const HubReply reply = hub.call("POST", path(QStringLiteral("chat")), member, {{"text", text}});
        REQUIRE(reply.status == 201);
        return sentMs;
    }

    // The catalogue's recording of the session, once the hub handed it over
    // (the renditions are made first).
    QJsonObject catalogued(int timeoutMs)
    {
        QJsonObject found;
        waitUntil(
            [&] {
                const HubReply reply =
                    hub.call("GET", QStringLiteral("/api/v1/recordings"), QStringLiteral("participant"));
                for (const auto& value : reply.body.value("recordings").toArray())
                    if (value.toObject().value("session_id").toInteger() == hub.sessionId())
                        found = value.toObject();
                if (found.isEmpty())
                    waitUntil([] { return false; }, 500);
                return !found.isEmpty();
            },
            timeoutMs);
        REQUIRE_FALSE(found.isEmpty());
        std::printf("catalogued: %s\n", compact(found).c_str());
        return found;
    }

    // A rendition's parts as the catalogue lists them.
    static QJsonArray partsOf(const QJsonObject& catalogued, const QString& rendition)
    {
        for (const auto& value : catalogued.value("renditions").toArray())
            if (value.toObject().value("rendition").toString() == rendition)
                return value.toObject().value("parts").toArray();
        return {};
    }

    static qint64 bytesOf(const QJsonObject& catalogued, const QString& rendition)
    {
        for (const auto& value : catalogued.value("renditions").toArray())
            if (value.toObject().value("rendition").toString() == rendition)
                return value.toObject().value("bytes").toInteger();
        return 0;
    }

    ProbeResult probeCatalogued(const QJsonObject& catalogued, const QString& rendition, int part) const
    {
        return probe(QJsonObject{
            {"file",
             QStringLiteral("%1/%2-%3.webm").arg(catalogued.value("id").toInteger()).arg(rendition).arg(part)}});
    }

    ProbeResult probe(const QJsonObject& part) const
    {
        const QString file =
            QDir(hub.dataDir() + QStringLiteral("/recordings")).filePath(part.value("file").toString());
        const ProbeResult result = RecordingProbe::probe(file.toStdString());
        std::printf("%s: %lld ms stated, %lld ms playable, %lld packets, %zu chapters%s\n", qPrintable(file),
                    static_cast<long long>(result.durationMs), static_cast<long long>(result.playableMs),
                    static_cast<long long>(result.packets), result.chapters.size(),
                    result.chaptersFromJournal ? " (from the journal)" : "");
        for (const auto& chapter : result.chapters)
            std::printf("  chapter at %lld ms: %s\n", static_cast<long long>(chapter.startMs), chapter.title.c_str());
        return result;
    }
};

std::vector<JoinClient> startThree(const QTemporaryDir& dir, const HubSession& hub, int seconds)
{
    std::vector<JoinClient> clients;
    clients.push_back(startHubClient(dir, hub, QStringLiteral("chair"), seconds));
    clients.push_back(startHubClient(dir, hub, QStringLiteral("presenter"), seconds,
                                     {"--share-screen", QStringLiteral("test-text@%1").arg(seconds / 3)}));
    clients.push_back(startHubClient(dir, hub, QStringLiteral("participant"), seconds));
    return clients;
}

void finishAll(std::vector<JoinClient>& clients, int seconds)
{
    for (JoinClient& client : clients)
        REQUIRE(waitUntil([&] { return client.process->state() == QProcess::NotRunning; }, (seconds + 30) * 1000));
}

// The hub's `spoke-hub record` child, found by PID among the serve's children.
qint64 recorderPid(qint64 servePid)
{
    QDir tasks(QStringLiteral("/proc/%1/task").arg(servePid));
    for (const QString& task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile children(tasks.filePath(task + QStringLiteral("/children")));
        if (!children.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray& pid : children.readAll().split(' ')) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(QString::fromLatin1(pid.trimmed())));
            if (!pid.trimmed().isEmpty() && cmdline.open(QIODevice::ReadOnly)
                && cmdline.readAll().split('\0').value(1) == "record")
                return pid.trimmed().toLongLong();
        }
    }
    return 0;
}

void checkMedia(const ProbeResult& result)
{
    CHECK(result.hasVideo());
    CHECK(result.hasAudio());
    for (const auto& track : result.tracks)
        std::printf("  track %d: %s %s %dx%d\n", track.index, track.kind.c_str(), track.codec.c_str(), track.width,
                    track.height);
}

// Three clients in a hub session for `seconds`, and the chair's recording
// switched on 6 s in (or once someone is in the call), its first part running.
struct RecordedSession {
    QTemporaryDir dir;
    HubSession hub;
    std::vector<JoinClient> clients;
    Recording recording;

    // `withCoordinator`: a fourth member, not in the call, who may remove the chair.
    explicit RecordedSession(int seconds, bool withCoordinator = false)
        : hub(dir, members(withCoordinator), kAgenda)
        , clients(startThree(dir, hub, seconds))
        , recording{hub}
    {
        REQUIRE(dir.isValid());
        dir.setAutoRemove(qEnvironmentVariableIsEmpty("SPOKE_KEEP_TEST_DIR"));
        std::printf("run dir: %s\n", qPrintable(dir.path()));
        const qint64 launchedMs = steadyMs();
        waitUntil([&] { return steadyMs() - launchedMs >= 6000; }, 7000);
        recording.waitForCall(30'000);
        recording.start();
        recording.waitForPart(1, false, 15'000);
    }

    static QList<std::pair<QString, QString>> members(bool withCoordinator)
    {
        QList<std::pair<QString, QString>> list{{QStringLiteral("chair"), QStringLiteral("specialist")},
                                                {QStringLiteral("presenter"), QStringLiteral("clinician")},
                                                {QStringLiteral("participant"), QStringLiteral("trainee")}};
        if (withCoordinator)
            list.append({QStringLiteral("coordinator"), QStringLiteral("coordinator")});
        return list;
    }
};

// How often the hub logged that part `part` of the session joined the room
// (RecorderSupervisor: the child's {"event":"joined"}).
int joinedLines(const HubSession& hub, int part)
{
    QFile log(hub.logFile());
    if (!log.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line =
        QStringLiteral("session %1 part %2 joined the room").arg(hub.sessionId()).arg(part).toUtf8();
    return int(log.readAll().count(line));
}

void waitForJoin(const HubSession& hub, int part)
{
    INFO("part " << part << " of the recording joins the room; see " << hub.logFile().toStdString());
    REQUIRE(waitUntil([&] { return joinedLines(hub, part) > 0; }, 20'000));
}

} // namespace

TEST_CASE("hub recording: the chair records a session of three with a chapter per agenda item",
          "[janus][hub][recording]")
{
    constexpr int kSeconds = 60;
    RecordedSession session(kSeconds);
    HubSession& hub = session.hub;
    std::vector<JoinClient>& clients = session.clients;
    Recording& recording = session.recording;
    recording.at(2);
    const double didacticMs = recording.advance();
    std::vector<double> chatSentMs;
    for (const double atS : {8.0, 14.0, 26.0, 33.0}) {
        recording.at(atS);
        chatSentMs.push_back(
            recording.chat(chatSentMs.size() % 2 ? QStringLiteral("presenter") : QStringLiteral("chair"),
                           QStringLiteral("Question %1 at %2 s").arg(chatSentMs.size() + 1).arg(atS)));
    }
    recording.at(20);
    const double caseMs = recording.advance();
    recording.at(38);
    const double stoppedMs = recording.advance(); // the session ends, and so does its recording
    const QJsonObject part = recording.waitForPart(1, true, 30'000);
    // Offsets into the file: from the part's start, which the hub stamps
    // when the recorder has opened the file (its time zero).
    const double fileStartMs = part.value("started_ms").toDouble();
    const double stoppedAtMs = stoppedMs - fileStartMs;
    INFO("part 1: " << compact(part));
    CHECK(part.value("exit_status").toString() == QLatin1String("stopped"));
    CHECK_FALSE(recording.state().value("active").toBool());
    finishAll(clients, kSeconds);

    // The hub hands the part to its catalogue, with the renditions.
    const QJsonObject catalogued = recording.catalogued(180'000);
    REQUIRE(Recording::partsOf(catalogued, "full").size() == 1);
    REQUIRE(Recording::partsOf(catalogued, "light").size() == 1);
    REQUIRE(Recording::partsOf(catalogued, "audio-slides").size() == 1);
    const qint64 fullBytes = Recording::bytesOf(catalogued, "full");
    const qint64 audioSlidesBytes = Recording::bytesOf(catalogued, "audio-slides");
    std::printf("full %lld bytes, light %lld, audio-slides %lld (%.1f %% of full)\n", static_cast<long long>(fullBytes),
                static_cast<long long>(Recording::bytesOf(catalogued, "light")),
                static_cast<long long>(audioSlidesBytes), 100.0 * double(audioSlidesBytes) / double(fullBytes));
    CHECK(audioSlidesBytes * 10 <= fullBytes);
    CHECK(catalogued.value("recorded_ms").toDouble() == fileStartMs); // the timeline's origin is the file's time zero

    // The replay timeline: each chat message within 1 s of when it was sent.
    const HubReply timeline =
        hub.call("GET", QStringLiteral("/api/v1/recordings/%1/timeline").arg(catalogued.value("id").toInteger()),
                 QStringLiteral("participant"));
    REQUIRE(timeline.status == 200);
    // Messages sent before the file's time zero (a slow start under ASan)
    // are not in the recording.
    std::vector<double> inRecording;
    for (const double sentMs : chatSentMs)
        if (sentMs >= fileStartMs)
            inRecording.push_back(sentMs);
    REQUIRE(inRecording.size() >= 2);
    const QJsonArray chat = timeline.body.value("chat").toArray();
    REQUIRE(chat.size() == qsizetype(inRecording.size()));
    for (qsizetype i = 0; i < chat.size(); ++i) {
        const double offsetMs = chat[i].toObject().value("offset_ms").toDouble();
        INFO("chat " << i << " at " << offsetMs << " ms, sent " << inRecording[std::size_t(i)] - fileStartMs << " ms");
        CHECK(std::abs(offsetMs - (inRecording[std::size_t(i)] - fileStartMs)) < 1000);
    }
    REQUIRE(timeline.body.value("chapters").toArray().size() == 2);

    const ProbeResult result = recording.probeCatalogued(catalogued, "full", 0);
    checkMedia(result);
    CHECK(result.readToEnd);
    CHECK_FALSE(result.chaptersFromJournal);
    REQUIRE(result.chapters.size() == 2);
    CHECK(result.chapters[0].title == "Didactic");
    CHECK(result.chapters[1].title == "Case presentation");
    CHECK(std::abs(double(result.chapters[0].startMs) - std::max(0.0, didacticMs - fileStartMs)) < kChapterToleranceMs);
    CHECK(std::abs(double(result.chapters[1].startMs) - (caseMs - fileStartMs)) < kChapterToleranceMs);
    std::printf("recording on for %.1f s, the file plays %.1f s\n", stoppedAtMs / 1000,
                double(result.playableMs) / 1000);
    CHECK(std::abs(double(result.playableMs) - stoppedAtMs) < kDurationToleranceMs);
    CHECK(std::abs(double(result.durationMs) - stoppedAtMs) < kDurationToleranceMs);
}

TEST_CASE("hub recording: a recorder killed mid-session is restarted in a new part", "[janus][hub][recording]")
{
    constexpr int kSeconds = 100;
    // From the chair's switch; the file starts some 2-3 s later (the child opens it),
    // so about 40 s into the file.
    constexpr double kKillAtS = 43;
    RecordedSession session(kSeconds);
    HubSession& hub = session.hub;
    std::vector<JoinClient>& clients = session.clients;
    Recording& recording = session.recording;
    recording.at(2);
    recording.advance(); // Didactic
    recording.at(kKillAtS);
    const qint64 pid = recorderPid(hub.servePid());
    REQUIRE(pid > 0);
    std::printf("killing the recorder, pid %lld, %.1f s into the recording\n", static_cast<long long>(pid),
                double(steadyMs() - recording.startedSteadyMs) / 1000);
    REQUIRE(::kill(pid_t(pid), SIGKILL) == 0);
    const QJsonObject crashed = recording.waitForPart(1, true, 10'000);
    CHECK(crashed.value("exit_status").toString() == QLatin1String("crashed"));
    const QJsonObject restarted = recording.waitForPart(2, false, 15'000);
    CHECK(restarted.value("started_ms").toDouble() > crashed.value("ended_ms").toDouble());
    // The next item starts once part 2's file is open (a restart is slow
    // under ASan), so that part 2 sees it begin.
    const QString part2File =
        QDir(hub.dataDir() + QStringLiteral("/recordings")).filePath(restarted.value("file").toString());
    REQUIRE(waitUntil([&] { return QFileInfo(part2File).size() > 0; }, 30'000));
    const qint64 part2OpenMs = steadyMs();
    waitUntil([&] { return steadyMs() - part2OpenMs >= 4000; }, 5000);
    const double caseMs = recording.advance();
    waitUntil([&] { return steadyMs() - part2OpenMs >= 14'000; }, 11'000);
    const double stoppedMs = recording.advance(); // the end
    const QJsonObject part2 = recording.waitForPart(2, true, 30'000);
    const double part2StartMs = part2.value("started_ms").toDouble();
    CHECK(part2.value("exit_status").toString() == QLatin1String("stopped"));
    finishAll(clients, kSeconds);

    // Both parts go to the catalogue as one recording of two full parts;
    // the renditions play them as one.
    const QJsonObject catalogued = recording.catalogued(180'000);
    REQUIRE(Recording::partsOf(catalogued, "full").size() == 2);
    const ProbeResult light = recording.probeCatalogued(catalogued, "light", 0);
    CHECK(light.readToEnd);
    const ProbeResult first = recording.probeCatalogued(catalogued, "full", 0);
    checkMedia(first);
    CHECK(first.playableMs >= 38'000);
    // Its chapter list was never written: the journal beside it has it.
    REQUIRE(first.chapters.size() == 1);
    CHECK(first.chapters[0].title == "Didactic");

    const ProbeResult second = recording.probeCatalogued(catalogued, "full", 1);
    checkMedia(second);
    CHECK(second.readToEnd);
    const double part2OnMs = stoppedMs - part2StartMs;
    std::printf("part 2 on for %.1f s, plays %.1f s\n", part2OnMs / 1000, double(second.playableMs) / 1000);
    CHECK(std::abs(double(second.playableMs) - part2OnMs) < kDurationToleranceMs);
    // It starts inside the first item and sees the second begin.
    REQUIRE(second.chapters.size() == 2);
    CHECK(second.chapters[0].title == "Didactic");
    CHECK(second.chapters[0].startMs < kChapterToleranceMs); // sent as the part starts
    CHECK(second.chapters[1].title == "Case presentation");
    CHECK(std::abs(double(second.chapters[1].startMs) - (caseMs - part2StartMs)) < kChapterToleranceMs);
    // The light rendition is both parts end to end.
    CHECK(std::abs(double(light.playableMs) - double(first.playableMs + second.playableMs)) < kDurationToleranceMs);
}

TEST_CASE("hub recording: the recorder outlives the chair's removal and a restart of serve", "[janus][hub][recording]")
{
    constexpr int kSeconds = 100;
    RecordedSession session(kSeconds, true);
    HubSession& hub = session.hub;
    std::vector<JoinClient>& clients = session.clients;
    Recording& recording = session.recording;
    recording.at(2);
    recording.advance(); // Didactic
    waitForJoin(hub, 1);

    // The recorder is no member's device: the room's participants are the
    // three members in the call, on the feed ids the hub issued them.
    const qint64 chair = hub.member(QStringLiteral("chair")).accountId;
    const QList<qint64> inCall{chair, hub.member(QStringLiteral("presenter")).accountId,
                               hub.member(QStringLiteral("participant")).accountId};
    const HubReply listed =
        hub.call("GET", recording.path(QStringLiteral("participants")), QStringLiteral("participant"));
    INFO("participants: " << compact(listed.body));
    REQUIRE(listed.status == 200);
    const QJsonArray participants = listed.body.value("participants").toArray();
    CHECK(participants.size() <= inCall.size());
    for (const auto& participant : participants) {
        CHECK(inCall.contains(participant.toObject().value("account_id").toInteger()));
        for (const auto& feed : participant.toObject().value("feeds").toArray())
            CHECK(feed.toObject().value("id").toInteger() >= 1000);
    }

    // The coordinator removes the chair who switched recording on: the
    // chair's tokens leave the room's allow-list, the recorder's stays.
    const HubReply removed = hub.call("POST", recording.path(QStringLiteral("remove")), QStringLiteral("coordinator"),
                                      {{"account_id", chair}});
    INFO("remove: " << compact(removed.body));
    REQUIRE(removed.status == 200);
    // So a recorder killed now joins again for part 2 and keeps recording.
    recording.at(20);
    const qint64 pid = recorderPid(hub.servePid());
    REQUIRE(pid > 0);
    REQUIRE(::kill(pid_t(pid), SIGKILL) == 0);
    CHECK(recording.waitForPart(1, true, 10'000).value("exit_status").toString() == QLatin1String("crashed"));
    recording.waitForPart(2, false, 15'000);
    waitForJoin(hub, 2);
    const qint64 joinedMs = steadyMs();
    waitUntil([&] { return steadyMs() - joinedMs >= 6000; }, 7000);
    recording.waitForPart(2, false, 1000); // not refused and ended meanwhile

    // serve is killed mid-recording and started again: the recording goes
    // on in part 3. Part 2, open in the database, is ended as crashed (its
    // child finished its file when serve's end closed its stdin).
    std::printf("killing serve %.1f s into the recording\n", double(steadyMs() - recording.startedSteadyMs) / 1000);
    hub.killAndRestartServe();
    const QJsonObject orphan = recording.waitForPart(2, true, 10'000);
    CHECK(orphan.value("exit_status").toString() == QLatin1String("crashed"));
    CHECK(recording.state().value("active").toBool());
    const QJsonObject resumed = recording.waitForPart(3, false, 20'000);
    CHECK(resumed.value("started_ms").toDouble() >= orphan.value("ended_ms").toDouble());
    waitForJoin(hub, 3);
    const QString part3File =
        QDir(hub.dataDir() + QStringLiteral("/recordings")).filePath(resumed.value("file").toString());
    REQUIRE(waitUntil([&] { return QFileInfo(part3File).size() > 0; }, 30'000));
    const qint64 part3OpenMs = steadyMs();
    waitUntil([&] { return steadyMs() - part3OpenMs >= 4000; }, 5000);
    const double caseMs = recording.advance(); // Case presentation
    waitUntil([&] { return steadyMs() - part3OpenMs >= 14'000; }, 11'000);
    const double stoppedMs = recording.advance(); // the end
    const QJsonObject part3 = recording.waitForPart(3, true, 30'000);
    CHECK(part3.value("exit_status").toString() == QLatin1String("stopped"));
    CHECK_FALSE(recording.state().value("active").toBool());
    CHECK(recording.parts().size() == 3);
    finishAll(clients, kSeconds);

    // All three parts become one recording; the resumed part plays from
    // its start to the session's end, and opens with the item under way.
    const QJsonObject catalogued = recording.catalogued(180'000);
    REQUIRE(Recording::partsOf(catalogued, "full").size() == 3);
    const ProbeResult third = recording.probeCatalogued(catalogued, "full", 2);
    checkMedia(third);
    CHECK(third.readToEnd);
    const double part3OnMs = stoppedMs - part3.value("started_ms").toDouble();
    std::printf("part 3 on for %.1f s, plays %.1f s\n", part3OnMs / 1000, double(third.playableMs) / 1000);
    CHECK(std::abs(double(third.playableMs) - part3OnMs) < kDurationToleranceMs);
    REQUIRE(third.chapters.size() == 2);
    CHECK(third.chapters[0].title == "Didactic");
    CHECK(third.chapters[1].title == "Case presentation");
    CHECK(std::abs(double(third.chapters[1].startMs) - (caseMs - part3.value("started_ms").toDouble()))
          < kChapterToleranceMs);
}
