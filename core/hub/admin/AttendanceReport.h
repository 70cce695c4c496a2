#pragma once

#include "hub/admin/Admin.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace spoke::hub {

class HubDatabase;

// One line of a session's CME attendance (docs/hub-api.md, Attendance).
struct AttendanceLine {
    QString name;
    QString role; // the member's role now; empty for an attested person
    std::optional<std::int64_t> firstJoinMs;
    std::optional<std::int64_t> lastLeaveMs;
    std::int64_t presentMs = 0;
    QString source; // "app" or "attested"
    // Who the line is, for a certificate id that outlives a change of name
    // (core/hub/admin/Certificates.h): the account of an "app" line, the
    // attesting account (and its name) of an "attested" one.
    std::int64_t accountId = 0;
    QString attestedByName;
};

// A coordinator's CME export of one session: every account that reported a
// join, and every person a clinic device attested, who counts as present
// while the attesting account was. Used by GET /sessions/{id}/attendance.csv
// and `spoke-hub admin attendance export`. Clock-free: nowMs closes the
// intervals of people still in a session that has not ended.
// Threading: the thread that owns the HubDatabase.
namespace AttendanceReport {

struct Report {
    std::int64_t sessionId = 0;
    QString sessionTitle;
    QString programmeName;
    std::int64_t startsMs = 0;
    std::vector<AttendanceLine> lines;
};

// Refused with NotFound ("session") for a session that does not exist.
Expected<Report, AdminError> build(HubDatabase& db, std::int64_t sessionId, std::int64_t nowMs);

// RFC 4180: a header line, CRLF line ends, fields with a comma, quote, CR or
// LF quoted with quotes doubled. Times are ISO 8601 UTC; minutes are whole
// minutes present, rounded down.
QByteArray csv(const Report& report);

// The pure core, for tests: one account's join/leave events (time, join?,
// device) in any order, paired per device in time order (a join while that
// device is in opens nothing; a leave with nothing open closes nothing; an
// interval still open closes at closeMs), then merged across devices so that
// two devices at once count once. Sorted, non-overlapping.
struct PresenceEvent {
    std::int64_t atMs = 0;
    bool join = false;
    QString deviceId;
};
std::vector<std::pair<std::int64_t, std::int64_t>> presentIntervals(std::vector<PresenceEvent> events,
                                                                    std::int64_t closeMs);

} // namespace AttendanceReport
} // namespace spoke::hub
