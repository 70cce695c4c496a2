#include "Commands.h"

#include "cases/AttachmentCleaner.h"
#include "cases/CaseDocument.h"
#include "cases/CaseError.h"
#include "cases/CaseWorkflow.h"
#include "cases/DeidGate.h"
#include "cases/SchemaRegistry.h"
#include "store/StoreError.h"
#include "sync/CaseSubmission.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
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
                CliContext::printJsonLine(
                    QJsonObject{{QStringLiteral("file"), file}, {QStringLiteral("findings"), list}});
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
            list.append(
                QJsonObject{{QStringLiteral("path"), issue.path},
                            {QStringLiteral("message"), issue.message},
                            {QStringLiteral("severity"), isError ? QStringLiteral("error") : QStringLiteral("note")}});
            if (!json)
                std::printf("%s %s: %s\n", isError ? "error" : "note ", qPrintable(issue.path),
                            qPrintable(issue.message));
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

namespace {

std::optional<std::int64_t> localCaseId(const QString& text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) {
        CliContext::printError(QStringLiteral("not a case id: ") + text);
        return std::nullopt;
    }
    return id;
}

QJsonArray findingsJson(const QList<cases::Finding>& findings)
{
    QJsonArray list;
    for (const auto& f : findings)
        list.append(cases::toJson(f));
    return list;
}

QJsonObject deliveryJson(const store::CaseDelivery& d)
{
    QJsonObject out{{QStringLiteral("state"), d.state == store::CaseDelivery::State::Waiting ? QStringLiteral("waiting")
                                              : d.state == store::CaseDelivery::State::Sent
                                                  ? QStringLiteral("sent")
                                                  : QStringLiteral("refused")}};
    if (d.state == store::CaseDelivery::State::Refused) {
        out.insert(QStringLiteral("error"),
                   QJsonObject{{QStringLiteral("status"), d.errorStatus},
                               {QStringLiteral("code"), QString::fromStdString(d.errorCode)},
                               {QStringLiteral("detail"), QString::fromStdString(d.errorDetail)}});
        out.insert(QStringLiteral("findings"),
                   QJsonDocument::fromJson(QByteArray::fromStdString(d.findingsJson)).array());
    }
    return out;
}

} // namespace

int runCasesImport(CliContext& context, const QStringList& arguments)
{
    QStringList args = arguments;
    const bool json = takeFlag(args, QStringLiteral("--json"));
    if (args.size() != 1) {
        CliContext::printError(QStringLiteral("cases import needs exactly one case file"));
        return kBadInput;
    }
    try {
        const auto document = cases::CaseDocument::fromFile(args.first().toStdString());
        auto cache = context.openCache();
        sync::CaseSubmission submission(cache, cases::DeidGate::builtIn(), cases::SchemaRegistry::builtIn());
        const auto imported = submission.importDocument(document, store::currentTimeMs());
        if (!imported) {
            using R = sync::ImportFailure::Reason;
            const auto& failure = imported.error();
            CliContext::printError(failure.reason == R::NoProgramme
                                       ? QStringLiteral("no programme of kind \"%1\" in the cache: sign in to a hub "
                                                        "(hub join/login) or seed the demo")
                                             .arg(failure.detail)
                                   : failure.reason == R::AlreadyExists
                                       ? QStringLiteral("a case %1 is already in the cache").arg(failure.detail)
                                       : failure.detail);
            return failure.reason == R::LocalStore ? kFailed : kBadInput;
        }
        if (json)
            CliContext::printJsonLine(QJsonObject{{QStringLiteral("id"), static_cast<qint64>(*imported)},
                                                  {QStringLiteral("case_id"), document.caseId()}});
        else
            std::printf("%lld\n", static_cast<long long>(*imported));
        return kOk;
    } catch (const cases::CaseError& error) {
        CliContext::printError(args.first() + QStringLiteral(": ") + QString::fromUtf8(error.what()));
        return kBadInput;
    }
}

int runCasesSubmit(CliContext& context, const QStringList& args)
{
    if (args.size() != 1) {
        CliContext::printError(QStringLiteral("cases submit needs exactly one case id"));
        return kBadInput;
    }
    const auto id = localCaseId(args.first());
    if (!id)
        return kBadInput;
    auto cache = context.openCache();
    sync::CaseSubmission submission(cache, cases::DeidGate::builtIn(), cases::SchemaRegistry::builtIn());
    const auto queued = submission.submit(*id, store::currentTimeMs());
    if (queued) {
        CliContext::printJsonLine(QJsonObject{{QStringLiteral("id"), static_cast<qint64>(*id)},
                                              {QStringLiteral("status"), QStringLiteral("submitted")},
                                              {QStringLiteral("queued"), true},
                                              {QStringLiteral("key"), QString::fromStdString(queued->idempotencyKey)}});
        return kOk;
    }
    using R = sync::SubmitFailure::Reason;
    const auto& failure = queued.error();
    QJsonObject out{{QStringLiteral("id"), static_cast<qint64>(*id)},
                    {QStringLiteral("error"), sync::toString(failure.reason)}};
    if (failure.reason == R::UnresolvedFindings)
        out.insert(QStringLiteral("findings"), findingsJson(failure.findings));
    if (failure.reason == R::InvalidForm) {
        QJsonArray problems;
        for (const auto& issue : failure.problems)
            problems.append(
                QJsonObject{{QStringLiteral("path"), issue.path}, {QStringLiteral("message"), issue.message}});
        out.insert(QStringLiteral("problems"), problems);
    }
    CliContext::printJsonLine(out);
    CliContext::printError(
        QStringLiteral("the case was not submitted: ") + sync::toString(failure.reason)
        + (failure.detail.isEmpty() ? QString() : QStringLiteral(" (") + failure.detail + QLatin1Char(')')));
    switch (failure.reason) {
    case R::UnresolvedFindings:
    case R::InvalidForm: return kFindings;
    case R::NoSuchCase: return kBadInput;
    default: return kFailed;
    }
}

// Declares the open findings at one field and of one category false
// positives, each logged with who and why (cases::CaseWorkflow). The next
// `cases submit` tells the hub about them (docs/hub-api.md, POST
// /api/v1/cases, `_deid_overrides`).
int runCasesOverride(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("path"), QStringLiteral("The finding's field path"), QStringLiteral("P")},
         {QStringLiteral("category"), QStringLiteral("The finding's Safe Harbor letter"), QStringLiteral("C")},
         {QStringLiteral("reason"), QStringLiteral("Why this is not an identifier"), QStringLiteral("R")},
         {QStringLiteral("who"), QStringLiteral("The person who decides"), QStringLiteral("W")}});
    if (!parser.parse(QStringList{QStringLiteral("cases-override")} + args) || parser.positionalArguments().size() != 1
        || !parser.isSet(QStringLiteral("path")) || !parser.isSet(QStringLiteral("category"))) {
        CliContext::printError(parser.errorText().isEmpty()
                                   ? QStringLiteral("cases override needs one case id, --path and --category")
                                   : parser.errorText());
        return kBadInput;
    }
    const auto id = localCaseId(parser.positionalArguments().first());
    if (!id)
        return kBadInput;
    const QString path = parser.value(QStringLiteral("path"));
    const QString category = parser.value(QStringLiteral("category")).toUpper();
    try {
        auto cache = context.openCache();
        cases::CaseWorkflow workflow(cache, cases::DeidGate::builtIn());
        QList<cases::Finding> matching;
        for (const cases::Finding& finding : workflow.unresolvedFindings(*id))
            if (finding.path == path && category == QString(QLatin1Char(finding.category)))
                matching.append(finding);
        if (matching.isEmpty()) {
            CliContext::printError(QStringLiteral("case %1 has no open finding of category %2 at %3")
                                       .arg(QString::number(*id), category, path));
            return kBadInput;
        }
        const std::int64_t now = store::currentTimeMs();
        store::Transaction tx(cache.db());
        for (const cases::Finding& finding : matching) {
            // An override covers the same text wherever it is flagged, so an
            // earlier one of these may already have resolved this finding.
            const auto open = workflow.unresolvedFindings(*id);
            if (std::none_of(open.begin(), open.end(), [&](const cases::Finding& f) {
                    return f.path == finding.path && f.start == finding.start && f.end == finding.end;
                }))
                continue;
            workflow.overrideFinding(*id, finding, parser.value(QStringLiteral("reason")).toStdString(),
                                     parser.value(QStringLiteral("who")).toStdString(), now);
        }
        tx.commit();
        CliContext::printJsonLine(
            QJsonObject{{QStringLiteral("id"), static_cast<qint64>(*id)},
                        {QStringLiteral("overridden"), findingsJson(matching)},
                        {QStringLiteral("open"), static_cast<qint64>(workflow.unresolvedFindings(*id).size())}});
        return kOk;
    } catch (const cases::CaseError& error) {
        CliContext::printError(QString::fromUtf8(error.what()));
        return kBadInput;
    } catch (const store::StoreError& error) {
        CliContext::printError(QString::fromUtf8(error.what()));
        return kFailed;
    }
}

int runCasesShow(CliContext& context, const QStringList& arguments)
{
    QStringList args = arguments;
    takeFlag(args, QStringLiteral("--json")); // the only output there is
    if (args.size() != 1) {
        CliContext::printError(QStringLiteral("cases show needs exactly one case id"));
        return kBadInput;
    }
    const auto id = localCaseId(args.first());
    if (!id)
        return kBadInput;
    auto cache = context.openCache();
    const auto record = cache.cases().byId(*id);
    if (!record) {
        CliContext::printError(QStringLiteral("no case with id %1").arg(*id));
        return kBadInput;
    }
    QJsonArray recommendations;
    for (const auto& r : cache.cases().recommendations(*id))
        recommendations.append(QJsonObject{{QStringLiteral("id"), static_cast<qint64>(r.id)},
                                           {QStringLiteral("author"), QString::fromStdString(r.author)},
                                           {QStringLiteral("text"), QString::fromStdString(r.body)},
                                           {QStringLiteral("created_ms"), static_cast<qint64>(r.createdMs)}});
    QJsonObject out{{QStringLiteral("id"), static_cast<qint64>(record->id)},
                    {QStringLiteral("case_id"), QString::fromStdString(record->caseCode)},
                    {QStringLiteral("title"), QString::fromStdString(record->title)},
                    {QStringLiteral("programme_id"), static_cast<qint64>(record->programmeId)},
                    {QStringLiteral("status"), QString::fromUtf8(store::toString(record->status).data())},
                    {QStringLiteral("revision"), record->currentRevision},
                    {QStringLiteral("hub_status"), QJsonValue()},
                    {QStringLiteral("question"), QJsonValue()},
                    {QStringLiteral("recommendations"), recommendations}};
    if (const auto delivery = cache.hub().delivery(*id)) {
        out.insert(QStringLiteral("delivery"), deliveryJson(*delivery));
        if (delivery->hubCaseId)
            out.insert(QStringLiteral("hub_case_id"), static_cast<qint64>(*delivery->hubCaseId));
        if (delivery->hubStatus)
            out.insert(QStringLiteral("hub_status"), QString::fromStdString(*delivery->hubStatus));
        if (!delivery->question.empty())
            out.insert(QStringLiteral("question"), QString::fromStdString(delivery->question));
    }
    CliContext::printJson(QJsonDocument(out));
    return kOk;
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
        return QJsonObject{{QStringLiteral("median"), s.median},
                           {QStringLiteral("p95"), s.p95},
                           {QStringLiteral("max"), s.max},
                           {QStringLiteral("mean"), s.mean},
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
