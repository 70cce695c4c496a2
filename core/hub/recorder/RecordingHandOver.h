#pragma once

#include "hub/db/HubDatabase.h"

#include <QString>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace spoke::hub::recorder {

// One session's finished parts, ready for the catalogue.
struct HandOverPlan {
    std::int64_t sessionId = 0;
    std::int64_t programmeId = 0;
    QString title; // the session's
    std::int64_t recordedMs = 0; // the first part's time zero: the timeline's origin
    std::vector<int> parts; // session_recordings.part, in order
    std::vector<std::filesystem::path> files; // their files, in the same order
};

// What a session's parts can become: every part that ended, was not handed
// over yet, and left a file with something in it (a part that failed to
// start has none), in part order. Nothing while a part is still being
// written, nor when no part qualifies. Reads only; `recordingsDir` is
// DATA_DIR/recordings.
std::optional<HandOverPlan> planHandOver(HubDatabase& db, std::int64_t sessionId,
                                         const std::filesystem::path& recordingsDir);

// Adds the plan's parts to the recording catalogue as one live recording
// (core/hub/recordings: files moved in, light and audio-slides made) and
// marks them handed over, so a second call does nothing. Returns the new
// recording's id, or the catalogue's refusal.
spoke::Expected<std::int64_t, QString> handOver(HubDatabase& db, const HandOverPlan& plan,
                                                const std::filesystem::path& recordingsDir, std::int64_t nowMs);

// Hands sessions' recordings over to the catalogue on a thread of its own,
// with its own database connection (QtSql connections stay on their
// thread), because making the renditions takes minutes of CPU for a long
// session and the hub's event loop must not wait for it. Sessions are done
// one at a time, in the order asked. `done` is called on the worker thread
// with the session and the recording id or the reason it failed.
class RecordingHandOver {
public:
    using Done = std::function<void(std::int64_t sessionId, const spoke::Expected<std::int64_t, QString>& result)>;

    RecordingHandOver(HubDatabaseLocation location, std::filesystem::path recordingsDir, Done done);
    // Finishes the session being handed over (a rendition under way is not
    // cut: its files would be lost), drops the ones still waiting: their
    // parts stay un-handed-over and the next start picks them up.
    ~RecordingHandOver();
    RecordingHandOver(const RecordingHandOver&) = delete;
    RecordingHandOver& operator=(const RecordingHandOver&) = delete;

    void enqueue(std::int64_t sessionId);
    // Every session whose recording is off and that has ended parts not
    // handed over: what a hub that stopped mid-hand-over left (at serve's
    // start, after RecorderSupervisor::resume).
    void enqueueLeftOvers(HubDatabase& db);

private:
    void run();

    HubDatabaseLocation location_;
    std::filesystem::path recordingsDir_;
    Done done_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::int64_t> waiting_;
    bool stopping_ = false;
    std::thread worker_;
};

} // namespace spoke::hub::recorder
