#include "Commands.h"

#include "bench/SearchBench.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <cstdio>

namespace spoke::cli {

namespace {

QJsonObject toJson(const bench::Summary& s)
{
    return QJsonObject{{QStringLiteral("median"), s.median},
                       {QStringLiteral("p95"), s.p95},
                       {QStringLiteral("max"), s.max},
                       {QStringLiteral("mean"), s.mean},
                       {QStringLiteral("count"), s.count}};
}

bool intOption(const QCommandLineParser& parser, const QString& name, int& out)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value <= 0) {
        CliContext::printError(QStringLiteral("--%1 needs a positive whole number").arg(name));
        return false;
    }
    out = value;
    return true;
}

} // namespace

int runBenchSearch(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON")});
    parser.addOption(
        {QStringLiteral("sessions"), QStringLiteral("sessions"), QStringLiteral("N"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("cases"), QStringLiteral("cases"), QStringLiteral("N"), QStringLiteral("50000")});
    parser.addOption(
        {QStringLiteral("queries"), QStringLiteral("queries"), QStringLiteral("N"), QStringLiteral("200")});
    if (!parser.parse(QStringList{QStringLiteral("bench-search")} + args)) {
        CliContext::printError(parser.errorText());
        return kBadInput;
    }
    bench::SearchBenchConfig config;
    if (!intOption(parser, QStringLiteral("sessions"), config.sessions)
        || !intOption(parser, QStringLiteral("cases"), config.cases)
        || !intOption(parser, QStringLiteral("queries"), config.queries))
        return kBadInput;
    config.workDir = context.dataDir() / "bench";

    const auto result = bench::runSearchBench(config);
    QJsonObject byClass;
    for (const auto& [cls, summary] : result.byClassMs)
        byClass.insert(QString::fromStdString(cls), toJson(summary));
    const QJsonObject json{
        {QStringLiteral("sessions"), config.sessions},
        {QStringLiteral("cases"), config.cases},
        {QStringLiteral("queries"), config.queries},
        {QStringLiteral("build_seconds"), result.buildSeconds},
        {QStringLiteral("file_mib"), static_cast<double>(result.fileBytes) / (1024.0 * 1024.0)},
        {QStringLiteral("search_ms"), toJson(result.overallMs)},
        {QStringLiteral("reference_count_ms"), toJson(result.referenceMs)},
        {QStringLiteral("median_ratio_to_reference"),
         result.referenceMs.median > 0 ? result.overallMs.median / result.referenceMs.median : 0.0},
        {QStringLiteral("by_class_ms"), byClass},
    };
    if (parser.isSet(QStringLiteral("json"))) {
        CliContext::printJson(QJsonDocument(json));
    } else {
        std::printf(
            "search over %d sessions + %d cases: median %.2f ms, p95 %.2f ms (reference count(*) median %.2f ms)\n",
            config.sessions, config.cases, result.overallMs.median, result.overallMs.p95, result.referenceMs.median);
    }
    return kOk;
}

} // namespace spoke::cli
