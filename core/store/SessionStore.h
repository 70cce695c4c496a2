#pragma once

#include "store/Records.h"

#include <vector>

namespace spoke::store {

class Database;

// Programmes, sessions, who attended them and what was said in chat.
class SessionStore {
public:
    explicit SessionStore(Database& db) : db_(db) { }

    std::int64_t addProgramme(const Programme& programme);
    std::vector<Programme> programmes();
    std::optional<Programme> programmeByCode(std::string_view code);

    std::int64_t addSession(const Session& session);
    std::optional<Session> session(std::int64_t id);
    void markHeld(std::int64_t id, std::int64_t startMs, std::int64_t endMs);

    enum class When { Upcoming, Past, All };
    // Upcoming: soonest first. Past and All: newest first.
    std::vector<SessionSummary> list(When when, std::int64_t nowMs, int limit = 200);

    std::int64_t addParticipant(const Participant& participant);
    std::int64_t recordAttendance(const Attendance& attendance);
    std::vector<std::pair<Attendance, Participant>> attendance(std::int64_t sessionId);

    std::int64_t addChatMessage(const ChatMessage& message);
    std::vector<ChatMessage> chat(std::int64_t sessionId);

private:
    Database& db_;
};

} // namespace spoke::store
