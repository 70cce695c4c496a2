#include "hub/janus/JanusEventCheck.h"

#include <QHash>

#include <cstdlib>

namespace spoke::hub::janus {

PresenceSpan summarise(const std::vector<PresenceMark>& marksInTimeOrder)
{
    PresenceSpan span;
    QHash<QString, bool> inCall; // per stream: is its latest mark a join?
    for (const PresenceMark& mark : marksInTimeOrder) {
        inCall.insert(mark.stream, mark.join);
        if (mark.join && (!span.joinedMs || mark.atMs < *span.joinedMs))
            span.joinedMs = mark.atMs;
        if (!mark.join && (!span.leftMs || mark.atMs > *span.leftMs))
            span.leftMs = mark.atMs;
    }
    // A device (or feed) that came back after the last leave is still in
    // the call: the session has no leave yet.
    for (auto it = inCall.cbegin(); it != inCall.cend(); ++it) {
        if (it.value())
            span.leftMs.reset();
    }
    return span;
}

AttendanceComparison compareAttendance(const PresenceSpan& client, const PresenceSpan& janus, qint64 toleranceMs)
{
    AttendanceComparison result{client, janus, false, {}};
    std::vector<CheckProblem>& problems = result.problems;
    if (!client.joinedMs && janus.joinedMs)
        problems.push_back({CheckProblemKind::NoClientJoin, 0});
    if (client.joinedMs && !janus.joinedMs)
        problems.push_back({CheckProblemKind::NoJanusJoin, 0});
    if (!client.joinedMs && !janus.joinedMs) {
        // Only leaves (a client that reported a leave alone): nothing to
        // compare, and neither side saw the account join.
        problems.push_back({CheckProblemKind::NoClientJoin, 0});
        problems.push_back({CheckProblemKind::NoJanusJoin, 0});
        return result;
    }
    if (client.joinedMs && janus.joinedMs) {
        const qint64 apart = std::abs(*client.joinedMs - *janus.joinedMs);
        if (apart > toleranceMs)
            problems.push_back({CheckProblemKind::JoinedApart, apart});
    }
    if (client.leftMs && janus.leftMs) {
        const qint64 apart = std::abs(*client.leftMs - *janus.leftMs);
        if (apart > toleranceMs)
            problems.push_back({CheckProblemKind::LeftApart, apart});
    } else if (client.leftMs && janus.joinedMs) {
        problems.push_back({CheckProblemKind::NoJanusLeave, 0});
    } else if (janus.leftMs && client.joinedMs) {
        problems.push_back({CheckProblemKind::NoClientLeave, 0});
    }
    result.agrees = problems.empty();
    return result;
}

} // namespace spoke::hub::janus
