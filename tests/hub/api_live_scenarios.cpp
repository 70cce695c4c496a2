#include "api_live_scenarios.h"

#include <QDateTime>

using spoke::hub::Role;

namespace spoke::test::live {

namespace {

constexpr qint64 kMinuteMs = 60'000;

QString sessionPath(qint64 id, const QString& tail)
{
    return QStringLiteral("/api/v1/sessions/%1%2").arg(id).arg(tail);
}

QString errorMessage(const hub::api::HttpResponse& response)
{
    return jsonOf(response).value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}

// The session as GET /sessions?programme= lists it.
QJsonObject listedSession(ApiHub& hub, const QString& token, qint64 programme, qint64 sessionId)
{
    const auto listed = hub.call("GET", QStringLiteral("/api/v1/sessions?programme=%1").arg(programme), token);
    REQUIRE(listed.response.status == 200);
    for (const auto& session : jsonOf(listed.response).value(QStringLiteral("sessions")).toArray())
        if (qint64(session.toObject().value(QStringLiteral("id")).toDouble()) == sessionId)
            return session.toObject();
    FAIL("session " << sessionId << " is not listed");
    return {};
}

qint64 itemId(const QJsonObject& session, int index)
{
    return qint64(
        session.value(QStringLiteral("agenda")).toArray().at(index).toObject().value(QStringLiteral("id")).toDouble());
}

QJsonObject item(const QJsonObject& session, int index)
{
    return session.value(QStringLiteral("agenda")).toArray().at(index).toObject();
}

hub::api::RouteOutcome advance(ApiHub& hub, qint64 sessionId, const QString& token, const QByteArray& body,
                               const QMap<QByteArray, QByteArray>& headers = {})
{
    return hub.call("POST", sessionPath(sessionId, QStringLiteral("/agenda/advance")), token, body, headers);
}

QByteArray startItem(qint64 id)
{
    return ApiHub::json({{"item_id", double(id)}});
}

void agendaRefusals(ApiHub& hub, qint64 sessionId, qint64 firstItem, const QString& clinician, const QString& outsider,
                    const QString& chair)
{
    CHECK(advance(hub, sessionId, {}, startItem(firstItem)).response.status == 401);
    CHECK(advance(hub, sessionId, clinician, startItem(firstItem)).response.status == 403);
    CHECK(advance(hub, sessionId, outsider, startItem(firstItem)).response.status == 403);
    CHECK(advance(hub, 987654321, chair, startItem(firstItem)).response.status == 404);
    CHECK(advance(hub, sessionId, chair, startItem(987654321)).response.status == 404);
    CHECK(advance(hub, sessionId, chair, "[]").response.status == 400);
    const auto empty = advance(hub, sessionId, chair, "{}");
    CHECK(empty.response.status == 400);
    CHECK(errorMessage(empty.response).contains(QLatin1String("item_id")));
    const auto wrongType = advance(hub, sessionId, chair, ApiHub::json({{"item_id", QStringLiteral("1")}}));
    CHECK(wrongType.response.status == 400);
    CHECK(errorMessage(wrongType.response).contains(QLatin1String("\"item_id\"")));
    CHECK(advance(hub, sessionId, chair, ApiHub::json({{"item_id", double(firstItem)}, {"end", true}})).response.status
          == 400);
    const auto endFalse = advance(hub, sessionId, chair, ApiHub::json({{"end", false}}));
    CHECK(endFalse.response.status == 400);
    CHECK(errorMessage(endFalse.response).contains(QLatin1String("\"end\"")));
    // Skipping the first item is refused: only the next one starts.
    CHECK(advance(hub, sessionId, chair, startItem(firstItem + 1)).response.status == 409);
}

} // namespace

void agenda(ApiHub& hub)
{
    const qint64 programme = hub.addProgramme(QStringLiteral("Agenda"));
    const QString coordinator = hub.member(programme, Role::Coordinator, QStringLiteral("Coordinator Agenda"));
    const QString specialist = hub.member(programme, Role::Specialist, QStringLiteral("Dr Agenda"));
    const QString clinician = hub.member(programme, Role::Clinician, QStringLiteral("Clinic Agenda"));
    const QString outsider =
        hub.member(hub.addProgramme(QStringLiteral("Elsewhere")), Role::Specialist, QStringLiteral("Dr Elsewhere"));
    const qint64 startsMs = hub.nowMs + kMinuteMs;
    const qint64 sessionId = hub.addLiveSession(programme, QStringLiteral("Week 1"), startsMs, 60,
                                                QStringLiteral("Didactic:15,Case 1:20,Case 2:20"));

    const QJsonObject planned = listedSession(hub, clinician, programme, sessionId);
    REQUIRE(planned.value(QStringLiteral("agenda")).toArray().size() == 3);
    CHECK(item(planned, 1).value(QStringLiteral("title")).toString() == QLatin1String("Case 1"));
    CHECK(item(planned, 1).value(QStringLiteral("planned_minutes")).toInt() == 20);
    CHECK(item(planned, 1).value(QStringLiteral("position")).toInt() == 2);
    CHECK(item(planned, 0).value(QStringLiteral("started_ms")).isNull());
    CHECK(planned.value(QStringLiteral("current_item_id")).isNull());
    CHECK(planned.value(QStringLiteral("ended_ms")).isNull());
    const qint64 first = itemId(planned, 0);
    agendaRefusals(hub, sessionId, first, clinician, outsider, specialist);

    const auto synced = hub.call("GET", QStringLiteral("/api/v1/sync?since=0"), clinician);
    const double cursorBefore = jsonOf(synced.response).value(QStringLiteral("cursor")).toDouble();

    hub.nowMs = startsMs;
    const auto started = advance(hub, sessionId, specialist, startItem(first));
    REQUIRE(started.response.status == 200);
    const QJsonObject running = jsonOf(started.response).value(QStringLiteral("session")).toObject();
    CHECK(qint64(running.value(QStringLiteral("current_item_id")).toDouble()) == first);
    CHECK(qint64(item(running, 0).value(QStringLiteral("started_ms")).toDouble()) == startsMs);
    CHECK(item(running, 0).value(QStringLiteral("started_by")).toObject().value(QStringLiteral("name")).toString()
          == QLatin1String("Dr Agenda"));
    CHECK(item(running, 0).value(QStringLiteral("ended_ms")).isNull());
    // One change with a cursor for sync, and the agenda event for the sockets.
    REQUIRE(started.changes.size() == 1);
    CHECK(started.changes[0].programmeId == programme);
    CHECK(started.changes[0].cursor > qint64(cursorBefore));
    CHECK(started.changes[0].event.value(QStringLiteral("event")).toString() == QLatin1String("agenda"));
    CHECK(started.changes[0].event.value(QStringLiteral("session")).toObject() == running);
    const auto pulled = hub.call("GET", QStringLiteral("/api/v1/sync?since=%1").arg(qint64(cursorBefore)), clinician);
    const QJsonArray pulledSessions = jsonOf(pulled.response).value(QStringLiteral("sessions")).toArray();
    REQUIRE(pulledSessions.size() == 1);
    CHECK(pulledSessions[0].toObject() == running);

    // A repeat of the same press is stale now, and so is skipping ahead.
    CHECK(advance(hub, sessionId, specialist, startItem(first)).response.status == 409);
    CHECK(advance(hub, sessionId, specialist, startItem(itemId(planned, 2))).response.status == 409);

    hub.nowMs = startsMs + 15 * kMinuteMs;
    const auto second = advance(hub, sessionId, coordinator, startItem(itemId(planned, 1)));
    REQUIRE(second.response.status == 200);
    const QJsonObject chapters = jsonOf(second.response).value(QStringLiteral("session")).toObject();
    CHECK(qint64(item(chapters, 0).value(QStringLiteral("ended_ms")).toDouble()) == startsMs + 15 * kMinuteMs);

    // A retried press with its Idempotency-Key replays; without it, 409.
    hub.nowMs = startsMs + 36 * kMinuteMs;
    const QMap<QByteArray, QByteArray> key{{"idempotency-key", "agenda:third"}};
    const auto third = advance(hub, sessionId, coordinator, startItem(itemId(planned, 2)), key);
    REQUIRE(third.response.status == 200);
    const auto replay = advance(hub, sessionId, coordinator, startItem(itemId(planned, 2)), key);
    CHECK(replay.response.status == 200);
    CHECK(replay.response.body == third.response.body);
    CHECK(replay.changes.empty());
    CHECK(advance(hub, sessionId, coordinator, startItem(itemId(planned, 2))).response.status == 409);

    hub.nowMs = startsMs + 58 * kMinuteMs;
    const auto ended = advance(hub, sessionId, specialist, ApiHub::json({{"end", true}}));
    REQUIRE(ended.response.status == 200);
    const QJsonObject over = jsonOf(ended.response).value(QStringLiteral("session")).toObject();
    CHECK(qint64(over.value(QStringLiteral("ended_ms")).toDouble()) == hub.nowMs);
    CHECK(over.value(QStringLiteral("current_item_id")).isNull());
    CHECK(qint64(item(over, 2).value(QStringLiteral("ended_ms")).toDouble()) == hub.nowMs);
    const auto again = advance(hub, sessionId, specialist, ApiHub::json({{"end", true}}));
    CHECK(again.response.status == 409);
    CHECK(errorMessage(again.response).contains(QLatin1String("over")));
    CHECK(listedSession(hub, clinician, programme, sessionId) == over);
}

void chat(ApiHub& hub)
{
    const qint64 programme = hub.addProgramme(QStringLiteral("Chat"));
    const QString specialist = hub.member(programme, Role::Specialist, QStringLiteral("Dr Chat"));
    const QString trainee = hub.member(programme, Role::Trainee, QStringLiteral("Trainee Chat"));
    const QString outsider =
        hub.member(hub.addProgramme(QStringLiteral("Not chat")), Role::Specialist, QStringLiteral("Dr Outside Chat"));
    const qint64 sessionId = hub.addLiveSession(programme, QStringLiteral("Chat week"), hub.nowMs, 60);
    const QString path = sessionPath(sessionId, QStringLiteral("/chat"));
    const auto say = [&](const QString& token, const QJsonValue& text,
                         const QMap<QByteArray, QByteArray>& headers = {}) {
        return hub.call("POST", path, token, ApiHub::json({{"text", text}}), headers);
    };

    const auto first = say(specialist, QStringLiteral("  Welcome, everyone.  "));
    REQUIRE(first.response.status == 201);
    const QJsonObject message = jsonOf(first.response).value(QStringLiteral("message")).toObject();
    CHECK(message.value(QStringLiteral("text")).toString() == QLatin1String("Welcome, everyone."));
    CHECK(message.value(QStringLiteral("role")).toString() == QLatin1String("specialist"));
    CHECK(message.value(QStringLiteral("author")).toObject().value(QStringLiteral("name")).toString()
          == QLatin1String("Dr Chat"));
    CHECK(qint64(message.value(QStringLiteral("sent_ms")).toDouble()) == hub.nowMs);
    REQUIRE(first.changes.size() == 1);
    CHECK(first.changes[0].cursor == 0);
    CHECK(first.changes[0].event.value(QStringLiteral("event")).toString() == QLatin1String("chat"));
    CHECK(first.changes[0].event.value(QStringLiteral("message")).toObject() == message);

    // A retry with the same Idempotency-Key stores nothing and sends nothing.
    hub.nowMs += 1000;
    const QMap<QByteArray, QByteArray> key{{"idempotency-key", "chat:question-1"}};
    const auto asked = say(trainee, QStringLiteral("Is the sputum smear enough?"), key);
    REQUIRE(asked.response.status == 201);
    const qint64 rowsAfterAsk = hub.countRows(QStringLiteral("chat_messages"));
    const auto retried = say(trainee, QStringLiteral("Is the sputum smear enough?"), key);
    CHECK(retried.response.status == 201);
    CHECK(retried.response.body == asked.response.body);
    CHECK(retried.changes.empty());
    CHECK(hub.countRows(QStringLiteral("chat_messages")) == rowsAfterAsk);

    const auto empty = say(trainee, QStringLiteral("   "));
    CHECK(empty.response.status == 400);
    CHECK(errorMessage(empty.response).contains(QLatin1String("\"text\"")));
    CHECK(say(trainee, QString(2001, u'a')).response.status == 400);
    CHECK(say(trainee, QStringLiteral("  %1  ").arg(QString(2000, u'a'))).response.status == 201);
    CHECK(say(trainee, 42).response.status == 400);
    // PostgreSQL cannot store U+0000: refused on both databases, never a 500.
    const auto nul = say(trainee, QStringLiteral("a%1b").arg(QChar(0)));
    CHECK(nul.response.status == 400);
    CHECK(errorMessage(nul.response).contains(QLatin1String("U+0000")));
    CHECK(say(outsider, QStringLiteral("hello")).response.status == 403);
    CHECK(say({}, QStringLiteral("hello")).response.status == 401);
    CHECK(hub.call("POST", sessionPath(987654321, QStringLiteral("/chat")), trainee,
                   ApiHub::json({{"text", QStringLiteral("hi")}}))
              .response.status
          == 404);

    const auto all = hub.call("GET", path, outsider);
    CHECK(all.response.status == 403);
    const auto replay = hub.call("GET", path, trainee);
    REQUIRE(replay.response.status == 200);
    const QJsonArray messages = jsonOf(replay.response).value(QStringLiteral("messages")).toArray();
    REQUIRE(messages.size() == 3);
    CHECK(messages[0].toObject() == message);
    CHECK(jsonOf(replay.response).value(QStringLiteral("more")).toBool() == false);
    const qint64 firstId = qint64(message.value(QStringLiteral("id")).toDouble());
    const auto after = hub.call("GET", path + QStringLiteral("?after=%1").arg(firstId), trainee);
    const QJsonArray later = jsonOf(after.response).value(QStringLiteral("messages")).toArray();
    REQUIRE(later.size() == 2);
    CHECK(later[0].toObject().value(QStringLiteral("text")).toString() == QLatin1String("Is the sputum smear enough?"));
    CHECK(hub.call("GET", path + QStringLiteral("?after=x"), trainee).response.status == 400);
}

void hands(ApiHub& hub)
{
    const qint64 programme = hub.addProgramme(QStringLiteral("Hands"));
    const QString chair = hub.member(programme, Role::Coordinator, QStringLiteral("Chair Hands"));
    const QString first = hub.member(programme, Role::Clinician, QStringLiteral("First Hand"));
    const QString second = hub.member(programme, Role::Trainee, QStringLiteral("Second Hand"));
    const QString outsider =
        hub.member(hub.addProgramme(QStringLiteral("No hands")), Role::Coordinator, QStringLiteral("Outside Hand"));
    const qint64 firstId = hub.accountId(first);
    const qint64 secondId = hub.accountId(second);
    const qint64 sessionId = hub.addLiveSession(programme, QStringLiteral("Hands week"), hub.nowMs, 60);
    const QString path = sessionPath(sessionId, QStringLiteral("/hands"));
    const auto hand = [&](const QString& token, const QByteArray& body) { return hub.call("POST", path, token, body); };
    const auto handIds = [](const QJsonObject& answer) {
        QList<qint64> ids;
        for (const auto& raised : answer.value(QStringLiteral("hands")).toArray())
            ids.append(qint64(raised.toObject().value(QStringLiteral("account_id")).toDouble()));
        return ids;
    };

    // The second raises first; raising again keeps the place in the queue.
    REQUIRE(hand(second, ApiHub::json({{"raised", true}})).response.status == 200);
    hub.nowMs += 500;
    const auto raised = hand(first, ApiHub::json({{"raised", true}}));
    REQUIRE(raised.response.status == 200);
    CHECK(handIds(jsonOf(raised.response)) == QList<qint64>{secondId, firstId});
    REQUIRE(raised.changes.size() == 1);
    CHECK(raised.changes[0].event.value(QStringLiteral("event")).toString() == QLatin1String("hands"));
    CHECK(handIds(raised.changes[0].event) == QList<qint64>{secondId, firstId});
    const auto again = hand(second, ApiHub::json({{"raised", true}}));
    CHECK(handIds(jsonOf(again.response)) == QList<qint64>{secondId, firstId});
    CHECK(again.changes.empty());

    const auto listed = hub.call("GET", path, chair);
    REQUIRE(listed.response.status == 200);
    const QJsonObject top = jsonOf(listed.response).value(QStringLiteral("hands")).toArray().at(0).toObject();
    CHECK(top.value(QStringLiteral("name")).toString() == QLatin1String("Second Hand"));
    CHECK(top.value(QStringLiteral("role")).toString() == QLatin1String("trainee"));
    CHECK(qint64(top.value(QStringLiteral("raised_ms")).toDouble()) == hub.nowMs - 500);

    // Only the chair lowers another's hand; nobody raises another's.
    CHECK(hand(first, ApiHub::json({{"account_id", double(secondId)}, {"raised", false}})).response.status == 403);
    CHECK(hand(chair, ApiHub::json({{"account_id", double(secondId)}, {"raised", true}})).response.status == 403);
    CHECK(hand(outsider, ApiHub::json({{"raised", true}})).response.status == 403);
    CHECK(hub.call("GET", path, outsider).response.status == 403);
    CHECK(hand(chair, ApiHub::json({{"account_id", 987654321.0}, {"raised", false}})).response.status == 404);
    const auto noRaised = hand(first, ApiHub::json({{"up", true}}));
    CHECK(noRaised.response.status == 400);
    CHECK(errorMessage(noRaised.response).contains(QLatin1String("\"raised\"")));
    const auto badAccount = hand(chair, ApiHub::json({{"account_id", QStringLiteral("2")}, {"raised", false}}));
    CHECK(badAccount.response.status == 400);
    CHECK(errorMessage(badAccount.response).contains(QLatin1String("\"account_id\"")));

    const auto lowered = hand(chair, ApiHub::json({{"account_id", double(secondId)}, {"raised", false}}));
    REQUIRE(lowered.response.status == 200);
    CHECK(handIds(jsonOf(lowered.response)) == QList<qint64>{firstId});
    // Raised again, the second goes to the back of the queue.
    CHECK(handIds(jsonOf(hand(second, ApiHub::json({{"raised", true}})).response)) == QList<qint64>{firstId, secondId});
    CHECK(handIds(jsonOf(hand(first, ApiHub::json({{"raised", false}})).response)) == QList<qint64>{secondId});
}

namespace {

hub::api::RouteOutcome presence(ApiHub& hub, qint64 sessionId, const QString& token, const char* event, qint64 atMs,
                                const QString& device = QStringLiteral("laptop-1"))
{
    return hub.call(
        "POST", sessionPath(sessionId, QStringLiteral("/attendance")), token,
        ApiHub::json({{"event", QString::fromLatin1(event)}, {"at_ms", double(atMs)}, {"device_id", device}}));
}

void attendanceRefusals(ApiHub& hub, qint64 sessionId, const QString& member, qint64 memberId, const QString& outsider)
{
    const QString path = sessionPath(sessionId, QStringLiteral("/attendance"));
    const auto post = [&](const QByteArray& body) { return hub.call("POST", path, member, body); };
    const auto fieldNamed = [&](const QByteArray& body, const char* field) {
        const auto answer = post(body);
        INFO(body.constData() << " -> " << answer.response.body.constData());
        CHECK(answer.response.status == 400);
        CHECK(errorMessage(answer.response).contains(QStringLiteral("\"%1").arg(QLatin1String(field))));
    };
    fieldNamed(ApiHub::json({{"event", QStringLiteral("arrive")}, {"at_ms", 1.0}, {"device_id", QStringLiteral("d")}}),
               "event");
    fieldNamed(ApiHub::json({{"event", QStringLiteral("join")}, {"at_ms", -1.0}, {"device_id", QStringLiteral("d")}}),
               "at_ms");
    fieldNamed(ApiHub::json({{"event", QStringLiteral("join")}, {"at_ms", 1.0}}), "device_id");
    fieldNamed(ApiHub::json({{"present", QJsonArray{}}, {"attested_by", double(memberId)}}), "present");
    fieldNamed(ApiHub::json({{"present", QJsonArray{QJsonObject{{"name", " "}}}}, {"attested_by", double(memberId)}}),
               "present[0].name");
    fieldNamed(ApiHub::json({{"present", QJsonArray{QJsonObject{{"name", "A"}}}}}), "attested_by");
    fieldNamed(ApiHub::json({{"present", QJsonArray{}}, {"event", QStringLiteral("join")}}), "event");
    CHECK(post("{\"event\":").response.status == 400);
    CHECK(post(ApiHub::json(
                   {{"present", QJsonArray{QJsonObject{{"name", "A"}}}}, {"attested_by", double(memberId + 1000)}}))
              .response.status
          == 403);
    CHECK(presence(hub, sessionId, outsider, "join", hub.nowMs).response.status == 403);
    CHECK(presence(hub, 987654321, member, "join", hub.nowMs).response.status == 404);
    CHECK(hub.call("GET", sessionPath(sessionId, QStringLiteral("/attendance.csv")), member).response.status == 403);
    CHECK(hub.call("GET", sessionPath(987654321, QStringLiteral("/attendance.csv")), member).response.status == 404);
}

} // namespace

void attendance(ApiHub& hub)
{
    const qint64 programme = hub.addProgramme(QStringLiteral("Attendance"));
    const QString coordinator = hub.member(programme, Role::Coordinator, QStringLiteral("Coordinator Attendance"));
    const QString clinic = hub.member(programme, Role::Clinician, QStringLiteral("Clinic, Attendance"));
    const QString specialist = hub.member(programme, Role::Specialist, QStringLiteral("Dr Attendance"));
    const QString outsider =
        hub.member(hub.addProgramme(QStringLiteral("Absent")), Role::Coordinator, QStringLiteral("Absent Coordinator"));
    const qint64 startsMs = hub.nowMs;
    const qint64 sessionId = hub.addLiveSession(programme, QStringLiteral("CME week"), startsMs, 60);
    attendanceRefusals(hub, sessionId, clinic, hub.accountId(clinic), outsider);

    // The clinic: in for 10 minutes, out 5, back for 25 (35 minutes).
    const auto joined = presence(hub, sessionId, clinic, "join", startsMs);
    REQUIRE(joined.response.status == 201);
    CHECK(jsonOf(joined.response).value(QStringLiteral("event")).toObject().value(QStringLiteral("clamped")) == false);
    REQUIRE(joined.changes.size() == 1);
    CHECK(joined.changes[0].cursor > 0);
    hub.nowMs = startsMs + 10 * kMinuteMs + 300; // the report arrives 300 ms after the client's time
    const auto left = presence(hub, sessionId, clinic, "leave", startsMs + 10 * kMinuteMs);
    REQUIRE(left.response.status == 201);
    const QJsonObject leftEvent = jsonOf(left.response).value(QStringLiteral("event")).toObject();
    CHECK(qint64(leftEvent.value(QStringLiteral("at_ms")).toDouble()) == startsMs + 10 * kMinuteMs);
    CHECK(qint64(leftEvent.value(QStringLiteral("received_ms")).toDouble()) == hub.nowMs);
    hub.nowMs = startsMs + 15 * kMinuteMs;
    REQUIRE(presence(hub, sessionId, clinic, "join", hub.nowMs).response.status == 201);
    // A clock 10 minutes fast is clamped to the hub's time, and the row says so.
    hub.nowMs = startsMs + 40 * kMinuteMs;
    const auto fast = presence(hub, sessionId, clinic, "leave", hub.nowMs + 10 * kMinuteMs);
    REQUIRE(fast.response.status == 201);
    const QJsonObject fastEvent = jsonOf(fast.response).value(QStringLiteral("event")).toObject();
    CHECK(fastEvent.value(QStringLiteral("clamped")) == true);
    CHECK(qint64(fastEvent.value(QStringLiteral("at_ms")).toDouble()) == hub.nowMs);
    CHECK(qint64(fastEvent.value(QStringLiteral("client_ms")).toDouble()) == hub.nowMs + 10 * kMinuteMs);
    const QJsonObject row = jsonOf(fast.response).value(QStringLiteral("attendance")).toObject();
    CHECK(qint64(row.value(QStringLiteral("joined_ms")).toDouble()) == startsMs);
    CHECK(qint64(row.value(QStringLiteral("left_ms")).toDouble()) == startsMs + 40 * kMinuteMs);

    // The clinic attests two people in the room with it (once each, however often it says so).
    const QByteArray attest = ApiHub::json(
        {{"present", QJsonArray{QJsonObject{{"name", " Nurse Wanjiru "}}, QJsonObject{{"name", "=Dr \"Quote\""}}}},
         {"attested_by", double(hub.accountId(clinic))}});
    const auto attested = hub.call("POST", sessionPath(sessionId, QStringLiteral("/attendance")), clinic, attest);
    REQUIRE(attested.response.status == 201);
    CHECK(jsonOf(attested.response).value(QStringLiteral("attested")).toArray().size() == 2);
    CHECK(hub.call("POST", sessionPath(sessionId, QStringLiteral("/attendance")), clinic, attest).response.status
          == 201);

    // The specialist joins at 5 minutes and is still in when the export runs at 50.
    hub.nowMs = startsMs + 5 * kMinuteMs;
    REQUIRE(presence(hub, sessionId, specialist, "join", hub.nowMs, QStringLiteral("desk")).response.status == 201);
    // Registering (an empty body) still answers the row, unchanged.
    const auto registered = hub.call("POST", sessionPath(sessionId, QStringLiteral("/attendance")), specialist, "{}");
    CHECK(registered.response.status == 200);
    CHECK(registered.changes.empty());

    hub.nowMs = startsMs + 50 * kMinuteMs;
    const auto exported = hub.call("GET", sessionPath(sessionId, QStringLiteral("/attendance.csv")), coordinator);
    REQUIRE(exported.response.status == 200);
    CHECK(exported.response.contentType.startsWith("text/csv"));
    const QString csv = QString::fromUtf8(exported.response.body);
    const QString start = QDateTime::fromMSecsSinceEpoch(startsMs, Qt::UTC).toString(Qt::ISODate);
    const QString at40 = QDateTime::fromMSecsSinceEpoch(startsMs + 40 * kMinuteMs, Qt::UTC).toString(Qt::ISODate);
    const QString at5 = QDateTime::fromMSecsSinceEpoch(startsMs + 5 * kMinuteMs, Qt::UTC).toString(Qt::ISODate);
    const QStringList expected{
        QStringLiteral("name,role,first_join,last_leave,minutes,source"),
        QStringLiteral("\"Clinic, Attendance\",clinician,%1,%2,35,app").arg(start, at40),
        QStringLiteral("Dr Attendance,specialist,%1,,45,app").arg(at5),
        QStringLiteral("\"'=Dr \"\"Quote\"\"\",,%1,%2,35,attested").arg(start, at40),
        QStringLiteral("Nurse Wanjiru,,%1,%2,35,attested").arg(start, at40),
        QString(),
    };
    CHECK(csv == expected.join(QStringLiteral("\r\n")));
}

} // namespace spoke::test::live
