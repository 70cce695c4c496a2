#include "store/Outbox.h"

#include "store/Database.h"

#include <algorithm>

namespace spoke::store {

namespace {

OutboxItem readItem(const Statement& stmt)
{
    return {stmt.int64(0), stmt.text(1), stmt.text(2),  stmt.text(3),         static_cast<int>(stmt.int64(4)),
            stmt.int64(5), stmt.text(6), stmt.int64(7), stmt.optionalInt64(8)};
}

} // namespace

std::int64_t Outbox::enqueue(std::string_view key, std::string_view kind, std::string_view payloadJson,
                             std::int64_t nowMs)
{
    db_.prepare("INSERT INTO outbox(idempotency_key, kind, payload_json, next_try_ms, created_ms) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(idempotency_key) DO NOTHING")
        .bindAll(key, kind, payloadJson, nowMs, nowMs)
        .run();
    Statement stmt = db_.prepare("SELECT id FROM outbox WHERE idempotency_key = ?");
    stmt.bind(1, key);
    stmt.step();
    return stmt.int64(0);
}

std::vector<OutboxItem> Outbox::due(std::int64_t nowMs, int limit)
{
    Statement stmt = db_.prepare(
        "SELECT id, idempotency_key, kind, payload_json, attempts, next_try_ms, last_error, created_ms, sent_ms "
        "FROM outbox WHERE sent_ms IS NULL AND stopped_ms IS NULL AND next_try_ms <= ? ORDER BY next_try_ms, id "
        "LIMIT ?");
    stmt.bindAll(nowMs, limit);
    std::vector<OutboxItem> result;
    while (stmt.step())
        result.push_back(readItem(stmt));
    return result;
}

std::optional<OutboxItem> Outbox::byKey(std::string_view key)
{
    Statement stmt = db_.prepare(
        "SELECT id, idempotency_key, kind, payload_json, attempts, next_try_ms, last_error, created_ms, sent_ms "
        "FROM outbox WHERE idempotency_key = ?");
    stmt.bind(1, key);
    if (!stmt.step())
        return std::nullopt;
    return readItem(stmt);
}

std::int64_t Outbox::backoffMs(int attempts)
{
    // 5 s, 10 s, 20 s ... capped at one hour: a clinic's link may be down for a
    // whole afternoon, and retrying faster only burns metered data.
    constexpr std::int64_t base = 5'000;
    constexpr std::int64_t cap = 3'600'000;
    const int exponent = std::clamp(attempts - 1, 0, 20);
    return std::min(cap, base << exponent);
}

void Outbox::markFailed(std::int64_t id, std::string_view error, std::int64_t nowMs)
{
    Statement attempts = db_.prepare("SELECT attempts FROM outbox WHERE id = ?");
    attempts.bind(1, id);
    if (!attempts.step())
        return;
    const int next = static_cast<int>(attempts.int64(0)) + 1;
    db_.prepare("UPDATE outbox SET attempts = ?, last_error = ?, next_try_ms = ? WHERE id = ?")
        .bindAll(next, error, nowMs + backoffMs(next), id)
        .run();
}

void Outbox::markSent(std::int64_t id, std::int64_t nowMs)
{
    db_.prepare("UPDATE outbox SET sent_ms = ? WHERE id = ?").bindAll(nowMs, id).run();
}

void Outbox::markStopped(std::int64_t id, int httpStatus, std::string_view error, std::int64_t nowMs)
{
    db_.prepare("UPDATE outbox SET attempts = attempts + 1, last_error = ?, error_status = ?, stopped_ms = ? "
                "WHERE id = ? AND sent_ms IS NULL")
        .bindAll(error, httpStatus, nowMs, id)
        .run();
}

void Outbox::discardStopped(std::string_view key)
{
    db_.prepare("DELETE FROM outbox WHERE idempotency_key = ? AND stopped_ms IS NOT NULL AND sent_ms IS NULL")
        .bind(1, key)
        .run();
}

int Outbox::stoppedCount()
{
    return static_cast<int>(
        db_.queryInt("SELECT count(*) FROM outbox WHERE sent_ms IS NULL AND stopped_ms IS NOT NULL"));
}

int Outbox::pendingCount()
{
    return static_cast<int>(db_.queryInt("SELECT count(*) FROM outbox WHERE sent_ms IS NULL"));
}

} // namespace spoke::store
