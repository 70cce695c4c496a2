// A live session's events and answers (docs/hub-api.md "Live session") are
// untrusted input like every hub answer: the contract's shapes are read
// whole, anything else is a BadResponse naming the field, and the event
// socket drops it (logged) without emitting anything.

#include "sync/EventListener.h"
#include "sync/HubProtocol.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace spoke::sync;

namespace {

const QByteArray kChatEvent = R"({"event":"chat","session_id":7,"message":{"id":31,"session_id":7,
  "author":{"id":2,"name":"Dr Otieno"},"role":"specialist","text":"Is the smear repeated?","sent_ms":1796900001000}})";

const QByteArray kHandsEvent = R"({"event":"hands","session_id":7,"hands":[
  {"account_id":4,"name":"Clinic Kisumu","role":"clinician","raised_ms":1796900002000},
  {"account_id":2,"name":"Dr Otieno","role":null,"raised_ms":1796900003000}]})";

const QByteArray kAgendaEvent = R"({"event":"agenda","session_id":7,"cursor":88,"session":{"id":7,"programme_id":3,
  "title":"Week 9","starts_ms":1,"minutes":90,"room":100007,"current_item_id":12,"ended_ms":null,"agenda":[
  {"id":11,"position":0,"title":"Didactic","planned_minutes":15,"started_ms":100,"ended_ms":200,
   "started_by":{"id":2,"name":"Dr Otieno"}},
  {"id":12,"position":1,"title":"Case 1","planned_minutes":20,"started_ms":200,"ended_ms":null,
   "started_by":{"id":2,"name":"Dr Otieno"}},
  {"id":13,"position":2,"title":"Case 2","planned_minutes":20,"started_ms":null,"ended_ms":null,"started_by":null}]}})";

QByteArray replaced(QByteArray body, const char* from, const char* to)
{
    REQUIRE(body.contains(from));
    return body.replace(from, to);
}

} // namespace

TEST_CASE("A chat event is read into a typed message", "[sync][live]")
{
    const auto event = parseHubEvent(kChatEvent);
    REQUIRE(event.ok());
    const auto* chat = std::get_if<HubChatMessage>(&*event);
    REQUIRE(chat != nullptr);
    CHECK(chat->id == 31);
    CHECK(chat->sessionId == 7);
    CHECK(chat->authorId == 2);
    CHECK(chat->authorName == QStringLiteral("Dr Otieno"));
    CHECK(chat->role == HubRole::Specialist);
    CHECK(chat->text == QStringLiteral("Is the smear repeated?"));
    CHECK(chat->sentMs == 1796900001000);
}

TEST_CASE("A hands event keeps the queue's order, a null role included", "[sync][live]")
{
    const auto event = parseHubEvent(kHandsEvent);
    REQUIRE(event.ok());
    const auto* hands = std::get_if<HubHands>(&*event);
    REQUIRE(hands != nullptr);
    CHECK(hands->sessionId == 7);
    REQUIRE(hands->hands.size() == 2);
    CHECK(hands->hands[0].accountId == 4);
    CHECK(hands->hands[0].role == HubRole::Clinician);
    CHECK(hands->hands[1].name == QStringLiteral("Dr Otieno"));
    CHECK_FALSE(hands->hands[1].role.has_value());
    CHECK(hands->hands[1].raisedMs == 1796900003000);

    const auto empty = parseHubEvent(R"({"event":"hands","session_id":7,"hands":[]})");
    REQUIRE(empty.ok());
    CHECK(std::get<HubHands>(*empty).hands.isEmpty());
}

TEST_CASE("An agenda event carries the items and the one running", "[sync][live]")
{
    const auto event = parseHubEvent(kAgendaEvent);
    REQUIRE(event.ok());
    const auto* agenda = std::get_if<HubAgenda>(&*event);
    REQUIRE(agenda != nullptr);
    CHECK(agenda->sessionId == 7);
    CHECK(agenda->cursor == 88);
    REQUIRE(agenda->items.size() == 3);
    CHECK(agenda->currentItemId == 12);
    CHECK(agenda->items[0].endedMs == 200);
    CHECK(agenda->items[1].startedByName == QStringLiteral("Dr Otieno"));
    CHECK_FALSE(agenda->items[2].startedMs.has_value());
    CHECK(agenda->items[2].startedById == 0);
    CHECK(agenda->items[2].plannedMinutes == 20);
    CHECK_FALSE(agenda->endedMs.has_value());
}

TEST_CASE("A changed event stays a hint and an unknown event type is ignored", "[sync][live]")
{
    const auto changed = parseHubEvent(R"({"event":"changed","cursor":42})");
    REQUIRE(changed.ok());
    CHECK(std::get<ChangedEvent>(*changed).cursor == 42);
    const auto bare = parseHubEvent(R"({"event":"changed"})");
    REQUIRE(bare.ok());
    CHECK(std::get<ChangedEvent>(*bare).cursor == 0);
    const auto future = parseHubEvent(R"({"event":"slides","session_id":7,"page":3})");
    REQUIRE(future.ok());
    CHECK(std::holds_alternative<UnknownEvent>(*future));
}

TEST_CASE("Malformed and hostile live events are BadResponses naming the field", "[sync][live]")
{
    struct Bad {
        QByteArray body;
        const char* field;
    };
    const QString hugeText = QString(2001, QLatin1Char('x'));
    const std::vector<Bad> cases{
        {"not json", "not JSON"},
        {"[1,2]", "not a JSON object"},
        {R"({"event":7})", "event.event"},
        {replaced(kChatEvent, R"("text":"Is the smear repeated?")", R"("text":"")"), "text"},
        {replaced(kChatEvent, R"("text":"Is the smear repeated?")",
                  QByteArray("\"text\":\"") + hugeText.toUtf8() + "\"")
             .constData(),
         "text"},
        {replaced(kChatEvent, R"("role":"specialist")", R"("role":"admin")"), "role"},
        {replaced(kChatEvent, R"("id":31)", R"("id":-31)"), "id"},
        {replaced(kChatEvent, R"("id":31)", R"("id":1e300)"), "id"},
        {replaced(kChatEvent, R"("author":{"id":2,"name":"Dr Otieno"})", R"("author":"Dr Otieno")"), "author"},
        {replaced(kChatEvent, R"("message":{"id":31,"session_id":7)", R"("message":{"id":31,"session_id":8)"),
         "session_id"},
        {replaced(kChatEvent, R"("event":"chat","session_id":7)", R"("event":"chat")"), "session_id"},
        {replaced(kHandsEvent, R"("hands":[)", R"("hands":[7,)"), "hands[0]"},
        {replaced(kHandsEvent, R"("raised_ms":1796900002000)", R"("raised_ms":"soon")"), "raised_ms"},
        {R"({"event":"hands","session_id":7,"hands":{}})", "hands"},
        {replaced(kAgendaEvent, R"("current_item_id":12)", R"("current_item_id":99)"), "current_item_id"},
        {replaced(kAgendaEvent, R"("session":{"id":7)", R"("session":{"id":8)"), "session.id"},
        {replaced(kAgendaEvent, R"("cursor":88,)", ""), "cursor"},
        {replaced(kAgendaEvent, R"("started_by":null)", R"("started_by":3)"), "started_by"},
        {replaced(kAgendaEvent, R"("title":"Didactic")", R"("title":null)"), "title"},
    };
    for (const Bad& bad : cases) {
        INFO(bad.body.toStdString());
        const auto event = parseHubEvent(bad.body);
        REQUIRE_FALSE(event.ok());
        CHECK(event.error().kind == SyncErrorKind::BadResponse);
        CHECK(event.error().detail.contains(QLatin1String(bad.field)));
    }
}

TEST_CASE("An agenda of more than 20 items is not the contract", "[sync][live]")
{
    QByteArray items;
    for (int i = 1; i <= 21; ++i)
        items += QByteArray(i > 1 ? "," : "") + R"({"id":)" + QByteArray::number(i) + R"(,"position":)"
                 + QByteArray::number(i) + R"(,"title":"T","planned_minutes":5,"started_by":null})";
    const QByteArray body =
        R"({"event":"agenda","session_id":7,"cursor":1,"session":{"id":7,"current_item_id":null,"agenda":[)" + items
        + "]}}";
    const auto event = parseHubEvent(body);
    REQUIRE_FALSE(event.ok());
    CHECK(event.error().detail.contains(QLatin1String("agenda")));
}

TEST_CASE("The event listener emits live events and drops malformed ones", "[sync][live]")
{
    EventListener listener;
    std::vector<HubChatMessage> chat;
    std::vector<HubHands> hands;
    std::vector<HubAgenda> agenda;
    std::vector<qint64> changed;
    QObject::connect(&listener, &EventListener::chatReceived, [&](const HubChatMessage& m) { chat.push_back(m); });
    QObject::connect(&listener, &EventListener::handsChanged, [&](const HubHands& h) { hands.push_back(h); });
    QObject::connect(&listener, &EventListener::agendaChanged, [&](const HubAgenda& a) { agenda.push_back(a); });
    QObject::connect(&listener, &EventListener::changed, [&](qint64 cursor) { changed.push_back(cursor); });

    listener.handleMessage(QString::fromUtf8(kChatEvent));
    listener.handleMessage(QString::fromUtf8(kHandsEvent));
    listener.handleMessage(QString::fromUtf8(kAgendaEvent));
    listener.handleMessage(QStringLiteral(R"({"event":"changed","cursor":5})"));
    REQUIRE(chat.size() == 1);
    CHECK(chat[0].text == QStringLiteral("Is the smear repeated?"));
    REQUIRE(hands.size() == 1);
    CHECK(hands[0].hands.size() == 2);
    REQUIRE(agenda.size() == 1);
    CHECK(agenda[0].currentItemId == 12);
    REQUIRE(changed.size() == 1);
    CHECK(changed[0] == 5);
    CHECK(listener.droppedEvents() == 0);

    // Malformed, hostile or oversized: dropped, counted, nothing emitted.
    listener.handleMessage(QStringLiteral(R"({"event":"chat","session_id":7,"message":null})"));
    listener.handleMessage(QStringLiteral("{\"event\":\"hands\",\"session_id\":7,\"hands\":[[[[[[[[[[]]]]]]]]]]}"));
    listener.handleMessage(QString(64 * 1024 + 1, QLatin1Char(' ')));
    listener.handleMessage(QStringLiteral(R"({"event":"mystery"})"));
    CHECK(chat.size() == 1);
    CHECK(hands.size() == 1);
    CHECK(agenda.size() == 1);
    CHECK(changed.size() == 1);
    CHECK(listener.droppedEvents() == 3);

    // An agenda of 20 items with long titles is over the old 4 KiB limit and still read.
    QByteArray items;
    for (int i = 1; i <= 20; ++i)
        items += QByteArray(i > 1 ? "," : "") + R"({"id":)" + QByteArray::number(i) + R"(,"position":)"
                 + QByteArray::number(i) + R"(,"title":")" + QByteArray(240, 'a') + R"(","planned_minutes":5})";
    const QByteArray long20 =
        R"({"event":"agenda","session_id":7,"cursor":2,"session":{"id":7,"current_item_id":null,"agenda":[)" + items
        + "]}}";
    REQUIRE(long20.size() > 4096);
    listener.handleMessage(QString::fromUtf8(long20));
    REQUIRE(agenda.size() == 2);
    CHECK(agenda[1].items.size() == 20);
}
