#include "HubTestDatabases.h"

#include "hub/admin/Admin.h"
#include "hub/db/HubBackup.h"
#include "hub/db/HubMigrations.h"

#include <QFile>

#include <atomic>
#include <fstream>
#include <thread>

using namespace spoke::hub;
using spoke::test::HubTestDatabase;
using spoke::test::kTestNowMs;
using spoke::test::TempDir;

namespace {

QString str(const std::filesystem::path& path)
{
    return QString::fromStdString(path.string());
}

std::int64_t count(HubDatabase& db, const char* table)
{
    return db.queryOne(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QString::fromLatin1(table)))->integer(0);
}

} // namespace

TEST_CASE("hub backup: a copy of a live database is consistent while a writer keeps writing", "[hub][backup]")
{
    auto database = HubTestDatabase::sqlite();
    std::int64_t programme = 0;
    {
        auto db = database->open();
        programme = *Admin(*db).addProgramme(QStringLiteral("HIV"), ProgrammeKind::Hiv, kTestNowMs);
    }
    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::atomic<bool> writerFailed{false};
    // Catch's assertions are not thread-safe: the writer only reports.
    std::thread writer([&] {
        try {
            auto db = database->open();
            Admin admin(*db);
            while (!stop.load()) {
                if (!admin.addSession(programme, QStringLiteral("Weekly"), kTestNowMs, 90, kTestNowMs).ok())
                    break;
                written.fetch_add(1);
            }
        } catch (const HubDbError&) {
        }
        writerFailed = !stop.load();
        stop = true;
    });
    while (written.load() < 20 && !stop.load())
        std::this_thread::sleep_for(std::chrono::milliseconds(5));

    TempDir out;
    std::int64_t previous = 0;
    for (int round = 0; round < 3; ++round) {
        const QString file = str(out / ("backup-" + std::to_string(round) + ".sqlite"));
        const auto result = HubBackup::backup(database->location(), file);
        REQUIRE(result.ok());
        CHECK(result->bytes == QFile(file).size());
        CHECK(result->bytes > 0);
        // Restore the copy into a fresh data dir and read it as a hub.
        TempDir restored;
        const HubDatabaseLocation there = HubDatabaseLocation::sqliteIn(str(restored.path()));
        REQUIRE(HubBackup::restore(there, file).ok());
        auto copy = HubDatabase::open(there);
        CHECK(copy->queryOne(QStringLiteral("PRAGMA integrity_check"))->text(0) == QStringLiteral("ok"));
        // One snapshot: every session the copy holds took one change_seq, and
        // the counter is exactly where the last of them left it.
        const std::int64_t sessions = count(*copy, "sessions");
        CHECK(sessions > previous);
        CHECK(copy->currentChangeSeq() == sessions);
        CHECK(copy->queryOne(QStringLiteral("SELECT MAX(seq) FROM sessions"))->integer(0) == sessions);
        previous = sessions;
        while (written.load() < sessions + 10 && !stop.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    stop = true;
    writer.join();
    CHECK_FALSE(writerFailed.load());
}

TEST_CASE("hub backup: restore brings back the database as it was at the backup", "[hub][backup]")
{
    auto database = HubTestDatabase::sqlite();
    TempDir out;
    const QString file = str(out / "hub.sqlite");
    {
        auto db = database->open();
        Admin(*db).addProgramme(QStringLiteral("Kept"), ProgrammeKind::Tb, kTestNowMs);
    }
    REQUIRE(HubBackup::backup(database->location(), file).ok());
    {
        auto db = database->open();
        Admin(*db).addProgramme(QStringLiteral("After the backup"), ProgrammeKind::Tb, kTestNowMs);
        CHECK(count(*db, "programmes") == 2);

        // Refused while the database is open: a running server would keep
        // writing to the file the restore replaces.
        const auto busy = HubBackup::restore(database->location(), file);
        REQUIRE_FALSE(busy.ok());
        CHECK(busy.error().message.contains(QStringLiteral("stop spoke-hub serve")));
    }
    const auto restored = HubBackup::restore(database->location(), file);
    REQUIRE(restored.ok());
    CHECK(restored->bytes > 0);
    CHECK_FALSE(QFile::exists(database->location().sqliteFile + QStringLiteral(".restoring")));
    auto db = database->open();
    CHECK(count(*db, "programmes") == 1);
    CHECK(db->queryOne(QStringLiteral("SELECT name FROM programmes"))->text(0) == QStringLiteral("Kept"));
}

TEST_CASE("hub backup: restore refuses a file that is not a hub database of a known version", "[hub][backup]")
{
    auto database = HubTestDatabase::sqlite();
    {
        auto db = database->open();
        Admin(*db).addProgramme(QStringLiteral("Untouched"), ProgrammeKind::Hcv, kTestNowMs);
    }
    TempDir out;
    const auto refused = [&](const QString& file) {
        const auto result = HubBackup::restore(database->location(), file);
        REQUIRE_FALSE(result.ok());
        return result.error().message;
    };

    std::ofstream(out / "notes.txt") << "this is not a database, but it is long enough to have a header of sorts";
    CHECK(refused(str(out / "notes.txt")).contains(QStringLiteral("not a SQLite database")));
    CHECK(refused(str(out / "missing.sqlite")).contains(QStringLiteral("Cannot read")));

    {
        // A SQLite file of someone else's: a Spoke client cache, say.
        auto other = HubDatabase::open(HubDatabaseLocation::sqliteIn(str(out / "other")));
        other->exec(QStringLiteral("DROP TABLE accounts"));
    }
    CHECK(refused(str(out / "other" / "spoke-hub.sqlite")).contains(QStringLiteral("not a spoke-hub database")));

    {
        auto newer = HubDatabase::open(HubDatabaseLocation::sqliteIn(str(out / "newer")));
        newer->exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?, 'future', 0)"),
                    {HubMigrations::latestVersion() + 1});
    }
    CHECK(refused(str(out / "newer" / "spoke-hub.sqlite")).contains(QStringLiteral("schema version")));

    auto db = database->open();
    CHECK(db->queryOne(QStringLiteral("SELECT name FROM programmes"))->text(0) == QStringLiteral("Untouched"));
}

TEST_CASE("hub backup: PostgreSQL is pointed to pg_dump and pg_restore", "[hub][backup]")
{
    const auto location = HubDatabaseLocation::fromUrl(QStringLiteral("postgresql://hub@localhost/spoke"));
    REQUIRE(location.ok());
    const auto backup = HubBackup::backup(*location, QStringLiteral("/tmp/never-written.sqlite"));
    REQUIRE_FALSE(backup.ok());
    CHECK(backup.error().message.contains(QStringLiteral("pg_dump")));
    const auto restore = HubBackup::restore(*location, QStringLiteral("/tmp/never-read.sqlite"));
    REQUIRE_FALSE(restore.ok());
    CHECK(restore.error().message.contains(QStringLiteral("pg_restore")));
}
