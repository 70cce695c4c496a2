#include "sync/LiveSessionClient.h"

#include "sync/HubProtocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace spoke::sync {

namespace {

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

QString LiveSessionClient::path(const char* tail) const
{
    return QStringLiteral("api/v1/sessions/%1/%2").arg(sessionId_).arg(QLatin1String(tail));
}

QString LiveSessionClient::newChatKey()
{
    return QStringLiteral("chat:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

HubExpected<HubChatMessage> LiveSessionClient::sendChat(const QString& text, const QString& idempotencyKey)
{
    auto body =
        client_.call("POST", path("chat"), compact(QJsonObject{{QStringLiteral("text"), text}}), idempotencyKey);
    if (!body)
        return body.error();
    return parseChatAnswer(*body);
}

HubExpected<HubChatPage> LiveSessionClient::fetchChat(std::int64_t afterId)
{
    auto body = client_.call("GET", path("chat") + QStringLiteral("?after=%1").arg(afterId));
    if (!body)
        return body.error();
    return parseChatPageAnswer(*body);
}

HubExpected<HubHands> LiveSessionClient::postHands(const QByteArray& request)
{
    auto body = client_.call("POST", path("hands"), request);
    if (!body)
        return body.error();
    return parseHandsAnswer(*body, sessionId_);
}

HubExpected<HubHands> LiveSessionClient::setMyHand(bool raised)
{
    return postHands(compact(QJsonObject{{QStringLiteral("raised"), raised}}));
}

HubExpected<HubHands> LiveSessionClient::lowerHandOf(std::int64_t accountId)
{
    return postHands(
        compact(QJsonObject{{QStringLiteral("account_id"), double(accountId)}, {QStringLiteral("raised"), false}}));
}

HubExpected<HubHands> LiveSessionClient::fetchHands()
{
    auto body = client_.call("GET", path("hands"));
    if (!body)
        return body.error();
    return parseHandsAnswer(*body, sessionId_);
}

HubExpected<HubAttendanceReport> LiveSessionClient::reportAttendance(AttendanceEvent event, const QString& deviceId,
                                                                     std::int64_t atMs)
{
    const QJsonObject request{
        {QStringLiteral("event"), event == AttendanceEvent::Join ? QStringLiteral("join") : QStringLiteral("leave")},
        {QStringLiteral("at_ms"), double(atMs)},
        {QStringLiteral("device_id"), deviceId},
    };
    auto body = client_.call("POST", path("attendance"), compact(request));
    if (!body)
        return body.error();
    return parseAttendanceReportAnswer(*body);
}

} // namespace spoke::sync
