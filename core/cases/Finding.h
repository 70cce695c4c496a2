#pragma once

#include <QJsonObject>
#include <QString>

namespace spoke::cases {

// One suspected identifier. Spans are Unicode code points into the value at
// `path` (so a script in any language can slice the field with them).
struct Finding {
    QString path; // "history.social_history", "labs[1].comment"
    int start = 0; // inclusive
    int end = 0; // exclusive
    QString text; // the flagged characters
    char category = 'R'; // HIPAA Safe Harbor letter, 45 CFR 164.514(b)(2)(i)(A)-(R)
    QString reason; // why, in words a clinician understands
    QString suggestion; // what to write instead
};

// The path of a finding in an object key itself rather than in its value:
// the member's path and "#key", e.g. "x_notes.Maria Shikongo#key".
QString keyPath(const QString& memberPath);

// "Names", "Telephone numbers", ... for a Safe Harbor letter.
QString categoryName(char category);
// The default redaction for a category, e.g. "[PHONE]".
QString defaultSuggestion(char category);

QJsonObject toJson(const Finding& finding);

// Code point index of a UTF-16 index into `text`.
int codePointIndex(const QString& text, qsizetype utf16Index);

} // namespace spoke::cases
