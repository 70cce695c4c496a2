// A live session's chat and raised hands (docs/hub-api.md, Live session):
// POST and GET /api/v1/sessions/{id}/chat, POST and GET .../hands. Every
// member of the session's programme may read and write them (Roles: every
// member sees its sessions); each write goes to the programme's event
// sockets at once, with its data.

#include "hub/api/HandlerSupport.h"

#include "hub/db/HubDatabase.h"

namespace spoke::hub::api {

namespace {

constexpr qsizetype kMaxChatChars = 2000;
// One page of GET /chat; a client asks again with the last id it got.
constexpr int kChatPageSize = 500;

constexpr const char* kMessageColumns = "m.id, m.session_id, m.account_id, u.display_name, m.role, m.text, m.sent_ms";

QJsonObject messageJson(const HubRow& row)
{
    return QJsonObject{
        {QStringLiteral("id"), double(row.integer(0))},
        {QStringLiteral("session_id"), double(row.integer(1))},
        {QStringLiteral("author"),
         QJsonObject{{QStringLiteral("id"), double(row.integer(2))}, {QStringLiteral("name"), row.text(3)}}},
        {QStringLiteral("role"), row.text(4)},
        {QStringLiteral("text"), row.text(5)},
        {QStringLiteral("sent_ms"), double(row.integer(6))},
    };
}

Expected<QString> parseChatText(const QJsonObject& body)
{
    FieldReader fields(body);
    const QString text = fields.string(QStringLiteral("text"), Router::kMaxBodyBytes).trimmed();
    if (!fields.ok())
        return fields.error();
    if (text.size() > kMaxChatChars)
        return badRequest(QStringLiteral("field \"text\" is longer than %1 characters").arg(kMaxChatChars));
    return text;
}

HttpResponse postChat(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    auto text = parseChatText(context.body);
    if (!text)
        return text.error().response();
    return idempotentWrite(context, [&]() -> WriteOutcome {
        const qint64 id = context.db.insert(
            QStringLiteral("INSERT INTO chat_messages (session_id, account_id, role, text, sent_ms) "
                           "VALUES (?, ?, ?, ?, ?)"),
            {QVariant::fromValue(session->id), QVariant::fromValue(context.principal->accountId),
             QString::fromLatin1(toString(session->role)), *text, QVariant::fromValue(context.nowMs)});
        const std::optional<HubRow> row = context.db.queryOne(
            QStringLiteral("SELECT %1 FROM chat_messages m JOIN accounts u ON u.id = m.account_id WHERE m.id = ?")
                .arg(QLatin1String(kMessageColumns)),
            {QVariant::fromValue(id)});
        const QJsonObject message = messageJson(*row);
        const QJsonObject event{{QStringLiteral("event"), QStringLiteral("chat")},
                                {QStringLiteral("session_id"), double(session->id)},
                                {QStringLiteral("message"), message}};
        // Chat is not part of sync (GET /chat replays it): no seq, cursor 0.
        return {HttpResponse::json(201, QJsonObject{{QStringLiteral("message"), message}}),
                {{session->programmeId, 0, event}}};
    });
}

HttpResponse listChat(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    const auto after = parseAfterId(context.request.query);
    if (!after)
        return after.error().response();
    const qint64 afterId = *after;
    const HubQueryResult result =
        context.db.exec(QStringLiteral("SELECT %1 FROM chat_messages m JOIN accounts u ON u.id = m.account_id "
                                       "WHERE m.session_id = ? AND m.id > ? ORDER BY m.id LIMIT %2")
                            .arg(QLatin1String(kMessageColumns))
                            .arg(kChatPageSize + 1),
                        {QVariant::fromValue(session->id), QVariant::fromValue(afterId)});
    QJsonArray messages;
    for (std::size_t i = 0; i < result.rows.size() && i < std::size_t(kChatPageSize); ++i)
        messages.append(messageJson(result.rows[i]));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("messages"), messages},
                                               {QStringLiteral("more"), result.rows.size() > kChatPageSize}});
}

// The hands up now, in the order they were raised: each account's latest
// hand event, when it is a raise.
QJsonArray raisedHands(HubDatabase& db, qint64 sessionId)
{
    const HubQueryResult result = db.exec(
        QStringLiteral("SELECT h.account_id, u.display_name, m.role, h.at_ms FROM hand_events h "
                       "JOIN accounts u ON u.id = h.account_id JOIN sessions s ON s.id = h.session_id "
                       "LEFT JOIN memberships m ON m.account_id = h.account_id AND m.programme_id = s.programme_id "
                       "WHERE h.session_id = ? AND h.raised = 1 AND h.id = (SELECT MAX(l.id) FROM hand_events l "
                       "WHERE l.session_id = h.session_id AND l.account_id = h.account_id) ORDER BY h.id"),
        {QVariant::fromValue(sessionId)});
    QJsonArray hands;
    for (const HubRow& row : result.rows)
        hands.append(QJsonObject{
            {QStringLiteral("account_id"), double(row.integer(0))},
            {QStringLiteral("name"), row.text(1)},
            {QStringLiteral("role"), row.optionalText(2) ? QJsonValue(*row.optionalText(2)) : QJsonValue()},
            {QStringLiteral("raised_ms"), double(row.integer(3))},
        });
    return hands;
}

struct HandRequest {
    qint64 accountId = 0;
    bool raised = false;
};

// Anyone raises or lowers their own hand; a chair may lower anyone's.
Expected<HandRequest> parseHand(const RequestContext& context, const SessionAccess& session)
{
    const QJsonValue raised = context.body.value(QStringLiteral("raised"));
    if (!raised.isBool())
        return badRequest(QStringLiteral("field \"raised\" must be true or false"));
    HandRequest request{context.principal->accountId, raised.toBool()};
    if (context.body.contains(QStringLiteral("account_id"))) {
        FieldReader fields(context.body);
        request.accountId = fields.integer(QStringLiteral("account_id"), 1, kMaxJsonInteger);
        if (!fields.ok())
            return fields.error();
    }
    if (request.accountId == context.principal->accountId)
        return request;
    if (request.raised)
        return forbidden(QStringLiteral("only its owner raises a hand"));
    if (!canReview(session.role))
        return forbidden(QStringLiteral("only the chair (a specialist or coordinator) lowers another's hand"));
    return request;
}

WriteOutcome changeHand(RequestContext& context, const SessionAccess& session, const HandRequest& request)
{
    HubDatabase& db = context.db;
    if (request.accountId != context.principal->accountId
        && !db.queryOne(QStringLiteral("SELECT 1 FROM memberships WHERE account_id = ? AND programme_id = ?"),
                        {QVariant::fromValue(request.accountId), QVariant::fromValue(session.programmeId)}))
        return {
            notFound(QStringLiteral("account %1 is not in this session's programme").arg(request.accountId)).response(),
            {}};
    const std::optional<HubRow> latest =
        db.queryOne(QStringLiteral("SELECT raised FROM hand_events WHERE session_id = ? AND account_id = ? "
                                   "ORDER BY id DESC LIMIT 1"),
                    {QVariant::fromValue(session.id), QVariant::fromValue(request.accountId)});
    const bool raisedNow = latest && latest->integer(0) == 1;
    // Raising a raised hand keeps its place in the queue; nothing changes.
    if (raisedNow == request.raised)
        return {HttpResponse::json(200, QJsonObject{{QStringLiteral("hands"), raisedHands(db, session.id)}}), {}};
    db.exec(QStringLiteral("INSERT INTO hand_events (session_id, account_id, raised, changed_by, at_ms) "
                           "VALUES (?, ?, ?, ?, ?)"),
            {QVariant::fromValue(session.id), QVariant::fromValue(request.accountId), request.raised ? 1 : 0,
             QVariant::fromValue(context.principal->accountId), QVariant::fromValue(context.nowMs)});
    const QJsonArray hands = raisedHands(db, session.id);
    const QJsonObject event{{QStringLiteral("event"), QStringLiteral("hands")},
                            {QStringLiteral("session_id"), double(session.id)},
                            {QStringLiteral("hands"), hands}};
    return {HttpResponse::json(200, QJsonObject{{QStringLiteral("hands"), hands}}), {{session.programmeId, 0, event}}};
}

HttpResponse postHand(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    auto request = parseHand(context, *session);
    if (!request)
        return request.error().response();
    return idempotentWrite(context, [&] { return changeHand(context, *session, *request); });
}

HttpResponse listHands(RequestContext& context)
{
    auto session = loadSession(context);
    if (!session)
        return session.error().response();
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("hands"), raisedHands(context.db, session->id)}});
}

} // namespace

void addChatRoutes(std::vector<Route>& routes)
{
    routes.push_back(
        {"POST", QStringLiteral("/api/v1/sessions/{id}/chat"), Access::SignedIn, BodyKind::JsonObject, postChat});
    routes.push_back({"GET", QStringLiteral("/api/v1/sessions/{id}/chat"), Access::SignedIn, BodyKind::None, listChat});
    routes.push_back(
        {"POST", QStringLiteral("/api/v1/sessions/{id}/hands"), Access::SignedIn, BodyKind::JsonObject, postHand});
    routes.push_back(
        {"GET", QStringLiteral("/api/v1/sessions/{id}/hands"), Access::SignedIn, BodyKind::None, listHands});
}

} // namespace spoke::hub::api
