#include "sync/HubTypes.h"

#include "sync/SyncError.h"

namespace spoke::sync {

namespace {

constexpr std::pair<HubRole, const char*> kRoles[] = {
    {HubRole::Coordinator, "coordinator"},
    {HubRole::Specialist, "specialist"},
    {HubRole::Clinician, "clinician"},
    {HubRole::Trainee, "trainee"},
};

constexpr std::pair<HubCaseStatus, const char*> kStatuses[] = {
    {HubCaseStatus::Submitted, "submitted"}, {HubCaseStatus::Scheduled, "scheduled"},
    {HubCaseStatus::Presented, "presented"}, {HubCaseStatus::RecommendationsSent, "recommendations_sent"},
    {HubCaseStatus::Returned, "returned"},
};

constexpr std::pair<SyncErrorKind, const char*> kErrorKinds[] = {
    {SyncErrorKind::None, "none"},
    {SyncErrorKind::NotSignedIn, "not_signed_in"},
    {SyncErrorKind::Offline, "offline"},
    {SyncErrorKind::Timeout, "timeout"},
    {SyncErrorKind::TlsFailure, "tls_failure"},
    {SyncErrorKind::Unauthenticated, "unauthenticated"},
    {SyncErrorKind::Forbidden, "forbidden"},
    {SyncErrorKind::NotFound, "not_found"},
    {SyncErrorKind::Conflict, "conflict"},
    {SyncErrorKind::Findings, "findings"},
    {SyncErrorKind::InvalidCase, "invalid_case"},
    {SyncErrorKind::BadRequest, "bad_request"},
    {SyncErrorKind::TooLarge, "too_large"},
    {SyncErrorKind::ServerError, "server_error"},
    {SyncErrorKind::Unavailable, "unavailable"},
    {SyncErrorKind::BadResponse, "bad_response"},
    {SyncErrorKind::LocalStore, "local_store"},
    {SyncErrorKind::Keyring, "keyring"},
};

template <class E, std::size_t N> QString spell(const std::pair<E, const char*> (&table)[N], E value)
{
    for (const auto& [e, text] : table)
        if (e == value)
            return QString::fromLatin1(text);
    return {};
}

template <class E, std::size_t N>
std::optional<E> parse(const std::pair<E, const char*> (&table)[N], const QString& text)
{
    for (const auto& [e, spelling] : table)
        if (text == QLatin1String(spelling))
            return e;
    return std::nullopt;
}

} // namespace

QString toWire(HubRole role)
{
    return spell(kRoles, role);
}

QString toWire(HubCaseStatus status)
{
    return spell(kStatuses, status);
}

std::optional<HubRole> hubRoleFrom(const QString& text)
{
    return parse(kRoles, text);
}

std::optional<HubCaseStatus> hubCaseStatusFrom(const QString& text)
{
    return parse(kStatuses, text);
}

QString toString(SyncErrorKind kind)
{
    return spell(kErrorKinds, kind);
}

std::optional<SyncErrorKind> syncErrorKindFrom(const QString& text)
{
    return parse(kErrorKinds, text);
}

bool SyncError::isTransient() const
{
    switch (kind) {
    case SyncErrorKind::Offline:
    case SyncErrorKind::Timeout:
    case SyncErrorKind::ServerError:
    case SyncErrorKind::Unavailable: return true;
    default:
        // 408 and 429 arrive as BadRequest-like statuses; they are retried too.
        return httpStatus == 408 || httpStatus == 429;
    }
}

} // namespace spoke::sync
