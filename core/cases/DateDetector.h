#pragma once

#include "cases/TextScan.h"

namespace spoke::cases {

// Category C: calendar dates in the numeric, ISO, compact (YYYYMMDD, as in
// file names and DICOM) and month-name forms of English, Spanish and
// Portuguese; ages over 89 (also in French and Swahili: "92 ans", "umri wa
// miaka 92"); birth years that imply one, in all five languages, with up to
// a few words between the cue and the year ("born in Kisumu in 1931"). Deliberately blind to
// what only looks like a date: "day 14", BP 120/80, 30/60/90-day cycles,
// 24/48 weeks, clock times and guideline years ("EASL 2020").
class DateDetector : public Detector {
public:
    DateDetector();
    void scan(const ScanInput& input, std::vector<Hit>& hits) const override;

private:
    QRegularExpression numeric_;
    QRegularExpression iso_;
    QRegularExpression compact_;
    QRegularExpression dayMonthName_;
    QRegularExpression monthNameDay_;
    QRegularExpression monthNameYear_;
    QRegularExpression cuedDayMonth_;
    QRegularExpression age_;
    QRegularExpression agedCue_;
    QRegularExpression ageWords_;
    QRegularExpression birthYear_;
    QRegularExpression versionCue_;
};

} // namespace spoke::cases
