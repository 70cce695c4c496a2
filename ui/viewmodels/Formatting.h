#pragma once

#include "store/Records.h"

#include <QString>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace spoke::ui {

// "Sat 7 Nov 2026, 11:00" in the user's locale and time zone.
QString formatDateTime(std::int64_t utcMs);
// "1 h 28 min", "58 min", "0:42".
QString formatDuration(std::int64_t durationMs);
// "12:05" / "1:02:05": a position inside a recording.
QString formatPosition(std::int64_t positionMs);
// "Draft", "Ready to submit", … as people read a case's status.
QString caseStatusLabel(store::CaseStatus status);
// The same from the status's database spelling; empty for an empty spelling.
QString caseStatusLabel(const QString& spelling);
// A plain-text snippet with its matched byte ranges turned into escaped rich text.
QString highlightSnippet(const std::string& snippet, const std::vector<std::pair<int, int>>& highlights);

} // namespace spoke::ui
