#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace spoke::hub::janus {

// The attendance check (docs/hub-api.md, Attendance check): does what a
// client said about its joins and leaves agree with what Janus saw? Pure
// and clock-free; the store loads the marks and the API words the problems.

// One join or leave on one stream: a client device (its device_id), or one
// of Janus' camera feeds (its feed id). Marks come in time order.
struct PresenceMark {
    QString stream;
    bool join = true;
    qint64 atMs = 0;
};

// One side's summary: the first join, and the last leave unless the call is
// still open (some stream's latest mark is a join): then none.
struct PresenceSpan {
    std::optional<qint64> joinedMs;
    std::optional<qint64> leftMs;
};
PresenceSpan summarise(const std::vector<PresenceMark>& marksInTimeOrder);

// What disagrees, in the order the API lists it. `apartMs` is set for the
// *Apart kinds.
enum class CheckProblemKind {
    NoClientJoin, // Janus saw a join, the client reported none
    NoJanusJoin, // the client reported a join, Janus saw none
    JoinedApart,
    NoClientLeave, // Janus saw the last leave, the client's call is still open
    NoJanusLeave, // the client left, Janus still has a feed in the room
    LeftApart,
};
struct CheckProblem {
    CheckProblemKind kind = CheckProblemKind::NoJanusJoin;
    qint64 apartMs = 0;
};

struct AttendanceComparison {
    PresenceSpan client;
    PresenceSpan janus;
    // Both sides have a join, the joins are within the tolerance, and so are
    // the leaves (both still open counts as agreeing).
    bool agrees = false;
    std::vector<CheckProblem> problems; // empty exactly when agrees
};

// `toleranceMs` is inclusive: a pair exactly that far apart agrees. With no
// join on either side there is nothing to compare a leave against, so only
// the missing joins are reported.
AttendanceComparison compareAttendance(const PresenceSpan& client, const PresenceSpan& janus, qint64 toleranceMs);

} // namespace spoke::hub::janus
