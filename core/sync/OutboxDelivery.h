#pragma once

#include "store/Records.h"
#include "sync/HubClient.h"
#include "sync/SyncError.h"

#include <string>

namespace spoke::store {
class Cache;
}

namespace spoke::sync {

struct DeliveryReport {
    int sent = 0; // accepted by the hub (or replayed by it) and recorded here
    int stopped = 0; // refused by the hub (4xx); they wait for the user
    int retrying = 0; // failed for now; tried again after their back-off
    bool reachedHub = false; // at least one answer came back
    SyncError error; // the error that ended the pass early, or the last one met
};

// Sends the outbox to the hub exactly once per entry (docs/hub-api.md
// "Client rules"). Entries go in order, each with its idempotency key, so a
// retry after a lost answer gets the hub's stored answer instead of a second
// change. An entry is marked sent only once the hub has answered 2xx, in the
// same cache transaction that records that answer; a crash in between leaves
// it unsent, and the retry is answered from the hub's idempotency table.
// 4xx other than 401, 408 and 429 stops the entry and records why; 401 ends
// the pass (the sign-in is the problem, not the entry); network trouble,
// 5xx, 408 and 429 back off (store::Outbox::backoffMs) and end the pass.
// Lives on the thread that owns the Cache and the HubClient.
class OutboxDelivery {
public:
    OutboxDelivery(store::Cache& cache, HubClient& client, std::string hubUrl)
        : cache_(cache)
        , client_(client)
        , hubUrl_(std::move(hubUrl))
    {
    }

    // Delivers entries due at `nowMs`; with `ignoreBackoff` (the user asked
    // to sync now) every unsent, unstopped entry. `clock` stamps what the
    // cache records, so a long pass records real times.
    DeliveryReport deliver(std::int64_t nowMs, bool ignoreBackoff, std::int64_t (*clock)() = &store::currentTimeMs);

    // How an entry becomes a request; public for tests.
    struct Request {
        QByteArray method;
        QString path;
        QByteArray body;
    };
    static std::optional<Request> requestFor(const store::OutboxItem& item);

private:
    enum class Outcome { Sent, Stopped, Retry, EndPass };
    Outcome deliverOne(const store::OutboxItem& item, std::int64_t (*clock)(), DeliveryReport& report);
    // Records the hub's 2xx answer and marks the entry sent, in one
    // transaction; an unreadable answer changes nothing and is returned.
    std::optional<SyncError> recordAnswer(const store::OutboxItem& item, const QByteArray& body, std::int64_t nowMs);
    void recordRefusal(const store::OutboxItem& item, const SyncError& error, const HubReply& reply,
                       std::int64_t nowMs);

    store::Cache& cache_;
    HubClient& client_;
    std::string hubUrl_;
};

} // namespace spoke::sync
