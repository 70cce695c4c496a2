// POST /sessions/{id}/case-view (docs/hub-api.md, Live session): who may
// lead the case panel, what is refused, and the stored row and event.

#include "api_live_media_scenarios.h"

using spoke::hub::Role;

namespace spoke::test::live {

namespace {

QString viewPath(qint64 sessionId)
{
    return QStringLiteral("/api/v1/sessions/%1/case-view").arg(sessionId);
}

hub::api::RouteOutcome view(ApiHub& hub, qint64 sessionId, const QString& token, qint64 caseId, const QString& section,
                            const QMap<QByteArray, QByteArray>& headers = {})
{
    return hub.call("POST", viewPath(sessionId), token,
                    ApiHub::json({{"case_id", double(caseId)}, {"section", section}}), headers);
}

qint64 submit(ApiHub& hub, const QString& token, const QString& code)
{
    const auto answer = hub.call("POST", QStringLiteral("/api/v1/cases"), token,
                                 cleanCase(QStringLiteral("ECHO-TB-%1%2").arg(hub.prefix().toUpper(), code)));
    REQUIRE(answer.response.status == 201);
    return qint64(
        jsonOf(answer.response).value(QStringLiteral("case")).toObject().value(QStringLiteral("id")).toDouble());
}

void bodyRefusals(ApiHub& hub, qint64 sessionId, const QString& presenter, qint64 caseId)
{
    const QString path = viewPath(sessionId);
    CHECK(hub.call("POST", path, presenter, ApiHub::json({{"case_id", double(caseId)}})).response.status == 400);
    CHECK(hub.call("POST", path, presenter, ApiHub::json({{"section", QStringLiteral("history")}})).response.status
          == 400);
    CHECK(view(hub, sessionId, presenter, caseId, QString()).response.status == 400);
    CHECK(view(hub, sessionId, presenter, caseId, QStringLiteral("history<script>")).response.status == 400);
    CHECK(view(hub, sessionId, presenter, caseId, QString(65, u'a')).response.status == 400);
    CHECK(view(hub, sessionId, presenter, 0, QStringLiteral("history")).response.status == 400);
    CHECK(hub.call("POST", path, presenter,
                   ApiHub::json({{"case_id", QStringLiteral("1")}, {"section", QStringLiteral("history")}}))
              .response.status
          == 400);
    CHECK(hub.call("POST", path, presenter, "[1]").response.status == 400);
    CHECK(hub.call("POST", QStringLiteral("/api/v1/sessions/abc/case-view"), presenter,
                   ApiHub::json({{"case_id", double(caseId)}, {"section", QStringLiteral("history")}}))
              .response.status
          == 400);
}

} // namespace

void caseViews(ApiHub& hub)
{
    const qint64 programme = hub.addProgramme(QStringLiteral("Case panel"));
    const QString chair = hub.member(programme, Role::Specialist, QStringLiteral("Dr Chair"));
    const QString presenter = hub.member(programme, Role::Clinician, QStringLiteral("Clinic Presenter"));
    const QString otherClinic = hub.member(programme, Role::Clinician, QStringLiteral("Clinic Other"));
    const QString trainee = hub.member(programme, Role::Trainee, QStringLiteral("Trainee Panel"));
    const qint64 elsewhere = hub.addProgramme(QStringLiteral("Case panel elsewhere"));
    const QString outsider = hub.member(elsewhere, Role::Clinician, QStringLiteral("Clinic Away"));
    const qint64 sessionId = hub.addSession(programme, QStringLiteral("Case week"));
    const qint64 caseId = submit(hub, presenter, QStringLiteral("CV1"));
    const qint64 foreignCase = submit(hub, outsider, QStringLiteral("CV2"));
    const qint64 rowsBefore = hub.countRows(QStringLiteral("case_views"));

    CHECK(view(hub, sessionId, {}, caseId, QStringLiteral("history")).response.status == 401);
    CHECK(view(hub, sessionId, outsider, caseId, QStringLiteral("history")).response.status == 403);
    CHECK(view(hub, 987654321, presenter, caseId, QStringLiteral("history")).response.status == 404);
    bodyRefusals(hub, sessionId, presenter, caseId);
    // A case of another programme, or none at all, is not in this session's panel.
    CHECK(view(hub, sessionId, chair, foreignCase, QStringLiteral("history")).response.status == 404);
    CHECK(view(hub, sessionId, chair, 987654321, QStringLiteral("history")).response.status == 404);
    // Members who neither chair nor present only follow.
    CHECK(view(hub, sessionId, trainee, caseId, QStringLiteral("history")).response.status == 403);
    CHECK(view(hub, sessionId, otherClinic, caseId, QStringLiteral("history")).response.status == 403);
    CHECK(hub.countRows(QStringLiteral("case_views")) == rowsBefore);
    // A trainee registered for the session reads the case once it is shown
    // in the panel, not before.
    const QString casePath = QStringLiteral("/api/v1/cases/%1").arg(caseId);
    REQUIRE(
        hub.call("POST", QStringLiteral("/api/v1/sessions/%1/attendance").arg(sessionId), trainee, "{}").response.status
        == 200);
    CHECK(hub.call("GET", casePath, trainee).response.status == 403);

    const QMap<QByteArray, QByteArray> key{{"idempotency-key", "view-1"}};
    const auto shown = view(hub, sessionId, presenter, caseId, QStringLiteral("investigations"), key);
    REQUIRE(shown.response.status == 201);
    const QJsonObject stored = jsonOf(shown.response).value(QStringLiteral("view")).toObject();
    CHECK(stored.value(QStringLiteral("section")).toString() == QLatin1String("investigations"));
    CHECK(qint64(stored.value(QStringLiteral("case_id")).toDouble()) == caseId);
    REQUIRE(shown.changes.size() == 1);
    CHECK(shown.changes[0].programmeId == programme);
    CHECK(shown.changes[0].cursor == 0);
    const QJsonObject event = shown.changes[0].event;
    CHECK(event.value(QStringLiteral("event")).toString() == QLatin1String("case_view"));
    CHECK(qint64(event.value(QStringLiteral("session_id")).toDouble()) == sessionId);
    CHECK(qint64(event.value(QStringLiteral("case_id")).toDouble()) == caseId);
    CHECK(event.value(QStringLiteral("section")).toString() == QLatin1String("investigations"));
    CHECK(qint64(event.value(QStringLiteral("at_ms")).toDouble()) == hub.nowMs);
    CHECK(qint64(event.value(QStringLiteral("by")).toObject().value(QStringLiteral("id")).toDouble())
          == hub.accountId(presenter));
    CHECK(event.value(QStringLiteral("by")).toObject().value(QStringLiteral("name")).toString()
          == QLatin1String("Clinic Presenter"));
    // A retry under the same key is the stored answer, not a second row.
    const auto retried = view(hub, sessionId, presenter, caseId, QStringLiteral("investigations"), key);
    CHECK(retried.response.status == 201);
    CHECK(jsonOf(retried.response).value(QStringLiteral("view")).toObject() == stored);
    CHECK(hub.countRows(QStringLiteral("case_views")) == rowsBefore + 1);
    CHECK(hub.call("GET", casePath, trainee).response.status == 200);
    CHECK(hub.call("GET", casePath, otherClinic).response.status == 403);

    // The chair leads any of the programme's cases.
    hub.nowMs += 2'000;
    const auto chaired = view(hub, sessionId, chair, caseId, QStringLiteral("history"));
    REQUIRE(chaired.response.status == 201);
    CHECK(chaired.changes[0].event.value(QStringLiteral("by")).toObject().value(QStringLiteral("name")).toString()
          == QLatin1String("Dr Chair"));
    const std::optional<hub::HubRow> latest = hub.db().queryOne(
        QStringLiteral(
            "SELECT section, by_account, at_ms FROM case_views WHERE session_id = ? ORDER BY id DESC LIMIT 1"),
        {QVariant::fromValue(sessionId)});
    REQUIRE(latest);
    CHECK(latest->text(0) == QLatin1String("history"));
    CHECK(latest->integer(1) == hub.accountId(chair));
    CHECK(latest->integer(2) == hub.nowMs);
    CHECK(hub.countRows(QStringLiteral("case_views")) == rowsBefore + 2);
}

} // namespace spoke::test::live
