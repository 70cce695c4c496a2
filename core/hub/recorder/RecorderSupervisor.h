#pragma once

#include "hub/api/Router.h"

#include <QJsonObject>
#include <QObject>
#include <QProcess>

#include <functional>
#include <map>
#include <memory>

namespace spoke::hub {
class HubDatabase;
}
namespace spoke::hub::janus {
class RoomService;
}

namespace spoke::hub::recorder {

// Runs `spoke-hub record` children for the sessions the chair records
// (docs/hub-api.md, Recording). It watches what the API committed (the
// server hands it every ProgrammeChange): a {"event":"recording"} that
// switched recording on gets the recorder a join for the session's room
// (RoomService::joinRecorder: a token of its own, no member's, so removing
// the chair does not shut it out, and a feed id per part that names no
// account) and starts a child writing DATA_DIR/recordings/session-ID/part-N.webm;
// an {"event":"agenda"} sends the child the item that started as a chapter,
// or stops it when the session ended; switching off stops it. A child that
// dies, or a join that fails, while recording is on is tried again for part
// N+1 with a fresh join (after restartDelayMs, at most maxRestarts times).
// Each part is a row of session_recordings, with how it ended; each start
// and end of a part is announced as a {"event":"recording"} too. A hub
// stopped mid-recording leaves the recording on; resume() goes on with it.
//
// When a session's recording is over (switched off, the session ended, or
// no restart left) it calls the finished callback, which serve connects to
// RecordingHandOver: the parts go to the recordings catalogue from there.
//
// Threading: the hub's event loop, with the hub's database. Not clock-free
// on purpose: it stamps parts with the wall clock as the processes start and
// end, which is what it supervises.
class RecorderSupervisor : public QObject {
    Q_OBJECT
public:
    struct Config {
        QString program; // the spoke-hub executable
        QString recordingsDirectory; // DATA_DIR/recordings
        QString iceInterface; // spoke-hub record --ice-iface; empty: every interface
        int restartDelayMs = 1000;
        int maxRestarts = 20;
        int stopTimeoutMs = 15'000; // a child that does not finish this long after `stop` is killed
    };
    using Notify = std::function<void(const std::vector<api::ProgrammeChange>&)>;

    RecorderSupervisor(HubDatabase& db, janus::RoomService& rooms, Config config, Notify notify,
                       QObject* parent = nullptr);
    // Stops every child and waits for it (bounded by stopTimeoutMs), so
    // the files are finished when serve exits.
    ~RecorderSupervisor() override;

    void observe(const std::vector<api::ProgrammeChange>& changes);

    // At serve's start, what a hub that stopped while recording left: a
    // part still open (the hub was killed) is ended, as crashed; a session
    // whose recording is on gets a new part when it is still live, and its
    // recording switched off when it ended meanwhile (its parts are then the
    // hand-over's left-overs, RecordingHandOver::enqueueLeftOvers).
    void resume();

    // Called on the hub's event loop once a session's last part has ended
    // and no part follows.
    void setFinished(std::function<void(qint64 sessionId)> finished) { finished_ = std::move(finished); }

    // The running child's process id for a session, 0 when none (for logs).
    qint64 childPid(qint64 sessionId) const;

private:
    struct Child {
        qint64 sessionId = 0;
        qint64 programmeId = 0;
        QJsonObject join;
        int part = 0;
        int restarts = 0;
        bool stopping = false;
        std::unique_ptr<QProcess> process;
    };

    void onRecordingSwitched(qint64 sessionId, qint64 programmeId);
    void onAgenda(qint64 sessionId);
    void endOrphanedParts();
    void requestJoin(qint64 sessionId);
    void onJoin(qint64 sessionId, const api::HttpResponse& response);
    void launch(Child& child);
    void readEvents(QProcess& process, qint64 sessionId, int part);
    void onExited(qint64 sessionId, int exitCode, QProcess::ExitStatus status);
    void restartOrFinish(qint64 sessionId);
    void finish(qint64 sessionId);
    void stop(Child& child);
    std::optional<QString> currentItem(qint64 sessionId);
    bool recordingOn(qint64 sessionId);
    void announce(qint64 sessionId, qint64 programmeId);

    HubDatabase& db_;
    janus::RoomService& rooms_;
    Config config_;
    Notify notify_;
    std::map<qint64, Child> children_; // by session
    std::function<void(qint64)> finished_;
};

} // namespace spoke::hub::recorder
