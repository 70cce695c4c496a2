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
    // Entries whose next try is due, oldest first.
    std::vector<OutboxItem> due(std::int64_t nowMs, int limit = 50);
    // Schedules the next try with capped exponential back-off.
    void markFailed(std::int64_t id, std::string_view error, std::int64_t nowMs);
    void markSent(std::int64_t id, std::int64_t nowMs);
    int pendingCount();

    static std::int64_t backoffMs(int attempts);

private:
    Database& db_;
};

} // namespace spoke::store
