#include "cases/CaseWorkflow.h"
#include "cases/DeidGate.h"
#include "security/InstallSecrets.h"
#include "store/Cache.h"
#include "support/TempDir.h"

#include <QMessageAuthenticationCode>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

using namespace spoke;
using namespace spoke::cases;

namespace {

// A surname no word list holds and no other word of the case shares a
// prefix with, so FTS5's prefix-compressed term pages store it whole too.
const QString kDraft = QStringLiteral("Fisherman Xolisweqa Mbeki; call 0712 345 678 about the results.");
const QString kRedacted = QStringLiteral("Fisherman [name removed]; call [phone removed] about the results.");

CaseDocument withSocialHistory(const QString& text)
{
    QJsonObject json = CaseDocument::fromFile(std::string(CASES_FIXTURES "/clean_tb_kenya.json")).json();
    QJsonObject history = json.value(QLatin1String("history")).toObject();
    history.insert(QStringLiteral("social_history"), text);
    json.insert(QStringLiteral("history"), history);
    return CaseDocument(json);
}

std::string lowerBytesOf(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::transform(bytes.begin(), bytes.end(), bytes.begin(), [](unsigned char c) { return std::tolower(c); });
    return bytes;
}

// Whether `word` (lower case) is anywhere in the cache file or its WAL.
bool onDisk(const std::filesystem::path& file, const std::string& word)
{
    return lowerBytesOf(file).find(word) != std::string::npos
           || lowerBytesOf(file.string() + "-wal").find(word) != std::string::npos;
}

} // namespace

TEST_CASE("Marking a case ready leaves none of its redacted text in the cache file or its WAL", "[cases][private]")
{
    const test::TempDir temp;
    const auto file = temp / "spoke-cache.sqlite";
    store::Cache cache = store::Cache::open(file);
    const auto programme = cache.sessions().addProgramme({0, "TB-KE", "TB ECHO", "Hub", ""});
    const auto caseId = cache.cases().create(
        {0, "ECHO-TB-X201", programme, std::nullopt, "Smear-positive at month 2", store::CaseStatus::Draft, 0, 1, 1});
    CaseWorkflow workflow(cache, DeidGate::builtIn());

    // Autosaves while typing, then the redaction the gate asked for.
    workflow.saveRevision(caseId, withSocialHistory(kDraft.left(30)), 1000);
    workflow.saveRevision(caseId, withSocialHistory(kDraft), 2000);
    REQUIRE_FALSE(workflow.unresolvedFindings(caseId).empty());
    workflow.saveRevision(caseId, withSocialHistory(kRedacted), 3000);
    REQUIRE(workflow.unresolvedFindings(caseId).empty());

    // The control: before ready, the drafts (revisions, the search index's
    // old postings, the WAL's page images) still hold the identifiers.
    REQUIRE(onDisk(file, "xolisweqa"));
    REQUIRE(onDisk(file, "0712 345 678"));
    cache.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    REQUIRE(onDisk(file, "xolisweqa"));

    workflow.markReady(caseId, 4000);

    CHECK(cache.cases().byId(caseId)->status == store::CaseStatus::Ready);
    const auto kept = cache.cases().revisions(caseId);
    REQUIRE(kept.size() == 1);
    CHECK(kept.front().revision == 3);
    CHECK_FALSE(onDisk(file, "xolisweqa"));
    CHECK_FALSE(onDisk(file, "mbeki"));
    CHECK_FALSE(onDisk(file, "0712 345 678"));
    // The ready text is still there and still found.
    CHECK(onDisk(file, "[name removed]"));
    CHECK(cache.search("Xolisweqa").empty());
    const auto hits = cache.search("fisherman");
    REQUIRE(hits.size() == 1);
    CHECK(hits.front().caseId == caseId);
}

TEST_CASE("Marked ready inside a larger transaction (submitting a draft), the scrub follows the commit",
          "[cases][private]")
{
    const test::TempDir temp;
    const auto file = temp / "spoke-cache.sqlite";
    store::Cache cache = store::Cache::open(file);
    const auto programme = cache.sessions().addProgramme({0, "TB-KE", "TB ECHO", "Hub", ""});
    const auto caseId = cache.cases().create(
        {0, "ECHO-TB-X205", programme, std::nullopt, "Smear-positive at month 2", store::CaseStatus::Draft, 0, 1, 1});
    CaseWorkflow workflow(cache, DeidGate::builtIn());
    workflow.saveRevision(caseId, withSocialHistory(kDraft), 1000);
    workflow.saveRevision(caseId, withSocialHistory(kRedacted), 2000);
    REQUIRE(onDisk(file, "xolisweqa"));
    {
        // What core/sync's CaseSubmission does: ready, submitted and queued in one transaction.
        store::Transaction tx(cache.db());
        workflow.markReady(caseId, 3000);
        cache.cases().setStatus(caseId, store::CaseStatus::Submitted, 3000);
        tx.commit();
    }
    CHECK(cache.scrubDeletedText());
    CHECK(cache.cases().byId(caseId)->status == store::CaseStatus::Submitted);
    CHECK_FALSE(onDisk(file, "xolisweqa"));
    CHECK_FALSE(onDisk(file, "0712 345 678"));
}

TEST_CASE("Pruning keeps other cases' text and search rows", "[cases][private]")
{
    store::Cache cache = store::Cache::openInMemory();
    const auto programme = cache.sessions().addProgramme({0, "TB-KE", "TB ECHO", "Hub", ""});
    const auto first =
        cache.cases().create({0, "ECHO-TB-X202", programme, std::nullopt, "First", store::CaseStatus::Draft, 0, 1, 1});
    const auto second =
        cache.cases().create({0, "ECHO-TB-X203", programme, std::nullopt, "Second", store::CaseStatus::Draft, 0, 1, 1});
    CaseWorkflow workflow(cache, DeidGate::builtIn());
    workflow.saveRevision(first, withSocialHistory(QStringLiteral("Farmer, early draft.")), 1000);
    workflow.saveRevision(first, withSocialHistory(QStringLiteral("Farmer, final words.")), 2000);
    workflow.saveRevision(second, withSocialHistory(QStringLiteral("Teacher, early draft.")), 1000);
    workflow.saveRevision(second, withSocialHistory(QStringLiteral("Teacher, later draft.")), 2000);

    CHECK(workflow.pruneRedactedRevisions(first) == 1);
    CHECK(cache.cases().revisions(first).size() == 1);
    CHECK(cache.cases().revisions(second).size() == 2);
    CHECK(cache.search("teacher").size() == 1);
    CHECK(cache.search("farmer").size() == 1);
    CHECK(cache.search("first").size() == 1); // the title is indexed again with the body
    CHECK(workflow.pruneRedactedRevisions(first) == 0);
}

TEST_CASE("The local override log holds an HMAC under the install's key; old plain hashes are upgraded",
          "[cases][workflow][private]")
{
    const QByteArray key(32, '\x5a');
    security::InstallSecrets::use(key);
    store::Cache cache = store::Cache::openInMemory();
    const auto programme = cache.sessions().addProgramme({0, "TB-KE", "TB ECHO", "Hub", ""});
    const auto caseId =
        cache.cases().create({0, "ECHO-TB-X204", programme, std::nullopt, "Group", store::CaseStatus::Draft, 0, 1, 1});
    CaseWorkflow workflow(cache, DeidGate::builtIn());
    workflow.saveRevision(caseId, withSocialHistory(QStringLiteral("Attends the Mama Wanjiru support group.")), 1000);
    const Finding finding = workflow.unresolvedFindings(caseId).front();
    workflow.overrideFinding(caseId, finding, "name of a support group", "nurse", 2000);

    // Computed here from the RFC 2104 definition's Qt implementation, not by the workflow.
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    mac.addData(QByteArrayLiteral("ECHO-TB-X204\x1f") + finding.text.toUtf8());
    const std::string expected = mac.result().toHex().toStdString();
    auto log = cache.cases().deidOverrides(caseId);
    REQUIRE(log.size() == 1);
    CHECK(log[0].textSha256 == expected);
    CHECK(log[0].textSha256 != CaseWorkflow::textHash("ECHO-TB-X204", finding.text));

    // Another install (another key) cannot confirm a guess of the text from the log.
    security::InstallSecrets::use(QByteArray(32, '\x33'));
    CHECK(workflow.unresolvedFindings(caseId).size() == 1);

    // An entry logged by an older Spoke (unkeyed, salted with the case code)
    // still counts, and is rewritten keyed once its text is seen again.
    security::InstallSecrets::use(key);
    cache.db().exec("DELETE FROM deid_overrides");
    cache.cases().addDeidOverride({0, caseId, 1, finding.path.toStdString(), finding.start, finding.end,
                                   finding.category, CaseWorkflow::textHash("ECHO-TB-X204", finding.text), "old entry",
                                   "nurse", 1500});
    CHECK(workflow.unresolvedFindings(caseId).empty());
    log = cache.cases().deidOverrides(caseId);
    REQUIRE(log.size() == 1);
    CHECK(log[0].textSha256 == expected);
}
