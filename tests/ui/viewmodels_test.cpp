#include "viewmodels/AppController.h"
#include "viewmodels/HubWording.h"

#include "TestApp.h"
#include "UiWait.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

using spoke::test::waitUntil;
using spoke::ui::AppController;

TEST_CASE("The demo programme is there when asked for at start (scripts/run on a fresh data dir)", "[ui][viewmodels]")
{
    spoke::test::TestApp t;
    AppController& app = t.app;
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    CHECK_FALSE(app.empty());
    CHECK(app.cacheError().isEmpty());
    CHECK(app.upcomingSessions()->rowCount() >= 1);
    CHECK(app.pastSessions()->rowCount() >= 3);
    CHECK(app.cases()->rowCount() >= 3);
    CHECK(app.recordings()->rowCount() >= 1);
    CHECK_FALSE(app.pastSessions()->get(0).value(QStringLiteral("title")).toString().isEmpty());
}

TEST_CASE("Search as you type answers with highlighted hits that know where they lead", "[ui][viewmodels]")
{
    spoke::test::TestApp t;
    AppController& app = t.app;
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    auto* search = app.search();
    search->setQuery(QStringLiteral("vir"));
    search->setQuery(QStringLiteral("viral"));
    REQUIRE(waitUntil([&] { return search->rowCount() > 0 && !search->busy(); }));
    const QVariantMap first = search->get(0);
    CHECK(first.value(QStringLiteral("snippetHtml")).toString().contains(QStringLiteral("<b>viral</b>")));
    CHECK(first.value(QStringLiteral("sessionId")).toLongLong() > 0);

    search->setQuery(QString());
    CHECK(search->rowCount() == 0);
}

TEST_CASE("Opening a session, a case and a recording fills the detail model", "[ui][viewmodels]")
{
    spoke::test::TestApp t;
    AppController& app = t.app;
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    auto* detail = app.detail();

    const qint64 sessionId =
        app.pastSessions()->get(app.pastSessions()->rowCount() - 1).value(QStringLiteral("sessionId")).toLongLong();
    detail->open(QStringLiteral("session"), sessionId);
    REQUIRE(waitUntil([&] { return !detail->loading(); }));
    CHECK(detail->error().isEmpty());
    CHECK_FALSE(detail->title().isEmpty());
    QStringList headings;
    for (const auto& section : detail->sections())
        headings << section.toMap().value(QStringLiteral("heading")).toString();
    CHECK(headings.contains(QStringLiteral("Cases")));
    CHECK(headings.contains(QStringLiteral("Chat")));

    detail->open(QStringLiteral("case"), app.cases()->get(0).value(QStringLiteral("caseId")).toLongLong());
    REQUIRE(waitUntil([&] { return !detail->loading(); }));
    CHECK(detail->kind() == QStringLiteral("case"));
    CHECK_FALSE(detail->sections().isEmpty());

    detail->open(QStringLiteral("recording"),
                 app.recordings()->get(0).value(QStringLiteral("recordingId")).toLongLong(), 60'000);
    REQUIRE(waitUntil([&] { return !detail->loading(); }));
    CHECK(detail->focusPositionMs() == 60'000);

    detail->open(QStringLiteral("session"), 999'999);
    REQUIRE(waitUntil([&] { return !detail->loading(); }));
    CHECK_FALSE(detail->error().isEmpty());
}

TEST_CASE("A damaged cache file is reported to the UI, not overwritten", "[ui][viewmodels]")
{
    spoke::test::TempDir dir;
    {
        std::ofstream file(dir / "spoke-cache.sqlite");
        file << "these bytes belong to something else and must survive";
    }
    spoke::sync::SyncWorker sync(spoke::test::syncOptionsFor(dir.path()));
    AppController app(dir.path(), QStringLiteral("test"), sync, {});
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    CHECK(app.cacheError().contains(QStringLiteral("not an SQLite database")));
    std::ifstream file(dir / "spoke-cache.sqlite");
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    CHECK(bytes == "these bytes belong to something else and must survive");
}

TEST_CASE("A fresh data dir stays empty until the demo is asked for, and the outbox label says nothing leaves",
          "[ui][viewmodels]")
{
    spoke::test::TestApp t(false);
    AppController& app = t.app;
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    CHECK(app.empty());
    CHECK(app.upcomingSessions()->rowCount() == 0);
    CHECK(app.pastSessions()->rowCount() == 0);
    CHECK(app.cases()->rowCount() == 0);
    // No hub account: the label must not claim anything was sent.
    CHECK(app.syncSummary() == QStringLiteral("Not signed in to a hub: changes stay on this laptop"));
    CHECK(app.syncDetail().isEmpty());
    CHECK(app.syncError().isEmpty());
    CHECK(app.pendingOutbox() == 0);

    app.tryDemo();
    REQUIRE(waitUntil([&] { return !app.demoMessage().isEmpty() && app.cases()->rowCount() >= 3; }));
    CHECK(app.demoMessage().startsWith(QStringLiteral("The demo programme was added")));
    CHECK_FALSE(app.empty());
    CHECK(app.pastSessions()->rowCount() >= 3);
    const int cases = app.cases()->rowCount();

    app.tryDemo();
    REQUIRE(waitUntil([&] { return app.demoMessage().contains(QStringLiteral("already")); }));
    CHECK(app.cases()->rowCount() == cases);
}

TEST_CASE("Hub wording: last sync time and failures read as sentences per operation", "[ui][viewmodels]")
{
    using spoke::ui::HubWording;
    using Operation = spoke::sync::SyncWorker::Operation;
    const std::int64_t now = 1'800'000'000'000;
    CHECK(HubWording::lastSyncedText(std::nullopt, now) == QStringLiteral("Never synced"));
    CHECK(HubWording::lastSyncedText(now - 20'000, now) == QStringLiteral("Last synced just now"));
    CHECK(HubWording::lastSyncedText(now - 3 * 60'000 - 5'000, now) == QStringLiteral("Last synced 3 min ago"));
    CHECK(HubWording::lastSyncedText(now - 2 * 3'600'000, now) == QStringLiteral("Last synced 2 h ago"));

    spoke::sync::SyncError error;
    CHECK(HubWording::describeSyncError(error, Operation::Sync).isEmpty());
    error.kind = spoke::sync::SyncErrorKind::Unauthenticated;
    CHECK(HubWording::describeSyncError(error, Operation::SignIn)
          == QStringLiteral("The email or the password is wrong."));
    CHECK(HubWording::describeSyncError(error, Operation::Sync).contains(QStringLiteral("Sign in again")));
    error.kind = spoke::sync::SyncErrorKind::Conflict;
    CHECK(HubWording::describeSyncError(error, Operation::RedeemInvite).contains(QStringLiteral("already been used")));
    error.kind = spoke::sync::SyncErrorKind::Offline;
    CHECK(HubWording::describeSyncError(error, Operation::Sync).contains(QStringLiteral("could not be reached")));

    spoke::sync::CaseSyncState state;
    CHECK(HubWording::caseDeliveryLabel(state).isEmpty());
    state.delivery = spoke::sync::CaseSyncState::Delivery::WaitingToSend;
    CHECK(HubWording::caseDeliveryLabel(state) == QStringLiteral("Waiting to send"));
    state.delivery = spoke::sync::CaseSyncState::Delivery::Sent;
    state.hubStatus = spoke::sync::HubCaseStatus::Submitted;
    CHECK(HubWording::caseDeliveryLabel(state) == QStringLiteral("Sent to the hub"));
    state.hubStatus = spoke::sync::HubCaseStatus::Returned;
    CHECK(HubWording::caseDeliveryLabel(state) == QStringLiteral("Returned with a question"));
}

TEST_CASE("Hub account: what can be checked here is refused before anything is sent", "[ui][viewmodels]")
{
    spoke::test::TestApp t(false);
    auto& hub = *t.app.hub();
    CHECK(spoke::ui::HubAccountModel::normalisedHubUrl(QStringLiteral(" https://hub.example.org/ "))
          == QStringLiteral("https://hub.example.org"));
    CHECK(spoke::ui::HubAccountModel::normalisedHubUrl(QStringLiteral("hub.example.org")).isEmpty());
    CHECK(spoke::ui::HubAccountModel::normalisedHubUrl(QStringLiteral("ftp://hub.example.org")).isEmpty());

    hub.signIn(QStringLiteral("hub.example.org"), QStringLiteral("a@b.org"), QStringLiteral("secret"));
    CHECK(hub.error().contains(QStringLiteral("https://")));
    CHECK_FALSE(hub.busy());
    hub.redeemInvite(QStringLiteral("http://127.0.0.1:9"), QStringLiteral("CODE"), QStringLiteral("a@b.org"),
                     QStringLiteral("A B"), QStringLiteral("short"), QStringLiteral("short"));
    CHECK(hub.error().contains(QStringLiteral("at least 10 characters")));
    hub.redeemInvite(QStringLiteral("http://127.0.0.1:9"), QStringLiteral("CODE"), QStringLiteral("a@b.org"),
                     QStringLiteral("A B"), QStringLiteral("long enough 1"), QStringLiteral("long enough 2"));
    CHECK(hub.error() == QStringLiteral("The two passwords are not the same."));
    CHECK_FALSE(hub.busy());
    CHECK_FALSE(hub.signedIn());
}

TEST_CASE("Hub account: a hub nobody answers at is said plainly", "[ui][viewmodels]")
{
    spoke::test::TestApp t(false);
    REQUIRE(waitUntil([&] { return t.app.loaded(); }));
    auto& hub = *t.app.hub();
    // Port 9 (discard) on this machine: nothing listens, the connection is refused.
    hub.signIn(QStringLiteral("http://127.0.0.1:9"), QStringLiteral("a@b.org"), QStringLiteral("password123"));
    CHECK(hub.busy());
    REQUIRE(waitUntil([&] { return !hub.busy(); }, 15'000));
    CHECK(hub.error() == QStringLiteral("The hub could not be reached. Check the address and the connection."));
    CHECK_FALSE(hub.signedIn());
    CHECK(t.app.syncSummary() == QStringLiteral("Not signed in to a hub: changes stay on this laptop"));
}
