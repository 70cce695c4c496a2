#include "Commands.h"

#include "cases/AttachmentCleaner.h"
#include "cases/CaseDocument.h"
#include "cases/CaseError.h"
#include "cases/DeidGate.h"
#include "cases/SchemaRegistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace spoke::cli {

namespace {

bool takeFlag(QStringList& args, const QString& flag)
{
    return args.removeAll(flag) > 0;
}

} // namespace

int runCasesCheck(CliContext&, const QStringList& arguments)
{
    QStringList args = arguments;
    const bool json = takeFlag(args, QStringLiteral("--json"));
    if (args.isEmpty()) {
        CliContext::printError(QStringLiteral("cases check needs at least one case file"));
        return kBadInput;
    }
    const auto& gate = cases::DeidGate::builtIn();
    bool anyFindings = false;
    bool anyBadInput = false;
    for (const QString& file : args) {
        try {
            const auto document = cases::CaseDocument::fromFile(file.toStdString());
            const auto findings = gate.check(document);
            anyFindings = anyFindings || !findings.empty();
            if (json) {
                QJsonArray list;
                for (const auto& f : findings)
                    list.append(cases::toJson(f));
                CliContext::printJsonLine(QJsonObject{{QStringLiteral("file"), file}, {QStringLiteral("findings"), list}});
            } else {
                std::printf("%s: %zu finding(s)\n", qPrintable(file), findings.size());
                for (const auto& f : findings)
                    std::printf("  %s [%d,%d) %c \"%s\": %s -> %s\n", qPrintable(f.path), f.start, f.end, f.category,
                                qPrintable(f.text), qPrintable(f.reason), qPrintable(f.suggestion));
            }
        } catch (const cases::CaseError& error) {
            anyBadInput = true;
            CliContext::printError(file + QStringLiteral(": ") + QString::fromStdString(error.what()));
        }
    }
    if (anyBadInput)
        return kBadInput;
    return anyFindings ? kFindings : kOk;
}

int runCasesValidate(CliContext&, const QStringList& arguments)
{
    QStringList args = arguments;
    const bool json = takeFlag(args, QStringLiteral("--json"));
    if (args.size() != 1) {
        CliContext::printError(QStringLiteral("cases validate needs exactly one case file"));
        return kBadInput;
    }
    try {
        const auto document = cases::CaseDocument::fromFile(args.first().toStdString());
        const auto issues = cases::SchemaRegistry::builtIn().validate(document);
        int errors = 0;
        QJsonArray list;
        for (const auto& issue : issues) {
            const bool isError = issue.severity == cases::SchemaIssue::Severity::Error;
            errors += isError ? 1 : 0;
            list.append(QJsonObject{{QStringLiteral("path"), issue.path},
                                    {QStringLiteral("message"), issue.message},
                                    {QStringLiteral("severity"), isError ? QStringLiteral("error") : QStringLiteral("note")}});
            if (!json)
                std::printf("%s %s: %s\n", isError ? "error" : "note ", qPrintable(issue.path), qPrintable(issue.message));
        }
        if (json)
            CliContext::printJsonLine(QJsonObject{{QStringLiteral("file"), args.first()},
                                                  {QStringLiteral("programme"), document.programme()},
                                                  {QStringLiteral("valid"), errors == 0},
                                                  {QStringLiteral("issues"), list}});
        else if (errors == 0)
            std::printf("%s: valid %s case\n", qPrintable(args.first()), qPrintable(document.programme()));
        return errors == 0 ? kOk : kBadInput;
    } catch (const cases::CaseError& error) {
        CliContext::printError(args.first() + QStringLiteral(": ") + QString::fromStdString(error.what()));
        return kBadInput;
    }
}

int runCasesCleanAttachment(CliContext&, const QStringList& args)
{
    if (args.size() != 2) {
        CliContext::printError(QStringLiteral("cases clean-attachment needs an input and an output file"));
        return kBadInput;
    }
    try {
        const auto result = cases::AttachmentCleaner::cleanImage(args[0].toStdString(), args[1].toStdString());
        CliContext::printJsonLine(QJsonObject{{QStringLiteral("file"), args[1]},
                                              {QStringLiteral("width"), result.width},
                                              {QStringLiteral("height"), result.height},
                                              {QStringLiteral("bytes"), static_cast<qint64>(result.bytesWritten)}});
        return kOk;
    } catch (const cases::CaseError& error) {
        CliContext::printError(QString::fromStdString(error.what()));
        return error.kind() == cases::CaseErrorKind::AttachmentRefused ? kFindings : kFailed;
    }
}

} // namespace spoke::cli

#include "bench/DeidBench.h"

namespace spoke::cli {

int runBenchDeid(CliContext&, const QStringList& arguments)
{
    QStringList args = arguments;
    const bool json = takeFlag(args, QStringLiteral("--json"));
    bench::DeidBenchConfig config;
    const qsizetype at = args.indexOf(QStringLiteral("--iterations"));
    if (at >= 0) {
        bool ok = false;
        config.iterations = at + 1 < args.size() ? args[at + 1].toInt(&ok) : 0;
        if (!ok || config.iterations <= 0) {
            CliContext::printError(QStringLiteral("--iterations needs a positive whole number"));
            return kBadInput;
        }
    }
    const auto r = bench::runDeidBench(config);
    auto summary = [](const bench::Summary& s) {
        return QJsonObject{{QStringLiteral("median"), s.median}, {QStringLiteral("p95"), s.p95},
                           {QStringLiteral("max"), s.max},       {QStringLiteral("mean"), s.mean},
                           {QStringLiteral("count"), s.count}};
    };
    const double ratio = r.referenceMs.median > 0 ? r.checkMs.median / r.referenceMs.median : 0.0;
    if (json) {
        CliContext::printJson(QJsonDocument(QJsonObject{
            {QStringLiteral("iterations"), config.iterations},
            {QStringLiteral("text_chars"), r.textChars},
            {QStringLiteral("findings_per_case"), r.findingsPerCase},
            {QStringLiteral("check_ms"), summary(r.checkMs)},
            {QStringLiteral("reference_parse_ms"), summary(r.referenceMs)},
            {QStringLiteral("median_ratio_to_reference"), ratio},
        }));
    } else {
        std::printf("deid check of a full case (%d chars, %d findings): median %.3f ms, p95 %.3f ms "
                    "(reference JSON parse + text join: median %.3f ms, ratio %.1f)\n",
                    r.textChars, r.findingsPerCase, r.checkMs.median, r.checkMs.p95, r.referenceMs.median, ratio);
    }
    return kOk;
}

} // namespace spoke::cli
