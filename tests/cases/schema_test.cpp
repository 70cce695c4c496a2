#include "cases/CaseDocument.h"
#include "cases/Regions.h"
#include "cases/SchemaRegistry.h"

#include "support/TempDir.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

#include <catch2/catch.hpp>

using namespace spoke::cases;

namespace {

CaseDocument load(const char* name)
{
    return CaseDocument::fromFile(std::string(CASES_FIXTURES "/") + name);
}

std::vector<SchemaIssue> errors(const std::vector<SchemaIssue>& issues)
{
    std::vector<SchemaIssue> out;
    for (const auto& i : issues)
        if (i.severity == SchemaIssue::Severity::Error)
            out.push_back(i);
    return out;
}

bool hasErrorAt(const std::vector<SchemaIssue>& issues, const char* path)
{
    for (const auto& i : issues)
        if (i.severity == SchemaIssue::Severity::Error && i.path == QLatin1String(path))
            return true;
    return false;
}

} // namespace

TEST_CASE("Every programme of the issue has a versioned schema, plus a generic form", "[cases][schema]")
{
    const auto& registry = SchemaRegistry::builtIn();
    for (const char* code : {"hiv", "hcv", "tb", "cervical", "palliative", "generic"}) {
        INFO(code);
        REQUIRE(registry.hasProgramme(QLatin1String(code)));
        CHECK(registry.programmeSchema(QLatin1String(code)).value(QLatin1String("version")).toInt() >= 1);
        CHECK(!registry.programmeSchema(QLatin1String(code)).value(QLatin1String("fields")).toArray().isEmpty());
    }
}

TEST_CASE("Valid fixtures pass; unknown keys are notes, never errors", "[cases][schema]")
{
    const auto issues = SchemaRegistry::builtIn().validate(load("clean_tb_kenya.json"));
    CHECK(errors(issues).empty());
    bool noted = false;
    for (const auto& i : issues)
        noted = noted || (i.path == QLatin1String("local_note_x") && i.severity == SchemaIssue::Severity::Note);
    CHECK(noted);
    CHECK(errors(SchemaRegistry::builtIn().validate(load("phi_es_honduras.json"))).empty());
}

TEST_CASE("Prevention first: exact ages, sub-state regions and wrong types are rejected", "[cases][schema]")
{
    QJsonObject json = load("clean_tb_kenya.json").json();
    QJsonObject patient = json.value(QLatin1String("patient")).toObject();
    patient.insert(QStringLiteral("age_band"), QStringLiteral("47"));
    patient.insert(QStringLiteral("weight_kg"), QStringLiteral("51 kg"));
    json.insert(QStringLiteral("patient"), patient);
    QJsonObject presenter = json.value(QLatin1String("presenter")).toObject();
    presenter.insert(QStringLiteral("region_level1"), QStringLiteral("Bondo"));
    json.insert(QStringLiteral("presenter"), presenter);
    QJsonObject fields = json.value(QLatin1String("programme_fields")).toObject();
    fields.insert(QStringLiteral("treatment_month"), 2.5);
    json.insert(QStringLiteral("programme_fields"), fields);
    QJsonArray labs = json.value(QLatin1String("labs")).toArray();
    QJsonObject lab = labs.at(0).toObject();
    lab.insert(QStringLiteral("day_rel"), 20240311);
    labs.replace(0, lab);
    json.insert(QStringLiteral("labs"), labs);
    json.remove(QStringLiteral("question"));

    const auto issues = SchemaRegistry::builtIn().validate(CaseDocument(json));
    CHECK(hasErrorAt(issues, "patient.age_band"));
    CHECK(hasErrorAt(issues, "patient.weight_kg"));
    CHECK(hasErrorAt(issues, "presenter.region_level1"));
    CHECK(hasErrorAt(issues, "programme_fields.treatment_month"));
    CHECK(hasErrorAt(issues, "labs[0].day_rel"));
    CHECK(hasErrorAt(issues, "question"));
}

TEST_CASE("An unknown programme is reported by name", "[cases][schema]")
{
    QJsonObject json = load("clean_tb_kenya.json").json();
    json.insert(QStringLiteral("programme"), QStringLiteral("dementia"));
    CHECK(hasErrorAt(SchemaRegistry::builtIn().validate(CaseDocument(json)), "programme"));
}

TEST_CASE("Adding a programme is a JSON file, not code", "[cases][schema]")
{
    spoke::test::TempDir dir;
    QDir().mkpath(QString::fromStdString((dir / "programmes").string()));
    QFile file(QString::fromStdString((dir / "programmes" / "dementia-1.json").string()));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(R"({"format":"spoke-form-schema/1","programme":"dementia","version":1,"title":"Dementia",
                  "fields":[{"key":"moca_score","type":"integer","label":"MoCA","min":0,"max":30}]})");
    file.close();
    const auto registry = SchemaRegistry::withExtraDirectory(QString::fromStdString(dir.path().string()));
    REQUIRE(registry.hasProgramme(QStringLiteral("dementia")));

    QJsonObject json = load("clean_tb_kenya.json").json();
    json.insert(QStringLiteral("programme"), QStringLiteral("dementia"));
    json.insert(QStringLiteral("programme_fields"), QJsonObject{{QStringLiteral("moca_score"), 31}});
    CHECK(hasErrorAt(registry.validate(CaseDocument(json)), "programme_fields.moca_score"));
    json.insert(QStringLiteral("programme_fields"), QJsonObject{{QStringLiteral("moca_score"), 22}});
    CHECK(errors(registry.validate(CaseDocument(json))).empty());
}

TEST_CASE("First-level regions match with or without their suffix and accents", "[cases][schema]")
{
    const auto& regions = Regions::builtIn();
    CHECK(regions.isFirstLevel(QStringLiteral("NA"), QStringLiteral("Ohangwena Region")));
    CHECK(regions.isFirstLevel(QStringLiteral("UY"), QStringLiteral("tacuarembo")));
    CHECK(regions.isFirstLevel(QStringLiteral("ZA"), QStringLiteral("KwaZulu-Natal")));
    CHECK(regions.isFirstLevel(QStringLiteral("KE"), QStringLiteral("Kisumu County")));
    CHECK_FALSE(regions.isFirstLevel(QStringLiteral("NA"), QStringLiteral("Oshakati")));
    CHECK_FALSE(regions.isFirstLevel(QStringLiteral("IN"), QStringLiteral("Bathinda")));
}
