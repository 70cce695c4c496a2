#pragma once

#include "store/Records.h"

#include <vector>

namespace spoke::store {

class Database;

// Changes made offline that must reach the hub once the network allows.
// Delivery is at-least-once; the idempotency key lets the receiver drop
// repeats, and enqueueing the same key twice keeps the first entry.
class Outbox {
public:
    explicit Outbox(Database& db) : db_(db) { }

    // Returns the id of the entry for this key (new or existing).
    std::int64_t enqueue(std::string_view idempotencyKey, std::string_view kind, std::string_view payloadJson,
                         std::int64_t nowMs);
    // Entries whose next try is due, oldest first; stopped entries never are.
    std::vector<OutboxItem> due(std::int64_t nowMs, int limit = 50);
    std::optional<OutboxItem> byKey(std::string_view idempotencyKey);
    // Schedules the next try with capped exponential back-off.
    void markFailed(std::int64_t id, std::string_view error, std::int64_t nowMs);
    void markSent(std::int64_t id, std::int64_t nowMs);
    // The receiver refused the entry for good (an HTTP 4xx): it stays unsent
    // and is not tried again; the status and reason are kept for the user.
    void markStopped(std::int64_t id, int httpStatus, std::string_view error, std::int64_t nowMs);
    // Drops a stopped entry that a newer one replaces (a corrected resubmission).
    void discardStopped(std::string_view idempotencyKey);
    // Entries not yet accepted, stopped ones included.
    int pendingCount();
    int stoppedCount();

    static std::int64_t backoffMs(int attempts);

private:
    Database& db_;
};

} // namespace spoke::store
