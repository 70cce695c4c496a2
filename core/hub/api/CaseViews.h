#pragma once

// The case panel's part of a recording's timeline (docs/hub-api.md,
// Recordings): the sections the presenter showed (case_views rows) as
// offsets into the recording, and the documents of the cases shown.

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

#include <vector>

namespace spoke::hub {
class HubDatabase;
class HubRow;
} // namespace spoke::hub

namespace spoke::hub::api {

struct Route;

// Where a moment of the session is in the recording's file. A recording of
// several parts plays them back to back (core/hub/recordings), so the second
// or two between a recorder's death and its next part is not in the file:
// each part's session time maps onto where that part begins in the file, and
// a moment in a gap onto the start of the next part.
struct TimelineWindow {
    struct Part {
        qint64 sessionStartMs = 0; // when the part's file starts, on the session's clock
        qint64 fileStartMs = 0; // where it starts in the joined file
        qint64 durationMs = 0;
    };
    qint64 startMs = 0;
    qint64 durationMs = 0; // of the file
    std::vector<Part> parts; // empty: one part, the file is the session from startMs on

    qint64 offset(qint64 atMs) const;
    // The session's clock when the file ends (later than startMs + durationMs by the gaps).
    qint64 endMs() const;
    bool holds(qint64 atMs) const { return atMs >= startMs && atMs <= endMs(); }
};

// A state that holds until the next change (the slide page shown, the case
// section shown) as timeline entries: the one in force when the recording
// starts, at offset 0, then each change during it. `rows` are in time order
// and none is after the window; `entry` makes one from a row and its offset.
QJsonArray heldStatesJson(const std::vector<HubRow>& rows, int atColumn, const TimelineWindow& window,
                          const std::function<QJsonObject(const HubRow& row, qint64 offsetMs)>& entry);

// [{"case_id","section","offset_ms"}]: the section shown when the recording
// starts (at offset 0), then each one shown during it.
QJsonArray caseViewsJson(HubDatabase& db, qint64 sessionId, const TimelineWindow& window);
// [{"case_id","code","title","document"}] for each case in `views`.
QJsonArray caseDocumentsJson(HubDatabase& db, const QJsonArray& views);

void addCaseViewRoutes(std::vector<Route>& routes);

} // namespace spoke::hub::api
