// The scripted participant `spoke-cli join --hub-session …` runs
// (sync::LiveParticipant), two of them against a real spoke-hub on
// 127.0.0.1, without Janus: a presenter shares a deck and turns a page every
// 300 ms and chats; a clinic chats, raises and lowers its hand and reports
// its media state. Each hears the other on its event socket, and the log
// the CLI writes into its stats has every event with its receive time.

#include "SyncTestSupport.h"
#include "slides/TestPdf.h"
#include "support/TempDir.h"

#include "slides/DeckCache.h"
#include "sync/HubClient.h"
#include "sync/HubProtocol.h"
#include "sync/LiveParticipant.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace spoke::test {

TEST_CASE("LivePlan reads TEXT@S chat specs", "[sync][live][slides]")
{
    const auto chat = sync::LivePlan::parseChat(QStringLiteral("mail me @ noon@2.5"));
    REQUIRE(chat.has_value());
    CHECK(chat->text == QStringLiteral("mail me @ noon"));
    CHECK(chat->atMs == 2500);
    CHECK_FALSE(sync::LivePlan::parseChat(QStringLiteral("no time")).has_value());
    CHECK_FALSE(sync::LivePlan::parseChat(QStringLiteral("@3")).has_value());
    CHECK_FALSE(sync::LivePlan::parseChat(QStringLiteral("late@-1")).has_value());
    CHECK_FALSE(sync::LivePlan::parseChat(QStringLiteral("x@soon")).has_value());
}

TEST_CASE("Two scripted participants share slides, chat and hands through a real hub", "[sync][live][hub][slides]")
{
    TempDir dirs;
    const HubStorage storage{dirs / "hub", {}};
    std::filesystem::create_directories(storage.dataDir);
    const HubSetup setup = setUpHub(storage);
    HubProcess hub(storage);
    qint64 presenterId = 0;
    qint64 clinicId = 0;
    auto presenterClient =
        redeemedClient(hub.url(), setup.specialistInvite, "p@example.org", "Dr Presenter", presenterId);
    auto clinicClient = redeemedClient(hub.url(), setup.clinicianInvite, "c@example.org", "Clinic Busia", clinicId);
    slides::DeckCache presenterCache(dirs / "cache-p", 1LL << 30);
    slides::DeckCache clinicCache(dirs / "cache-c", 1LL << 30);

    sync::LivePlan presenting;
    const std::vector<char> pdf = slides::test::makePdf(5);
    presenting.deckPdf = QByteArray(pdf.data(), qsizetype(pdf.size()));
    presenting.deckTitle = QStringLiteral("Didactic");
    presenting.turnEveryMs = 300;
    presenting.chats = {{QStringLiteral("Welcome"), 200}};
    sync::LivePlan asking;
    asking.chats = {{QStringLiteral("A question on page 2"), 400}};
    asking.raiseHandAtMs = 300;
    asking.lowerHandAtMs = 900;
    asking.media = sync::LivePlan::Media{true, false, true};

    sync::LiveParticipant presenter(*presenterClient, setup.sessionId, presenterCache, presenting);
    sync::LiveParticipant clinic(*clinicClient, setup.sessionId, clinicCache, asking);
    QElapsedTimer clock;
    const auto elapsed = [&clock] { return clock.elapsed(); };
    clock.start();
    presenter.start(elapsed);
    clinic.start(elapsed);
    while ((!presenter.listening() || !clinic.listening()) && clock.elapsed() < 10'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    REQUIRE(presenter.listening());
    REQUIRE(clinic.listening());

    clock.restart();
    while (clock.elapsed() < 2'000) {
        presenter.tick(clock.elapsed());
        clinic.tick(clock.elapsed());
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(5);
    }
    INFO(presenter.errors().join(QStringLiteral("; ")).toStdString()
         << clinic.errors().join(QStringLiteral("; ")).toStdString());
    CHECK(presenter.errors().isEmpty());
    CHECK(clinic.errors().isEmpty());
    REQUIRE(presenter.deck().has_value());
    CHECK(presenter.turnsSent() >= 6);

    // The clinic heard every turn, in order, pages wrapping after the last.
    const QJsonObject heard = clinic.log().toJson();
    const QJsonArray slideEvents = heard.value(QStringLiteral("slide_events")).toArray();
    CHECK(slideEvents.size() >= presenter.turnsSent() - 1); // the last may still be on its way
    for (qsizetype i = 0; i < slideEvents.size(); ++i) {
        CHECK(slideEvents[i].toObject().value(QStringLiteral("page")).toInt() == int(i % 5));
        CHECK(slideEvents[i].toObject().value(QStringLiteral("deck")).toString() == presenter.deck()->sha256);
    }
    // Both heard both chat lines (their own too: the socket sends every member's).
    for (const sync::LiveParticipant* who : {&presenter, &clinic}) {
        const auto& chats = who->log().chats;
        REQUIRE(chats.size() == 2);
        CHECK(chats[0].authorId == presenterId);
        CHECK(chats[1].authorId == clinicId);
        CHECK(chats[1].receivedMs >= 400);
    }
    // The hand went up, then down.
    const auto& hands = presenter.log().hands;
    REQUIRE(hands.size() == 2);
    CHECK(hands[0].raised == QList<std::int64_t>{clinicId});
    CHECK(hands[1].raised.isEmpty());
    CHECK(hands[1].receivedMs >= 900);
    // The clinic's own report of its state: muted, audio only.
    REQUIRE(presenter.log().media.size() == 1);
    CHECK(presenter.log().media[0].state.accountId == clinicId);
    CHECK(presenter.log().media[0].state.audioMuted);
    CHECK(presenter.log().media[0].state.audioOnly);
    CHECK(heard.value(QStringLiteral("chat_received")).toArray().size() == 2);
    CHECK(heard.value(QStringLiteral("hands_events")).toArray().size() == 2);
    presenter.stop();
    clinic.stop();
}

} // namespace spoke::test

namespace spoke::test {

TEST_CASE("spoke-cli join refuses live options it cannot act on, before the call starts", "[sync][live][slides]")
{
    TempDir dirs;
    const Laptop laptop(dirs / "laptop");
    const QStringList call{"join", "--janus", "ws://127.0.0.1:9", "--room", "1", "--ice-iface", "lo", "--seconds", "1"};
    const auto refused = [&](const QStringList& live, const char* says) {
        const RunResult result = laptop.run(call + live, 30'000);
        INFO(result.err.toStdString());
        CHECK(result.exitCode == 2);
        CHECK(result.err.contains(says));
    };
    refused({"--share-slides", "deck.pdf"}, "--share-slides needs --hub-session");
    refused({"--hub-session", "7", "--chat", "no time given"}, "--chat needs TEXT@S");
    refused({"--hub-session", "7", "--raise-hand", "soon"}, "--raise-hand needs seconds");
    refused({"--hub-session", "7", "--turn-every", "0"}, "--turn-every");
    refused({"--hub-session", "x"}, "--hub-session needs");
    refused({"--hub-session", "7", "--share-slides", "/nonexistent/deck.pdf"}, "cannot read");
    refused({"--hub-session", "7"}, "not signed in to a hub");
}

} // namespace spoke::test
