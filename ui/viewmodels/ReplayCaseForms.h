#pragma once

#include "store/ReplayOutline.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace spoke::ui {

// The case form as the presenter showed it during a hub recording
// (docs/hub-api.md, timeline `cases` and `case_documents`): from
// `positionMs` on, the section `sectionTitle` of case `caseTitle`, its
// fields as plain text ("Label: value" lines, labels from the form's
// schema), so the player's case panel can follow the replayed moment.
struct ReplayCaseView {
    std::int64_t positionMs = 0;
    QString caseTitle; // "Case CODE: TITLE", translated
    QString sectionTitle;
    QString text;
};

// One entry per stored view, by position; empty when the recording has none
// (a demo recording keeps showing its chapters' cases).
std::vector<ReplayCaseView> replayCaseViews(const store::ReplayOutline& outline);

} // namespace spoke::ui
