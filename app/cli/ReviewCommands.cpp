// spoke-cli review ...: the specialist's queue, recommendations and returns.
// Writes go through the outbox like every change, then one sync pass sends them.

#include "Commands.h"
#include "HubCli.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <cstdio>

namespace spoke::cli {

namespace {

std::optional<std::int64_t> hubCaseId(const QString& text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) {
        CliContext::printError(QStringLiteral("not a hub case id: ") + text);
        return std::nullopt;
    }
    return id;
}

// Queues one change, runs a pass, and says whether the hub took it.
int queueAndSend(HubCli& hub, const std::string& kind, const QJsonObject& payload)
{
    if (!hub.cache().hub().activeAccount())
        return failWith(sync::SyncError{sync::SyncErrorKind::NotSignedIn, 0, {}, {}});
    const std::string key = kind + ":" + QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    hub.cache().outbox().enqueue(key, kind, QJsonDocument(payload).toJson(QJsonDocument::Compact).toStdString(),
                                 store::currentTimeMs());
    const auto pass = hub.syncPass();
    const auto entry = hub.cache().outbox().byKey(key);
    const bool sent = entry && entry->sentMs;
    QJsonObject out{{QStringLiteral("queued"), true},
                    {QStringLiteral("sent"), sent},
                    {QStringLiteral("key"), QString::fromStdString(key)}};
    if (!sent && entry)
        out.insert(QStringLiteral("last_error"), QString::fromStdString(entry->lastError));
    if (pass)
        out.insert(QStringLiteral("sync"), toJson(*pass));
    CliContext::printJsonLine(out);
    if (!pass)
        return failWith(pass.error());
    return sent ? kOk : kFailed;
}

} // namespace

int runReviewQueue(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("programme"), QStringLiteral("Hub programme id"), QStringLiteral("ID")},
                       {QStringLiteral("json"), QStringLiteral("Print JSON")}});
    if (!parser.parse(QStringList{QStringLiteral("review-queue")} + args) || !parser.positionalArguments().isEmpty()) {
        CliContext::printError(parser.errorText().isEmpty() ? QStringLiteral("review queue takes no arguments")
                                                            : parser.errorText());
        return kBadInput;
    }
    QString path = QStringLiteral("api/v1/review/queue");
    if (parser.isSet(QStringLiteral("programme"))) {
        const auto programme = hubCaseId(parser.value(QStringLiteral("programme")));
        if (!programme)
            return kBadInput;
        path += QStringLiteral("?programme=%1").arg(*programme);
    }
    HubCli hub(context);
    auto client = hub.accounts().client();
    if (!client)
        return failWith(client.error());
    auto body = (*client)->call("GET", path);
    if (!body)
        return failWith(body.error());
    const auto queue = sync::parseQueueAnswer(*body);
    if (!queue)
        return failWith(queue.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const sync::HubCase& c : *queue)
            list.append(toJson(c));
        CliContext::printJson(QJsonDocument(list));
        return kOk;
    }
    for (const sync::HubCase& c : *queue)
        std::printf("%-6lld %-22s %-10s %s\n", static_cast<long long>(c.id), qPrintable(c.caseCode),
                    qPrintable(sync::toWire(c.status)), qPrintable(c.title));
    return kOk;
}

int runReviewRecommend(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("text-file"), QStringLiteral("The recommendation's text"), QStringLiteral("FILE")},
         {QStringLiteral("item"), QStringLiteral("One numbered item (repeatable)"), QStringLiteral("TEXT")}});
    if (!parser.parse(QStringList{QStringLiteral("review-recommend")} + args)
        || parser.positionalArguments().size() != 1) {
        CliContext::printError(parser.errorText().isEmpty() ? QStringLiteral("review recommend needs one hub case id")
                                                            : parser.errorText());
        return kBadInput;
    }
    const auto id = hubCaseId(parser.positionalArguments().first());
    if (!id)
        return kBadInput;
    QString text;
    if (parser.isSet(QStringLiteral("text-file"))) {
        const auto read = readTextFile(parser.value(QStringLiteral("text-file")));
        if (!read)
            return kBadInput;
        text = read->trimmed();
    }
    const QStringList items = parser.values(QStringLiteral("item"));
    if (text.isEmpty() && items.isEmpty()) {
        CliContext::printError(QStringLiteral("review recommend needs --text-file or at least one --item"));
        return kBadInput;
    }
    HubCli hub(context);
    return queueAndSend(hub, "recommendation.create",
                        QJsonObject{{QStringLiteral("case_hub_id"), static_cast<qint64>(*id)},
                                    {QStringLiteral("items"), QJsonArray::fromStringList(items)},
                                    {QStringLiteral("text"), text}});
}

int runReviewReturn(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("question-file"), QStringLiteral("The question for the presenter"), QStringLiteral("FILE")});
    if (!parser.parse(QStringList{QStringLiteral("review-return")} + args) || parser.positionalArguments().size() != 1
        || !parser.isSet(QStringLiteral("question-file"))) {
        CliContext::printError(parser.errorText().isEmpty()
                                   ? QStringLiteral("review return needs one hub case id and --question-file")
                                   : parser.errorText());
        return kBadInput;
    }
    const auto id = hubCaseId(parser.positionalArguments().first());
    if (!id)
        return kBadInput;
    const auto question = readTextFile(parser.value(QStringLiteral("question-file")));
    if (!question || question->trimmed().isEmpty()) {
        CliContext::printError(QStringLiteral("the question file is empty or unreadable"));
        return kBadInput;
    }
    HubCli hub(context);
    return queueAndSend(hub, "case.return",
                        QJsonObject{{QStringLiteral("case_hub_id"), static_cast<qint64>(*id)},
                                    {QStringLiteral("question"), question->trimmed()}});
}

} // namespace spoke::cli
