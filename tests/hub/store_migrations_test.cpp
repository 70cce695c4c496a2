#include "HubTestDatabases.h"

#include "hub/db/HubMigrations.h"

using namespace spoke::hub;
using spoke::test::HubTestDatabase;

namespace {

// The tables the live-session migrations (3 and later) add, dependants first.
constexpr const char* kTablesAfterVersion2[] = { // migration 11 (the case panel's sections)
    "case_views", "agenda_items", "session_ends", "chat_messages", "hand_events", "attendance_events",
    "attested_presence",
    // migration 6 (session rooms)
    "session_rooms", "room_tokens", "room_removals",
    // migration 7 (slides and media state), decks last
    "media_states", "slide_turns", "session_decks", "decks",
    // migration 8 (Janus' attendance events)
    "janus_attendance_events",
    // migration 10 (session recordings: its parts point at
    // migration 9's recordings, so they go first)
    "session_recording_state", "session_recordings",
    // migration 9 (recordings), the files first
    "recording_files", "recordings", "recording_retention"};

QStringList hubTables()
{
    QStringList tables{QStringLiteral("programmes"),  QStringLiteral("accounts"), QStringLiteral("invites"),
                       QStringLiteral("memberships"), QStringLiteral("tokens"),   QStringLiteral("sessions"),
                       QStringLiteral("attendance"),  QStringLiteral("cases"),    QStringLiteral("recommendations"),
                       QStringLiteral("idempotency"), QStringLiteral("counters"), QStringLiteral("schema_migrations")};
    for (const char* table : kTablesAfterVersion2)
        tables.append(QLatin1String(table));
    return tables;
}

std::int64_t countRows(HubDatabase& db, const QString& table)
{
    return db.queryOne(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table))->integer(0);
}

} // namespace

HUB_TEST_ON_BOTH_DATABASES(migratesFreshAndReopened,
                           "hub migrations: a fresh database gets every table, a reopened one "
                           "is left as it is",
                           "[hub][store]")
{
    {
        auto db = database.open();
        CHECK(HubMigrations::currentVersion(*db) == HubMigrations::latestVersion());
        for (const QString& table : hubTables())
            CHECK_NOTHROW(countRows(*db, table));
        CHECK(db->currentChangeSeq() == 0);
        CHECK(countRows(*db, QStringLiteral("schema_migrations")) == HubMigrations::latestVersion());
        db->exec(QStringLiteral("INSERT INTO programmes (name, kind, created_ms) VALUES (?, ?, ?)"),
                 {QStringLiteral("HCV Nairobi"), QStringLiteral("hcv"), QVariant::fromValue<qint64>(1)});
    }
    auto reopened = database.open();
    CHECK(HubMigrations::migrate(*reopened) == HubMigrations::latestVersion());
    CHECK(countRows(*reopened, QStringLiteral("schema_migrations")) == HubMigrations::latestVersion());
    CHECK(countRows(*reopened, QStringLiteral("programmes")) == 1);
    CHECK(reopened->currentChangeSeq() == 0);
}

HUB_TEST_ON_BOTH_DATABASES(membershipSeqOnUpgrade,
                           "hub migrations: upgrading to memberships.seq gives existing memberships "
                           "one new change seq, so every client's next pull resends its programmes",
                           "[hub][store]")
{
    {
        // A database as version 1 left it: memberships without seq, cursor 5.
        auto db = database.open();
        db->exec(QStringLiteral("INSERT INTO programmes (name, kind, created_ms) VALUES ('TB Kisumu', 'tb', 1)"));
        db->exec(QStringLiteral("INSERT INTO accounts (email, display_name, password_hash, created_ms) "
                                "VALUES ('a@clinic.example', 'A', 'x', 1)"));
        db->exec(QStringLiteral("INSERT INTO memberships (account_id, programme_id, role, created_ms) "
                                "VALUES (1, 1, 'clinician', 1)"));
        db->exec(QStringLiteral("DROP INDEX memberships_account_seq"));
        db->exec(QStringLiteral("ALTER TABLE memberships DROP COLUMN seq"));
        // Migrations after 2 only add tables; they are applied again.
        for (const char* table : kTablesAfterVersion2)
            db->exec(QStringLiteral("DROP TABLE %1").arg(QLatin1String(table)));
        db->exec(QStringLiteral("DELETE FROM schema_migrations WHERE version >= 2"));
        db->exec(QStringLiteral("UPDATE counters SET value = 5 WHERE name = 'change_seq'"));
        CHECK(HubMigrations::currentVersion(*db) == 1);
    }
    auto upgraded = database.open();
    CHECK(HubMigrations::currentVersion(*upgraded) == HubMigrations::latestVersion());
    CHECK(upgraded->currentChangeSeq() == 6);
    CHECK(upgraded->queryOne(QStringLiteral("SELECT seq FROM memberships WHERE account_id = 1"))->integer(0) == 6);
}

HUB_TEST_ON_BOTH_DATABASES(refusesNewerSchema,
                           "hub migrations: a database from a newer spoke-hub is refused, not "
                           "touched",
                           "[hub][store]")
{
    {
        auto db = database.open();
        db->exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?, 'future', 0)"),
                 {HubMigrations::latestVersion() + 1});
    }
    try {
        database.open();
        FAIL("opened a database with a newer schema");
    } catch (const HubDbError& error) {
        CHECK(error.code() == HubDbErrorCode::Query);
        CHECK_THAT(error.what(), Catch::Contains("newer"));
    }
}

HUB_TEST_ON_BOTH_DATABASES(idsAreAssigned, "hub migrations: ids are assigned by the database and never reused",
                           "[hub][store]")
{
    auto db = database.open();
    const auto add = [&](const char* name) {
        return db->insert(QStringLiteral("INSERT INTO programmes (name, kind, created_ms) VALUES (?, 'tb', 0)"),
                          {QString::fromLatin1(name)});
    };
    const std::int64_t first = add("one");
    const std::int64_t second = add("two");
    CHECK(second > first);
    db->exec(QStringLiteral("DELETE FROM programmes WHERE id = ?"), {QVariant::fromValue<qint64>(second)});
    CHECK(add("three") > second);
}

TEST_CASE("hub migrations: SQLite is opened in WAL mode with full sync, foreign keys and a busy timeout",
          "[hub][store]")
{
    auto database = HubTestDatabase::sqlite();
    auto db = database->open();
    CHECK(db->queryOne(QStringLiteral("PRAGMA journal_mode"))->text(0) == QStringLiteral("wal"));
    CHECK(db->queryOne(QStringLiteral("PRAGMA synchronous"))->integer(0) == 2); // FULL
    CHECK(db->queryOne(QStringLiteral("PRAGMA foreign_keys"))->integer(0) == 1);
    CHECK(db->queryOne(QStringLiteral("PRAGMA busy_timeout"))->integer(0) >= 1000);
    CHECK(db->dialect() == Dialect::Sqlite);
    CHECK(QString::fromLatin1(toString(db->dialect())) == QStringLiteral("sqlite"));
}
