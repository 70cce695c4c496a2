#include "bench/DeidBench.h"

#include "cases/CaseDocument.h"
#include "cases/DeidGate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>

namespace spoke::bench {

namespace {

QJsonObject lab(const char* test, const char* value, const char* unit, int dayRel, const char* comment = "")
{
    return QJsonObject{{QStringLiteral("test"), QString::fromUtf8(test)},   {QStringLiteral("value"), QString::fromUtf8(value)},
                       {QStringLiteral("unit"), QString::fromUtf8(unit)},   {QStringLiteral("day_rel"), dayRel},
                       {QStringLiteral("flag"), QString()},                 {QStringLiteral("comment"), QString::fromUtf8(comment)}};
}

// A full HIV case the size of a long real presentation (~5,000 characters).
QByteArray fullCase()
{
    const QString narrative = QStringLiteral(
        "Good afternoon hub. I am presenting a woman in her early thirties who has been on ART for about six years. "
        "She was virally suppressed on TDF/FTC/EFV and we transitioned her to TLD 14 months ago as per national "
        "guidelines. Her 12-month viral load after the switch came back at 1,850 copies/mL. We did three enhanced "
        "adherence counselling sessions; she admits missing doses when she travels to the cattle post. Pill count at "
        "the last two visits was 88% and 93%. Repeat viral load after EAC is 2,300 copies/mL. BP 128/82, weight "
        "stable, TB screening negative, CD4 412 cells/mm3 on day -6. She is on a 3-month community refill group on a "
        "30/60/90-day cycle. Her sister Ndapewa brings her to clinic; she asked us to call +264 81 457 3390. ");
    QJsonArray labs;
    for (int i = 0; i < 12; ++i)
        labs.append(lab("HIV-1 RNA (viral load)", "2300", "copies/mL", -6 - 30 * i, "after EAC; repeat in 3 months"));
    labs.append(lab("Creatinine", "71", "umol/L", -6, "ART No. OHA-04231 on the request form"));
    QJsonArray meds;
    for (int i = 0; i < 4; ++i)
        meds.append(QJsonObject{{QStringLiteral("drug"), QStringLiteral("TDF/3TC/DTG (TLD)")},
                                {QStringLiteral("dose"), QStringLiteral("300/300/50 mg")},
                                {QStringLiteral("frequency"), QStringLiteral("once daily")},
                                {QStringLiteral("duration"), QStringLiteral("14 months")}});
    const QJsonObject doc{
        {QStringLiteral("schema_version"), QStringLiteral("echo-case/1.0")},
        {QStringLiteral("case_id"), QStringLiteral("ECHO-HIV-B001")},
        {QStringLiteral("programme"), QStringLiteral("hiv")},
        {QStringLiteral("language"), QStringLiteral("en")},
        {QStringLiteral("presenter"), QJsonObject{{QStringLiteral("cadre"), QStringLiteral("registered nurse")},
                                                  {QStringLiteral("setting"), QStringLiteral("district hospital ART clinic")},
                                                  {QStringLiteral("country"), QStringLiteral("NA")},
                                                  {QStringLiteral("region_level1"), QStringLiteral("Ohangwena Region")}}},
        {QStringLiteral("patient"), QJsonObject{{QStringLiteral("age_band"), QStringLiteral("30-34")},
                                                {QStringLiteral("sex"), QStringLiteral("F")}}},
        {QStringLiteral("narrative"), narrative + narrative + narrative},
        {QStringLiteral("history"), QJsonObject{{QStringLiteral("presenting_problem"), narrative},
                                                {QStringLiteral("current_medications"), meds},
                                                {QStringLiteral("social_history"), narrative}}},
        {QStringLiteral("labs"), labs},
        {QStringLiteral("question"), QStringLiteral("Should we request HIV drug-resistance genotyping now, or continue "
                                                    "TLD with intensified adherence support?")},
    };
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

double elapsedMs(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

} // namespace

DeidBenchResult runDeidBench(const DeidBenchConfig& config)
{
    const QByteArray bytes = fullCase();
    const auto document = cases::CaseDocument::fromJson(bytes);
    const auto& gate = cases::DeidGate::builtIn();
    DeidBenchResult result;
    result.findingsPerCase = static_cast<int>(gate.check(document).size()); // also warms up lists and regexes
    result.textChars = static_cast<int>(document.plainText().size());

    std::vector<double> check;
    std::vector<double> reference;
    std::size_t sink = 0;
    for (int i = 0; i < config.iterations; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        sink += gate.check(document).size();
        check.push_back(elapsedMs(t0));
        t0 = std::chrono::steady_clock::now();
        sink += cases::CaseDocument::fromJson(bytes).plainText().size();
        reference.push_back(elapsedMs(t0));
    }
    result.checkMs = summarize(check);
    result.referenceMs = summarize(reference);
    if (sink == 0)
        result.findingsPerCase = -1; // keeps the loop from being optimised away
    return result;
}

} // namespace spoke::bench
