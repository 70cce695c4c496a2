#pragma once

#include <stdexcept>
#include <string>

namespace spoke::cases {

// What went wrong with a case, in terms a caller can act on. Messages are
// written for the clinician or the CLI user who will read them.
enum class CaseErrorKind {
    Unreadable, // the file could not be read
    NotJson, // not JSON at all, or binary junk
    NotACase, // JSON, but not an echo-case/1.0 document
    TooLarge, // a document or field beyond what a case form can hold
    UnknownProgramme, // no schema for the programme code
    UnresolvedFindings, // the gate still has findings without an override
    InvalidForm, // the document does not fit its form schema
    BadOverride, // an override without reason or author, or for no finding
    AttachmentRefused, // the gate cannot clean this attachment
};

class CaseError : public std::runtime_error {
public:
    CaseError(CaseErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) { }
    CaseErrorKind kind() const { return kind_; }

private:
    CaseErrorKind kind_;
};

} // namespace spoke::cases
