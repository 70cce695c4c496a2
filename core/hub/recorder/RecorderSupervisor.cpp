#include "hub/recorder/RecorderSupervisor.h"

#include "hub/api/RecordingState.h"
#include "hub/db/HubDatabase.h"
#include "hub/janus/MediaConfig.h"
#include "hub/janus/RoomService.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>

namespace spoke::hub::recorder {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString partFile(qint64 sessionId, int part)
{
    return QStringLiteral("session-%1/part-%2.webm").arg(sessionId).arg(part);
}

// A chapter title is one line of the child's protocol.
QByteArray commandLine(const QString& command, const QString& argument = {})
{
    QString line = command;
    if (!argument.isEmpty())
        line += u' ' + QString(argument).replace(u'\n', u' ').replace(u'\r', u' ');
    return line.toUtf8() + '\n';
}

} // namespace

RecorderSupervisor::RecorderSupervisor(HubDatabase& db, janus::RoomService& rooms, Config config, Notify notify,
                                       QObject* parent)
    : QObject(parent)
    , db_(db)
    , rooms_(rooms)
    , config_(std::move(config))
    , notify_(std::move(notify))
{
}

RecorderSupervisor::~RecorderSupervisor()
{
    // Every child is told first, so they finish their files side by side.
    for (auto& [sessionId, child] : children_) {
        if (!child.process)
            continue;
        child.process->disconnect(this);
        child.stopping = true;
        child.process->write(commandLine(QStringLiteral("stop")));
        child.process->closeWriteChannel();
    }
    for (auto& [sessionId, child] : children_) {
        if (!child.process)
            continue;
        if (!child.process->waitForFinished(config_.stopTimeoutMs))
            child.process->kill();
        child.process->waitForFinished(2000);
        try {
            db_.exec(QStringLiteral("UPDATE session_recordings SET ended_ms = ?, exit_status = ? WHERE session_id = ? "
                                    "AND part = ?"),
                     {QVariant::fromValue(nowMs()),
                      child.process->exitStatus() == QProcess::NormalExit && child.process->exitCode() == 0
                          ? QStringLiteral("stopped")
                          : QStringLiteral("crashed"),
                      QVariant::fromValue(sessionId), child.part});
        } catch (const HubDbError& error) {
            qWarning("spoke-hub: recorder: database error for session %lld: %s", sessionId, error.what());
        }
    }
}

qint64 RecorderSupervisor::childPid(qint64 sessionId) const
{
    const auto found = children_.find(sessionId);
    return found != children_.end() && found->second.process ? found->second.process->processId() : 0;
}

void RecorderSupervisor::observe(const std::vector<api::ProgrammeChange>& changes)
{
    for (const api::ProgrammeChange& change : changes) {
        const QString kind = change.event.value(QLatin1String("event")).toString();
        const qint64 sessionId = change.event.value(QLatin1String("session_id")).toInteger();
        try {
            if (kind == QLatin1String("recording"))
                onRecordingSwitched(sessionId, change.programmeId);
            else if (kind == QLatin1String("agenda"))
                onAgenda(sessionId);
        } catch (const HubDbError& error) {
            qWarning("spoke-hub: recorder: database error for session %lld: %s", sessionId, error.what());
        }
    }
}

bool RecorderSupervisor::recordingOn(qint64 sessionId)
{
    const std::optional<HubRow> state = db_.queryOne(
        QStringLiteral("SELECT r.active FROM session_recording_state r WHERE r.session_id = ? AND NOT EXISTS "
                       "(SELECT 1 FROM session_ends e WHERE e.session_id = r.session_id)"),
        {QVariant::fromValue(sessionId)});
    return state && state->integer(0) == 1;
}

void RecorderSupervisor::onRecordingSwitched(qint64 sessionId, qint64 programmeId)
{
    const auto running = children_.find(sessionId);
    if (recordingOn(sessionId)) {
        if (running == children_.end()) {
            Child& child = children_[sessionId];
            child.sessionId = sessionId;
            child.programmeId = programmeId;
            requestJoin(sessionId);
        } else
            running->second.stopping = false; // switched off and on again before the child finished
    } else if (running != children_.end()) {
        stop(running->second);
    }
}

void RecorderSupervisor::resume()
{
    try {
        endOrphanedParts();
        const HubQueryResult sessions =
            db_.exec(QStringLiteral("SELECT r.session_id, s.programme_id, e.ended_ms FROM session_recording_state r "
                                    "JOIN sessions s ON s.id = r.session_id LEFT JOIN session_ends e ON e.session_id = "
                                    "r.session_id WHERE r.active = 1 ORDER BY r.session_id"));
        for (const HubRow& row : sessions.rows) {
            const qint64 sessionId = row.integer(0);
            if (!row.isNull(2)) {
                // It ended while no hub recorded it: its recording ended
                // then too. Its parts are left over for the hand-over.
                db_.exec(QStringLiteral("UPDATE session_recording_state SET active = 0, stopped_ms = ? WHERE "
                                        "session_id = ?"),
                         {QVariant::fromValue(row.integer(2)), QVariant::fromValue(sessionId)});
                qInfo("spoke-hub: recorder: session %lld ended while the hub was down; its recording is over",
                      sessionId);
                continue;
            }
            if (children_.contains(sessionId))
                continue;
            qInfo("spoke-hub: recorder: session %lld was being recorded when the hub stopped: a new part", sessionId);
            Child& child = children_[sessionId];
            child.sessionId = sessionId;
            child.programmeId = row.integer(1);
            requestJoin(sessionId);
        }
    } catch (const HubDbError& error) {
        qWarning("spoke-hub: recorder: database error while resuming recordings: %s", error.what());
    }
}

// Parts still open in the database belong to children of a hub that was
// killed (this one has none yet). Such a child finishes its file when its
// stdin closes with its parent; the part ended at the file's last write,
// as best the hub can tell, and counts as crashed.
void RecorderSupervisor::endOrphanedParts()
{
    const HubQueryResult open =
        db_.exec(QStringLiteral("SELECT session_id, part, file, started_ms FROM session_recordings WHERE ended_ms IS "
                                "NULL ORDER BY session_id"));
    const qint64 now = nowMs();
    for (const HubRow& row : open.rows) {
        const QFileInfo file(QDir(config_.recordingsDirectory).filePath(row.text(2)));
        const qint64 lastWriteMs = file.exists() ? file.lastModified().toMSecsSinceEpoch() : now;
        const qint64 endedMs = std::clamp(lastWriteMs, qint64(row.integer(3)), now);
        db_.exec(
            QStringLiteral("UPDATE session_recordings SET ended_ms = ?, exit_status = 'crashed' WHERE "
                           "session_id = ? AND part = ? AND ended_ms IS NULL"),
            {QVariant::fromValue(endedMs), QVariant::fromValue(row.integer(0)), QVariant::fromValue(row.integer(1))});
    }
}

void RecorderSupervisor::onAgenda(qint64 sessionId)
{
    const auto running = children_.find(sessionId);
    if (running == children_.end())
        return;
    if (db_.queryOne(QStringLiteral("SELECT 1 FROM session_ends WHERE session_id = ?"),
                     {QVariant::fromValue(sessionId)})) {
        // The session ended: so does its recording (the room goes too).
        db_.exec(QStringLiteral("UPDATE session_recording_state SET active = 0, stopped_ms = ? WHERE session_id = ? "
                                "AND active = 1"),
                 {QVariant::fromValue(nowMs()), QVariant::fromValue(sessionId)});
        stop(running->second);
        return;
    }
    if (const std::optional<QString> title = currentItem(sessionId); title && running->second.process)
        running->second.process->write(commandLine(QStringLiteral("chapter"), *title));
}

// The agenda item under way: the last one started.
std::optional<QString> RecorderSupervisor::currentItem(qint64 sessionId)
{
    const std::optional<HubRow> item =
        db_.queryOne(QStringLiteral("SELECT title FROM agenda_items WHERE session_id = ? AND started_ms IS NOT NULL "
                                    "ORDER BY position DESC LIMIT 1"),
                     {QVariant::fromValue(sessionId)});
    return item ? std::optional(item->text(0)) : std::nullopt;
}

// The recorder joins as itself (RoomService::joinRecorder: its own token
// in the room's allow-list, no account's), so no member's removal keeps it
// out. A join that fails is tried again as a dead child is.
void RecorderSupervisor::requestJoin(qint64 sessionId)
{
    const auto found = children_.find(sessionId);
    if (found == children_.end())
        return;
    rooms_.joinRecorder(sessionId, found->second.programmeId,
                        [this, sessionId](api::HttpResponse response, std::vector<api::ProgrammeChange>) {
                            onJoin(sessionId, response);
                        });
}

void RecorderSupervisor::onJoin(qint64 sessionId, const api::HttpResponse& response)
{
    const auto found = children_.find(sessionId);
    if (found == children_.end() || found->second.process)
        return;
    Child& waiting = found->second;
    try {
        if (response.status != 200) {
            qWarning("spoke-hub: recorder: session %lld: no join for the recorder (HTTP %d: %s)", sessionId,
                     response.status, response.body.constData());
            restartOrFinish(sessionId);
            return;
        }
        if (waiting.stopping || !recordingOn(sessionId)) {
            finish(sessionId);
            return;
        }
        waiting.join = QJsonDocument::fromJson(response.body).object().value(QLatin1String("join")).toObject();
        // The hub's own --janus configuration: a ws:// there is the operator's choice.
        waiting.join.insert(QStringLiteral("allow_plain_ws"),
                            waiting.join.value(QLatin1String("janus_url")).toString().startsWith(QLatin1String("ws:")));
        launch(waiting);
    } catch (const HubDbError& error) {
        qWarning("spoke-hub: recorder: database error for session %lld: %s", sessionId, error.what());
    }
}

void RecorderSupervisor::launch(Child& child)
{
    const qint64 sessionId = child.sessionId;
    const std::optional<HubRow> last =
        db_.queryOne(QStringLiteral("SELECT COALESCE(MAX(part), 0) FROM session_recordings WHERE session_id = ?"),
                     {QVariant::fromValue(sessionId)});
    child.part = int(last ? last->integer(0) : 0) + 1;
    const QString file = partFile(sessionId, child.part);
    const QString path = QDir(config_.recordingsDirectory).filePath(file);
    QDir().mkpath(QFileInfo(path).absolutePath());
    const std::optional<HubRow> title =
        db_.queryOne(QStringLiteral("SELECT title FROM sessions WHERE id = ?"), {QVariant::fromValue(sessionId)});
    QStringList args{QStringLiteral("record"), QStringLiteral("--file"), path, QStringLiteral("--title"),
                     title ? title->text(0) : QString()};
    if (!config_.iceInterface.isEmpty())
        args << QStringLiteral("--ice-iface") << config_.iceInterface;
    db_.exec(QStringLiteral("INSERT INTO session_recordings (session_id, part, file, started_ms) VALUES (?, ?, ?, ?)"),
             {QVariant::fromValue(sessionId), child.part, file, QVariant::fromValue(nowMs())});

    child.process = std::make_unique<QProcess>();
    QProcess& process = *child.process;
    // The child's log lines join the hub's (stderr); its events come on stdout.
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(&process, &QProcess::readyReadStandardOutput, this,
            [this, &process, sessionId, part = child.part] { readEvents(process, sessionId, part); });
    connect(&process, &QProcess::finished, this,
            [this, sessionId](int exitCode, QProcess::ExitStatus status) { onExited(sessionId, exitCode, status); });
    // A program that cannot start emits no finished(): count it as a failed part.
    connect(&process, &QProcess::errorOccurred, this, [this, sessionId](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onExited(sessionId, 127, QProcess::NormalExit);
    });
    process.start(config_.program, args);
    // Secrets on stdin (never argv, which every user of the machine can read).
    QJsonObject join = child.join;
    join.insert(QStringLiteral("feed"), double(janus::recorderFeedId(child.part)));
    process.write(QJsonDocument(join).toJson(QJsonDocument::Compact) + '\n');
    if (const std::optional<QString> item = currentItem(sessionId))
        process.write(commandLine(QStringLiteral("chapter"), *item));
    qInfo("spoke-hub: recorder: session %lld part %d started (pid %lld)", sessionId, child.part,
          qint64(process.processId()));
    announce(sessionId, child.programmeId);
}

// The child's stdout: {"event":"started"} moves the part's started_ms to
// the file's time zero (the process took a moment to open it), so offsets
// into the file can be reckoned from the wall clock; {"event":"joined"} is
// logged (the room let the recorder in).
void RecorderSupervisor::readEvents(QProcess& process, qint64 sessionId, int part)
{
    while (process.canReadLine()) {
        const QJsonObject event = QJsonDocument::fromJson(process.readLine()).object();
        const QString kind = event.value(QLatin1String("event")).toString();
        if (kind == QLatin1String("joined"))
            qInfo("spoke-hub: recorder: session %lld part %d joined the room", sessionId, part);
        if (kind != QLatin1String("started"))
            continue;
        try {
            db_.exec(QStringLiteral("UPDATE session_recordings SET started_ms = ? WHERE session_id = ? AND part = ?"),
                     {QVariant::fromValue(nowMs()), QVariant::fromValue(sessionId), part});
        } catch (const HubDbError& error) {
            qWarning("spoke-hub: recorder: database error for session %lld: %s", sessionId, error.what());
        }
    }
}

void RecorderSupervisor::onExited(qint64 sessionId, int exitCode, QProcess::ExitStatus status)
{
    const auto found = children_.find(sessionId);
    if (found == children_.end())
        return;
    Child& child = found->second;
    const bool clean = status == QProcess::NormalExit && exitCode == 0;
    const QString how = clean                           ? QStringLiteral("stopped")
                        : status == QProcess::CrashExit ? QStringLiteral("crashed")
                                                        : QStringLiteral("failed");
    qInfo("spoke-hub: recorder: session %lld part %d ended: %s", sessionId, child.part, qPrintable(how));
    try {
        db_.exec(QStringLiteral("UPDATE session_recordings SET ended_ms = ?, exit_status = ? WHERE session_id = ? AND "
                                "part = ?"),
                 {QVariant::fromValue(nowMs()), how, QVariant::fromValue(sessionId), child.part});
        announce(sessionId, child.programmeId);
        // Deleted later: this is the process' own finished() signal.
        child.process.release()->deleteLater();
        restartOrFinish(sessionId);
    } catch (const HubDbError& error) {
        qWarning("spoke-hub: recorder: database error for session %lld: %s", sessionId, error.what());
    }
}

// A part that ended, or a join that failed: a new part after
// restartDelayMs (with a fresh join: the room may have been made again)
// while recording is on and restarts are left; otherwise the recording is over.
void RecorderSupervisor::restartOrFinish(qint64 sessionId)
{
    const auto found = children_.find(sessionId);
    if (found == children_.end())
        return;
    Child& child = found->second;
    if (child.stopping || !recordingOn(sessionId) || child.restarts >= config_.maxRestarts) {
        finish(sessionId);
        return;
    }
    ++child.restarts;
    QTimer::singleShot(config_.restartDelayMs, this, [this, sessionId] {
        const auto restarting = children_.find(sessionId);
        if (restarting == children_.end() || restarting->second.process)
            return;
        try {
            if (restarting->second.stopping || !recordingOn(sessionId))
                finish(sessionId);
            else
                requestJoin(sessionId);
        } catch (const HubDbError& error) {
            qWarning("spoke-hub: recorder: database error for session %lld: %s", sessionId, error.what());
        }
    });
}

void RecorderSupervisor::finish(qint64 sessionId)
{
    children_.erase(sessionId);
    if (finished_)
        finished_(sessionId);
}

void RecorderSupervisor::stop(Child& child)
{
    child.stopping = true;
    if (!child.process)
        return; // a join in flight or a restart pending: they see `stopping`
    child.process->write(commandLine(QStringLiteral("stop")));
    child.process->closeWriteChannel();
    QTimer::singleShot(config_.stopTimeoutMs, child.process.get(), [process = child.process.get()] {
        if (process->state() != QProcess::NotRunning)
            process->kill();
    });
}

void RecorderSupervisor::announce(qint64 sessionId, qint64 programmeId)
{
    if (notify_)
        notify_({{programmeId, 0, api::recordingEvent(db_, sessionId)}});
}

} // namespace spoke::hub::recorder
