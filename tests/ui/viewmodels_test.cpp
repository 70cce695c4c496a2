#include "viewmodels/AppController.h"

#include "UiWait.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

using spoke::test::waitUntil;
using spoke::ui::AppController;

TEST_CASE("A first run shows the demo programme instead of an empty app", "[ui][viewmodels]")
{
    spoke::test::TempDir dir;
    AppController app(dir.path(), QStringLiteral("test"));
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    CHECK(app.cacheError().isEmpty());
    CHECK(app.upcomingSessions()->rowCount() >= 1);
    CHECK(app.pastSessions()->rowCount() >= 3);
    CHECK(app.cases()->rowCount() >= 3);
    CHECK(app.recordings()->rowCount() >= 1);
    CHECK_FALSE(app.pastSessions()->get(0).value(QStringLiteral("title")).toString().isEmpty());
}

TEST_CASE("Search as you type answers with highlighted hits that know where they lead", "[ui][viewmodels]")
{
    spoke::test::TempDir dir;
    AppController app(dir.path(), QStringLiteral("test"));
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
    spoke::test::TempDir dir;
    AppController app(dir.path(), QStringLiteral("test"));
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
    AppController app(dir.path(), QStringLiteral("test"));
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    CHECK(app.cacheError().contains(QStringLiteral("not an SQLite database")));
    std::ifstream file(dir / "spoke-cache.sqlite");
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    CHECK(bytes == "these bytes belong to something else and must survive");
}
