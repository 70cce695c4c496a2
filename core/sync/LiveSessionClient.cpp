#include "sync/LiveSessionClient.h"

#include "sync/HubProtocol.h"

#include <QJsonArray>
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

HubExpected<HubAgenda> LiveSessionClient::postAdvance(const QByteArray& request)
{
    auto body = client_.call("POST", path("agenda/advance"), request);
    if (!body)
        return body.error();
    return parseSessionAnswer(*body);
}

HubExpected<HubAgenda> LiveSessionClient::startAgendaItem(std::int64_t itemId)
{
    return postAdvance(compact(QJsonObject{{QStringLiteral("item_id"), double(itemId)}}));
}

HubExpected<HubAgenda> LiveSessionClient::endSession()
{
    return postAdvance(compact(QJsonObject{{QStringLiteral("end"), true}}));
}

HubExpected<HubAgenda> LiveSessionClient::fetchAgenda()
{
    auto body = client_.call("GET", QStringLiteral("api/v1/sessions"));
    if (!body)
        return body.error();
    auto sessions = parseSessionsAnswer(*body);
    if (!sessions)
        return sessions.error();
    for (const HubAgenda& agenda : *sessions)
        if (agenda.sessionId == sessionId_)
            return agenda;
    return SyncError{SyncErrorKind::NotFound, 404, {}, QStringLiteral("session not among the caller's")};
}

HubExpected<QStringList> LiveSessionClient::attestPresent(const QStringList& names, std::int64_t attestingAccountId)
{
    QJsonArray present;
    for (const QString& name : names)
        present.append(QJsonObject{{QStringLiteral("name"), name}});
    const QJsonObject request{{QStringLiteral("present"), present},
                              {QStringLiteral("attested_by"), double(attestingAccountId)}};
    auto body = client_.call("POST", path("attendance"), compact(request));
    if (!body)
        return body.error();
    return parseAttestedAnswer(*body);
}

HubExpected<QList<HubCase>> LiveSessionClient::fetchSessionCases()
{
    auto body = client_.call("GET", QStringLiteral("api/v1/review/queue"));
    if (!body)
        return body.error();
    auto queue = parseQueueAnswer(*body);
    if (!queue)
        return queue.error();
    QList<HubCase> ours;
    for (const HubCase& c : *queue)
        if (c.sessionId == sessionId_)
            ours.append(c);
    return ours;
}

HubExpected<HubCaseDetail> LiveSessionClient::fetchCase(std::int64_t hubCaseId)
{
    auto body = client_.call("GET", QStringLiteral("api/v1/cases/%1").arg(hubCaseId));
    if (!body)
        return body.error();
    return parseCaseAnswer(*body);
}

HubExpected<HubModeration> LiveSessionClient::moderate(std::int64_t accountId, bool muteAudio)
{
    const QJsonObject request{{QStringLiteral("account_id"), double(accountId)},
                              {QStringLiteral("mute_audio"), muteAudio}};
    auto body = client_.call("POST", path("moderate"), compact(request));
    if (!body)
        return body.error();
    return parseModerationAnswer(*body, sessionId_);
}

HubExpected<HubRemoval> LiveSessionClient::remove(std::int64_t accountId)
{
    auto body =
        client_.call("POST", path("remove"), compact(QJsonObject{{QStringLiteral("account_id"), double(accountId)}}));
    if (!body)
        return body.error();
    return parseRemovalAnswer(*body, sessionId_);
}

HubExpected<HubCaseView> LiveSessionClient::showCaseSection(std::int64_t hubCaseId, const QString& section)
{
    const QJsonObject request{{QStringLiteral("case_id"), double(hubCaseId)}, {QStringLiteral("section"), section}};
    auto body = client_.call("POST", path("case-view"), compact(request));
    if (!body)
        return body.error();
    return parseCaseViewAnswer(*body);
}

HubExpected<HubMediaState> LiveSessionClient::reportMedia(bool audioMuted, bool videoOff, bool audioOnly)
{
    const QJsonObject request{{QStringLiteral("audio_muted"), audioMuted},
                              {QStringLiteral("video_off"), videoOff},
                              {QStringLiteral("audio_only"), audioOnly}};
    auto body = client_.call("POST", path("media"), compact(request));
    if (!body)
        return body.error();
    return parseMediaAnswer(*body, sessionId_);
}

HubExpected<QList<HubMediaState>> LiveSessionClient::fetchMedia()
{
    auto body = client_.call("GET", path("media"));
    if (!body)
        return body.error();
    return parseMediaListAnswer(*body, sessionId_);
}

} // namespace spoke::sync
