#pragma once

#include "cases/CaseDocument.h"
#include "cases/DeidGate.h"
#include "cases/Finding.h"
#include "cases/SchemaRegistry.h"
#include "util/Expected.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <string>

namespace spoke::store {
class Cache;
}

namespace spoke::sync {

// Why a case could not be submitted. Nothing was queued when this comes back.
struct SubmitFailure {
    enum class Reason {
        NoSuchCase,
        NotSignedIn, // no hub account on this laptop
        NoHubProgramme, // the case's programme is not one synced from the hub
        WrongStatus, // already submitted and not returned, or returned but not changed since
        UnresolvedFindings, // the gate still flags text; see findings
        InvalidForm, // the form schema reports errors; see problems
        Unreadable, // the saved document is not a readable echo-case/1.0 document
        LocalStore, // the cache could not be read or written
    };
    Reason reason = Reason::LocalStore;
    std::int64_t localCaseId = 0;
    QList<cases::Finding> findings;
    QList<cases::SchemaIssue> problems;
    QString detail; // technical detail for logs and the CLI
};

QString toString(SubmitFailure::Reason reason); // "unresolved_findings"...

struct QueuedSubmission {
    std::int64_t localCaseId = 0;
    std::int64_t outboxId = 0;
    std::string idempotencyKey; // case:<case_code>:rev<revision>
};

// Why an echo-case file could not become a local case.
struct ImportFailure {
    enum class Reason { Unreadable, NoProgramme, AlreadyExists, LocalStore };
    Reason reason = Reason::Unreadable;
    QString detail;
};

// The one way a case leaves the laptop, shared by the CLI and the app
// (docs/hub-api.md "Client rules"): the gate and the form schema run on the
// saved current revision, the case is marked ready, and a `case.submit`
// entry is queued in the outbox, all in one cache transaction. Delivery is
// OutboxDelivery's job. Lives on the thread that owns the Cache.
class CaseSubmission {
public:
    CaseSubmission(store::Cache& cache, const cases::DeidGate& gate, const cases::SchemaRegistry& schemas)
        : cache_(cache)
        , gate_(gate)
        , schemas_(schemas)
    {
    }

    Expected<QueuedSubmission, SubmitFailure> submit(std::int64_t localCaseId, std::int64_t nowMs);

    // Stores an echo-case/1.0 document as a new draft case in the programme
    // of its kind (HubStore::programmeForKind); returns the local case id.
    Expected<std::int64_t, ImportFailure> importDocument(const cases::CaseDocument& document, std::int64_t nowMs);

    // The outbox key of a submission: the case code and the revision sent.
    static std::string idempotencyKey(const std::string& caseCode, int revision);

private:
    store::Cache& cache_;
    const cases::DeidGate& gate_;
    const cases::SchemaRegistry& schemas_;
};

} // namespace spoke::sync

Q_DECLARE_METATYPE(spoke::sync::SubmitFailure)
