#pragma once

#include "sync/HubClient.h"
#include "sync/HubTypes.h"
#include "sync/TokenStore.h"

#include <memory>

namespace spoke::store {
class Cache;
}

namespace spoke::sync {

// Joining a hub, signing in and out, and the account state the app shows.
// The account row (URL, email, name, cursor) lives in the cache; the token
// in the TokenStore. Lives on the thread that owns the Cache (the sync
// thread, or the CLI's main thread).
class HubAccounts {
public:
    HubAccounts(store::Cache& cache, TokenStore& tokens, int timeoutMs)
        : cache_(cache)
        , tokens_(tokens)
        , timeoutMs_(timeoutMs)
    {
    }

    // `POST /invites/redeem`, then `GET /me` for the memberships.
    HubExpected<HubAccount> redeemInvite(const QString& hubUrl, const QString& code, const QString& email,
                                         const QString& name, const QString& password);
    // `POST /auth/login`, then `GET /me`.
    HubExpected<HubAccount> signIn(const QString& hubUrl, const QString& email, const QString& password);
    // Revokes the token on the hub when it answers, and forgets it here in any case.
    HubAccount signOut();
    // The hub said the token is no longer valid (401): forget it.
    HubAccount forgetToken();
    // `GET /me`: this account's programmes and roles, into the cache.
    HubExpected<HubAccount> refreshMemberships(HubClient& client);

    // From the cache and the token store; signedIn says whether a token is kept.
    HubAccount current();
    // A client for the active account with its token; NotSignedIn otherwise.
    HubExpected<std::unique_ptr<HubClient>> client();
    std::optional<QString> token();

private:
    HubExpected<HubAccount> finishSignIn(const QUrl& hubUrl, const QByteArray& answer);

    store::Cache& cache_;
    TokenStore& tokens_;
    int timeoutMs_;
};

} // namespace spoke::sync
