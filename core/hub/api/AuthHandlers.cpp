// POST /api/v1/invites/redeem, POST /api/v1/auth/login,
// POST /api/v1/auth/logout, GET /api/v1/me (docs/hub-api.md, Endpoints).

#include "hub/api/HandlerSupport.h"

namespace spoke::hub::api {

namespace {

QJsonObject signedInJson(const SignedIn& signedIn)
{
    return QJsonObject{
        {QStringLiteral("token"), signedIn.token},
        {QStringLiteral("expires_ms"), double(signedIn.expiresMs)},
        {QStringLiteral("account"),
         accountJson(signedIn.account.id, signedIn.account.email, signedIn.account.displayName)},
    };
}

HttpResponse redeem(RequestContext& context)
{
    FieldReader fields(context.body);
    const QString code = fields.string(QStringLiteral("code"), 200);
    const QString email = fields.string(QStringLiteral("email"), Identity::kMaxEmailLength);
    const QString name = fields.string(QStringLiteral("name"), Identity::kMaxNameLength);
    const QString password = fields.string(QStringLiteral("password"), Identity::kMaxPasswordLength);
    if (!fields.ok())
        return fields.error().response();
    auto signedIn = context.identity.redeemInvite(code, email, name, password, context.nowMs);
    if (!signedIn)
        return identityErrorResponse(signedIn.error());
    return HttpResponse::json(201, signedInJson(*signedIn));
}

HttpResponse login(RequestContext& context)
{
    FieldReader fields(context.body);
    const QString email = fields.string(QStringLiteral("email"), Identity::kMaxEmailLength);
    const QString password = fields.string(QStringLiteral("password"), Identity::kMaxPasswordLength);
    if (!fields.ok())
        return fields.error().response();
    auto signedIn = context.identity.login(email, password, context.nowMs);
    if (!signedIn)
        return identityErrorResponse(signedIn.error());
    return HttpResponse::json(200, signedInJson(*signedIn));
}

HttpResponse logout(RequestContext& context)
{
    auto revoked = context.identity.logout(context.principal->tokenHash, context.nowMs);
    if (!revoked)
        return identityErrorResponse(revoked.error());
    return HttpResponse::noContent();
}

HttpResponse me(RequestContext& context)
{
    const Principal& caller = *context.principal;
    QJsonArray memberships;
    for (const Membership& membership : caller.memberships)
        memberships.append(QJsonObject{{QStringLiteral("programme"), programmeJson(membership)},
                                       {QStringLiteral("role"), QString::fromLatin1(toString(membership.role))}});
    return HttpResponse::json(
        200, QJsonObject{
                 {QStringLiteral("account"), accountJson(caller.accountId, caller.email, caller.displayName)},
                 {QStringLiteral("memberships"), memberships},
             });
}

} // namespace

void addAuthRoutes(std::vector<Route>& routes)
{
    routes.push_back({"POST", QStringLiteral("/api/v1/invites/redeem"), Access::Anyone, BodyKind::JsonObject, redeem,
                      Work::PasswordHashing});
    routes.push_back({"POST", QStringLiteral("/api/v1/auth/login"), Access::Anyone, BodyKind::JsonObject, login,
                      Work::PasswordHashing});
    routes.push_back({"POST", QStringLiteral("/api/v1/auth/logout"), Access::SignedIn, BodyKind::None, logout});
    routes.push_back({"GET", QStringLiteral("/api/v1/me"), Access::SignedIn, BodyKind::None, me});
}

} // namespace spoke::hub::api
