#pragma once

// The `_deid_overrides` annotation of a submitted case (docs/hub-api.md,
// POST /api/v1/cases): the presenter's statement that some of the gate's
// findings are false positives. The hub never takes the statement on trust:
// an entry resolves a finding only when its path and category match and its
// text_sha256 is the hash of that finding's text salted with the document's
// case_id (cases::CaseWorkflow::textHash), recomputed here. An entry names
// neither the text nor a reason, so the annotation is safe to store and show.
// Thread: any (pure functions).

#include "hub/api/Json.h"

#include "cases/CaseDocument.h"
#include "cases/Finding.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace spoke::hub::api {

inline const QString kDeidOverridesKey = QStringLiteral("_deid_overrides");

// At most this many entries; a real case has a handful of false positives.
inline constexpr qsizetype kMaxDeidOverrides = 200;

struct DeidOverride {
    QString path;
    int start = 0;
    int end = 0;
    char category = 'R';
    QString textSha256; // 64 lowercase hex digits
};

// The document's `_deid_overrides`, strictly: absent means none; otherwise
// an array of at most kMaxDeidOverrides objects with exactly the keys path,
// start, end, category, text_sha256. 400 `bad_request` naming the entry and
// field otherwise.
Expected<std::vector<DeidOverride>> parseDeidOverrides(const QJsonObject& document);

// The document without the annotation: what the gate checks.
cases::CaseDocument withoutDeidOverrides(const cases::CaseDocument& document);

// The findings no entry resolves (see the file comment).
std::vector<cases::Finding> unresolvedFindings(const std::vector<cases::Finding>& findings,
                                               const std::vector<DeidOverride>& overrides, const QString& caseId);

} // namespace spoke::hub::api
