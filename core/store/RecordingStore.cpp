#include "store/RecordingStore.h"

#include "store/Database.h"

namespace spoke::store {

namespace {

constexpr std::string_view kRecordingColumns =
    "SELECT id, session_id, title, file_path, duration_ms, size_bytes, sha256, source, created_ms FROM recordings ";

Recording readRecording(const Statement& row)
{
    Recording r;
    r.id = row.int64(0);
    r.sessionId = row.optionalInt64(1);
    r.title = row.text(2);
    r.filePath = row.text(3);
    r.durationMs = row.int64(4);
    r.sizeBytes = row.int64(5);
    r.sha256 = row.text(6);
    r.source = recordingSourceFrom(row.text(7));
    r.createdMs = row.int64(8);
    return r;
}

std::vector<Recording> readAll(Statement& stmt)
{
    std::vector<Recording> result;
    while (stmt.step())
        result.push_back(readRecording(stmt));
    return result;
}

} // namespace

std::int64_t RecordingStore::add(const Recording& r)
{
    db_.prepare("INSERT INTO recordings(session_id, title, file_path, duration_ms, size_bytes, sha256, source, "
                "created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(r.sessionId, r.title, r.filePath, r.durationMs, r.sizeBytes, r.sha256, toString(r.source), r.createdMs)
        .run();
    return db_.lastInsertRowId();
}

std::optional<Recording> RecordingStore::byId(std::int64_t id)
{
    Statement stmt = db_.prepare(std::string(kRecordingColumns) + "WHERE id = ?");
    stmt.bind(1, id);
    if (!stmt.step())
        return std::nullopt;
    return readRecording(stmt);
}

std::vector<Recording> RecordingStore::list(int limit)
{
    Statement stmt = db_.prepare(std::string(kRecordingColumns) + "ORDER BY created_ms DESC, id DESC LIMIT ?");
    stmt.bind(1, limit);
    return readAll(stmt);
}

std::vector<Recording> RecordingStore::forSession(std::int64_t sessionId)
{
    Statement stmt = db_.prepare(std::string(kRecordingColumns) + "WHERE session_id = ? ORDER BY created_ms");
    stmt.bind(1, sessionId);
    return readAll(stmt);
}

void RecordingStore::setDuration(std::int64_t id, std::int64_t durationMs)
{
    db_.prepare("UPDATE recordings SET duration_ms = ? WHERE id = ?").bindAll(durationMs, id).run();
}

std::int64_t RecordingStore::addChapter(const Chapter& c)
{
    db_.prepare("INSERT INTO chapters(recording_id, start_ms, end_ms, title, case_id) VALUES (?, ?, ?, ?, ?)")
        .bindAll(c.recordingId, c.startMs, c.endMs, c.title, c.caseId)
        .run();
    return db_.lastInsertRowId();
}

std::vector<Chapter> RecordingStore::chapters(std::int64_t recordingId)
{
    Statement stmt = db_.prepare("SELECT id, recording_id, start_ms, end_ms, title, case_id FROM chapters "
                                 "WHERE recording_id = ? ORDER BY start_ms, id");
    stmt.bind(1, recordingId);
    std::vector<Chapter> result;
    while (stmt.step())
        result.push_back(
            {stmt.int64(0), stmt.int64(1), stmt.int64(2), stmt.optionalInt64(3), stmt.text(4), stmt.optionalInt64(5)});
    return result;
}

std::int64_t RecordingStore::addBookmark(const Bookmark& b)
{
    db_.prepare("INSERT INTO bookmarks(recording_id, position_ms, note, created_ms) VALUES (?, ?, ?, ?)")
        .bindAll(b.recordingId, b.positionMs, b.note, b.createdMs)
        .run();
    return db_.lastInsertRowId();
}

std::vector<Bookmark> RecordingStore::bookmarks(std::int64_t recordingId)
{
    Statement stmt = db_.prepare("SELECT id, recording_id, position_ms, note, created_ms FROM bookmarks "
                                 "WHERE recording_id = ? ORDER BY position_ms, id");
    stmt.bind(1, recordingId);
    std::vector<Bookmark> result;
    while (stmt.step())
        result.push_back({stmt.int64(0), stmt.int64(1), stmt.int64(2), stmt.text(3), stmt.int64(4)});
    return result;
}

void RecordingStore::removeBookmark(std::int64_t id)
{
    db_.prepare("DELETE FROM bookmarks WHERE id = ?").bind(1, id).run();
}

void RecordingStore::setFileFacts(std::int64_t id, std::int64_t durationMs, std::int64_t sizeBytes,
                                  const std::string& sha256)
{
    db_.prepare("UPDATE recordings SET duration_ms = ?, size_bytes = ?, sha256 = ? WHERE id = ?")
        .bindAll(durationMs, sizeBytes, sha256, id)
        .run();
}

void RecordingStore::setChapterEnd(std::int64_t chapterId, std::int64_t endMs)
{
    db_.prepare("UPDATE chapters SET end_ms = ? WHERE id = ?").bindAll(endMs, chapterId).run();
}

void RecordingStore::setResumePosition(std::int64_t recordingId, std::int64_t positionMs, std::int64_t nowMs)
{
    db_.prepare("INSERT INTO playback_positions(recording_id, position_ms, updated_ms) VALUES (?, ?, ?) "
                "ON CONFLICT(recording_id) DO UPDATE SET position_ms = excluded.position_ms, "
                "updated_ms = excluded.updated_ms")
        .bindAll(recordingId, positionMs, nowMs)
        .run();
}

std::optional<std::int64_t> RecordingStore::resumePosition(std::int64_t recordingId)
{
    Statement stmt = db_.prepare("SELECT position_ms FROM playback_positions WHERE recording_id = ?");
    stmt.bind(1, recordingId);
    if (!stmt.step())
        return std::nullopt;
    return stmt.int64(0);
}

void RecordingStore::clearResumePosition(std::int64_t recordingId)
{
    db_.prepare("DELETE FROM playback_positions WHERE recording_id = ?").bind(1, recordingId).run();
}

} // namespace spoke::store
