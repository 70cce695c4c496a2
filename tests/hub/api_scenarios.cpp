#include "api_scenarios.h"

using spoke::hub::Role;

namespace spoke::test::scenarios {

namespace {

QJsonObject caseOf(const hub::api::RouteOutcome& outcome)
{
    return jsonOf(outcome.response).value(QStringLiteral("case")).toObject();
}

qint64 idOf(const QJsonObject& object)
{
    return qint64(object.value(QStringLiteral("id")).toDouble());
}

QString casePath(qint64 id, const QString& tail = {})
{
    return QStringLiteral("/api/v1/cases/%1%2").arg(id).arg(tail);
}

} // namespace

void statusCodes(ApiHub& hub)
{
    const qint64 programme = hub.addProgramme(QStringLiteral("Status codes"));
    const QString clinician = hub.member(programme, Role::Clinician, QStringLiteral("Achieng"));

    auto missing = hub.call("GET", QStringLiteral("/api/v1/nothing-here"), clinician);
    CHECK(missing.response.status == 404);
    CHECK(errorCode(missing.response) == QLatin1String("not_found"));
    CHECK(missing.route == QLatin1String("unmatched"));

    auto wrongMethod = hub.call("DELETE", QStringLiteral("/api/v1/me"), clinician);
    CHECK(wrongMethod.response.status == 405);
    CHECK(errorCode(wrongMethod.response) == QLatin1String("method_not_allowed"));
    REQUIRE(wrongMethod.response.headers.size() == 1);
    CHECK(wrongMethod.response.headers.front().second == "GET");

    auto malformed = hub.call("POST", QStringLiteral("/api/v1/auth/login"), {}, "{\"email\": \"a@b.example\",");
    CHECK(malformed.response.status == 400);
    CHECK(errorCode(malformed.response) == QLatin1String("bad_json"));

    auto notAnObject = hub.call("POST", QStringLiteral("/api/v1/auth/login"), {}, "[1, 2]");
    CHECK(notAnObject.response.status == 400);
    CHECK(errorCode(notAnObject.response) == QLatin1String("bad_json"));

    auto wrongType = hub.call("POST", QStringLiteral("/api/v1/auth/login"), {},
                              ApiHub::json({{"email", 5}, {"password", QStringLiteral("x")}}));
    CHECK(wrongType.response.status == 400);
    CHECK(errorCode(wrongType.response) == QLatin1String("bad_request"));
    CHECK(jsonOf(wrongType.response)
              .value(QStringLiteral("error"))
              .toObject()
              .value(QStringLiteral("message"))
              .toString()
              .contains(QLatin1String("\"email\"")));

    const QByteArray huge(hub::api::Router::kMaxBodyBytes + 1, ' ');
    auto tooLarge = hub.call("POST", QStringLiteral("/api/v1/cases"), clinician, huge);
    CHECK(tooLarge.response.status == 413);
    CHECK(errorCode(tooLarge.response) == QLatin1String("too_large"));

    auto badId = hub.call("GET", QStringLiteral("/api/v1/cases/-1"), clinician);
    CHECK(badId.response.status == 400);
    auto noCase = hub.call("GET", QStringLiteral("/api/v1/cases/987654321"), clinician);
    CHECK(noCase.response.status == 404);
}

void tokens(ApiHub& hub)
{
    const qint64 programme = hub.addProgramme(QStringLiteral("Tokens"));
    const QString token = hub.member(programme, Role::Clinician, QStringLiteral("Wanjiru"));

    CHECK(hub.call("GET", QStringLiteral("/api/v1/me")).response.status == 401);
    CHECK(hub.call("GET", QStringLiteral("/api/v1/me"), QStringLiteral("not-a-token")).response.status == 401);
    CHECK(errorCode(hub.call("GET", QStringLiteral("/api/v1/sync"), QString(43, u'A')).response)
          == QLatin1String("unauthenticated"));

    auto me = hub.call("GET", QStringLiteral("/api/v1/me"), token);
    REQUIRE(me.response.status == 200);
    const QJsonArray memberships = jsonOf(me.response).value(QStringLiteral("memberships")).toArray();
    REQUIRE(memberships.size() == 1);
    CHECK(memberships[0].toObject().value(QStringLiteral("role")).toString() == QLatin1String("clinician"));
    CHECK(me.accountId.has_value());

    // Expired: 30 days after issue.
    const qint64 issued = hub.nowMs;
    hub.nowMs = issued + 31LL * 86'400'000;
    CHECK(hub.call("GET", QStringLiteral("/api/v1/me"), token).response.status == 401);
    hub.nowMs = issued;

    // Revoked by logout.
    auto login = hub.call("POST", QStringLiteral("/api/v1/auth/login"), {},
                          ApiHub::json({{"email", QStringLiteral("wanjiru.%1@clinic.example").arg(hub.prefix())},
                                        {"password", QStringLiteral("correct horse battery")}}));
    REQUIRE(login.response.status == 200);
    const QString second = jsonOf(login.response).value(QStringLiteral("token")).toString();
    CHECK(hub.call("POST", QStringLiteral("/api/v1/auth/logout"), second).response.status == 204);
    CHECK(hub.call("GET", QStringLiteral("/api/v1/me"), second).response.status == 401);
    CHECK(hub.call("GET", QStringLiteral("/api/v1/me"), token).response.status == 200);

    auto wrongPassword =
        hub.call("POST", QStringLiteral("/api/v1/auth/login"), {},
                 ApiHub::json({{"email", QStringLiteral("wanjiru.%1@clinic.example").arg(hub.prefix())},
                               {"password", QStringLiteral("not the password")}}));
    CHECK(wrongPassword.response.status == 401);
}

void gateRefusesIdentifiers(ApiHub& hub)
{
    const qint64 programme = hub.addProgramme(QStringLiteral("Gate"));
    const QString clinician = hub.member(programme, Role::Clinician, QStringLiteral("Otieno"));
    const qint64 casesBefore = hub.countRows(QStringLiteral("cases"));
    const qint64 keysBefore = hub.countRows(QStringLiteral("idempotency"));

    auto refused = hub.call("POST", QStringLiteral("/api/v1/cases"), clinician, phiCase(),
                            {{"idempotency-key", "case:ECHO-TB-X102:rev1"}});
    REQUIRE(refused.response.status == 422);
    CHECK(errorCode(refused.response) == QLatin1String("findings"));
    const QJsonArray findings = jsonOf(refused.response).value(QStringLiteral("findings")).toArray();
    REQUIRE_FALSE(findings.isEmpty());
    QStringList categories;
    for (const auto& value : findings) {
        const QJsonObject finding = value.toObject();
        CHECK(finding.keys() == QStringList{"category", "end", "path", "reason", "start"});
        CHECK(finding.value(QStringLiteral("end")).toInt() > finding.value(QStringLiteral("start")).toInt());
        categories.append(finding.value(QStringLiteral("category")).toString());
    }
    CHECK(categories.contains(QStringLiteral("A"))); // names
    CHECK(categories.contains(QStringLiteral("D"))); // telephone numbers
    // The answer says where and why, never what.
    CHECK_FALSE(refused.response.body.contains("Banda"));
    CHECK_FALSE(refused.response.body.contains("Otieno"));
    CHECK_FALSE(refused.response.body.contains("345"));
    CHECK(refused.changes.empty());
    CHECK(hub.countRows(QStringLiteral("cases")) == casesBefore);
    CHECK(hub.countRows(QStringLiteral("idempotency")) == keysBefore);

    // A form that does not validate is 422 invalid_case, also unstored.
    QJsonObject invalid = QJsonDocument::fromJson(cleanCase(QStringLiteral("ECHO-TB-X103"))).object();
    invalid.insert(QStringLiteral("patient"), QStringLiteral("not an object"));
    auto invalidCase = hub.call("POST", QStringLiteral("/api/v1/cases"), clinician,
                                QJsonDocument(invalid).toJson(QJsonDocument::Compact));
    CHECK(invalidCase.response.status == 422);
    CHECK(errorCode(invalidCase.response) == QLatin1String("invalid_case"));
    CHECK(hub.countRows(QStringLiteral("cases")) == casesBefore);
}

void idempotentSubmission(ApiHub& hub)
{
    const qint64 programme = hub.addProgramme(QStringLiteral("Idempotency"));
    const QString clinician = hub.member(programme, Role::Clinician, QStringLiteral("Njeri"));
    const qint64 casesBefore = hub.countRows(QStringLiteral("cases"));
    const QMap<QByteArray, QByteArray> key{{"idempotency-key", "case:ECHO-TB-X200:rev1"}};

    auto first = hub.call("POST", QStringLiteral("/api/v1/cases"), clinician, cleanCase("ECHO-TB-X200"), key);
    REQUIRE(first.response.status == 201);
    const QJsonObject created = caseOf(first);
    CHECK(created.value(QStringLiteral("status")).toString() == QLatin1String("submitted"));
    CHECK(created.value(QStringLiteral("mine")).toBool());
    CHECK(created.value(QStringLiteral("title")).toString().startsWith(QLatin1String("Smear-positive at month 2")));
    REQUIRE(first.changes.size() == 1);
    CHECK(first.changes.front().programmeId == programme);

    auto replay = hub.call("POST", QStringLiteral("/api/v1/cases"), clinician, cleanCase("ECHO-TB-X200"), key);
    CHECK(replay.response.status == 201);
    CHECK(replay.response.body == first.response.body);
    CHECK(replay.changes.empty());
    CHECK(hub.countRows(QStringLiteral("cases")) == casesBefore + 1);

    // The same case under another key is a second submission: refused.
    auto twice = hub.call("POST", QStringLiteral("/api/v1/cases"), clinician, cleanCase("ECHO-TB-X200"),
                          {{"idempotency-key", "case:ECHO-TB-X200:rev2"}});
    CHECK(twice.response.status == 409);
    CHECK(hub.countRows(QStringLiteral("cases")) == casesBefore + 1);

    auto badKey = hub.call("POST", QStringLiteral("/api/v1/cases"), clinician, cleanCase("ECHO-TB-X201"),
                           {{"idempotency-key", QByteArray(201, 'k')}});
    CHECK(badKey.response.status == 400);
}

void visibility(ApiHub& hub)
{
    const qint64 programme = hub.addProgramme(QStringLiteral("Visibility"));
    const qint64 other = hub.addProgramme(QStringLiteral("Elsewhere"));
    const QString author = hub.member(programme, Role::Clinician, QStringLiteral("Author"));
    const QString colleague = hub.member(programme, Role::Clinician, QStringLiteral("Colleague"));
    const QString specialist = hub.member(programme, Role::Specialist, QStringLiteral("Specialist"));
    const QString coordinator = hub.member(programme, Role::Coordinator, QStringLiteral("Coordinator"));
    const QString trainee = hub.member(programme, Role::Trainee, QStringLiteral("Trainee"));
    const QString outsider = hub.member(other, Role::Coordinator, QStringLiteral("Outsider"));
    const qint64 session = hub.addSession(programme, QStringLiteral("Week 9"));

    auto submitted = hub.call("POST", QStringLiteral("/api/v1/cases"), author, cleanCase("ECHO-TB-X300"));
    REQUIRE(submitted.response.status == 201);
    const qint64 caseId = idOf(caseOf(submitted));

    CHECK(hub.call("GET", casePath(caseId), author).response.status == 200);
    auto asSpecialist = hub.call("GET", casePath(caseId), specialist);
    REQUIRE(asSpecialist.response.status == 200);
    CHECK(caseOf(asSpecialist).value(QStringLiteral("body")).toObject().value(QStringLiteral("case_id")).toString()
          == QLatin1String("ECHO-TB-X300"));
    CHECK_FALSE(caseOf(asSpecialist).value(QStringLiteral("mine")).toBool());
    CHECK(hub.call("GET", casePath(caseId), colleague).response.status == 403);
    CHECK(hub.call("GET", casePath(caseId), trainee).response.status == 403);
    auto foreign = hub.call("GET", casePath(caseId), outsider);
    CHECK(foreign.response.status == 403);
    CHECK(errorCode(foreign.response) == QLatin1String("forbidden"));

    // Roles: trainees submit nothing, only coordinators schedule, clinicians
    // have no review queue.
    CHECK(hub.call("POST", QStringLiteral("/api/v1/cases"), trainee, cleanCase("ECHO-TB-X301")).response.status == 403);
    CHECK(hub.call("POST", casePath(caseId, "/schedule"), specialist, ApiHub::json({{"session_id", session}}))
              .response.status
          == 403);
    CHECK(hub.call("GET", QStringLiteral("/api/v1/review/queue"), author).response.status == 403);
    CHECK(hub.call("GET", QStringLiteral("/api/v1/review/queue?programme=%1").arg(programme), outsider).response.status
          == 403);
    CHECK(hub.call("GET", QStringLiteral("/api/v1/sessions?programme=%1").arg(programme), outsider).response.status
          == 403);

    // Scheduled into a session the colleague registers for: now visible,
    // without being theirs.
    REQUIRE(hub.call("POST", casePath(caseId, "/schedule"), coordinator, ApiHub::json({{"session_id", session}}))
                .response.status
            == 200);
    CHECK(hub.call("GET", casePath(caseId), colleague).response.status == 403);
    auto registered = hub.call("POST", QStringLiteral("/api/v1/sessions/%1/attendance").arg(session), colleague);
    REQUIRE(registered.response.status == 200);
    auto again = hub.call("POST", QStringLiteral("/api/v1/sessions/%1/attendance").arg(session), colleague);
    CHECK(again.response.body == registered.response.body);
    CHECK(again.changes.empty());
    auto asAttendee = hub.call("GET", casePath(caseId), colleague);
    REQUIRE(asAttendee.response.status == 200);
    CHECK_FALSE(caseOf(asAttendee).value(QStringLiteral("mine")).toBool());
    CHECK(hub.call("POST", QStringLiteral("/api/v1/sessions/%1/attendance").arg(session), outsider).response.status
          == 403);

    auto sessions = hub.call("GET", QStringLiteral("/api/v1/sessions"), trainee);
    REQUIRE(sessions.response.status == 200);
    CHECK(jsonOf(sessions.response).value(QStringLiteral("sessions")).toArray().size() == 1);
}

void lifecycle(ApiHub& hub)
{
    const qint64 programme = hub.addProgramme(QStringLiteral("Lifecycle"));
    const QString clinician = hub.member(programme, Role::Clinician, QStringLiteral("Presenter"));
    const QString specialist = hub.member(programme, Role::Specialist, QStringLiteral("Dr Reviewer"));
    const QString coordinator = hub.member(programme, Role::Coordinator, QStringLiteral("Coordinator"));
    const qint64 session = hub.addSession(programme, QStringLiteral("Week 10"));

    auto submitted = hub.call("POST", QStringLiteral("/api/v1/cases"), clinician, cleanCase("ECHO-TB-X400"));
    REQUIRE(submitted.response.status == 201);
    const qint64 caseId = idOf(caseOf(submitted));
    auto queue = hub.call("GET", QStringLiteral("/api/v1/review/queue"), specialist);
    REQUIRE(queue.response.status == 200);
    CHECK(jsonOf(queue.response).value(QStringLiteral("cases")).toArray().size() == 1);

    auto returned = hub.call("POST", casePath(caseId, "/return"), specialist,
                             ApiHub::json({{"question", QStringLiteral("What was the HbA1c at diagnosis?")}}));
    REQUIRE(returned.response.status == 200);
    CHECK(caseOf(returned).value(QStringLiteral("status")).toString() == QLatin1String("returned"));
    CHECK(caseOf(returned).value(QStringLiteral("question")).toString().startsWith(QLatin1String("What was")));
    CHECK(hub.call("POST", casePath(caseId, "/recommendations"), specialist,
                   ApiHub::json({{"text", QStringLiteral("Too early.")}}))
              .response.status
          == 409);
    CHECK(hub.call("POST", casePath(caseId, "/presented"), coordinator).response.status == 409);

    auto resubmitted = hub.call("POST", QStringLiteral("/api/v1/cases"), clinician, cleanCase("ECHO-TB-X400"));
    REQUIRE(resubmitted.response.status == 201);
    CHECK(idOf(caseOf(resubmitted)) == caseId);
    CHECK(caseOf(resubmitted).value(QStringLiteral("status")).toString() == QLatin1String("submitted"));
    CHECK(caseOf(resubmitted).value(QStringLiteral("question")).isNull());

    auto scheduled =
        hub.call("POST", casePath(caseId, "/schedule"), coordinator, ApiHub::json({{"session_id", session}}));
    REQUIRE(scheduled.response.status == 200);
    CHECK(caseOf(scheduled).value(QStringLiteral("session_id")).toDouble() == double(session));
    CHECK(hub.call("POST", casePath(caseId, "/schedule"), coordinator, ApiHub::json({{"session_id", 987654}}))
              .response.status
          == 400);
    auto presented = hub.call("POST", casePath(caseId, "/presented"), specialist);
    REQUIRE(presented.response.status == 200);
    CHECK(caseOf(presented).value(QStringLiteral("status")).toString() == QLatin1String("presented"));

    CHECK(hub.call("POST", casePath(caseId, "/recommendations"), specialist,
                   ApiHub::json({{"items", QJsonArray{}}, {"text", QStringLiteral("  ")}}))
              .response.status
          == 400);
    auto recommended =
        hub.call("POST", casePath(caseId, "/recommendations"), specialist,
                 ApiHub::json({{"items", QJsonArray{QStringLiteral("Extend the intensive phase by 4 weeks."),
                                                    QStringLiteral("Aim for HbA1c below 8%.")}},
                               {"text", QStringLiteral("Repeat smear at month 3.")}}));
    REQUIRE(recommended.response.status == 201);
    CHECK(caseOf(recommended).value(QStringLiteral("status")).toString() == QLatin1String("recommendations_sent"));
    const QJsonObject recommendation = jsonOf(recommended.response).value(QStringLiteral("recommendation")).toObject();
    CHECK(recommendation.value(QStringLiteral("items")).toArray().size() == 2);
    CHECK(recommendation.value(QStringLiteral("author")).toObject().value(QStringLiteral("name")).toString()
          == QLatin1String("Dr Reviewer"));

    auto detail = hub.call("GET", casePath(caseId), clinician);
    REQUIRE(detail.response.status == 200);
    CHECK(caseOf(detail).value(QStringLiteral("recommendations")).toArray().size() == 1);
    CHECK(jsonOf(hub.call("GET", QStringLiteral("/api/v1/review/queue"), specialist).response)
              .value(QStringLiteral("cases"))
              .toArray()
              .isEmpty());
    CHECK(hub.call("POST", casePath(caseId, "/return"), specialist, ApiHub::json({{"question", QStringLiteral("?")}}))
              .response.status
          == 409);
    CHECK(hub.call("POST", QStringLiteral("/api/v1/cases"), clinician, cleanCase("ECHO-TB-X400")).response.status
          == 409);
}

void syncCursor(ApiHub& hub)
{
    const qint64 programme = hub.addProgramme(QStringLiteral("Sync"));
    const qint64 other = hub.addProgramme(QStringLiteral("Not mine"));
    const QString clinician = hub.member(programme, Role::Clinician, QStringLiteral("Syncer"));
    const QString attendee = hub.member(programme, Role::Clinician, QStringLiteral("Attendee"));
    const QString specialist = hub.member(programme, Role::Specialist, QStringLiteral("Specialist"));
    const QString coordinator = hub.member(programme, Role::Coordinator, QStringLiteral("Coordinator"));
    const QString stranger = hub.member(other, Role::Clinician, QStringLiteral("Stranger"));
    const qint64 session = hub.addSession(programme, QStringLiteral("Week 11"));
    hub.addSession(other, QStringLiteral("Their week"));
    const qint64 caseId =
        idOf(caseOf(hub.call("POST", QStringLiteral("/api/v1/cases"), clinician, cleanCase("ECHO-TB-X500"))));
    hub.call("POST", QStringLiteral("/api/v1/cases"), stranger, cleanCase("ECHO-TB-X501"));
    REQUIRE(hub.call("POST", casePath(caseId, "/schedule"), coordinator, ApiHub::json({{"session_id", session}}))
                .response.status
            == 200);

    auto all = hub.call("GET", QStringLiteral("/api/v1/sync?since=0"), clinician);
    REQUIRE(all.response.status == 200);
    const QJsonObject first = jsonOf(all.response);
    const qint64 cursor = qint64(first.value(QStringLiteral("cursor")).toDouble());
    CHECK(cursor > 0);
    CHECK(first.value(QStringLiteral("programmes")).toArray().size() == 1);
    CHECK(first.value(QStringLiteral("sessions")).toArray().size() == 1);
    REQUIRE(first.value(QStringLiteral("cases")).toArray().size() == 1);
    CHECK(idOf(first.value(QStringLiteral("cases")).toArray()[0].toObject()) == caseId);

    auto nothing = hub.call("GET", QStringLiteral("/api/v1/sync?since=%1").arg(cursor), clinician);
    const QJsonObject empty = jsonOf(nothing.response);
    CHECK(qint64(empty.value(QStringLiteral("cursor")).toDouble()) == cursor);
    for (const char* list : {"sessions", "cases", "recommendations", "attendance"})
        CHECK(empty.value(QString::fromLatin1(list)).toArray().isEmpty());

    auto recommended = hub.call("POST", casePath(caseId, "/recommendations"), specialist,
                                ApiHub::json({{"items", QJsonArray{QStringLiteral("Switch to 4HR.")}}}));
    REQUIRE(recommended.response.status == 201);
    REQUIRE(recommended.changes.size() == 1);
    CHECK(recommended.changes.front().cursor > cursor);
    auto after = jsonOf(hub.call("GET", QStringLiteral("/api/v1/sync?since=%1").arg(cursor), clinician).response);
    REQUIRE(after.value(QStringLiteral("cases")).toArray().size() == 1);
    CHECK(after.value(QStringLiteral("cases")).toArray()[0].toObject().value(QStringLiteral("status")).toString()
          == QLatin1String("recommendations_sent"));
    CHECK(after.value(QStringLiteral("recommendations")).toArray().size() == 1);
    CHECK(qint64(after.value(QStringLiteral("cursor")).toDouble()) == recommended.changes.front().cursor);

    // The attendee's cursor passes the case before it is visible to them;
    // registering for its session later brings it in.
    const qint64 before = qint64(jsonOf(hub.call("GET", QStringLiteral("/api/v1/sync"), attendee).response)
                                     .value(QStringLiteral("cursor"))
                                     .toDouble());
    REQUIRE(hub.call("POST", QStringLiteral("/api/v1/sessions/%1/attendance").arg(session), attendee).response.status
            == 200);
    auto late = jsonOf(hub.call("GET", QStringLiteral("/api/v1/sync?since=%1").arg(before), attendee).response);
    CHECK(late.value(QStringLiteral("attendance")).toArray().size() == 1);
    REQUIRE(late.value(QStringLiteral("cases")).toArray().size() == 1);
    CHECK_FALSE(late.value(QStringLiteral("cases")).toArray()[0].toObject().value(QStringLiteral("mine")).toBool());
    CHECK(late.value(QStringLiteral("recommendations")).toArray().size() == 1);

    CHECK(hub.call("GET", QStringLiteral("/api/v1/sync?since=-4"), clinician).response.status == 400);
    CHECK(hub.call("GET", QStringLiteral("/api/v1/sync?since=abc"), clinician).response.status == 400);
}

void joinSecondProgramme(ApiHub& hub)
{
    const qint64 first = hub.addProgramme(QStringLiteral("First"));
    const qint64 second = hub.addProgramme(QStringLiteral("Second"));
    const QString clinician = hub.member(first, Role::Clinician, QStringLiteral("Joiner"));
    const QString reviewer = hub.member(first, Role::Clinician, QStringLiteral("Later specialist"));
    const QString local = hub.member(second, Role::Clinician, QStringLiteral("Local"));
    const QString coordinator = hub.member(second, Role::Coordinator, QStringLiteral("Second coordinator"));
    const qint64 session = hub.addSession(second, QStringLiteral("Second week 1"));
    hub.addSession(second, QStringLiteral("Second week 2"));
    const qint64 caseId =
        idOf(caseOf(hub.call("POST", QStringLiteral("/api/v1/cases"), local, cleanCase("ECHO-TB-X600"))));
    REQUIRE(hub.call("POST", casePath(caseId, "/schedule"), coordinator, ApiHub::json({{"session_id", session}}))
                .response.status
            == 200);
    REQUIRE(hub.call("POST", casePath(caseId, "/recommendations"), coordinator,
                     ApiHub::json({{"items", QJsonArray{QStringLiteral("Repeat the sputum culture.")}}}))
                .response.status
            == 201);

    // Both are synced past every row of the second programme...
    const auto cursorOf = [](const QJsonObject& pull) {
        return qint64(pull.value(QStringLiteral("cursor")).toDouble());
    };
    const qint64 clinicianCursor =
        cursorOf(jsonOf(hub.call("GET", QStringLiteral("/api/v1/sync"), clinician).response));
    const qint64 reviewerCursor = cursorOf(jsonOf(hub.call("GET", QStringLiteral("/api/v1/sync"), reviewer).response));

    // ...then join it: the next pull brings it whole, as each role sees it.
    hub.join(clinician, second, Role::Clinician);
    const QJsonObject joined =
        jsonOf(hub.call("GET", QStringLiteral("/api/v1/sync?since=%1").arg(clinicianCursor), clinician).response);
    CHECK(joined.value(QStringLiteral("programmes")).toArray().size() == 2);
    const QJsonArray sessions = joined.value(QStringLiteral("sessions")).toArray();
    REQUIRE(sessions.size() == 2);
    for (const QJsonValue& pulled : sessions)
        CHECK(qint64(pulled.toObject().value(QStringLiteral("programme_id")).toDouble()) == second);
    CHECK(joined.value(QStringLiteral("cases")).toArray().isEmpty()); // not theirs, no attendance
    CHECK(joined.value(QStringLiteral("recommendations")).toArray().isEmpty());

    hub.join(reviewer, second, Role::Specialist);
    const QJsonObject reviewed =
        jsonOf(hub.call("GET", QStringLiteral("/api/v1/sync?since=%1").arg(reviewerCursor), reviewer).response);
    CHECK(reviewed.value(QStringLiteral("sessions")).toArray().size() == 2);
    REQUIRE(reviewed.value(QStringLiteral("cases")).toArray().size() == 1);
    CHECK(idOf(reviewed.value(QStringLiteral("cases")).toArray()[0].toObject()) == caseId);
    CHECK(reviewed.value(QStringLiteral("recommendations")).toArray().size() == 1);

    // Sent once: the pull after that brings nothing again.
    const QJsonObject again =
        jsonOf(hub.call("GET", QStringLiteral("/api/v1/sync?since=%1").arg(cursorOf(joined)), clinician).response);
    for (const char* list : {"sessions", "cases", "recommendations", "attendance"})
        CHECK(again.value(QString::fromLatin1(list)).toArray().isEmpty());
    CHECK(again.value(QStringLiteral("programmes")).toArray().size() == 2);
}

} // namespace spoke::test::scenarios
