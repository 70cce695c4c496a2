// The live-session routes against a real database, without a network: each
// scenario on its own SQLite file, and all of them on one throwaway
// PostgreSQL (tag [postgres]).

#include "HubTestDatabases.h"
#include "api_live_media_scenarios.h"
#include "api_live_scenarios.h"
#include "support/TempDir.h"

#include "hub/admin/AttendanceReport.h"

using namespace spoke::test;

namespace {

void onSqlite(void (*scenario)(ApiHub&))
{
    const auto db = HubTestDatabase::sqlite();
    ApiHub hub(db->location());
    scenario(hub);
}

void withDecks(void (*scenario)(ApiHub&), const spoke::hub::HubDatabaseLocation& location)
{
    TempDir decks;
    ApiHub hub(location);
    hub.router().setDeckDirectory(QString::fromStdString((decks / "decks").string()));
    scenario(hub);
}

} // namespace

TEST_CASE("live: a deck is uploaded once, downloaded by members, and its page turns stored and sent, on SQLite",
          "[hub][api][live][slides]")
{
    const auto db = HubTestDatabase::sqlite();
    withDecks(live::slides, db->location());
}

TEST_CASE("live: mute and camera state is reported, sent and read as each account's latest, on SQLite",
          "[hub][api][live][slides]")
{
    onSqlite(live::media);
}

TEST_CASE("live: the chair or the case's presenter leads the case panel and everyone gets its sections, on SQLite",
          "[hub][api][live][cases]")
{
    onSqlite(live::caseViews);
}

TEST_CASE("live: the chair advances the agenda one item at a time, on SQLite", "[hub][api][live]")
{
    onSqlite(live::agenda);
}

TEST_CASE("live: chat is stored with the session, replayed after an id, and idempotent, on SQLite", "[hub][api][live]")
{
    onSqlite(live::chat);
}

TEST_CASE("live: raised hands in the order raised, and the chair lowers anyone's, on SQLite", "[hub][api][live]")
{
    onSqlite(live::hands);
}

TEST_CASE("live: join and leave reports, clamped clocks, attested people and the CME CSV, on SQLite",
          "[hub][api][live]")
{
    onSqlite(live::attendance);
}

TEST_CASE("live: present intervals pair joins and leaves per device and count overlaps once", "[hub][api][live]")
{
    using spoke::hub::AttendanceReport::PresenceEvent;
    using spoke::hub::AttendanceReport::presentIntervals;
    const auto join = [](qint64 atMs, const char* device) {
        return PresenceEvent{atMs, true, QString::fromLatin1(device)};
    };
    const auto leave = [](qint64 atMs, const char* device) {
        return PresenceEvent{atMs, false, QString::fromLatin1(device)};
    };
    using Intervals = std::vector<std::pair<std::int64_t, std::int64_t>>;
    // Out of order in, paired in time order; a second join while in is no new interval.
    CHECK(presentIntervals({leave(40, "a"), join(0, "a"), join(10, "a"), join(50, "a"), leave(70, "a")}, 1000)
          == Intervals{{0, 40}, {50, 70}});
    // A leave with nothing open counts nothing; one still in closes at closeMs.
    CHECK(presentIntervals({leave(5, "a"), join(20, "a")}, 100) == Intervals{{20, 100}});
    CHECK(presentIntervals({join(200, "a")}, 100).empty());
    // A laptop and a phone at once count once.
    CHECK(presentIntervals({join(0, "laptop"), join(30, "phone"), leave(60, "laptop"), leave(90, "phone")}, 1000)
          == Intervals{{0, 90}});
}

TEST_CASE("live: every live-session scenario on PostgreSQL", "[hub][api][live][postgres]")
{
    const auto db = HubTestDatabase::postgres();
    if (!db)
        return; // it said why
    ApiHub hub(db->location());
    live::all(hub);
    live::media(hub);
    live::caseViews(hub);
    withDecks(live::slides, db->location());
}
