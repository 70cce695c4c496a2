// The live session's client side against a real spoke-hub on 127.0.0.1:
// what one member writes (chat, a raised hand) reaches another member's event
// socket with its data in under a second (issue 13, "Must show"), and a chat
// message retried with its Idempotency-Key is stored once.

#include "SyncTestSupport.h"
#include "support/PostgresServer.h"
#include "support/RequireAll.h"
#include "support/TempDir.h"

#include "sync/EventListener.h"
#include "sync/HubClient.h"
#include "sync/HubProtocol.h"
#include "sync/LiveSessionClient.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <vector>

namespace spoke::test {

namespace {

// A clinic chats and raises its hand; a specialist's event socket hears both.
void runChatAndHands(const HubStorage& storage)
{
    std::filesystem::create_directories(storage.dataDir);
    const HubSetup setup = setUpHub(storage);
    HubProcess hub(storage);

    qint64 clinicId = 0;
    qint64 specialistId = 0;
    auto clinic = redeemedClient(hub.url(), setup.clinicianInvite, "clinic@example.org", "Clinic Kisumu", clinicId);
    auto specialist =
        redeemedClient(hub.url(), setup.specialistInvite, "otieno@example.org", "Dr Otieno", specialistId);
    sync::LiveSessionClient sender(*clinic, setup.sessionId);
    sync::LiveSessionClient reader(*specialist, setup.sessionId);

    sync::EventListener listener;
    std::vector<qint64> changed;
    std::vector<sync::HubChatMessage> chat;
    std::vector<sync::HubHands> hands;
    QElapsedTimer clock;
    qint64 chatAtMs = -1;
    qint64 handsAtMs = -1;
    QObject::connect(&listener, &sync::EventListener::changed, [&](qint64 cursor) { changed.push_back(cursor); });
    QObject::connect(&listener, &sync::EventListener::chatReceived, [&](const sync::HubChatMessage& m) {
        chat.push_back(m);
        chatAtMs = clock.elapsed();
    });
    QObject::connect(&listener, &sync::EventListener::handsChanged, [&](const sync::HubHands& h) {
        hands.push_back(h);
        handsAtMs = clock.elapsed();
    });
    listener.start(QUrl(hub.url()), specialist->token());
    // The hub answers the token with a `changed` event: the socket is signed in.
    REQUIRE(spinFor([&] { return !changed.empty(); }, 10'000));

    // The clinic's chat message, sent twice with one key as after a lost answer.
    const QString key = sync::LiveSessionClient::newChatKey();
    clock.start();
    const auto sent = sender.sendChat(QStringLiteral("  Is a repeat smear needed?  "), key);
    REQUIRE(sent.ok());
    CHECK(sent->text == QStringLiteral("Is a repeat smear needed?"));
    CHECK(sent->authorId == clinicId);
    CHECK(sent->role == sync::HubRole::Clinician);
    REQUIRE(spinFor([&] { return !chat.empty(); }, 5'000));
    CHECK(chatAtMs < 1'000);
    CHECK(chat[0].id == sent->id);
    CHECK(chat[0].sessionId == setup.sessionId);
    CHECK(chat[0].authorName == QStringLiteral("Clinic Kisumu"));
    CHECK(chat[0].text == QStringLiteral("Is a repeat smear needed?"));

    const auto retried = sender.sendChat(QStringLiteral("  Is a repeat smear needed?  "), key);
    REQUIRE(retried.ok());
    CHECK(retried->id == sent->id);
    const auto page = reader.fetchChat(0);
    REQUIRE(page.ok());
    REQUIRE(page->messages.size() == 1);
    CHECK(page->messages[0].id == sent->id);
    CHECK_FALSE(page->more);
    const auto after = reader.fetchChat(sent->id);
    REQUIRE(after.ok());
    CHECK(after->messages.isEmpty());

    // The clinic raises its hand; the specialist sees the queue.
    clock.restart();
    const auto raised = sender.setMyHand(true);
    REQUIRE(raised.ok());
    REQUIRE(raised->hands.size() == 1);
    REQUIRE(spinFor([&] { return !hands.empty(); }, 5'000));
    CHECK(handsAtMs < 1'000);
    CHECK(hands[0].sessionId == setup.sessionId);
    REQUIRE(hands[0].hands.size() == 1);
    CHECK(hands[0].hands[0].accountId == clinicId);
    CHECK(hands[0].hands[0].name == QStringLiteral("Clinic Kisumu"));
    CHECK(hands[0].hands[0].role == sync::HubRole::Clinician);
    const auto queue = reader.fetchHands();
    REQUIRE(queue.ok());
    REQUIRE(queue->hands.size() == 1);
    CHECK(queue->hands[0].accountId == clinicId);

    // The specialist (a chair) lowers it; a clinician may not lower another's.
    const auto refused = sender.lowerHandOf(specialistId);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == sync::SyncErrorKind::Forbidden);
    const auto lowered = reader.lowerHandOf(clinicId);
    REQUIRE(lowered.ok());
    CHECK(lowered->hands.isEmpty());
    REQUIRE(spinFor([&] { return hands.size() == 2; }, 5'000));
    CHECK(hands[1].hands.isEmpty());

    CHECK(listener.droppedEvents() == 0);
    listener.stop();
}

} // namespace

TEST_CASE("Chat and a raised hand reach another member's event socket in under a second (SQLite)", "[sync][live][hub]")
{
    TempDir dirs;
    runChatAndHands(HubStorage{dirs / "hub", {}});
}

TEST_CASE("Chat and a raised hand reach another member's event socket in under a second (PostgreSQL)",
          "[sync][live][hub][postgres]")
{
    auto postgres = PostgresServer::start("spoke_sync_live");
    if (!postgres) {
        SPOKE_SKIP_OR_FAIL(PostgresServer::unavailableReason().value_or("PostgreSQL is unavailable"));
        return;
    }
    TempDir dirs;
    runChatAndHands(HubStorage{dirs / "hub", postgres->url()});
}

TEST_CASE("A device's join and leave are reported with its own time", "[sync][live][hub]")
{
    TempDir dirs;
    const HubStorage storage{dirs / "hub", {}};
    std::filesystem::create_directories(storage.dataDir);
    const HubSetup setup = setUpHub(storage);
    HubProcess hub(storage);
    qint64 clinicId = 0;
    auto clinic = redeemedClient(hub.url(), setup.clinicianInvite, "clinic@example.org", "Clinic Kisumu", clinicId);
    sync::LiveSessionClient live(*clinic, setup.sessionId);

    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const auto joined = live.reportAttendance(sync::AttendanceEvent::Join, QStringLiteral("laptop-1"), nowMs);
    REQUIRE(joined.ok());
    CHECK(joined->attendance.sessionId == setup.sessionId);
    CHECK(joined->attendance.accountId == clinicId);
    CHECK(joined->attendance.joinedMs == nowMs);
    CHECK_FALSE(joined->clamped);
    const auto left = live.reportAttendance(sync::AttendanceEvent::Leave, QStringLiteral("laptop-1"), nowMs + 60'000);
    REQUIRE(left.ok());
    CHECK(left->attendance.joinedMs == nowMs);
    CHECK(left->attendance.leftMs == nowMs + 60'000);
    CHECK(left->eventId > joined->eventId);

    // A clock an hour off is replaced by the hub's (docs/hub-api.md "Attendance").
    const auto skewed =
        live.reportAttendance(sync::AttendanceEvent::Join, QStringLiteral("laptop-2"), nowMs - 3'600'000);
    REQUIRE(skewed.ok());
    CHECK(skewed->clamped);

    sync::LiveSessionClient elsewhere(*clinic, setup.sessionId + 100);
    const auto missing = elsewhere.fetchHands();
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == sync::SyncErrorKind::NotFound);
}

} // namespace spoke::test
