#include "hub/admin/AttendanceReport.h"

#include "hub/db/HubDatabase.h"

#include <QDateTime>
#include <QMap>

#include <algorithm>
#include <map>

namespace spoke::hub::AttendanceReport {

namespace {

QVariant bigint(std::int64_t value)
{
    return QVariant::fromValue<qint64>(value);
}

struct Presence {
    std::vector<PresenceEvent> events;
    std::optional<std::int64_t> firstJoinMs;
    std::optional<std::int64_t> lastLeaveMs;
};

struct SessionFacts {
    QString title;
    QString programmeName;
    std::int64_t startsMs = 0;
    std::int64_t closeMs = 0;
};

// What the report says about the session, and when intervals still open stop
// counting: the chair's end, else the scheduled end, and never after the
// export itself.
std::optional<SessionFacts> sessionFacts(HubDatabase& db, std::int64_t sessionId, std::int64_t nowMs)
{
    const std::optional<HubRow> session =
        db.queryOne(QStringLiteral("SELECT s.starts_ms, s.minutes, e.ended_ms, s.title, p.name FROM sessions s "
                                   "JOIN programmes p ON p.id = s.programme_id "
                                   "LEFT JOIN session_ends e ON e.session_id = s.id WHERE s.id = ?"),
                    {bigint(sessionId)});
    if (!session)
        return std::nullopt;
    const std::int64_t endMs = session->optionalInteger(2).value_or(session->integer(0) + session->integer(1) * 60'000);
    return SessionFacts{session->text(3), session->text(4), session->integer(0), std::min(endMs, nowMs)};
}

std::int64_t totalMs(const std::vector<std::pair<std::int64_t, std::int64_t>>& intervals)
{
    std::int64_t total = 0;
    for (const auto& [fromMs, toMs] : intervals)
        total += toMs - fromMs;
    return total;
}

QString isoTime(const std::optional<std::int64_t>& ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODate) : QString();
}

// RFC 4180 section 2, plus a leading quote before = + - @ so that a
// spreadsheet shows an attested name as text instead of running it as a
// formula (OWASP "CSV Injection").
QString csvField(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.front()))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\r'))
        || text.contains(QLatin1Char('\n'))) {
        text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

} // namespace

std::vector<std::pair<std::int64_t, std::int64_t>> presentIntervals(std::vector<PresenceEvent> events,
                                                                    std::int64_t closeMs)
{
    std::stable_sort(events.begin(), events.end(),
                     [](const PresenceEvent& a, const PresenceEvent& b) { return a.atMs < b.atMs; });
    std::vector<std::pair<std::int64_t, std::int64_t>> intervals;
    QMap<QString, std::int64_t> openSince; // by device
    for (const PresenceEvent& event : events) {
        if (event.join) {
            if (!openSince.contains(event.deviceId))
                openSince.insert(event.deviceId, event.atMs);
        } else if (openSince.contains(event.deviceId)) {
            intervals.emplace_back(openSince.take(event.deviceId), event.atMs);
        }
    }
    for (const std::int64_t fromMs : openSince)
        if (closeMs > fromMs)
            intervals.emplace_back(fromMs, closeMs);
    std::sort(intervals.begin(), intervals.end());
    std::vector<std::pair<std::int64_t, std::int64_t>> merged;
    for (const auto& interval : intervals) {
        if (!merged.empty() && interval.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, interval.second);
        else
            merged.push_back(interval);
    }
    return merged;
}

Expected<Report, AdminError> build(HubDatabase& db, std::int64_t sessionId, std::int64_t nowMs)
{
    return db.snapshot([&]() -> Expected<Report, AdminError> {
        const std::optional<SessionFacts> facts = sessionFacts(db, sessionId, nowMs);
        if (!facts)
            return AdminError{AdminError::Code::NotFound, QStringLiteral("session"),
                              QStringLiteral("session %1 does not exist.").arg(sessionId)};
        const HubQueryResult events =
            db.exec(QStringLiteral("SELECT e.account_id, u.display_name, m.role, e.kind, e.at_ms, e.device_id "
                                   "FROM attendance_events e JOIN accounts u ON u.id = e.account_id "
                                   "JOIN sessions s ON s.id = e.session_id LEFT JOIN memberships m "
                                   "ON m.account_id = e.account_id AND m.programme_id = s.programme_id "
                                   "WHERE e.session_id = ? ORDER BY u.display_name, e.account_id, e.at_ms, e.id"),
                    {bigint(sessionId)});
        std::map<std::int64_t, Presence> byAccount;
        Report report{sessionId, facts->title, facts->programmeName, facts->startsMs, {}};
        std::map<std::int64_t, std::size_t> lineOf;
        for (const HubRow& row : events.rows) {
            const std::int64_t account = row.integer(0);
            if (!lineOf.count(account)) {
                lineOf[account] = report.lines.size();
                report.lines.push_back({row.text(1),
                                        row.optionalText(2).value_or(QString()),
                                        {},
                                        {},
                                        0,
                                        QStringLiteral("app"),
                                        account,
                                        QString()});
            }
            Presence& presence = byAccount[account];
            const bool join = row.text(3) == QLatin1String("join");
            const std::int64_t atMs = row.integer(4);
            presence.events.push_back({atMs, join, row.text(5)});
            if (join && !presence.firstJoinMs)
                presence.firstJoinMs = atMs;
            if (!join)
                presence.lastLeaveMs = atMs;
        }
        for (auto& [account, presence] : byAccount) {
            AttendanceLine& line = report.lines[lineOf[account]];
            line.firstJoinMs = presence.firstJoinMs;
            line.lastLeaveMs = presence.lastLeaveMs;
            line.presentMs = totalMs(presentIntervals(presence.events, facts->closeMs));
        }
        const HubQueryResult attested = db.exec(
            QStringLiteral("SELECT a.name, a.attested_by, u.display_name FROM attested_presence a "
                           "JOIN accounts u ON u.id = a.attested_by WHERE a.session_id = ? ORDER BY a.name, a.id"),
            {bigint(sessionId)});
        for (const HubRow& row : attested.rows) {
            const std::int64_t attesterId = row.integer(1);
            AttendanceLine line{row.text(0), QString(), {}, {}, 0, QStringLiteral("attested"), attesterId, row.text(2)};
            if (const auto found = lineOf.find(attesterId); found != lineOf.end()) {
                const AttendanceLine& attester = report.lines[found->second];
                line.firstJoinMs = attester.firstJoinMs;
                line.lastLeaveMs = attester.lastLeaveMs;
                line.presentMs = attester.presentMs;
            }
            report.lines.push_back(line);
        }
        return report;
    });
}

QByteArray csv(const Report& report)
{
    QString text = QStringLiteral("name,role,first_join,last_leave,minutes,source\r\n");
    for (const AttendanceLine& line : report.lines) {
        const QStringList fields{csvField(line.name),
                                 csvField(line.role),
                                 isoTime(line.firstJoinMs),
                                 isoTime(line.lastLeaveMs),
                                 QString::number(line.presentMs / 60'000),
                                 line.source};
        text += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return text.toUtf8();
}

} // namespace spoke::hub::AttendanceReport
