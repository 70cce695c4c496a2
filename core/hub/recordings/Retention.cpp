#include "hub/recordings/Retention.h"

#include "hub/db/HubDatabase.h"

#include <QVariant>

#include <cstdio>

namespace spoke::hub::recordings {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

} // namespace

Expected<RetentionRule, CatalogueError> Retention::set(std::int64_t programmeId, int keepDays,
                                                       std::optional<std::int64_t> setBy, std::int64_t nowMs)
{
    if (keepDays < 1 || keepDays > kMaxKeepDays)
        return CatalogueError{CatalogueError::Code::BadArgument,
                              QStringLiteral("keep_days must be 1 to %1.").arg(kMaxKeepDays)};
    const bool known = db_.transaction([&] {
        if (!db_.queryOne(QStringLiteral("SELECT 1 FROM programmes WHERE id = ?"), {QVariant::fromValue(programmeId)}))
            return false;
        db_.exec(QStringLiteral("INSERT INTO recording_retention (programme_id, keep_days, set_by, set_ms) "
                                "VALUES (?, ?, ?, ?) ON CONFLICT (programme_id) DO UPDATE SET "
                                "keep_days = excluded.keep_days, set_by = excluded.set_by, set_ms = excluded.set_ms"),
                 {QVariant::fromValue(programmeId), keepDays, setBy ? QVariant::fromValue(*setBy) : QVariant(),
                  QVariant::fromValue(nowMs)});
        return true;
    });
    if (!known)
        return CatalogueError{CatalogueError::Code::NotFound,
                              QStringLiteral("There is no programme %1.").arg(programmeId)};
    return *get(programmeId);
}

std::optional<RetentionRule> Retention::get(std::int64_t programmeId)
{
    const auto row =
        db_.queryOne(QStringLiteral("SELECT keep_days, set_by, set_ms FROM recording_retention WHERE programme_id = ?"),
                     {QVariant::fromValue(programmeId)});
    if (!row)
        return std::nullopt;
    return RetentionRule{programmeId, int(row->integer(0)), row->optionalInteger(1), row->integer(2)};
}

PruneReport Retention::prune(std::int64_t nowMs)
{
    // keep_days is an INTEGER: widened before the multiplication, which
    // PostgreSQL would otherwise do in 32 bits and overflow past 24 days.
    const HubQueryResult due = db_.exec(
        QStringLiteral("SELECT r.id FROM recordings r JOIN recording_retention k ON k.programme_id = r.programme_id "
                       "WHERE r.recorded_ms < ? - CAST(k.keep_days AS BIGINT) * ? ORDER BY r.id"),
        {QVariant::fromValue(nowMs), QVariant::fromValue(kDayMs)});
    PruneReport report;
    for (const HubRow& row : due.rows) {
        const std::int64_t id = row.integer(0);
        try {
            const auto removed = catalogue_.remove(id, nowMs);
            if (removed) {
                report.deleted.push_back(id);
                continue;
            }
            if (removed.error().code == CatalogueError::Code::NotFound)
                continue; // deleted meanwhile by someone else
            std::fprintf(stderr, "spoke-hub: prune: %s\n", qPrintable(removed.error().message));
        } catch (const HubDbError& error) {
            std::fprintf(stderr, "spoke-hub: prune: recording %lld: %s\n", static_cast<long long>(id), error.what());
        }
        ++report.failed;
    }
    report.swept = catalogue_.sweep(nowMs);
    return report;
}

} // namespace spoke::hub::recordings
