#include "HubCli.h"

#include <QFile>
#include <QJsonArray>

namespace spoke::cli {

namespace {

sync::TokenStore::Options tokenOptions(const CliContext& context)
{
    sync::TokenStore::Options options;
    options.dataDir = context.dataDir();
    return options;
}

} // namespace

HubCli::HubCli(CliContext& context)
    : cache_(context.openCache())
    , tokens_(tokenOptions(context))
    , accounts_(cache_, tokens_, kHubTimeoutMs)
{
}

sync::HubExpected<sync::PassReport> HubCli::syncPass()
{
    auto client = accounts_.client();
    if (!client)
        return client.error();
    const auto account = cache_.hub().activeAccount();
    sync::SyncEngine engine(cache_, **client, account->url);
    sync::PassReport report = engine.runPass(/*ignoreBackoff=*/true);
    if (report.error.kind == sync::SyncErrorKind::Unauthenticated)
        accounts_.forgetToken();
    else if (report.pull && report.pull->programmes > 0)
        (void)accounts_.refreshMemberships(**client);
    return report;
}

QJsonObject toJson(const sync::SyncError& error)
{
    QJsonObject object{{QStringLiteral("kind"), sync::toString(error.kind)}};
    if (error.httpStatus)
        object.insert(QStringLiteral("status"), error.httpStatus);
    if (!error.hubCode.isEmpty())
        object.insert(QStringLiteral("code"), error.hubCode);
    if (!error.detail.isEmpty())
        object.insert(QStringLiteral("detail"), error.detail);
    return object;
}

QJsonObject toJson(const sync::HubAccount& account)
{
    QJsonArray memberships;
    for (const sync::HubMembership& m : account.memberships)
        memberships.append(QJsonObject{
            {QStringLiteral("programme"), QJsonObject{{QStringLiteral("id"), static_cast<qint64>(m.programme.id)},
                                                      {QStringLiteral("name"), m.programme.name},
                                                      {QStringLiteral("kind"), m.programme.kind}}},
            {QStringLiteral("role"), sync::toWire(m.role)}});
    return QJsonObject{
        {QStringLiteral("hub"), account.hubUrl},
        {QStringLiteral("signed_in"), account.signedIn},
        {QStringLiteral("account"), QJsonObject{{QStringLiteral("id"), static_cast<qint64>(account.accountId)},
                                                {QStringLiteral("email"), account.email},
                                                {QStringLiteral("name"), account.name}}},
        {QStringLiteral("memberships"), memberships}};
}

QJsonObject toJson(const sync::HubCase& c)
{
    return QJsonObject{
        {QStringLiteral("id"), static_cast<qint64>(c.id)},
        {QStringLiteral("programme_id"), static_cast<qint64>(c.programmeId)},
        {QStringLiteral("case_id"), c.caseCode},
        {QStringLiteral("title"), c.title},
        {QStringLiteral("status"), sync::toWire(c.status)},
        {QStringLiteral("session_id"), c.sessionId ? QJsonValue(static_cast<qint64>(*c.sessionId)) : QJsonValue()},
        {QStringLiteral("question"), c.question},
        {QStringLiteral("submitted_ms"), static_cast<qint64>(c.submittedMs)},
        {QStringLiteral("updated_ms"), static_cast<qint64>(c.updatedMs)},
        {QStringLiteral("mine"), c.mine}};
}

QJsonObject toJson(const sync::PassReport& r)
{
    QJsonObject object{{QStringLiteral("reached_hub"), r.reachedHub},
                       {QStringLiteral("sent"), r.delivery.sent},
                       {QStringLiteral("refused"), r.delivery.stopped},
                       {QStringLiteral("failed"), r.delivery.retrying},
                       {QStringLiteral("pending"), r.pending},
                       {QStringLiteral("stopped"), r.stopped},
                       {QStringLiteral("pulled"), r.pull ? r.pull->rowsChanged : 0},
                       {QStringLiteral("cursor"), static_cast<qint64>(r.cursor)}};
    if (r.lastSuccessMs)
        object.insert(QStringLiteral("last_success_ms"), static_cast<qint64>(*r.lastSuccessMs));
    if (!r.error.ok())
        object.insert(QStringLiteral("error"), toJson(r.error));
    return object;
}

int failWith(const sync::SyncError& error)
{
    CliContext::printJsonLine(QJsonObject{{QStringLiteral("error"), toJson(error)}});
    CliContext::printError(sync::toString(error.kind)
                           + (error.detail.isEmpty() ? QString() : QStringLiteral(": ") + error.detail));
    return kFailed;
}

std::optional<QString> readSecretFile(const QString& path)
{
    const auto text = readTextFile(path);
    if (!text)
        return std::nullopt;
    return text->section(QLatin1Char('\n'), 0, 0).remove(QLatin1Char('\r'));
}

std::optional<QString> readTextFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        CliContext::printError(path + QStringLiteral(": ") + file.errorString());
        return std::nullopt;
    }
    // Bodies the hub takes are at most 4 MiB (docs/hub-api.md).
    return QString::fromUtf8(file.read(4 * 1024 * 1024));
}

} // namespace spoke::cli
