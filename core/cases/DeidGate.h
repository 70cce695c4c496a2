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

    // Every string, every number and boolean (read with its key as the
    // label: {"mrn": 48213377} is a record number) and every object key
    // (a name used as a key is still a name; its findings carry keyPath()).
    // Findings ordered by kind (text, scalars, keys, structured checks),
    // then by field in document order and position.
    std::vector<Finding> check(const CaseDocument& document) const;
    // The stricter reading of fields the case form does not define
    // (`unknownPaths`, from SchemaRegistry::unknownKeys): nobody knows what
    // their numbers measure, so any run of five or more digits is flagged.
    // CaseWorkflow adds these to check()'s findings before Mark ready.
    std::vector<Finding> checkUnknownFields(const CaseDocument& document, const QStringList& unknownPaths) const;
    // One free-text value, e.g. a chat message before it is posted.
    std::vector<Finding> checkText(const QString& path, const QString& text, const QString& country) const;

private:
    std::vector<Hit> hitsIn(const QString& path, const QString& text, const QString& country) const;
    void scanField(const QString& path, const QString& text, const QString& country, std::vector<Finding>& out) const;
    void scanLabelled(const QString& path, const QString& label, const QString& value, const QString& country,
                      std::vector<Finding>& out) const;
    void checkScalarsAndKeys(const CaseDocument& document, std::vector<Finding>& out) const;
    void checkStructured(const CaseDocument& document, std::vector<Finding>& out) const;

    std::vector<std::unique_ptr<Detector>> detectors_;
    int referenceYear_;
};

// Resolves overlapping raw hits of one field: a number claimed by several
// detectors keeps the strongest reading, identifiers inside a URL or email
// are that URL or email, and overlapping hits of one category merge.
std::vector<Hit> resolveOverlaps(std::vector<Hit> hits);

} // namespace spoke::cases
