#include "sync/HubAccounts.h"

#include "store/Cache.h"
#include "store/StoreError.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace spoke::sync {

namespace {

SyncError badUrl(const QString& text)
{
    return SyncError{SyncErrorKind::BadRequest, 0, {}, QStringLiteral("not an http(s) address: ") + text};
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

SyncError storeError(const store::StoreError& error)
{
    return SyncError{SyncErrorKind::LocalStore, 0, {}, QString::fromUtf8(error.what())};
}

} // namespace

HubExpected<HubAccount> HubAccounts::redeemInvite(const QString& hubUrl, const QString& code, const QString& email,
                                                  const QString& name, const QString& password)
{
    const QUrl url = normaliseHubUrl(hubUrl);
    if (url.isEmpty())
        return badUrl(hubUrl);
    HubClient client(url, timeoutMs_);
    const QJsonObject body{{QStringLiteral("code"), code.trimmed()},
                           {QStringLiteral("email"), email.trimmed()},
                           {QStringLiteral("name"), name.trimmed()},
                           {QStringLiteral("password"), password}};
    auto answer = client.call("POST", QStringLiteral("api/v1/invites/redeem"), compact(body));
    if (!answer)
        return answer.error();
    return finishSignIn(url, *answer);
}

HubExpected<HubAccount> HubAccounts::signIn(const QString& hubUrl, const QString& email, const QString& password)
{
    const QUrl url = normaliseHubUrl(hubUrl);
    if (url.isEmpty())
        return badUrl(hubUrl);
    HubClient client(url, timeoutMs_);
    const QJsonObject body{{QStringLiteral("email"), email.trimmed()}, {QStringLiteral("password"), password}};
    auto answer = client.call("POST", QStringLiteral("api/v1/auth/login"), compact(body));
    if (!answer)
        return answer.error();
    return finishSignIn(url, *answer);
}

HubExpected<HubAccount> HubAccounts::finishSignIn(const QUrl& hubUrl, const QByteArray& answer)
{
    auto auth = parseAuthAnswer(answer);
    if (!auth)
        return auth.error();
    const QString url = hubUrl.toString();
    // Whoever was signed in before on this laptop is signed out first.
    if (const auto previous = cache_.hub().activeAccount())
        tokens_.remove(QString::fromStdString(previous->url), QString::fromStdString(previous->email));
    auto saved = tokens_.save(url, auth->email, auth->token);
    if (!saved)
        return saved.error();
    try {
        cache_.hub().saveAccount({url.toStdString(),
                                  auth->email.toStdString(),
                                  auth->name.toStdString(),
                                  auth->accountId,
                                  0,
                                  std::nullopt,
                                  {},
                                  {}});
    } catch (const store::StoreError& error) {
        return storeError(error);
    }
    HubClient client(hubUrl, timeoutMs_);
    client.setToken(auth->token);
    // Memberships can also arrive with the next pull; a failure here is not fatal.
    (void)refreshMemberships(client);
    return current();
}

HubExpected<HubAccount> HubAccounts::refreshMemberships(HubClient& client)
{
    auto answer = client.call("GET", QStringLiteral("api/v1/me"));
    if (!answer)
        return answer.error();
    auto me = parseMeAnswer(*answer);
    if (!me)
        return me.error();
    std::vector<store::HubProgrammeRow> rows;
    for (const HubMembership& m : me->memberships)
        rows.push_back({m.programme.id, m.programme.name.toStdString(), m.programme.kind.toStdString(),
                        toWire(m.role).toStdString()});
    try {
        const auto account = cache_.hub().activeAccount();
        if (!account)
            return SyncError{SyncErrorKind::NotSignedIn, 0, {}, {}};
        cache_.hub().upsertProgrammes(account->url, rows);
        cache_.hub().saveAccount(
            {account->url, me->email.toStdString(), me->name.toStdString(), me->accountId, 0, std::nullopt, {}, {}});
    } catch (const store::StoreError& error) {
        return storeError(error);
    }
    return current();
}

HubAccount HubAccounts::signOut()
{
    if (auto signedIn = client(); signedIn)
        (void)(*signedIn)->send("POST", QStringLiteral("api/v1/auth/logout"));
    return forgetToken();
}

HubAccount HubAccounts::forgetToken()
{
    if (const auto account = cache_.hub().activeAccount())
        tokens_.remove(QString::fromStdString(account->url), QString::fromStdString(account->email));
    return current();
}

std::optional<QString> HubAccounts::token()
{
    const auto account = cache_.hub().activeAccount();
    if (!account)
        return std::nullopt;
    return tokens_.load(QString::fromStdString(account->url), QString::fromStdString(account->email));
}

HubAccount HubAccounts::current()
{
    HubAccount account;
    const auto row = cache_.hub().activeAccount();
    if (!row)
        return account;
    account.hubUrl = QString::fromStdString(row->url);
    account.email = QString::fromStdString(row->email);
    account.name = QString::fromStdString(row->name);
    account.accountId = row->accountId;
    account.signedIn = token().has_value();
    for (const store::HubProgrammeRow& p : cache_.hub().programmes(row->url)) {
        const auto role = hubRoleFrom(QString::fromStdString(p.role));
        if (role)
            account.memberships.append(
                {{p.hubId, QString::fromStdString(p.name), QString::fromStdString(p.kind)}, *role});
    }
    return account;
}

HubExpected<std::unique_ptr<HubClient>> HubAccounts::client()
{
    const auto account = cache_.hub().activeAccount();
    const auto saved = token();
    if (!account || !saved)
        return SyncError{SyncErrorKind::NotSignedIn, 0, {}, {}};
    auto result = std::make_unique<HubClient>(QUrl(QString::fromStdString(account->url)), timeoutMs_);
    result->setToken(*saved);
    return result;
}

} // namespace spoke::sync
