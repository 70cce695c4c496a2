#pragma once

#include "cases/CaseDocument.h"
#include "cases/Finding.h"
#include "cases/Lexicon.h"
#include "cases/TextScan.h"

#include <memory>
#include <vector>

namespace spoke::cases {

// The offline de-identification gate: every text field and the structured
// fields of a case, checked for the 18 Safe Harbor identifier categories
// before anything leaves the laptop. It errs towards flagging; a person
// resolves false positives with a logged override (CaseWorkflow).
// Immutable after construction: one instance serves every thread.
class DeidGate {
public:
    struct Options {
        // The presentation year, for "born in 1931". 0: the current year.
        int referenceYear = 0;
    };

    static const DeidGate& builtIn();
    explicit DeidGate(const Lexicon& lexicon, Options options);
    ~DeidGate();
    DeidGate(const DeidGate&) = delete;
    DeidGate& operator=(const DeidGate&) = delete;

    // Findings ordered by field (document order) and position.
    std::vector<Finding> check(const CaseDocument& document) const;
    // One free-text value, e.g. a chat message before it is posted.
    std::vector<Finding> checkText(const QString& path, const QString& text, const QString& country) const;

private:
    void scanField(const QString& path, const QString& text, const QString& country, std::vector<Finding>& out) const;
    void checkStructured(const CaseDocument& document, std::vector<Finding>& out) const;

    std::vector<std::unique_ptr<Detector>> detectors_;
    int referenceYear_;
};

// Resolves overlapping raw hits of one field: a number claimed by several
// detectors keeps the strongest reading, identifiers inside a URL or email
// are that URL or email, and overlapping hits of one category merge.
std::vector<Hit> resolveOverlaps(std::vector<Hit> hits);

} // namespace spoke::cases
