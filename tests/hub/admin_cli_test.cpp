#include "HubTestDatabases.h"

#include "hub/identity/Identity.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace spoke::hub;
using spoke::test::HubTestDatabase;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const
    {
        const QJsonDocument doc = QJsonDocument::fromJson(out);
        REQUIRE(doc.isObject());
        return doc.object();
    }
};

Run spokeHub(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(SPOKE_HUB_PATH), args);
    REQUIRE(process.waitForFinished(60000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return Run{process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QStringList where(const HubTestDatabase& database)
{
    if (database.location().dialect == Dialect::Sqlite)
        return {QStringLiteral("--data-dir"), QString::fromStdString(database.dataDir().string())};
    return {QStringLiteral("--database"), database.server()->url()};
}

// One line of JSON and nothing else.
void checkOneLine(const Run& run)
{
    CHECK(run.out.endsWith('\n'));
    CHECK(run.out.count('\n') == 1);
    CHECK(run.err.isEmpty());
}

// Exit 2, nothing on stdout, one sentence on stderr.
void checkUsageError(const Run& run, const char* mentions)
{
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 2);
    CHECK(run.out.isEmpty());
    CHECK(run.err.trimmed().endsWith('.'));
    CHECK(run.err.count('\n') == 1);
    CHECK(run.err.contains(mentions));
}

} // namespace

HUB_TEST_ON_BOTH_DATABASES(adminEndToEnd, "spoke-hub admin: add a programme, invite a member, schedule a session",
                           "[hub][admin]")
{
    const QStringList at = where(database);
    const Run programme =
        spokeHub(QStringList{QStringLiteral("admin")} << at << QStringLiteral("programme") << QStringLiteral("add")
                                                      << QStringLiteral("--name") << QStringLiteral("HIV Lusaka")
                                                      << QStringLiteral("--kind") << QStringLiteral("hiv"));
    INFO(programme.err.toStdString());
    REQUIRE(programme.exitCode == 0);
    checkOneLine(programme);
    const qint64 programmeId = programme.json().value(QStringLiteral("id")).toInteger();
    CHECK(programmeId > 0);

    const Run invite =
        spokeHub(QStringList{QStringLiteral("admin")} << at << QStringLiteral("member") << QStringLiteral("invite")
                                                      << QStringLiteral("--programme") << QString::number(programmeId)
                                                      << QStringLiteral("--role") << QStringLiteral("specialist"));
    REQUIRE(invite.exitCode == 0);
    checkOneLine(invite);
    const QString code = invite.json().value(QStringLiteral("code")).toString();
    CHECK(invite.json().value(QStringLiteral("id")).toInteger() > 0);
    CHECK(code.size() == 32);

    const Run session = spokeHub(QStringList{QStringLiteral("admin")}
                                 << at << QStringLiteral("session") << QStringLiteral("add")
                                 << QStringLiteral("--programme=") + QString::number(programmeId)
                                 << QStringLiteral("--title") << QStringLiteral("Week 1: ART failure")
                                 << QStringLiteral("--starts") << QStringLiteral("2026-12-08T16:00:00+02:00")
                                 << QStringLiteral("--agenda") << QStringLiteral("Didactic:15, Case 1: 20,Case 2:20"));
    INFO(session.err.toStdString());
    REQUIRE(session.exitCode == 0);
    checkOneLine(session);
    const qint64 sessionId = session.json().value(QStringLiteral("id")).toInteger();
    CHECK(session.json().value(QStringLiteral("agenda_items")).toInteger() == 3);

    // What the commands stored is what the hub serves.
    auto db = database.open();
    const auto row =
        db->queryOne(QStringLiteral("SELECT programme_id, title, starts_ms, minutes, room, seq FROM sessions "
                                    "WHERE id = ?"),
                     {sessionId});
    REQUIRE(row);
    CHECK(row->integer(0) == programmeId);
    CHECK(row->text(1) == QStringLiteral("Week 1: ART failure"));
    CHECK(row->integer(2) == 1796738400000LL); // 2026-12-08T14:00:00Z
    CHECK(row->integer(3) == 90);
    CHECK(row->integer(4) == sessionId + 100000);
    CHECK(row->integer(5) == db->currentChangeSeq());
    const HubQueryResult agenda = db->exec(
        QStringLiteral("SELECT position, title, planned_minutes, started_ms FROM agenda_items WHERE session_id = ? "
                       "ORDER BY position"),
        {sessionId});
    REQUIRE(agenda.rows.size() == 3);
    CHECK(agenda.rows[0].text(1) == QStringLiteral("Didactic"));
    CHECK(agenda.rows[0].integer(2) == 15);
    CHECK(agenda.rows[1].integer(0) == 2);
    CHECK(agenda.rows[1].text(1) == QStringLiteral("Case 1"));
    CHECK(agenda.rows[1].integer(2) == 20);
    CHECK(agenda.rows[2].isNull(3));
    Identity identity(*db);
    const auto joined =
        identity.redeemInvite(code, QStringLiteral("sp@hub.org"), QStringLiteral("Dr Specialist"),
                              QStringLiteral("long enough password"), QDateTime::currentMSecsSinceEpoch());
    REQUIRE(joined.ok());
    const auto principal = identity.authenticate(joined->token, QDateTime::currentMSecsSinceEpoch());
    REQUIRE(principal);
    CHECK(principal->roleIn(programmeId) == Role::Specialist);

    const Run missing =
        spokeHub(QStringList{QStringLiteral("admin")} << at << QStringLiteral("member") << QStringLiteral("invite")
                                                      << QStringLiteral("--programme") << QStringLiteral("999")
                                                      << QStringLiteral("--role") << QStringLiteral("trainee"));
    CHECK(missing.exitCode == 1);
    CHECK(missing.out.isEmpty());
    CHECK(missing.err.contains("programme 999 does not exist"));

    // CME attendance: 20 minutes in, 10 out, 30 in (50 minutes).
    const qint64 startsMs = 1796738400000LL;
    const auto report = [&](const char* kind, qint64 atMs) {
        db->exec(QStringLiteral("INSERT INTO attendance_events (session_id, account_id, kind, device_id, client_ms, "
                                "received_ms, at_ms, clamped) VALUES (?, ?, ?, 'laptop', ?, ?, ?, 0)"),
                 {sessionId, qint64(principal->accountId), QString::fromLatin1(kind), atMs, atMs, atMs});
    };
    report("join", startsMs);
    report("leave", startsMs + qint64{20} * 60'000);
    report("join", startsMs + qint64{30} * 60'000);
    report("leave", startsMs + qint64{60} * 60'000);
    const Run exported =
        spokeHub(QStringList{QStringLiteral("admin")} << at << QStringLiteral("attendance") << QStringLiteral("export")
                                                      << QStringLiteral("--session") << QString::number(sessionId));
    INFO(exported.err.toStdString());
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.out
          == "name,role,first_join,last_leave,minutes,source\r\n"
             "Dr Specialist,specialist,2026-12-08T14:00:00Z,2026-12-08T15:00:00Z,50,app\r\n");
    const QString file =
        QString::fromStdString(
            (database.dataDir().empty() ? std::filesystem::temp_directory_path() : database.dataDir()).string())
        + QStringLiteral("/attendance-%1.csv").arg(sessionId);
    const Run toFile =
        spokeHub(QStringList{QStringLiteral("admin")} << at << QStringLiteral("attendance") << QStringLiteral("export")
                                                      << QStringLiteral("--session") << QString::number(sessionId)
                                                      << QStringLiteral("--out") << file);
    REQUIRE(toFile.exitCode == 0);
    checkOneLine(toFile);
    CHECK(toFile.json().value(QStringLiteral("rows")).toInteger() == 1);
    QFile written(file);
    REQUIRE(written.open(QIODevice::ReadOnly));
    CHECK(written.readAll() == exported.out);
    written.remove();
    const Run noSession =
        spokeHub(QStringList{QStringLiteral("admin")} << at << QStringLiteral("attendance") << QStringLiteral("export")
                                                      << QStringLiteral("--session") << QStringLiteral("999"));
    CHECK(noSession.exitCode == 1);
    CHECK(noSession.err.contains("session 999 does not exist"));
}

TEST_CASE("spoke-hub admin: bad arguments exit 2 with one sentence naming the problem", "[hub][admin]")
{
    auto database = HubTestDatabase::sqlite();
    const QStringList at = where(*database);
    const auto admin = [&](const QStringList& rest) {
        return spokeHub(QStringList{QStringLiteral("admin")} << at << rest);
    };
    checkUsageError(
        admin({QStringLiteral("programme"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("X")}),
        "--kind");
    checkUsageError(admin({QStringLiteral("programme"), QStringLiteral("add"), QStringLiteral("--name"),
                           QStringLiteral("X"), QStringLiteral("--kind"), QStringLiteral("flu")}),
                    "--kind must be one of");
    checkUsageError(admin({QStringLiteral("programme"), QStringLiteral("add"), QStringLiteral("--name"),
                           QStringLiteral(" "), QStringLiteral("--kind"), QStringLiteral("tb")}),
                    "name must not be empty");
    checkUsageError(admin({QStringLiteral("member"), QStringLiteral("invite"), QStringLiteral("--programme"),
                           QStringLiteral("-3"), QStringLiteral("--role"), QStringLiteral("trainee")}),
                    "--programme must be a positive whole number");
    checkUsageError(admin({QStringLiteral("member"), QStringLiteral("invite"), QStringLiteral("--programme"),
                           QStringLiteral("1"), QStringLiteral("--role"), QStringLiteral("admin")}),
                    "--role must be one of");
    checkUsageError(admin({QStringLiteral("session"), QStringLiteral("add"), QStringLiteral("--programme"),
                           QStringLiteral("1"), QStringLiteral("--title"), QStringLiteral("T"),
                           QStringLiteral("--starts"), QStringLiteral("2026-12-08T14:00:00")}),
                    "with a zone");
    checkUsageError(
        admin({QStringLiteral("session"), QStringLiteral("add"), QStringLiteral("--programme"), QStringLiteral("1"),
               QStringLiteral("--title"), QStringLiteral("T"), QStringLiteral("--starts"),
               QStringLiteral("2026-12-08T14:00:00Z"), QStringLiteral("--minutes"), QStringLiteral("0")}),
        "minutes must be between");
    const auto sessionWithAgenda = [&](const QString& agenda) {
        return admin({QStringLiteral("session"), QStringLiteral("add"), QStringLiteral("--programme"),
                      QStringLiteral("1"), QStringLiteral("--title"), QStringLiteral("T"), QStringLiteral("--starts"),
                      QStringLiteral("2026-12-08T14:00:00Z"), QStringLiteral("--agenda"), agenda});
    };
    checkUsageError(sessionWithAgenda(QStringLiteral("Didactic:15,Case 1:0")),
                    "agenda item 2 (\"Case 1:0\"): the minutes must be a whole number from 1 to 240");
    checkUsageError(sessionWithAgenda(QStringLiteral("Didactic:241")), "agenda item 1");
    checkUsageError(sessionWithAgenda(QStringLiteral("Didactic:15, :20")), "agenda item 2 (\":20\") needs a title");
    checkUsageError(sessionWithAgenda(QStringLiteral("Didactic:15,Case one")), "must be TITLE:MINUTES");
    checkUsageError(sessionWithAgenda(QStringLiteral("Didactic:ten")), "whole number");
    QStringList many;
    for (int i = 1; i <= 21; ++i)
        many.append(QStringLiteral("Item %1:5").arg(i));
    checkUsageError(sessionWithAgenda(many.join(QLatin1Char(','))), "at most 20 items, not 21");
    checkUsageError(admin({QStringLiteral("programme"), QStringLiteral("remove")}), "no command");
    checkUsageError(
        admin({QStringLiteral("programme"), QStringLiteral("add"), QStringLiteral("--colour"), QStringLiteral("red")}),
        "no option --colour");
    checkUsageError(admin({QStringLiteral("backup")}), "exactly one FILE");
    checkUsageError(spokeHub({QStringLiteral("admin"), QStringLiteral("programme"), QStringLiteral("add")}),
                    "exactly one of --data-dir DIR or --database URL");
    checkUsageError(spokeHub({QStringLiteral("admin"), QStringLiteral("--database"), QStringLiteral("mysql://x/y"),
                              QStringLiteral("programme"), QStringLiteral("add")}),
                    "postgresql://");
    checkUsageError(spokeHub({QStringLiteral("launch")}), "no command launch");
}

TEST_CASE("spoke-hub admin: backup and restore through the command line", "[hub][admin][backup]")
{
    auto database = HubTestDatabase::sqlite();
    const QStringList at = where(*database);
    REQUIRE(spokeHub(QStringList{QStringLiteral("admin")}
                     << at << QStringLiteral("programme") << QStringLiteral("add") << QStringLiteral("--name")
                     << QStringLiteral("Palliative care") << QStringLiteral("--kind") << QStringLiteral("palliative"))
                .exitCode
            == 0);
    spoke::test::TempDir out;
    const QString file = QString::fromStdString((out / "hub-backup.sqlite").string());
    const Run backup = spokeHub(QStringList{QStringLiteral("admin")} << at << QStringLiteral("backup") << file);
    REQUIRE(backup.exitCode == 0);
    checkOneLine(backup);
    CHECK(backup.json().value(QStringLiteral("file")).toString() == file);
    CHECK(backup.json().value(QStringLiteral("bytes")).toInteger() == QFileInfo(file).size());

    const Run restore = spokeHub(QStringList{QStringLiteral("admin")} << at << QStringLiteral("restore") << file);
    REQUIRE(restore.exitCode == 0);
    checkOneLine(restore);

    const Run foreign = spokeHub(QStringList{QStringLiteral("admin")} << at << QStringLiteral("restore")
                                                                      << QStringLiteral(SPOKE_HUB_PATH));
    CHECK(foreign.exitCode == 1);
    CHECK(foreign.err.contains("not a SQLite database"));
}

TEST_CASE("spoke-hub: --help lists every command, --version names it", "[hub][admin]")
{
    const Run help = spokeHub({QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    for (const char* command : {"serve", "programme add", "member invite", "session add", "attendance export",
                                "attendance certificates", "backup FILE", "restore FILE"})
        CHECK(help.out.contains(command));
    const Run version = spokeHub({QStringLiteral("--version")});
    CHECK(version.exitCode == 0);
    CHECK(version.out.startsWith("spoke-hub "));
}
