#include "store/SessionStore.h"

#include "store/Database.h"

namespace spoke::store {

namespace {

constexpr std::string_view kSessionColumns =
    "s.id, s.programme_id, s.title, s.description, s.hub, s.janus_url, s.room, s.status, "
    "s.scheduled_start_ms, s.duration_min, s.held_start_ms, s.held_end_ms";

Session readSession(const Statement& row)
{
    Session s;
    s.id = row.int64(0);
    s.programmeId = row.int64(1);
    s.title = row.text(2);
    s.description = row.text(3);
    s.hub = row.text(4);
    s.janusUrl = row.text(5);
    s.room = row.optionalInt64(6);
    s.status = sessionStatusFrom(row.text(7));
    s.scheduledStartMs = row.int64(8);
    s.durationMin = static_cast<int>(row.int64(9));
    s.heldStartMs = row.optionalInt64(10);
    s.heldEndMs = row.optionalInt64(11);
    return s;
}

Programme readProgramme(const Statement& row)
{
    return Programme{row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4)};
}

} // namespace

std::int64_t SessionStore::addProgramme(const Programme& p)
{
    db_.prepare("INSERT INTO programmes(code, name, hub, description) VALUES (?, ?, ?, ?)")
        .bindAll(p.code, p.name, p.hub, p.description)
        .run();
    return db_.lastInsertRowId();
}

std::vector<Programme> SessionStore::programmes()
{
    Statement stmt = db_.prepare("SELECT id, code, name, hub, description FROM programmes ORDER BY name");
    std::vector<Programme> result;
    while (stmt.step())
        result.push_back(readProgramme(stmt));
    return result;
}

std::optional<Programme> SessionStore::programmeByCode(std::string_view code)
{
    Statement stmt = db_.prepare("SELECT id, code, name, hub, description FROM programmes WHERE code = ?");
    stmt.bind(1, code);
    if (!stmt.step())
        return std::nullopt;
    return readProgramme(stmt);
}

std::int64_t SessionStore::addSession(const Session& s)
{
    db_.prepare("INSERT INTO sessions(programme_id, title, description, hub, janus_url, room, status, "
                "scheduled_start_ms, duration_min, held_start_ms, held_end_ms) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(s.programmeId, s.title, s.description, s.hub, s.janusUrl, s.room, toString(s.status),
                 s.scheduledStartMs, s.durationMin, s.heldStartMs, s.heldEndMs)
        .run();
    return db_.lastInsertRowId();
}

std::optional<Session> SessionStore::session(std::int64_t id)
{
    Statement stmt = db_.prepare("SELECT " + std::string(kSessionColumns) + " FROM sessions s WHERE s.id = ?");
    stmt.bind(1, id);
    if (!stmt.step())
        return std::nullopt;
    return readSession(stmt);
}

void SessionStore::markHeld(std::int64_t id, std::int64_t startMs, std::int64_t endMs)
{
    db_.prepare("UPDATE sessions SET status = 'held', held_start_ms = ?, held_end_ms = ? WHERE id = ?")
        .bindAll(startMs, endMs, id)
        .run();
}

std::vector<SessionSummary> SessionStore::list(When when, std::int64_t nowMs, int limit)
{
    std::string sql = "SELECT " + std::string(kSessionColumns)
                      + ", p.name,"
                        " (SELECT count(*) FROM cases c WHERE c.session_id = s.id),"
                        " (SELECT count(*) FROM recordings r WHERE r.session_id = s.id)"
                        " FROM sessions s JOIN programmes p ON p.id = s.programme_id";
    switch (when) {
    case When::Upcoming:
        sql += " WHERE s.status = 'scheduled' AND s.scheduled_start_ms + s.duration_min * 60000 >= ?1"
               " ORDER BY s.scheduled_start_ms ASC";
        break;
    case When::Past:
        sql += " WHERE NOT (s.status = 'scheduled' AND s.scheduled_start_ms + s.duration_min * 60000 >= ?1)"
               " ORDER BY s.scheduled_start_ms DESC";
        break;
    case When::All: sql += " WHERE ?1 IS NOT NULL ORDER BY s.scheduled_start_ms DESC"; break;
    }
    sql += " LIMIT ?2";
    Statement stmt = db_.prepare(sql);
    stmt.bindAll(nowMs, limit);
    std::vector<SessionSummary> result;
    while (stmt.step()) {
        SessionSummary summary;
        summary.session = readSession(stmt);
        summary.programmeName = stmt.text(12);
        summary.caseCount = static_cast<int>(stmt.int64(13));
        summary.recordingCount = static_cast<int>(stmt.int64(14));
        result.push_back(std::move(summary));
    }
    return result;
}

std::int64_t SessionStore::addParticipant(const Participant& p)
{
    db_.prepare("INSERT INTO participants(display_name, cadre, site, country) VALUES (?, ?, ?, ?)")
        .bindAll(p.displayName, p.cadre, p.site, p.country)
        .run();
    return db_.lastInsertRowId();
}

std::int64_t SessionStore::recordAttendance(const Attendance& a)
{
    db_.prepare("INSERT INTO attendance(session_id, participant_id, role, joined_ms, left_ms) "
                "VALUES (?, ?, ?, ?, ?)")
        .bindAll(a.sessionId, a.participantId, toString(a.role), a.joinedMs, a.leftMs)
        .run();
    return db_.lastInsertRowId();
}

std::vector<std::pair<Attendance, Participant>> SessionStore::attendance(std::int64_t sessionId)
{
    Statement stmt = db_.prepare("SELECT a.id, a.session_id, a.participant_id, a.role, a.joined_ms, a.left_ms,"
                                 "       p.display_name, p.cadre, p.site, p.country"
                                 "  FROM attendance a JOIN participants p ON p.id = a.participant_id"
                                 " WHERE a.session_id = ? ORDER BY a.joined_ms, p.display_name");
    stmt.bind(1, sessionId);
    std::vector<std::pair<Attendance, Participant>> result;
    while (stmt.step()) {
        Attendance a{stmt.int64(0),         stmt.int64(1),        stmt.int64(2), attendanceRoleFrom(stmt.text(3)),
                     stmt.optionalInt64(4), stmt.optionalInt64(5)};
        Participant p{a.participantId, stmt.text(6), stmt.text(7), stmt.text(8), stmt.text(9)};
        result.emplace_back(std::move(a), std::move(p));
    }
    return result;
}

std::int64_t SessionStore::addChatMessage(const ChatMessage& m)
{
    db_.prepare("INSERT INTO chat_messages(session_id, author, offset_ms, body) VALUES (?, ?, ?, ?)")
        .bindAll(m.sessionId, m.author, m.offsetMs, m.body)
        .run();
    return db_.lastInsertRowId();
}

std::vector<ChatMessage> SessionStore::chat(std::int64_t sessionId)
{
    Statement stmt = db_.prepare("SELECT id, session_id, author, offset_ms, body FROM chat_messages WHERE session_id = "
                                 "? ORDER BY offset_ms, id");
    stmt.bind(1, sessionId);
    std::vector<ChatMessage> result;
    while (stmt.step())
        result.push_back({stmt.int64(0), stmt.int64(1), stmt.text(2), stmt.int64(3), stmt.text(4)});
    return result;
}

} // namespace spoke::store
