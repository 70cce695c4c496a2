#pragma once

// Plain rows of the local cache. Times are UTC milliseconds since the epoch
// (`*Ms`); positions inside a session or recording are milliseconds from its
// start. Ids are SQLite rowids; 0 means "not stored yet".

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace spoke::store {

struct Programme {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::string hub;
    std::string description;
};

enum class SessionStatus { Scheduled, Held, Cancelled };

struct Session {
    std::int64_t id = 0;
    std::int64_t programmeId = 0;
    std::string title;
    std::string description;
    std::string hub;
    std::string janusUrl;
    std::optional<std::int64_t> room;
    SessionStatus status = SessionStatus::Scheduled;
    std::int64_t scheduledStartMs = 0;
    int durationMin = 90;
    std::optional<std::int64_t> heldStartMs;
    std::optional<std::int64_t> heldEndMs;
};

// A session as lists show it.
struct SessionSummary {
    Session session;
    std::string programmeName;
    int caseCount = 0;
    int recordingCount = 0;
};

struct Participant {
    std::int64_t id = 0;
    std::string displayName;
    std::string cadre;
    std::string site;
    std::string country;
};

enum class AttendanceRole { HubSpecialist, Facilitator, Coordinator, Presenter, Spoke, Trainee, ItSupport };

struct Attendance {
    std::int64_t id = 0;
    std::int64_t sessionId = 0;
    std::int64_t participantId = 0;
    AttendanceRole role = AttendanceRole::Spoke;
    std::optional<std::int64_t> joinedMs;
    std::optional<std::int64_t> leftMs;
};

enum class CaseStatus { Draft, Ready, Submitted, Presented, RecommendationsReceived };

struct CaseRecord {
    std::int64_t id = 0;
    std::string caseCode;
    std::int64_t programmeId = 0;
    std::optional<std::int64_t> sessionId;
    std::string title;
    CaseStatus status = CaseStatus::Draft;
    int currentRevision = 0;
    std::int64_t createdMs = 0;
    std::int64_t updatedMs = 0;
};

struct CaseRevision {
    std::int64_t caseId = 0;
    int revision = 0;
    std::string bodyJson; // echo-case/1.0 document
    std::string plainText; // what search indexes
    std::int64_t savedMs = 0;
};

struct Recommendation {
    std::int64_t id = 0;
    std::int64_t caseId = 0;
    std::optional<std::int64_t> sessionId;
    std::string author;
    std::string body;
    std::int64_t createdMs = 0;
};

enum class RecordingSource { Local, Hub, Imported };

struct Recording {
    std::int64_t id = 0;
    std::optional<std::int64_t> sessionId;
    std::string title;
    std::string filePath;
    std::int64_t durationMs = 0;
    std::int64_t sizeBytes = 0;
    std::string sha256;
    RecordingSource source = RecordingSource::Local;
    std::int64_t createdMs = 0;
};

struct Chapter {
    std::int64_t id = 0;
    std::int64_t recordingId = 0;
    std::int64_t startMs = 0;
    std::optional<std::int64_t> endMs;
    std::string title;
    std::optional<std::int64_t> caseId;
};

struct Bookmark {
    std::int64_t id = 0;
    std::int64_t recordingId = 0;
    std::int64_t positionMs = 0;
    std::string note;
    std::int64_t createdMs = 0;
};

struct ChatMessage {
    std::int64_t id = 0;
    std::int64_t sessionId = 0;
    std::string author;
    std::int64_t offsetMs = 0;
    std::string body;
};

struct OutboxItem {
    std::int64_t id = 0;
    std::string idempotencyKey;
    std::string kind;
    std::string payloadJson;
    int attempts = 0;
    std::int64_t nextTryMs = 0;
    std::string lastError;
    std::int64_t createdMs = 0;
    std::optional<std::int64_t> sentMs;
};

// The spelling used in the database and in JSON output.
std::string_view toString(SessionStatus status);
std::string_view toString(AttendanceRole role);
std::string_view toString(CaseStatus status);
std::string_view toString(RecordingSource source);

// Throw StoreError(Query) on an unknown spelling.
SessionStatus sessionStatusFrom(std::string_view text);
AttendanceRole attendanceRoleFrom(std::string_view text);
CaseStatus caseStatusFrom(std::string_view text);
RecordingSource recordingSourceFrom(std::string_view text);

std::int64_t currentTimeMs();

} // namespace spoke::store
