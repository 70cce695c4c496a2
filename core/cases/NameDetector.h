#pragma once

#include "cases/Lexicon.h"
#include "cases/TextScan.h"

namespace spoke::cases {

// Category A: names of the patient, relatives, household members and
// employers. There is no statistical model here (none ships with Debian), so
// it reads the cues people actually write: titles (Mr, Sra., Shri, Mama),
// relations ("son Rajesh", "su hija Ana"), labels ("Name:", DICOM
// PatientName=SURNAME^GIVEN), initials with dots, "works at <Employer>", and
// pairs from the first-name and surname lists. Eponyms (Kaposi, Hodgkin,
// Addison …) and stop words are never names.
class NameDetector : public Detector {
public:
    explicit NameDetector(const Lexicon& lexicon);
    void scan(const ScanInput& input, std::vector<Hit>& hits) const override;

private:
    // Trims a candidate to the span of tokens that can be a name; returns an
    // empty range if none can.
    std::pair<qsizetype, qsizetype> nameSpan(const QString& text, qsizetype start, qsizetype end,
                                              bool allowInitials) const;

    const Lexicon& lexicon_;
    CueIndex relationIndex_;
    CueIndex labelIndex_;
    CueIndex employerIndex_;
    QRegularExpression token_;
    QRegularExpression honorific_;
    QRegularExpression relation_;
    QRegularExpression label_;
    QRegularExpression dicomName_;
    QRegularExpression initials_;
    QRegularExpression employer_;
    QRegularExpression employerLoose_;
    QRegularExpression pair_;
};

} // namespace spoke::cases
