#pragma once

// Why a hub operation did not succeed, as a kind the UI words itself
// (no sentences are built here) plus the technical facts behind it.

#include <QMetaType>
#include <QString>

#include <optional>

namespace spoke::sync {

enum class SyncErrorKind {
    None,
    NotSignedIn, // no hub account or no token on this laptop
    Offline, // the hub could not be reached (DNS, refused, no route)
    Timeout, // no answer in time
    TlsFailure, // the hub's certificate was refused
    Unauthenticated, // 401: token unknown, expired or revoked; or a wrong password
    Forbidden, // 403: not a member of that programme, or the role may not do it
    NotFound, // 404: unknown invite code, case or session
    Conflict, // 409: invite used, email taken, case already submitted
    Findings, // 422 findings: the hub's gate flagged the case
    InvalidCase, // 422 invalid_case: the form does not match the schema
    BadRequest, // 400 and other 4xx the client should not have sent
    TooLarge, // 413
    ServerError, // 5xx other than 503
    Unavailable, // 503: the hub's database does not answer
    BadResponse, // the hub answered something that is not the contract
    LocalStore, // this laptop's cache could not be read or written
    Keyring, // the token could be neither stored nor read
};

struct SyncError {
    SyncErrorKind kind = SyncErrorKind::None;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString hubCode; // the hub's error.code, e.g. "conflict"
    QString detail; // technical detail for logs and the CLI, never shown as a sentence by the app

    bool ok() const { return kind == SyncErrorKind::None; }
    // Worth retrying later without a change by the user: network trouble,
    // 408, 429 and 5xx (docs/hub-api.md "Client rules").
    bool isTransient() const;
};

// The stable spelling of a kind, for JSON output and logs ("offline").
QString toString(SyncErrorKind kind);
std::optional<SyncErrorKind> syncErrorKindFrom(const QString& text);

} // namespace spoke::sync

Q_DECLARE_METATYPE(spoke::sync::SyncError)
