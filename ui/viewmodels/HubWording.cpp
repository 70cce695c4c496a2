#include "viewmodels/HubWording.h"

#include "viewmodels/Formatting.h"

#include <QCoreApplication>

namespace spoke::ui {

namespace {
using Operation = sync::SyncWorker::Operation;
using Kind = sync::SyncErrorKind;
} // namespace

// The 401, 404 and 409 answers mean different things per operation
// (docs/hub-api.md "Endpoints").
QString HubWording::describeClientError(const sync::SyncError& error, Operation operation)
{
    switch (error.kind) {
    case Kind::Unauthenticated:
        if (operation == Operation::SignIn)
            return tr("The email or the password is wrong.");
        if (operation == Operation::RedeemInvite)
            return tr("This email already has an account on the hub, with another password. "
                      "Use that password to join with this invite.");
        return tr("The hub no longer accepts this laptop's sign-in. Sign in again in Settings → Hub account.");
    case Kind::NotFound:
        if (operation == Operation::RedeemInvite)
            return tr("The hub does not know this invite code. Check it with your coordinator.");
        if (operation == Operation::LoadHubCase || operation == Operation::Recommend
            || operation == Operation::ReturnCase)
            return tr("The hub no longer has this case.");
        return tr("The hub does not know what was asked for.");
    case Kind::Conflict:
        if (operation == Operation::RedeemInvite)
            return tr("This invite has already been used, or the email is already registered. "
                      "Ask your coordinator for a new invite, or sign in.");
        if (operation == Operation::SubmitCase)
            return tr("The hub already has this case, and it has not been returned.");
        return tr("The hub refused this because the case has changed there. Sync, then try again.");
    case Kind::Forbidden: return tr("Your role in this programme does not allow this.");
    case Kind::Findings: return tr("The hub's identifier check flagged text in this case; nothing was stored there.");
    case Kind::InvalidCase: return tr("The hub found fields of this case missing or not valid.");
    case Kind::TooLarge: return tr("This is too large for the hub to accept.");
    default: return {};
    }
}

QString HubWording::describeSyncError(const sync::SyncError& error, Operation operation)
{
    switch (error.kind) {
    case Kind::None: return {};
    case Kind::NotSignedIn: return tr("Not signed in to a hub. Sign in in Settings → Hub account.");
    case Kind::Offline: return tr("The hub could not be reached. Check the address and the connection.");
    case Kind::Timeout: return tr("The hub did not answer in time.");
    case Kind::TlsFailure: return tr("The hub's security certificate was not accepted, so nothing was sent.");
    case Kind::ServerError: return tr("The hub had an internal problem. Try again later.");
    case Kind::Unavailable: return tr("The hub is running but its database does not answer. Try again later.");
    case Kind::BadResponse: return tr("The hub answered something this version of Spoke does not understand.");
    case Kind::LocalStore: return tr("This laptop's offline cache could not be read or written.");
    case Kind::Keyring: return tr("The sign-in could not be kept on this laptop (keyring or file not writable).");
    case Kind::BadRequest:
        if (operation == Operation::RedeemInvite)
            return tr("The hub refused these details. The password needs at least 10 characters.");
        return tr("The hub refused the request as malformed.");
    default: return describeClientError(error, operation);
    }
}

QString HubWording::describeSubmitFailure(const sync::SubmitFailure& failure)
{
    using Reason = sync::SubmitFailure::Reason;
    switch (failure.reason) {
    case Reason::NoSuchCase: return tr("This case is no longer in the cache.");
    case Reason::NotSignedIn:
        return tr("Sign in to your hub first (Settings → Hub account); the case stays on this laptop until then.");
    case Reason::NoHubProgramme:
        return tr("This case's programme is not one of your hub's programmes, so it cannot be submitted there.");
    case Reason::WrongStatus: return tr("This case has already been submitted and the hub has not returned it.");
    case Reason::UnresolvedFindings:
        return tr("%n possible identifier(s) must be redacted, or overridden with a reason, first.", "",
                  static_cast<int>(failure.findings.size()));
    case Reason::InvalidForm:
        return tr("%n field(s) need attention first.", "", static_cast<int>(failure.problems.size()));
    case Reason::Unreadable: return tr("The saved case is not a readable echo-case document.");
    case Reason::LocalStore: return tr("This laptop's offline cache could not be read or written.");
    }
    return {};
}

QString HubWording::hubRoleLabel(sync::HubRole role)
{
    switch (role) {
    case sync::HubRole::Coordinator: return tr("Coordinator");
    case sync::HubRole::Specialist: return tr("Specialist");
    case sync::HubRole::Clinician: return tr("Clinician");
    case sync::HubRole::Trainee: return tr("Trainee");
    }
    return {};
}

QString HubWording::hubCaseStatusLabel(sync::HubCaseStatus status)
{
    switch (status) {
    case sync::HubCaseStatus::Submitted: return tr("Sent to the hub");
    case sync::HubCaseStatus::Scheduled: return tr("Scheduled for a session");
    case sync::HubCaseStatus::Presented: return tr("Presented");
    case sync::HubCaseStatus::RecommendationsSent: return tr("Recommendations received");
    case sync::HubCaseStatus::Returned: return tr("Returned with a question");
    }
    return {};
}

QString HubWording::reviewStatusLabel(sync::HubCaseStatus status)
{
    switch (status) {
    case sync::HubCaseStatus::Submitted: return tr("Submitted");
    case sync::HubCaseStatus::Scheduled: return tr("Scheduled for a session");
    case sync::HubCaseStatus::Presented: return tr("Presented");
    case sync::HubCaseStatus::RecommendationsSent: return tr("Recommendations sent");
    case sync::HubCaseStatus::Returned: return tr("Returned with a question");
    }
    return {};
}

QString HubWording::caseDeliveryLabel(const sync::CaseSyncState& state)
{
    using Delivery = sync::CaseSyncState::Delivery;
    switch (state.delivery) {
    case Delivery::Local: return {};
    case Delivery::WaitingToSend: return tr("Waiting to send");
    case Delivery::Refused: return tr("Refused by the hub");
    case Delivery::Sent: return state.hubStatus ? hubCaseStatusLabel(*state.hubStatus) : tr("Sent to the hub");
    }
    return {};
}

QString HubWording::lastSyncedText(std::optional<std::int64_t> lastSuccessMs, std::int64_t nowMs)
{
    if (!lastSuccessMs)
        return tr("Never synced");
    const std::int64_t minutes = std::max<std::int64_t>(0, nowMs - *lastSuccessMs) / 60'000;
    if (minutes < 1)
        return tr("Last synced just now");
    if (minutes < 60)
        return tr("Last synced %n min ago", "", static_cast<int>(minutes));
    if (minutes < 24 * 60)
        return tr("Last synced %n h ago", "", static_cast<int>(minutes / 60));
    return tr("Last synced %1").arg(formatDateTime(*lastSuccessMs));
}

} // namespace spoke::ui
