#pragma once

#include "store/Records.h"

#include <QString>

#include <cstdint>
#include <optional>
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
// Numbers as the chosen locale writes them (LanguageModel makes it QLocale's
// default): "1,5" in French, "1.5" in English; units stay SI symbols beside
// them in the translated sentence.
QString formatDecimal(double value, int decimals);
QString formatInteger(std::int64_t value);
// As many decimals as the value has (a form's 36.8 °C), in the locale.
QString formatNumber(double value);
// A number in a field one edits: the locale's decimal mark, no grouping
// ("36,8" in French), so what is shown parses back with parseEditableNumber.
QString formatEditableNumber(double value);
// What was typed, read in the chosen locale first, then as C ("36.8" still
// means 36.8 to a French user who types a point).
std::optional<double> parseEditableNumber(const QString& text);
// "Draft", "Ready to submit", … as people read a case's status.
QString caseStatusLabel(store::CaseStatus status);
// The same from the status's database spelling; empty for an empty spelling.
QString caseStatusLabel(const QString& spelling);
// A plain-text snippet with its matched byte ranges turned into escaped rich text.
QString highlightSnippet(const std::string& snippet, const std::vector<std::pair<int, int>>& highlights);

} // namespace spoke::ui
