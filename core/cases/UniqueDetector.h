#pragma once

#include "cases/TextScan.h"

#include <QStringList>

namespace spoke::cases {

// Category R, "any other unique identifying characteristic" (45 CFR
// 164.514(b)(2)(i)(R)): descriptions that single a person out. Four kinds,
// their cue words per language in resources/schemas/deid/unique-1.json:
// a distinctive mark with its place or design ("tattoo of an eagle on the
// left forearm", but not a caesarean or BCG scar), "the only X" in a
// community, a unique named role ("the village chief", "mwenyekiti wa
// kijiji") and a public incident ("was on the TV news"). The finding covers
// the clause around the cue, since that is what identifies.
class UniqueDetector : public Detector {
public:
    UniqueDetector();
    void scan(const ScanInput& input, std::vector<Hit>& hits) const override;

private:
    void scanMarks(const QString& folded, const ScanInput& in, std::vector<Hit>& hits) const;
    void scanOnly(const QString& folded, const ScanInput& in, std::vector<Hit>& hits) const;
    void scanPhrases(const QString& folded, const QRegularExpression& cue, const QString& reason,
                     std::vector<Hit>& hits) const;

    QRegularExpression mark_;
    QRegularExpression markPlace_;
    QRegularExpression markClinical_;
    QRegularExpression only_;
    QRegularExpression community_;
    QRegularExpression role_;
    QRegularExpression incident_;
};

} // namespace spoke::cases
