// spoke-hub admin: what an operator does from a shell on the hub's machine.
// Each command prints one JSON object line on stdout, or one sentence on
// stderr; exit 0 done, 1 failed, 2 bad usage.

#include "CommandOutput.h"
#include "HubCommands.h"

#include "hub/admin/Admin.h"
#include "hub/admin/AttendanceReport.h"
#include "hub/admin/Certificates.h"
#include "hub/db/HubBackup.h"
#include "hub/db/HubDatabase.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>
#include <QSet>

#include <cstdio>
#include <functional>
#include <memory>

namespace {

using namespace spoke::hub;

using namespace spoke::hubcli;
constexpr int kDefaultSessionMinutes = 90;

// Thrown for a usage mistake; main turns it into one sentence and exit 2.
struct UsageError {
    QString message;
};

// The command's words and its --options (every option here takes a value).
struct Parsed {
    QStringList words;
    QMap<QString, QString> options;

    QString required(const QString& name) const
    {
        if (!options.contains(name))
            throw UsageError{QStringLiteral("This command needs --%1.").arg(name)};
        return options.value(name);
    }
    std::int64_t id(const QString& name) const
    {
        bool ok = false;
        const qlonglong value = required(name).toLongLong(&ok);
        if (!ok || value <= 0)
            throw UsageError{QStringLiteral("--%1 must be a positive whole number.").arg(name)};
        return value;
    }
};

Parsed parse(const QStringList& args)
{
    static const QSet<QString> known{
        QStringLiteral("data-dir"),    QStringLiteral("database"), QStringLiteral("name"),    QStringLiteral("kind"),
        QStringLiteral("programme"),   QStringLiteral("role"),     QStringLiteral("title"),   QStringLiteral("starts"),
        QStringLiteral("minutes"),     QStringLiteral("agenda"),   QStringLiteral("session"), QStringLiteral("out"),
        QStringLiteral("min-minutes"), QStringLiteral("days"),     QStringLiteral("json")};
    // Options that take no value.
    static const QSet<QString> flags{QStringLiteral("json")};
    Parsed parsed;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (!arg.startsWith(QLatin1String("--"))) {
            parsed.words.append(arg);
            continue;
        }
        QString name = arg.mid(2);
        QString value;
        if (flags.contains(name)) {
            // a flag: present or not
        } else if (const qsizetype equals = name.indexOf(QLatin1Char('=')); equals >= 0) {
            value = name.mid(equals + 1);
            name = name.left(equals);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            throw UsageError{QStringLiteral("--%1 needs a value.").arg(name)};
        }
        if (!known.contains(name))
            throw UsageError{QStringLiteral("spoke-hub admin has no option --%1.").arg(name)};
        if (parsed.options.contains(name))
            throw UsageError{QStringLiteral("--%1 is given twice.").arg(name)};
        parsed.options.insert(name, value);
    }
    return parsed;
}

HubDatabaseLocation locationOf(const Parsed& parsed)
{
    const bool dir = parsed.options.contains(QStringLiteral("data-dir"));
    const bool url = parsed.options.contains(QStringLiteral("database"));
    if (dir == url)
        throw UsageError{QStringLiteral("spoke-hub admin needs exactly one of --data-dir DIR or --database URL.")};
    if (dir)
        return HubDatabaseLocation::sqliteIn(parsed.options.value(QStringLiteral("data-dir")));
    spoke::Expected<HubDatabaseLocation, QString> location =
        HubDatabaseLocation::fromUrl(parsed.options.value(QStringLiteral("database")));
    if (!location)
        throw UsageError{location.error()};
    return *location;
}

void allowOnly(const Parsed& parsed, const QStringList& names)
{
    for (auto it = parsed.options.cbegin(); it != parsed.options.cend(); ++it) {
        if (it.key() != QLatin1String("data-dir") && it.key() != QLatin1String("database") && !names.contains(it.key()))
            throw UsageError{QStringLiteral("--%1 does not apply to this command.").arg(it.key())};
    }
}

std::int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

int answer(const spoke::Expected<QJsonObject, AdminError>& result)
{
    if (!result)
        return fail(result.error().code == AdminError::Code::BadArgument ? kBadUsage : kFailed, result.error().message);
    printLine(*result);
    return kOk;
}

int programmeAdd(const Parsed& parsed, HubDatabase& db)
{
    allowOnly(parsed, {QStringLiteral("name"), QStringLiteral("kind")});
    const QString name = parsed.required(QStringLiteral("name"));
    const std::optional<ProgrammeKind> kind = programmeKindFromString(parsed.required(QStringLiteral("kind")));
    if (!kind)
        throw UsageError{QStringLiteral("--kind must be one of hiv, hcv, tb, cervical, palliative, generic.")};
    const auto id = Admin(db).addProgramme(name, *kind, nowMs());
    if (!id)
        return answer(id.error());
    return answer(QJsonObject{{QStringLiteral("id"), static_cast<qint64>(*id)}});
}

int memberInvite(const Parsed& parsed, HubDatabase& db)
{
    allowOnly(parsed, {QStringLiteral("programme"), QStringLiteral("role")});
    const std::int64_t programme = parsed.id(QStringLiteral("programme"));
    const std::optional<Role> role = roleFromString(parsed.required(QStringLiteral("role")));
    if (!role)
        throw UsageError{QStringLiteral("--role must be one of coordinator, specialist, clinician, trainee.")};
    const auto invite = Admin(db).inviteMember(programme, *role, nowMs());
    if (!invite)
        return answer(invite.error());
    return answer(QJsonObject{{QStringLiteral("id"), static_cast<qint64>(invite->inviteId)},
                              {QStringLiteral("code"), invite->code},
                              {QStringLiteral("expires_ms"), static_cast<qint64>(invite->expiresMs)}});
}

std::int64_t parseStarts(const QString& text)
{
    const QDateTime starts = QDateTime::fromString(text, Qt::ISODateWithMs);
    // A time without a zone would be read in this machine's zone, which is
    // rarely the programme's: insist on Z or an offset.
    if (!starts.isValid() || starts.timeSpec() == Qt::LocalTime)
        throw UsageError{QStringLiteral("--starts must be an ISO 8601 time with a zone, e.g. 2026-12-08T14:00:00Z.")};
    return starts.toMSecsSinceEpoch();
}

int sessionAdd(const Parsed& parsed, HubDatabase& db)
{
    allowOnly(parsed, {QStringLiteral("programme"), QStringLiteral("title"), QStringLiteral("starts"),
                       QStringLiteral("minutes"), QStringLiteral("agenda")});
    const std::int64_t programme = parsed.id(QStringLiteral("programme"));
    const QString title = parsed.required(QStringLiteral("title"));
    const std::int64_t startsMs = parseStarts(parsed.required(QStringLiteral("starts")));
    int minutes = kDefaultSessionMinutes;
    if (parsed.options.contains(QStringLiteral("minutes"))) {
        bool ok = false;
        minutes = parsed.options.value(QStringLiteral("minutes")).toInt(&ok);
        if (!ok)
            throw UsageError{QStringLiteral("--minutes must be a whole number.")};
    }
    std::vector<AgendaItemSpec> agenda;
    if (parsed.options.contains(QStringLiteral("agenda"))) {
        auto items = Admin::parseAgenda(parsed.options.value(QStringLiteral("agenda")));
        if (!items)
            return answer(items.error());
        agenda = std::move(*items);
    }
    const auto session = Admin(db).addSession(programme, title, startsMs, minutes, nowMs(), agenda);
    if (!session)
        return answer(session.error());
    return answer(QJsonObject{{QStringLiteral("id"), static_cast<qint64>(session->sessionId)},
                              {QStringLiteral("room"), static_cast<qint64>(session->room)},
                              {QStringLiteral("agenda_items"), static_cast<qint64>(agenda.size())}});
}

// CME attendance as CSV (docs/hub-api.md, Attendance): on stdout, or into
// --out FILE (then the usual JSON line says where and how many rows).
int attendanceExport(const Parsed& parsed, HubDatabase& db)
{
    allowOnly(parsed, {QStringLiteral("session"), QStringLiteral("out")});
    const std::int64_t session = parsed.id(QStringLiteral("session"));
    const auto report = AttendanceReport::build(db, session, nowMs());
    if (!report)
        return answer(report.error());
    const QByteArray csv = AttendanceReport::csv(*report);
    if (!parsed.options.contains(QStringLiteral("out"))) {
        std::fwrite(csv.constData(), 1, std::size_t(csv.size()), stdout);
        std::fflush(stdout);
        return kOk;
    }
    const QString out = parsed.options.value(QStringLiteral("out"));
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
        return fail(kFailed, QStringLiteral("Cannot write %1: %2.").arg(out, file.errorString()));
    return answer(QJsonObject{{QStringLiteral("file"), out},
                              {QStringLiteral("rows"), static_cast<qint64>(report->lines.size())}});
}

// CME certificates (docs/hub-api.md, Certificates): one PDF per attendee at
// or over --min-minutes, written into --out DIR as <certificate id>.pdf (a
// name never comes from the attendee's name), and one JSON line listing them.
int attendanceCertificates(const Parsed& parsed, HubDatabase& db)
{
    allowOnly(parsed, {QStringLiteral("session"), QStringLiteral("min-minutes"), QStringLiteral("out")});
    const std::int64_t session = parsed.id(QStringLiteral("session"));
    bool ok = false;
    const qlonglong minMinutes = parsed.required(QStringLiteral("min-minutes")).toLongLong(&ok);
    if (!ok || minMinutes < 0)
        throw UsageError{QStringLiteral("--min-minutes must be a whole number, 0 or more.")};
    const QString out = parsed.required(QStringLiteral("out"));
    const std::int64_t issuedMs = nowMs();
    const auto batch = Certificates::eligible(db, session, minMinutes, issuedMs);
    if (!batch)
        return answer(batch.error());
    if (!QDir().mkpath(out))
        return fail(kFailed, QStringLiteral("Cannot create the folder %1.").arg(out));
    QJsonArray written;
    for (const Certificate& certificate : batch->certificates) {
        const auto pdf = Certificates::render(batch->session, certificate, issuedMs);
        if (!pdf)
            return fail(kFailed,
                        QStringLiteral("Cannot draw certificate %1: %2.").arg(certificate.certificateId, pdf.error()));
        const QString path = QDir(out).filePath(Certificates::fileName(certificate));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(*pdf) != pdf->size() || !file.commit())
            return fail(kFailed, QStringLiteral("Cannot write %1: %2.").arg(path, file.errorString()));
        written.append(Certificates::json(certificate, path));
    }
    return answer(QJsonObject{{QStringLiteral("session"), static_cast<qint64>(session)},
                              {QStringLiteral("min_minutes"), static_cast<qint64>(minMinutes)},
                              {QStringLiteral("certificates"), written}});
}

int backupOrRestore(const Parsed& parsed, const HubDatabaseLocation& location)
{
    allowOnly(parsed, {});
    if (parsed.words.size() != 2)
        throw UsageError{QStringLiteral("%1 needs exactly one FILE.").arg(parsed.words.value(0))};
    const bool backup = parsed.words[0] == QLatin1String("backup");
    const auto result =
        backup ? HubBackup::backup(location, parsed.words[1]) : HubBackup::restore(location, parsed.words[1]);
    if (!result)
        return fail(kFailed, result.error().message);
    printLine(QJsonObject{{QStringLiteral("file"), result->file},
                          {QStringLiteral("bytes"), static_cast<qint64>(result->bytes)}});
    return kOk;
}

// The recording commands keep files: they need --data-dir (where
// DATA_DIR/recordings is), and take --database too when the rows live on a
// PostgreSQL, as serve does.
int recordingCommand(const Parsed& parsed)
{
    if (!parsed.options.contains(QStringLiteral("data-dir")))
        throw UsageError{QStringLiteral("spoke-hub admin recording needs --data-dir DIR, where the files are kept.")};
    const QString dataDir = parsed.options.value(QStringLiteral("data-dir"));
    HubDatabaseLocation location = HubDatabaseLocation::sqliteIn(dataDir);
    if (parsed.options.contains(QStringLiteral("database"))) {
        auto url = HubDatabaseLocation::fromUrl(parsed.options.value(QStringLiteral("database")));
        if (!url)
            throw UsageError{url.error()};
        location = *url;
    }
    AdminRecordingArgs args{parsed.words, parsed.options, QDir(dataDir).filePath(QStringLiteral("recordings"))};
    args.options.remove(QStringLiteral("data-dir"));
    args.options.remove(QStringLiteral("database"));
    std::unique_ptr<HubDatabase> db = HubDatabase::open(location);
    return runRecordingAdmin(args, *db);
}

int dispatch(const Parsed& parsed)
{
    if (parsed.words.value(0) == QLatin1String("recording"))
        return recordingCommand(parsed);
    const HubDatabaseLocation location = locationOf(parsed);
    const QString verb = parsed.words.value(0);
    if (verb == QLatin1String("backup") || verb == QLatin1String("restore"))
        return backupOrRestore(parsed, location);

    using Handler = std::function<int(const Parsed&, HubDatabase&)>;
    const QMap<QString, Handler> commands{{QStringLiteral("programme add"), programmeAdd},
                                          {QStringLiteral("member invite"), memberInvite},
                                          {QStringLiteral("session add"), sessionAdd},
                                          {QStringLiteral("attendance export"), attendanceExport},
                                          {QStringLiteral("attendance certificates"), attendanceCertificates}};
    const QString words = parsed.words.join(QLatin1Char(' '));
    if (!commands.contains(words))
        throw UsageError{
            words.isEmpty()
                ? QStringLiteral("spoke-hub admin needs a command; see spoke-hub --help.")
                : QStringLiteral("spoke-hub admin has no command \"%1\"; see spoke-hub --help.").arg(words)};
    // Opening migrates, so usage mistakes above never touch the database.
    std::unique_ptr<HubDatabase> db = HubDatabase::open(location);
    return commands.value(words)(parsed, *db);
}

} // namespace

QString adminUsage()
{
    return QStringLiteral(
               "  admin (--data-dir DIR | --database URL) programme add --name NAME --kind "
               "hiv|hcv|tb|cervical|palliative|generic\n"
               "      add a programme; prints {\"id\":N}\n"
               "  admin (--data-dir DIR | --database URL) member invite --programme ID --role "
               "coordinator|specialist|clinician|trainee\n"
               "      invite one member (valid 14 days); prints {\"id\":N,\"code\":\"...\"}, the code only this once\n"
               "  admin (--data-dir DIR | --database URL) session add --programme ID --title TITLE --starts ISO8601 "
               "[--minutes N] [--agenda \"TITLE:MIN,...\"]\n"
               "      schedule a session (default 90 minutes) with its agenda (at most 20 items of 1-240 minutes);\n"
               "      prints {\"id\":N,\"room\":N,\"agenda_items\":N}\n"
               "  admin (--data-dir DIR | --database URL) attendance export --session ID [--out FILE]\n"
               "      CME attendance as CSV (name, role, first join, last leave, minutes, source) on stdout or into "
               "FILE\n"
               "  admin (--data-dir DIR | --database URL) attendance certificates --session ID --min-minutes N --out "
               "DIR\n"
               "      one CME certificate PDF per attendee present N minutes or more, as DIR/<certificate id>.pdf;\n"
               "      prints "
               "{\"session\":ID,\"min_minutes\":N,\"certificates\":[{\"certificate_id\",\"name\",\"minutes\",...,"
               "\"file\"}]}\n")
           + recordingAdminUsage()
           + QStringLiteral(
               "  admin --data-dir DIR backup FILE\n"
               "      copy the live SQLite database to FILE; prints {\"file\":...,\"bytes\":N}\n"
               "  admin --data-dir DIR restore FILE\n"
               "      replace the database with FILE (stop serve first); prints {\"file\":...,\"bytes\":N}\n");
}

int runAdmin(const QStringList& args)
{
    try {
        return dispatch(parse(args));
    } catch (const UsageError& usage) {
        return fail(kBadUsage, usage.message);
    } catch (const HubDbError& error) {
        return fail(kFailed, QString::fromUtf8(error.what()));
    }
}
