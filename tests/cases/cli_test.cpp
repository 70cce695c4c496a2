#include "support/CliRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <catch2/catch.hpp>

namespace {

using Run = spoke::test::CliRun;

Run cli(const QStringList& args)
{
    return spoke::test::runCli(args);
}

QString fixture(const char* name)
{
    return QStringLiteral(CASES_FIXTURES "/") + QLatin1String(name);
}

} // namespace

TEST_CASE("cases check prints one JSON line per file and exits 0 when clean", "[cases][cli]")
{
    const Run run = cli(
        {QStringLiteral("cases"), QStringLiteral("check"), fixture("clean_tb_kenya.json"), QStringLiteral("--json")});
    CHECK(run.exitCode == 0);
    const auto lines = run.out.trimmed().split('\n');
    REQUIRE(lines.size() == 1);
    const QJsonObject line = QJsonDocument::fromJson(lines[0]).object();
    CHECK(line.value(QLatin1String("file")).toString() == fixture("clean_tb_kenya.json"));
    CHECK(line.value(QLatin1String("findings")).toArray().isEmpty());
}

TEST_CASE("cases check exits 3 when any file has findings, with every field of a finding", "[cases][cli]")
{
    const Run run = cli({QStringLiteral("cases"), QStringLiteral("check"), QStringLiteral("--json"),
                         fixture("clean_tb_kenya.json"), fixture("phi_es_honduras.json")});
    CHECK(run.exitCode == 3);
    const auto lines = run.out.trimmed().split('\n');
    REQUIRE(lines.size() == 2);
    const QJsonArray findings = QJsonDocument::fromJson(lines[1]).object().value(QLatin1String("findings")).toArray();
    REQUIRE(!findings.isEmpty());
    for (const auto& v : findings) {
        const QJsonObject f = v.toObject();
        for (const char* key : {"path", "start", "end", "text", "category", "reason"})
            CHECK(f.contains(QLatin1String(key)));
        const QString category = f.value(QLatin1String("category")).toString();
        CHECK(category.size() == 1);
        CHECK(category >= QLatin1String("A"));
        CHECK(category <= QLatin1String("R"));
        CHECK(f.value(QLatin1String("end")).toInt() > f.value(QLatin1String("start")).toInt());
    }
}

TEST_CASE("cases check exits 2 on unreadable or invalid input and says why", "[cases][cli]")
{
    const Run junk =
        cli({QStringLiteral("cases"), QStringLiteral("check"), fixture("not_json.json"), QStringLiteral("--json")});
    CHECK(junk.exitCode == 2);
    CHECK(junk.err.contains("not_json.json"));
    CHECK(junk.err.contains("Not valid JSON"));
    const Run missing =
        cli({QStringLiteral("cases"), QStringLiteral("check"), QStringLiteral("/nonexistent/case.json")});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.contains("Cannot read"));
    CHECK(cli({QStringLiteral("cases"), QStringLiteral("check")}).exitCode == 2);
}

TEST_CASE("cases validate checks a file against its programme's schema", "[cases][cli]")
{
    CHECK(cli({QStringLiteral("cases"), QStringLiteral("validate"), fixture("clean_tb_kenya.json")}).exitCode == 0);
    const Run bad = cli({QStringLiteral("cases"), QStringLiteral("validate"), fixture("phi_us_palliative.json"),
                         QStringLiteral("--json")});
    CHECK(bad.exitCode == 2);
    const QJsonObject result = QJsonDocument::fromJson(bad.out).object();
    CHECK(result.value(QLatin1String("valid")).toBool() == false);
    CHECK(result.value(QLatin1String("programme")).toString() == QLatin1String("palliative"));
    bool ageBand = false;
    for (const auto& issue : result.value(QLatin1String("issues")).toArray())
        ageBand =
            ageBand || issue.toObject().value(QLatin1String("path")).toString() == QLatin1String("patient.age_band");
    CHECK(ageBand);
}
