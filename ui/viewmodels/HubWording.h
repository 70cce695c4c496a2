#pragma once

#include "sync/HubTypes.h"
#include "sync/SyncError.h"
#include "sync/SyncWorker.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <optional>

namespace spoke::ui {

// core/sync reports typed reasons; these turn them into the sentences people
// read, so they can be translated (core/sync/SyncError.h builds no sentences).
// Stateless; call on the UI thread, where the translator is installed.
class HubWording {
    Q_DECLARE_TR_FUNCTIONS(HubWording)
public:
    // What went wrong, as a plain sentence, for an operation of the hub.
    static QString describeSyncError(const sync::SyncError& error, sync::SyncWorker::Operation operation);
    // Why a submission was refused before anything was queued.
    static QString describeSubmitFailure(const sync::SubmitFailure& failure);
    // "Coordinator", "Specialist", ...
    static QString hubRoleLabel(sync::HubRole role);
    // "Submitted", "Scheduled for a session", ... as the hub's status reads to people.
    static QString hubCaseStatusLabel(sync::HubCaseStatus status);
    // The same as a reviewer reads it: "Submitted", ..., "Recommendations sent".
    static QString reviewStatusLabel(sync::HubCaseStatus status);
    // A local case's place on the way to the hub: "Waiting to send", "Sent to the
    // hub", the hub's status, or empty for a case never submitted.
    static QString caseDeliveryLabel(const sync::CaseSyncState& state);
    // "Last synced 3 min ago" / "Never synced", relative to nowMs.
    static QString lastSyncedText(std::optional<std::int64_t> lastSuccessMs, std::int64_t nowMs);

private:
    static QString describeClientError(const sync::SyncError& error, sync::SyncWorker::Operation operation);
};

} // namespace spoke::ui
