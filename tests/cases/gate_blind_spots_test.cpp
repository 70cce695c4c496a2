// The gate's blind spots (issue 15): numbers, booleans and object keys are
// scanned like text; keys the form does not define block Mark ready until
// removed or checked clean; markReady checks the form itself; an override's
// reason is scanned before it is stored.

#include "cases/CaseError.h"
#include "cases/CaseWorkflow.h"
#include "cases/DeidGate.h"
#include "cases/Lexicon.h"
#include "cases/SchemaRegistry.h"
#include "store/Cache.h"

#include <QJsonArray>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace spoke;
using namespace spoke::cases;

namespace {

const DeidGate& gate()
{
    static const DeidGate instance(Lexicon::builtIn(), DeidGate::Options{2024});
    return instance;
}

QJsonObject cleanJson()
{
    return CaseDocument::fromFile(std::string(CASES_FIXTURES "/clean_tb_kenya.json")).json();
}

bool hasFinding(const std::vector<Finding>& findings, const QString& path, const QString& text, char category)
{
    return std::any_of(findings.begin(), findings.end(),
                       [&](const Finding& f) { return f.path == path && f.text == text && f.category == category; });
}

bool anyAt(const std::vector<Finding>& findings, const QString& pathPrefix)
{
    return std::any_of(findings.begin(), findings.end(),
                       [&](const Finding& f) { return f.path.startsWith(pathPrefix); });
}

struct Fixture {
    store::Cache cache = store::Cache::openInMemory();
    std::int64_t caseId = 0;
    CaseWorkflow workflow{cache, DeidGate::builtIn()};
    Fixture()
    {
        const auto programme = cache.sessions().addProgramme({0, "TB-KE", "TB ECHO", "Hub", ""});
        caseId = cache.cases().create({0, "ECHO-TB-X101", programme, std::nullopt, "Smear-positive at month 2",
                                       store::CaseStatus::Draft, 0, 1000, 1000});
    }
    void save(const QJsonObject& json, std::int64_t nowMs) { workflow.saveRevision(caseId, CaseDocument(json), nowMs); }
    store::CaseStatus status() { return cache.cases().byId(caseId)->status; }
};

} // namespace

TEST_CASE("The clean fixture stays clean with numbers, booleans and keys scanned", "[cases][gate][blindspots]")
{
    // weight_kg 51, day_rel -50, cycle_week 9, consent true: measured values
    // and flags, which the labelled reading must not mistake for identifiers.
    const auto findings = gate().check(CaseDocument(cleanJson()));
    for (const auto& f : findings)
        UNSCOPED_INFO(f.path.toStdString() << " [" << f.text.toStdString() << "] " << f.reason.toStdString());
    CHECK(findings.empty());
}

TEST_CASE("A phone or record number stored as a JSON number is found", "[cases][gate][blindspots]")
{
    QJsonObject json = cleanJson();
    QJsonObject patient = json.value(QLatin1String("patient")).toObject();
    patient.insert(QStringLiteral("phone"), 712345678.0); // 0712 345 678 without its leading zero
    patient.insert(QStringLiteral("mobile"), 254712345678.0); // +254 7xx, international
    json.insert(QStringLiteral("patient"), patient);
    json.insert(QStringLiteral("x_notes"), QJsonObject{{QStringLiteral("mrn"), 48213377.0}});
    json.insert(QStringLiteral("ids"), QJsonArray{QJsonValue(9001015009087.0)}); // a Luhn-valid SA ID number
    const auto findings = gate().check(CaseDocument(json));
    CHECK(hasFinding(findings, QStringLiteral("patient.phone"), QStringLiteral("712345678"), 'D'));
    CHECK(hasFinding(findings, QStringLiteral("patient.mobile"), QStringLiteral("254712345678"), 'D'));
    CHECK(hasFinding(findings, QStringLiteral("x_notes.mrn"), QStringLiteral("48213377"), 'H'));
    CHECK(anyAt(findings, QStringLiteral("ids[0]")));
}

TEST_CASE("A name or an identifier used as an object key is found", "[cases][gate][blindspots]")
{
    QJsonObject json = cleanJson();
    json.insert(QStringLiteral("contacts"), QJsonObject{{QStringLiteral("Ndapewa Shikongo"), QStringLiteral("sister")},
                                                        {QStringLiteral("call 0712 345 678"), true}});
    QJsonObject history = json.value(QLatin1String("history")).toObject();
    history.insert(QStringLiteral("Johannes_Nangolo"), QStringLiteral("neighbour"));
    json.insert(QStringLiteral("history"), history);
    const auto findings = gate().check(CaseDocument(json));
    CHECK(hasFinding(findings, keyPath(QStringLiteral("contacts.Ndapewa Shikongo")), QStringLiteral("Ndapewa Shikongo"),
                     'A'));
    CHECK(hasFinding(findings, keyPath(QStringLiteral("contacts.call 0712 345 678")), QStringLiteral("0712 345 678"),
                     'D'));
    // The span indexes the key as written, underscore and all.
    CHECK(hasFinding(findings, keyPath(QStringLiteral("history.Johannes_Nangolo")), QStringLiteral("Johannes_Nangolo"),
                     'A'));
}

TEST_CASE("An unknown key blocks Mark ready until it is removed, and cannot be overridden",
          "[cases][workflow][blindspots]")
{
    Fixture f;
    QJsonObject json = cleanJson();
    // The example: an import from another tool, the MRN as a number
    // under a key whose name says nothing.
    json.insert(QStringLiteral("x_notes"), QJsonObject{{QStringLiteral("ref"), 48213377.0}});
    f.save(json, 2000);
    const auto open = f.workflow.unresolvedFindings(f.caseId);
    REQUIRE(anyAt(open, QStringLiteral("x_notes.ref")));
    try {
        f.workflow.markReady(f.caseId, 3000);
        FAIL("marked ready with an unknown field holding a number");
    } catch (const CaseError& e) {
        CHECK(e.kind() == CaseErrorKind::UnresolvedFindings);
        CHECK(std::string(e.what()).find("Not part of the case form") != std::string::npos);
        CHECK(std::string(e.what()).find("x_notes") != std::string::npos);
    }
    const Finding inUnknown = *std::find_if(open.begin(), open.end(),
                                            [](const Finding& x) { return x.path == QLatin1String("x_notes.ref"); });
    try {
        f.workflow.overrideFinding(f.caseId, inUnknown, "it is a lab batch number", "Dr Otieno", 3500);
        FAIL("overrode a finding in a field nobody can see in the editor");
    } catch (const CaseError& e) {
        CHECK(e.kind() == CaseErrorKind::BadOverride);
        CHECK(std::string(e.what()).find("not part of the case form") != std::string::npos);
    }
    CHECK(f.cache.cases().deidOverrides(f.caseId).empty());
    CHECK(f.status() == store::CaseStatus::Draft);

    // Removing the key clears the way.
    json.remove(QStringLiteral("x_notes"));
    f.save(json, 4000);
    f.workflow.markReady(f.caseId, 5000);
    CHECK(f.status() == store::CaseStatus::Ready);
}

TEST_CASE("An unknown key that scans clean does not block Mark ready", "[cases][workflow][blindspots]")
{
    Fixture f;
    QJsonObject json = cleanJson();
    json.insert(QStringLiteral("x_tool"), QJsonObject{{QStringLiteral("exported_by"), QStringLiteral("district EMR")},
                                                      {QStringLiteral("form_version"), 3.0},
                                                      {QStringLiteral("complete"), true}});
    f.save(json, 2000);
    CHECK(SchemaRegistry::builtIn().unknownKeys(CaseDocument(json)).contains(QStringLiteral("x_tool")));
    CHECK(f.workflow.unresolvedFindings(f.caseId).empty());
    f.workflow.markReady(f.caseId, 3000);
    CHECK(f.status() == store::CaseStatus::Ready);
}

TEST_CASE("markReady refuses a document that does not fit its form, from core", "[cases][workflow][blindspots]")
{
    Fixture f;
    QJsonObject json = cleanJson();
    QJsonObject patient = json.value(QLatin1String("patient")).toObject();
    patient.insert(QStringLiteral("sex"), QStringLiteral("unknown-value"));
    json.insert(QStringLiteral("patient"), patient);
    json.remove(QStringLiteral("narrative"));
    f.save(json, 2000);
    REQUIRE(f.workflow.unresolvedFindings(f.caseId).empty()); // the gate alone would let it through
    try {
        f.workflow.markReady(f.caseId, 3000);
        FAIL("marked a schema-invalid document ready");
    } catch (const CaseError& e) {
        CHECK(e.kind() == CaseErrorKind::InvalidForm);
        CHECK(std::string(e.what()).find("patient.sex") != std::string::npos);
    }
    CHECK(f.status() == store::CaseStatus::Draft);
}

TEST_CASE("An override whose reason names someone is refused", "[cases][workflow][blindspots]")
{
    Fixture f;
    QJsonObject json = cleanJson();
    QJsonObject history = json.value(QLatin1String("history")).toObject();
    history.insert(QStringLiteral("social_history"), QStringLiteral("Attends the Mama Wanjiru support group."));
    json.insert(QStringLiteral("history"), history);
    f.save(json, 2000);
    const auto open = f.workflow.unresolvedFindings(f.caseId);
    REQUIRE(open.size() == 1);
    try {
        f.workflow.overrideFinding(f.caseId, open.front(), "group run by Ndapewa Shikongo, call her on 0712 345 678",
                                   "Dr Otieno", 2500);
        FAIL("stored an override reason holding a phone number");
    } catch (const CaseError& e) {
        CHECK(e.kind() == CaseErrorKind::BadOverride);
        CHECK(std::string(e.what()).find("reason itself") != std::string::npos);
        // The message names the kind, never the identifier.
        CHECK(std::string(e.what()).find("0712") == std::string::npos);
    }
    CHECK(f.cache.cases().deidOverrides(f.caseId).empty());
    f.workflow.overrideFinding(f.caseId, open.front(), "the name of a support group, not of a person", "Dr Otieno",
                               2600);
    CHECK(f.cache.cases().deidOverrides(f.caseId).size() == 1);
}
