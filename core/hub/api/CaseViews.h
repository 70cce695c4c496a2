#pragma once

// The case panel's part of a recording's timeline (docs/hub-api.md,
// Recordings): the sections the presenter showed (case_views rows) as
// offsets into the recording, and the documents of the cases shown.

#include <QJsonArray>

#include <vector>

namespace spoke::hub {
class HubDatabase;
}

namespace spoke::hub::api {

struct Route;

// Session time [startMs, startMs + durationMs] is the recording.
struct TimelineWindow {
    qint64 startMs = 0;
    qint64 durationMs = 0;
    qint64 offset(qint64 atMs) const { return atMs - startMs; }
    bool holds(qint64 atMs) const { return atMs >= startMs && atMs <= startMs + durationMs; }
};

// [{"case_id","section","offset_ms"}]: the section shown when the recording
// starts (at offset 0), then each one shown during it.
QJsonArray caseViewsJson(HubDatabase& db, qint64 sessionId, const TimelineWindow& window);
// [{"case_id","code","title","document"}] for each case in `views`.
QJsonArray caseDocumentsJson(HubDatabase& db, const QJsonArray& views);

void addCaseViewRoutes(std::vector<Route>& routes);

} // namespace spoke::hub::api
