#include "hub/admin/Admin.h"

#include "hub/db/HubDatabase.h"
#include "hub/identity/Identity.h"
#include "hub/identity/Tokens.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace spoke::hub {
namespace {

QVariant bigint(std::int64_t value)
{
    return QVariant::fromValue<qint64>(value);
}

AdminError badArgument(const QString& argument, const QString& message)
{
    return AdminError{AdminError::Code::BadArgument, argument, message};
}

std::optional<AdminError> checkText(const QString& argument, const QString& text)
{
    if (text.trimmed().isEmpty())
        return badArgument(argument, QStringLiteral("%1 must not be empty.").arg(argument));
    if (text.trimmed().size() > Admin::kMaxNameLength)
        return badArgument(
            argument,
            QStringLiteral("%1 must be at most %2 characters long.").arg(argument).arg(Admin::kMaxNameLength));
    return std::nullopt;
}

bool programmeExists(HubDatabase& db, std::int64_t programmeId)
{
    return db.queryOne(QStringLiteral("SELECT 1 FROM programmes WHERE id = ?"), {bigint(programmeId)}).has_value();
}

AdminError noSuchProgramme(std::int64_t programmeId)
{
    return AdminError{AdminError::Code::NotFound, QStringLiteral("programme"),
                      QStringLiteral("programme %1 does not exist.").arg(programmeId)};
}

std::optional<AdminError> checkAgendaItem(int number, const QString& part, const AgendaItemSpec& item)
{
    const QString where = QStringLiteral("agenda item %1 (\"%2\")").arg(number).arg(part);
    if (item.title.trimmed().isEmpty())
        return badArgument(QStringLiteral("agenda"), QStringLiteral("%1 needs a title.").arg(where));
    if (item.title.trimmed().size() > Admin::kMaxNameLength)
        return badArgument(
            QStringLiteral("agenda"),
            QStringLiteral("%1: the title must be at most %2 characters long.").arg(where).arg(Admin::kMaxNameLength));
    if (item.plannedMinutes < 1 || item.plannedMinutes > Admin::kMaxAgendaItemMinutes)
        return badArgument(QStringLiteral("agenda"),
                           QStringLiteral("%1: the minutes must be a whole number from 1 to %2.")
                               .arg(where)
                               .arg(Admin::kMaxAgendaItemMinutes));
    return std::nullopt;
}

std::optional<AdminError> checkAgenda(const std::vector<AgendaItemSpec>& agenda)
{
    if (agenda.size() > std::size_t(Admin::kMaxAgendaItems))
        return badArgument(
            QStringLiteral("agenda"),
            QStringLiteral("an agenda has at most %1 items, not %2.").arg(Admin::kMaxAgendaItems).arg(agenda.size()));
    for (std::size_t i = 0; i < agenda.size(); ++i) {
        const QString part = QStringLiteral("%1:%2").arg(agenda[i].title).arg(agenda[i].plannedMinutes);
        if (auto problem = checkAgendaItem(int(i + 1), part, agenda[i]))
            return problem;
    }
    return std::nullopt;
}

// Thrown inside a transaction to roll it back with an answer for the caller.
struct Refused {
    AdminError error;
};

} // namespace

QString Admin::newInviteCode()
{
    if (sodium_init() < 0)
        throw std::runtime_error("no system random source for an invite code");
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    // RFC 4648 base32: no 0/1/8 to misread, and case does not matter when
    // read aloud over a phone line.
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QString code;
    unsigned buffer = 0;
    int bits = 0;
    int written = 0;
    const auto put = [&](unsigned index) {
        if (written > 0 && written % 4 == 0)
            code.append(QLatin1Char('-'));
        code.append(QLatin1Char(kAlphabet[index & 31u]));
        ++written;
    };
    for (unsigned char byte : bytes) {
        buffer = (buffer << 8) | byte;
        bits += 8;
        while (bits >= 5) {
            put(buffer >> (bits - 5));
            bits -= 5;
        }
    }
    if (bits > 0)
        put(buffer << (5 - bits));
    sodium_memzero(bytes.data(), bytes.size());
    return code;
}

Expected<std::int64_t, AdminError> Admin::addProgramme(const QString& name, ProgrammeKind kind, std::int64_t nowMs)
{
    if (const std::optional<AdminError> problem = checkText(QStringLiteral("name"), name))
        return *problem;
    return db_.transaction([&] {
        return db_.insert(QStringLiteral("INSERT INTO programmes (name, kind, created_ms) VALUES (?, ?, ?)"),
                          {name.trimmed(), QString::fromLatin1(toString(kind)), bigint(nowMs)});
    });
}

Expected<InviteCreated, AdminError> Admin::inviteMember(std::int64_t programmeId, Role role, std::int64_t nowMs)
{
    try {
        return db_.transaction([&] {
            if (!programmeExists(db_, programmeId))
                throw Refused{noSuchProgramme(programmeId)};
            InviteCreated invite;
            invite.code = newInviteCode();
            invite.expiresMs = nowMs + kInviteLifetimeMs;
            invite.inviteId =
                db_.insert(QStringLiteral("INSERT INTO invites (code_hash, programme_id, role, created_ms, "
                                          "expires_ms) VALUES (?, ?, ?, ?, ?)"),
                           {sha256Hex(Identity::normalizeInviteCode(invite.code)), bigint(programmeId),
                            QString::fromLatin1(toString(role)), bigint(nowMs), bigint(invite.expiresMs)});
            return invite;
        });
    } catch (const Refused& refused) {
        return refused.error;
    }
}

Expected<std::vector<AgendaItemSpec>, AdminError> Admin::parseAgenda(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() > kMaxAgendaItems)
        return badArgument(
            QStringLiteral("agenda"),
            QStringLiteral("an agenda has at most %1 items, not %2.").arg(kMaxAgendaItems).arg(parts.size()));
    std::vector<AgendaItemSpec> agenda;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString part = parts[i].trimmed();
        const qsizetype colon = part.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const int minutes = colon < 0 ? 0 : part.mid(colon + 1).trimmed().toInt(&ok);
        AgendaItemSpec item{colon < 0 ? part : part.left(colon).trimmed(), ok ? minutes : 0};
        if (colon < 0)
            return badArgument(QStringLiteral("agenda"),
                               QStringLiteral("agenda item %1 (\"%2\") must be TITLE:MINUTES.").arg(i + 1).arg(part));
        if (auto problem = checkAgendaItem(int(i + 1), part, item))
            return *problem;
        agenda.push_back(item);
    }
    return agenda;
}

Expected<SessionCreated, AdminError> Admin::addSession(std::int64_t programmeId, const QString& title,
                                                       std::int64_t startsMs, int minutes, std::int64_t nowMs,
                                                       const std::vector<AgendaItemSpec>& agenda)
{
    if (const std::optional<AdminError> problem = checkAgenda(agenda))
        return *problem;
    if (const std::optional<AdminError> problem = checkText(QStringLiteral("title"), title))
        return *problem;
    if (minutes < 1 || minutes > kMaxSessionMinutes)
        return badArgument(QStringLiteral("minutes"),
                           QStringLiteral("minutes must be between 1 and %1.").arg(kMaxSessionMinutes));
    if (startsMs <= 0)
        return badArgument(QStringLiteral("starts"), QStringLiteral("starts must be a time after 1970."));
    try {
        return db_.transaction([&] {
            if (!programmeExists(db_, programmeId))
                throw Refused{noSuchProgramme(programmeId)};
            SessionCreated session;
            session.seq = db_.bumpChangeSeq();
            session.sessionId = db_.insert(
                QStringLiteral("INSERT INTO sessions (programme_id, title, starts_ms, minutes, "
                               "seq, created_ms) VALUES (?, ?, ?, ?, ?, ?)"),
                {bigint(programmeId), title.trimmed(), bigint(startsMs), minutes, bigint(session.seq), bigint(nowMs)});
            // The room follows from the id, which exists only after the insert.
            session.room = session.sessionId + kRoomOffset;
            db_.exec(QStringLiteral("UPDATE sessions SET room = ? WHERE id = ?"),
                     {bigint(session.room), bigint(session.sessionId)});
            for (std::size_t i = 0; i < agenda.size(); ++i)
                db_.exec(QStringLiteral("INSERT INTO agenda_items (session_id, position, title, planned_minutes) "
                                        "VALUES (?, ?, ?, ?)"),
                         {bigint(session.sessionId), int(i + 1), agenda[i].title.trimmed(), agenda[i].plannedMinutes});
            return session;
        });
    } catch (const Refused& refused) {
        return refused.error;
    }
}

} // namespace spoke::hub
