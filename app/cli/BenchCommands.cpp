#include "Commands.h"

#include "bench/RenditionsBench.h"
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

QJsonObject toJson(const bench::RenditionTiming& t)
{
    return QJsonObject{{QStringLiteral("wall_seconds"), t.wallSeconds},
                       {QStringLiteral("cpu_seconds"), t.cpuSeconds},
                       {QStringLiteral("bytes"), static_cast<qint64>(t.bytes)},
                       {QStringLiteral("wall_to_real_time"), t.wallToRealTime}};
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
    parser.addOption({QStringLiteral("encrypted"),
                      QStringLiteral("Also time an encrypted copy of the cache, query by query (encryption at rest)")});
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
    config.compareEncrypted = parser.isSet(QStringLiteral("encrypted"));

    bench::SearchBenchResult result;
    try {
        result = bench::runSearchBench(config);
    } catch (const std::exception& error) {
        CliContext::printError(QString::fromStdString(error.what()));
        return kFailed;
    }
    QJsonObject byClass;
    for (const auto& [cls, summary] : result.byClassMs)
        byClass.insert(QString::fromStdString(cls), toJson(summary));
    QJsonObject json{
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
    const double encryptedRatio =
        result.overallMs.median > 0 ? result.encryptedMs.median / result.overallMs.median : 0.0;
    if (config.compareEncrypted) {
        json.insert(QStringLiteral("encrypted_search_ms"), toJson(result.encryptedMs));
        json.insert(QStringLiteral("encrypt_seconds"), result.encryptSeconds);
        json.insert(QStringLiteral("encrypted_median_ratio"), encryptedRatio);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        CliContext::printJson(QJsonDocument(json));
    } else {
        std::printf(
            "search over %d sessions + %d cases: median %.2f ms, p95 %.2f ms (reference count(*) median %.2f ms)\n",
            config.sessions, config.cases, result.overallMs.median, result.overallMs.p95, result.referenceMs.median);
        if (config.compareEncrypted)
            std::printf("encrypted copy (made in %.1f s): median %.2f ms, p95 %.2f ms: %.2fx the plain median\n",
                        result.encryptSeconds, result.encryptedMs.median, result.encryptedMs.p95, encryptedRatio);
    }
    return kOk;
}

int runBenchRenditions(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("length of the generated recording"),
                      QStringLiteral("S"), QStringLiteral("120")});
    if (!parser.parse(QStringList{QStringLiteral("bench-renditions")} + args)) {
        CliContext::printError(parser.errorText());
        return kBadInput;
    }
    int seconds = 0;
    if (!intOption(parser, QStringLiteral("seconds"), seconds))
        return kBadInput;
    bench::RenditionsBenchConfig config;
    config.seconds = seconds;
    config.workDir = context.dataDir() / "bench" / "renditions";
    try {
        const auto result = bench::runRenditionsBench(config);
        const QJsonObject json{
            {QStringLiteral("input"), QString::fromStdString(result.input.string())},
            {QStringLiteral("input_bytes"), static_cast<qint64>(result.inputBytes)},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("generate_seconds"), result.generateSeconds},
            {QStringLiteral("light"), toJson(result.light)},
            {QStringLiteral("audio_slides"), toJson(result.audioSlides)},
        };
        if (parser.isSet(QStringLiteral("json")))
            CliContext::printJson(QJsonDocument(json));
        else
            std::printf("%d s of 720p: light in %.1f s (%.3f x real time, %lld bytes), audio-slides in %.1f s "
                        "(%.3f x real time, %lld bytes)\n",
                        seconds, result.light.wallSeconds, result.light.wallToRealTime,
                        static_cast<long long>(result.light.bytes), result.audioSlides.wallSeconds,
                        result.audioSlides.wallToRealTime, static_cast<long long>(result.audioSlides.bytes));
        return kOk;
    } catch (const std::exception& error) {
        CliContext::printError(QString::fromStdString(error.what()));
        return kFailed;
    }
}

} // namespace spoke::cli
