#include "hub/recorder/RecorderSupervisor.h"

#include "hub/api/RecordingState.h"
#include "hub/db/HubDatabase.h"
#include "hub/janus/RoomService.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QTimer>

namespace spoke::hub::recorder {

namespace {

// The recorder's device among the chair's (docs/hub-api.md, Media): a
// token and slot of its own, so the chair's own devices keep theirs.
const QString kRecorderDevice = QStringLiteral("hub-recorder");

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
        if (running == children_.end())
            requestJoin(sessionId, programmeId);
        else
            running->second.stopping = false; // switched off and on again before the child finished
    } else if (running != children_.end()) {
        stop(running->second);
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

// The recorder joins as any device does (RoomService: the room made or
// found, its token added to the room's allow-list), on the account of the
// chair who switched recording on.
void RecorderSupervisor::requestJoin(qint64 sessionId, qint64 programmeId)
{
    const std::optional<HubRow> row =
        db_.queryOne(QStringLiteral("SELECT COALESCE(s.room, s.id + 100000), r.started_by FROM sessions s "
                                    "JOIN session_recording_state r ON r.session_id = s.id WHERE s.id = ?"),
                     {QVariant::fromValue(sessionId)});
    if (!row)
        return;
    Child& child = children_[sessionId];
    child.sessionId = sessionId;
    child.programmeId = programmeId;
    api::RoomRequest request;
    request.kind = api::RoomRequest::Kind::Join;
    request.sessionId = sessionId;
    request.programmeId = programmeId;
    request.janusRoom = row->integer(0);
    request.callerId = row->integer(1);
    request.callerName = QStringLiteral("Recorder");
    request.callerRole = Role::Specialist;
    request.deviceId = kRecorderDevice;
    rooms_.run(request, nowMs(), [this, sessionId](api::HttpResponse response, std::vector<api::ProgrammeChange>) {
        const auto found = children_.find(sessionId);
        if (found == children_.end())
            return;
        Child& waiting = found->second;
        if (response.status != 200 || waiting.stopping) {
            qWarning("spoke-hub: recorder: session %lld: no join for the recorder (HTTP %d)", sessionId,
                     response.status);
            children_.erase(found);
            return;
        }
        waiting.join = QJsonDocument::fromJson(response.body).object().value(QLatin1String("join")).toObject();
        // The hub's own --janus configuration: a ws:// there is the operator's choice.
        waiting.join.insert(QStringLiteral("allow_plain_ws"),
                            waiting.join.value(QLatin1String("janus_url")).toString().startsWith(QLatin1String("ws:")));
        try {
            launch(waiting);
        } catch (const HubDbError& error) {
            qWarning("spoke-hub: recorder: database error for session %lld: %s", sessionId, error.what());
        }
    });
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
    process.write(QJsonDocument(child.join).toJson(QJsonDocument::Compact) + '\n');
    if (const std::optional<QString> item = currentItem(sessionId))
        process.write(commandLine(QStringLiteral("chapter"), *item));
    qInfo("spoke-hub: recorder: session %lld part %d started (pid %lld)", sessionId, child.part,
          qint64(process.processId()));
    announce(sessionId, child.programmeId);
}

// The child's stdout: {"event":"started"} moves the part's started_ms to
// the file's time zero (the process took a moment to open it), so offsets
// into the file can be reckoned from the wall clock.
void RecorderSupervisor::readEvents(QProcess& process, qint64 sessionId, int part)
{
    while (process.canReadLine()) {
        const QJsonObject event = QJsonDocument::fromJson(process.readLine()).object();
        if (event.value(QLatin1String("event")).toString() != QLatin1String("started"))
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
        const bool again = !child.stopping && recordingOn(sessionId) && child.restarts < config_.maxRestarts;
        // Deleted later: this is the process' own finished() signal.
        child.process.release()->deleteLater();
        if (!again) {
            children_.erase(found);
            if (finished_)
                finished_(sessionId);
            return;
        }
        ++child.restarts;
        QTimer::singleShot(config_.restartDelayMs, this, [this, sessionId] {
            const auto restarting = children_.find(sessionId);
            if (restarting == children_.end() || restarting->second.process)
                return;
            try {
                if (restarting->second.stopping || !recordingOn(sessionId)) {
                    children_.erase(restarting);
                    if (finished_)
                        finished_(sessionId);
                } else
                    launch(restarting->second);
            } catch (const HubDbError& error) {
                qWarning("spoke-hub: recorder: database error for session %lld: %s", sessionId, error.what());
            }
        });
    } catch (const HubDbError& error) {
        qWarning("spoke-hub: recorder: database error for session %lld: %s", sessionId, error.what());
    }
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
