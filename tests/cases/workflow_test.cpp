#include "cases/CaseError.h"
#include "cases/CaseWorkflow.h"
#include "cases/DeidGate.h"
#include "store/Cache.h"
#include "store/StoreError.h"

#include <catch2/catch.hpp>

using namespace spoke;
using namespace spoke::cases;

namespace {

CaseDocument withSocialHistory(const QString& text)
{
    QJsonObject json = CaseDocument::fromFile(std::string(CASES_FIXTURES "/clean_tb_kenya.json")).json();
    QJsonObject history = json.value(QLatin1String("history")).toObject();
    history.insert(QStringLiteral("social_history"), text);
    json.insert(QStringLiteral("history"), history);
    return CaseDocument(json);
}

struct Fixture {
    store::Cache cache = store::Cache::openInMemory();
    std::int64_t caseId = 0;
    Fixture()
    {
        const auto programme = cache.sessions().addProgramme({0, "TB-KE", "TB ECHO", "Hub", ""});
        caseId = cache.cases().create({0, "ECHO-TB-X101", programme, std::nullopt, "Smear-positive at month 2",
                                       store::CaseStatus::Draft, 0, 1000, 1000});
    }
};

} // namespace

TEST_CASE("A case with open findings cannot be marked ready", "[cases][workflow]")
{
    Fixture f;
    CaseWorkflow workflow(f.cache, DeidGate::builtIn());
    workflow.saveRevision(f.caseId, withSocialHistory(QStringLiteral("Fisherman; call 0712 345 678.")), 2000);
    REQUIRE(workflow.unresolvedFindings(f.caseId).size() == 1);
    try {
        workflow.markReady(f.caseId, 3000);
        FAIL("marked ready with a phone number in it");
    } catch (const CaseError& e) {
        CHECK(e.kind() == CaseErrorKind::UnresolvedFindings);
        CHECK(std::string(e.what()).find("history.social_history") != std::string::npos);
    }
    CHECK(f.cache.cases().byId(f.caseId)->status == store::CaseStatus::Draft);

    // Fixing the text in a new revision clears the way.
    workflow.saveRevision(f.caseId, withSocialHistory(QStringLiteral("Fisherman; lives with his wife.")), 4000);
    workflow.markReady(f.caseId, 5000);
    CHECK(f.cache.cases().byId(f.caseId)->status == store::CaseStatus::Ready);
    // Ready keeps only the revision that was checked (the drafts named a phone number).
    CHECK(f.cache.cases().revisions(f.caseId).size() == 1);
    CHECK(f.cache.cases().latestRevision(f.caseId)->revision == 2);
    CHECK(f.cache.cases().latestRevision(f.caseId)->plainText.find("lives with his wife") != std::string::npos);
}

TEST_CASE("A false positive is overridden explicitly, logged without the identifier", "[cases][workflow]")
{
    Fixture f;
    CaseWorkflow workflow(f.cache, DeidGate::builtIn());
    // "Mama Wanjiru" here is the name of a support group, which a person may judge harmless.
    workflow.saveRevision(f.caseId, withSocialHistory(QStringLiteral("Attends the Mama Wanjiru support group.")), 2000);
    const auto open = workflow.unresolvedFindings(f.caseId);
    REQUIRE(open.size() == 1);
    const Finding finding = open.front();
    CHECK(finding.category == 'A');

    CHECK_THROWS_AS(workflow.overrideFinding(f.caseId, finding, "  ", "nurse on duty", 2500), CaseError);
    CHECK_THROWS_AS(workflow.overrideFinding(f.caseId, finding, "support group name", "", 2500), CaseError);
    Finding bogus = finding;
    bogus.start += 1;
    CHECK_THROWS_AS(workflow.overrideFinding(f.caseId, bogus, "support group name", "nurse on duty", 2500), CaseError);

    workflow.overrideFinding(f.caseId, finding, "name of a support group, not a person", "clinical officer A. N.",
                             3000);
    CHECK(workflow.unresolvedFindings(f.caseId).empty());

    const auto log = f.cache.cases().deidOverrides(f.caseId);
    REQUIRE(log.size() == 1);
    CHECK(log[0].fieldPath == "history.social_history");
    CHECK(log[0].category == 'A');
    CHECK(log[0].startChar == finding.start);
    CHECK(log[0].endChar == finding.end);
    CHECK(log[0].revision == 1);
    CHECK(log[0].who == "clinical officer A. N.");
    CHECK(log[0].createdMs == 3000);
    CHECK(log[0].textSha256 == CaseWorkflow::localOverrideHash("ECHO-TB-X101", finding.text));
    CHECK(log[0].textSha256 != CaseWorkflow::textHash("ECHO-TB-X101", finding.text));
    CHECK(log[0].textSha256.find(finding.text.toStdString()) == std::string::npos);
    // The identifier appears nowhere in the override table.
    CHECK(f.cache.db().queryInt("SELECT count(*) FROM deid_overrides WHERE reason LIKE '%Wanjiru%' OR "
                                "field_path LIKE '%Wanjiru%' OR text_sha256 LIKE '%Wanjiru%'")
          == 0);

    workflow.markReady(f.caseId, 4000);
    CHECK(f.cache.cases().byId(f.caseId)->status == store::CaseStatus::Ready);
}

TEST_CASE("An override covers the same text only, not a new identifier in its place", "[cases][workflow]")
{
    Fixture f;
    CaseWorkflow workflow(f.cache, DeidGate::builtIn());
    workflow.saveRevision(f.caseId, withSocialHistory(QStringLiteral("Attends the Mama Wanjiru support group.")), 2000);
    workflow.overrideFinding(f.caseId, workflow.unresolvedFindings(f.caseId).front(), "group name", "nurse", 2500);
    workflow.saveRevision(f.caseId, withSocialHistory(QStringLiteral("Attends the Mama Njeri support group.")), 3000);
    CHECK(workflow.unresolvedFindings(f.caseId).size() == 1);
    CHECK_THROWS_AS(workflow.markReady(f.caseId, 4000), CaseError);
}

TEST_CASE("The override table rejects rows without reason, author or a real hash", "[cases][workflow]")
{
    Fixture f;
    auto cases = f.cache.cases();
    const std::string hash(64, 'a');
    CHECK_THROWS_AS(cases.addDeidOverride({0, f.caseId, 1, "narrative", 0, 4, 'A', hash, " ", "who", 1}),
                    store::StoreError);
    CHECK_THROWS_AS(cases.addDeidOverride({0, f.caseId, 1, "narrative", 0, 4, 'A', hash, "why", "", 1}),
                    store::StoreError);
    CHECK_THROWS_AS(cases.addDeidOverride({0, f.caseId, 1, "narrative", 0, 4, 'A', "Jane Doe", "why", "who", 1}),
                    store::StoreError);
    CHECK_THROWS_AS(cases.addDeidOverride({0, f.caseId, 1, "narrative", 0, 4, 'Z', hash, "why", "who", 1}),
                    store::StoreError);
    CHECK(cases.addDeidOverride({0, f.caseId, 1, "narrative", 0, 4, 'A', hash, "why", "who", 1}) > 0);
}
