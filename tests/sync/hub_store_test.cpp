// Applying what a pull brings (docs/hub-api.md "Client rules"): idempotent,
// the cursor moves with the rows and never back, hub rows appear in the
// normal lists, and a pulled status never overwrites a submission still
// waiting in the outbox.

#include "cases/DeidGate.h"
#include "cases/SchemaRegistry.h"
#include "store/Cache.h"
#include "sync/CaseSubmission.h"
#include "sync/HubProtocol.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace spoke;

namespace {

const std::string kHub = "https://hub.example.org";

store::PulledRows basePull()
{
    store::PulledRows rows;
    rows.cursor = 10;
    rows.programmes = {{3, "TB ECHO Kenya", "tb", "clinician"}};
    rows.sessions = {{7, 3, "Week 9 case review", 1'796'900'000'000, 90, 100007}};
    return rows;
}

store::HubCaseRow hubCase(const std::string& status)
{
    store::HubCaseRow row;
    row.hubId = 11;
    row.programmeHubId = 3;
    row.caseCode = "ECHO-TB-S001";
    row.title = "Smear-positive";
    row.status = status;
    row.mine = true;
    row.submittedMs = 1;
    row.updatedMs = 2;
    return row;
}

QByteArray cleanCase()
{
    QFile file(QStringLiteral(SPOKE_SOURCE_DIR "/tests/sync/fixtures/clean_tb_kenya.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    document.insert(QStringLiteral("case_id"), QStringLiteral("ECHO-TB-S001"));
    return QJsonDocument(document).toJson();
}

// A signed-in cache with the hub's programme and one case submitted (queued).
struct Laptop {
    store::Cache cache = store::Cache::openInMemory();
    std::int64_t caseId = 0;

    Laptop()
    {
        cache.hub().saveAccount({kHub, "amina@clinic.example", "Amina", 1, 0, std::nullopt, {}, {}});
        cache.hub().applyPull(kHub, basePull(), 100);
        sync::CaseSubmission submission(cache, cases::DeidGate::builtIn(), cases::SchemaRegistry::builtIn());
        const auto imported = submission.importDocument(cases::CaseDocument::fromJson(cleanCase()), 100);
        REQUIRE(imported.ok());
        caseId = *imported;
        REQUIRE(submission.submit(caseId, 200).ok());
    }
    store::CaseStatus status() { return cache.cases().byId(caseId)->status; }
};

} // namespace

TEST_CASE("Programmes and sessions from the hub appear in the normal lists, once however often pulled",
          "[sync][hubstore]")
{
    auto cache = store::Cache::openInMemory();
    cache.hub().saveAccount({kHub, "a@b.c", "A", 1, 0, std::nullopt, {}, {}});
    for (int i = 0; i < 3; ++i)
        cache.hub().applyPull(kHub, basePull(), 100);
    const auto programmes = cache.sessions().programmes();
    REQUIRE(programmes.size() == 1);
    CHECK(programmes[0].name == "TB ECHO Kenya");
    const auto sessions = cache.sessions().list(store::SessionStore::When::All, 0);
    REQUIRE(sessions.size() == 1);
    CHECK(sessions[0].session.title == "Week 9 case review");
    CHECK(sessions[0].session.room == 100007);
    CHECK(cache.hub().activeAccount()->cursor == 10);

    // A renamed session is updated in place; an older cursor never moves it back.
    auto renamed = basePull();
    renamed.cursor = 4;
    renamed.sessions[0].title = "Week 9: two TB cases";
    cache.hub().applyPull(kHub, renamed, 100);
    CHECK(cache.sessions().list(store::SessionStore::When::All, 0)[0].session.title == "Week 9: two TB cases");
    CHECK(cache.hub().activeAccount()->cursor == 10);
    CHECK(cache.hub().programmeForKind("tb") == programmes[0].id);
    CHECK_FALSE(cache.hub().programmeForKind("hcv").has_value());
}

TEST_CASE("A pulled status never overwrites a submission still waiting in the outbox", "[sync][hubstore][conflict]")
{
    Laptop laptop;
    REQUIRE(laptop.status() == store::CaseStatus::Submitted);
    store::PulledRows pull;
    pull.cursor = 11;
    auto returned = hubCase("returned");
    returned.question = "Which HbA1c?";
    pull.cases = {returned};
    laptop.cache.hub().applyPull(kHub, pull, 300);
    CHECK(laptop.status() == store::CaseStatus::Submitted);
    CHECK(laptop.cache.hub().delivery(laptop.caseId)->state == store::CaseDelivery::State::Waiting);

    // Once sent, the hub's status wins.
    laptop.cache.hub().markDelivered(laptop.caseId, kHub, hubCase("submitted"), 400);
    pull.cases = {hubCase("presented")};
    laptop.cache.hub().applyPull(kHub, pull, 500);
    CHECK(laptop.status() == store::CaseStatus::Presented);
    CHECK(laptop.cache.hub().delivery(laptop.caseId)->hubStatus == std::string("presented"));
}

TEST_CASE("A returned case is editable again with the hub's question", "[sync][hubstore]")
{
    Laptop laptop;
    laptop.cache.hub().markDelivered(laptop.caseId, kHub, hubCase("submitted"), 400);
    store::PulledRows pull;
    pull.cursor = 12;
    auto returned = hubCase("returned");
    returned.question = "What was the HbA1c before metformin?";
    pull.cases = {returned};
    laptop.cache.hub().applyPull(kHub, pull, 500);
    CHECK(laptop.status() == store::CaseStatus::Draft);
    CHECK(laptop.cache.hub().delivery(laptop.caseId)->question == "What was the HbA1c before metformin?");
}

TEST_CASE("Recommendations land in the recommendations table once, and are announced once", "[sync][hubstore]")
{
    Laptop laptop;
    laptop.cache.hub().markDelivered(laptop.caseId, kHub, hubCase("submitted"), 400);
    store::PulledRows pull;
    pull.cursor = 13;
    pull.cases = {hubCase("recommendations_sent")};
    pull.recommendations = {{5,
                             11,
                             "Dr Otieno",
                             {"Repeat smear at month 3", "Refer to diabetes clinic"},
                             "Extend the intensive phase.",
                             600}};
    const auto first = laptop.cache.hub().applyPull(kHub, pull, 700);
    CHECK(first.casesWithNewRecommendations == std::vector<std::int64_t>{laptop.caseId});
    const auto again = laptop.cache.hub().applyPull(kHub, pull, 800);
    CHECK(again.casesWithNewRecommendations.empty());

    const auto recommendations = laptop.cache.cases().recommendations(laptop.caseId);
    REQUIRE(recommendations.size() == 1);
    CHECK(recommendations[0].author == "Dr Otieno");
    CHECK(recommendations[0].body
          == "1. Repeat smear at month 3\n2. Refer to diabetes clinic\n\nExtend the intensive phase.");
    CHECK(laptop.status() == store::CaseStatus::RecommendationsReceived);
    const auto hits = laptop.cache.search("diabetes clinic");
    CHECK(std::any_of(hits.begin(), hits.end(), [](const store::SearchHit& h) { return h.kind == "recommendation"; }));
}

TEST_CASE("Another account on the same hub starts its pull from the beginning", "[sync][hubstore]")
{
    auto cache = store::Cache::openInMemory();
    cache.hub().saveAccount({kHub, "a@b.c", "A", 1, 0, std::nullopt, {}, {}});
    cache.hub().applyPull(kHub, basePull(), 100);
    cache.hub().saveAccount({kHub, "a@b.c", "A", 1, 0, std::nullopt, {}, {}});
    CHECK(cache.hub().activeAccount()->cursor == 10);
    cache.hub().saveAccount({kHub, "b@b.c", "B", 2, 0, std::nullopt, {}, {}});
    CHECK(cache.hub().activeAccount()->cursor == 0);
}
