// spoke-hub admin recording, run as the operator runs it (a child process),
// on SQLite and on PostgreSQL (rows there, files in --data-dir).

#include "HubTestDatabases.h"
#include "RecordingFixtures.h"

#include "hub/admin/Admin.h"

#include <QProcess>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace spoke;
using namespace spoke::hub;
using test::HubTestDatabase;

namespace {

// What spoke-hub printed (tests/support/CliRun.h's shape; that helper runs
// spoke-cli).
struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runHub(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(SPOKE_HUB_PATH), args);
    REQUIRE(process.waitForFinished(60'000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// The recording commands take --data-dir (the files) and, on PostgreSQL,
// --database too; the others take exactly one of them.
struct Where {
    QStringList args;
    QStringList databaseArgs;
    std::filesystem::path dataDir;
};

QJsonObject jsonLine(const Run& run)
{
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    REQUIRE(run.out.count('\n') == 1);
    const QJsonDocument doc = QJsonDocument::fromJson(run.out);
    REQUIRE(doc.isObject());
    return doc.object();
}

Run admin(const Where& where, const QStringList& command)
{
    const bool recording = command.value(0) == QLatin1String("recording");
    return runHub(QStringList{QStringLiteral("admin")} + (recording ? where.args : where.databaseArgs) + command);
}

} // namespace

HUB_TEST_ON_BOTH_DATABASES(recordingCli, "spoke-hub admin recording: import list retention prune and delete",
                           "[hub][recordings][admin]")
{
    test::TempDir files;
    Where where;
    if (database.location().dialect == Dialect::Sqlite) {
        where.dataDir = database.dataDir();
    } else {
        where.dataDir = files / "data";
        where.args = {QStringLiteral("--database"), database.server()->url()};
    }
    where.databaseArgs = where.args.isEmpty()
                             ? QStringList{QStringLiteral("--data-dir"), QString::fromStdString(where.dataDir.string())}
                             : where.args;
    where.args << QStringLiteral("--data-dir") << QString::fromStdString(where.dataDir.string());
    const QString source = QString::fromStdString(test::writeSyntheticWebm(files / "grand-rounds.webm", 2).string());

    const qint64 programme = jsonLine(admin(
        where, {QStringLiteral("programme"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("TB Dar"),
                QStringLiteral("--kind"), QStringLiteral("tb")}))[QStringLiteral("id")]
                                 .toInteger();
    const qint64 otherProgramme = jsonLine(admin(
        where, {QStringLiteral("programme"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("HIV Dar"),
                QStringLiteral("--kind"), QStringLiteral("hiv")}))[QStringLiteral("id")]
                                      .toInteger();
    // A session of 2020: a recording of it is years old.
    const qint64 oldSession = jsonLine(admin(
        where, {QStringLiteral("session"), QStringLiteral("add"), QStringLiteral("--programme"),
                QString::number(programme), QStringLiteral("--title"), QStringLiteral("Old"),
                QStringLiteral("--starts"), QStringLiteral("2020-03-02T14:00:00Z")}))[QStringLiteral("id")]
                                  .toInteger();

    const QJsonObject imported = jsonLine(
        admin(where, {QStringLiteral("recording"), QStringLiteral("import"), source, QStringLiteral("--programme"),
                      QString::number(programme), QStringLiteral("--title"), QStringLiteral("Grand rounds")}));
    const qint64 id = imported[QStringLiteral("id")].toInteger();
    CHECK(id > 0);
    // The import makes the renditions for small data plans beside the full one.
    CHECK(imported[QStringLiteral("renditions")].toArray()
          == QJsonArray{QStringLiteral("full"), QStringLiteral("light"), QStringLiteral("audio-slides")});
    CHECK(imported[QStringLiteral("duration_ms")].toInteger() >= 1900);
    const std::filesystem::path folder = where.dataDir / "recordings" / std::to_string(id);
    const std::filesystem::path stored = folder / "full-0.webm";
    REQUIRE(std::filesystem::exists(stored));
    CHECK(test::sha256Of(stored) == test::sha256Of(source.toStdString()));
    REQUIRE(std::filesystem::exists(folder / "light-0.webm"));
    REQUIRE(std::filesystem::exists(folder / "audio-slides-0.webm"));
    CHECK(std::filesystem::file_size(folder / "audio-slides-0.webm") < std::filesystem::file_size(stored));

    const qint64 old =
        jsonLine(admin(where, {QStringLiteral("recording"), QStringLiteral("import"), source,
                               QStringLiteral("--programme"), QString::number(programme), QStringLiteral("--session"),
                               QString::number(oldSession)}))[QStringLiteral("id")]
            .toInteger();

    const QJsonArray listed =
        jsonLine(admin(where, {QStringLiteral("recording"), QStringLiteral("list"), QStringLiteral("--programme"),
                               QString::number(programme), QStringLiteral("--json")}))[QStringLiteral("recordings")]
            .toArray();
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].toObject()[QStringLiteral("id")].toInteger() == id); // newest first
    CHECK(listed[0].toObject()[QStringLiteral("title")].toString() == QStringLiteral("Grand rounds"));
    CHECK(listed[1].toObject()[QStringLiteral("title")].toString() == QStringLiteral("grand-rounds"));
    CHECK(listed[1].toObject()[QStringLiteral("session_id")].toInteger() == oldSession);

    // Mistakes: exit 2 for usage, 1 for what the hub refuses.
    CHECK(admin(where, {QStringLiteral("recording"), QStringLiteral("import"), QStringLiteral("--programme"),
                        QString::number(programme)})
              .exitCode
          == 2);
    CHECK(admin(where, {QStringLiteral("recording"), QStringLiteral("import"), source, QStringLiteral("--programme"),
                        QString::number(otherProgramme), QStringLiteral("--session"), QString::number(oldSession)})
              .exitCode
          == 2);
    CHECK(admin(where, {QStringLiteral("recording"), QStringLiteral("import"), source, QStringLiteral("--programme"),
                        QStringLiteral("999999")})
              .exitCode
          == 1);
    CHECK(admin(where, {QStringLiteral("recording"), QStringLiteral("retention"), QStringLiteral("--programme"),
                        QString::number(programme), QStringLiteral("--days"), QStringLiteral("0")})
              .exitCode
          == 2);

    const QJsonObject retention =
        jsonLine(admin(where, {QStringLiteral("recording"), QStringLiteral("retention"), QStringLiteral("--programme"),
                               QString::number(programme), QStringLiteral("--days"), QStringLiteral("365")}));
    CHECK(retention[QStringLiteral("keep_days")].toInt() == 365);
    const QJsonObject pruned = jsonLine(admin(where, {QStringLiteral("recording"), QStringLiteral("prune")}));
    CHECK(pruned[QStringLiteral("deleted")].toArray() == QJsonArray{old});
    CHECK(pruned[QStringLiteral("failed")].toInt() == 0);
    CHECK_FALSE(std::filesystem::exists(where.dataDir / "recordings" / std::to_string(old)));

    CHECK(jsonLine(admin(where, {QStringLiteral("recording"), QStringLiteral("delete"),
                                 QString::number(id)}))[QStringLiteral("deleted")]
              .toInteger()
          == id);
    CHECK_FALSE(std::filesystem::exists(stored));
    CHECK(std::filesystem::exists(source.toStdString())); // the operator's file is theirs
    CHECK(admin(where, {QStringLiteral("recording"), QStringLiteral("delete"), QString::number(id)}).exitCode == 1);
    CHECK(jsonLine(admin(where, {QStringLiteral("recording"), QStringLiteral("list"), QStringLiteral("--programme"),
                                 QString::number(programme), QStringLiteral("--json")}))[QStringLiteral("recordings")]
              .toArray()
              .isEmpty());
}
