// Slides as documents against a real spoke-hub on 127.0.0.1 (issue 13): a
// presenter uploads a 5-page deck and turns pages; two other members' event
// sockets hear every turn in under a second, each downloads the deck exactly
// once into its own DeckCache, and renders the page shown now through
// core/slides. Mute and camera state travels the same way.

#include "SyncTestSupport.h"
#include "slides/TestPdf.h"
#include "support/PostgresServer.h"
#include "support/RequireAll.h"
#include "support/TempDir.h"

#include "slides/Deck.h"
#include "slides/DeckCache.h"
#include "sync/EventListener.h"
#include "sync/HubClient.h"
#include "sync/HubProtocol.h"
#include "sync/LiveSlides.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstring>
#include <iostream>

namespace spoke::test {

namespace {

// One member following the slides: a client, its own cache, its event socket
// and what it heard, with when it heard it.
struct Follower {
    std::unique_ptr<sync::HubClient> client;
    qint64 accountId = 0;
    std::unique_ptr<slides::DeckCache> cache;
    std::unique_ptr<sync::LiveSlides> slides;
    sync::EventListener listener;
    std::vector<sync::HubSlideTurn> turns;
    std::vector<qint64> heardAtMs;
    std::vector<sync::HubMediaState> media;
    bool open = false;
};

void follow(Follower& follower, const QString& url, const QElapsedTimer& clock)
{
    QObject::connect(&follower.listener, &sync::EventListener::changed, [&follower](qint64) { follower.open = true; });
    QObject::connect(&follower.listener, &sync::EventListener::slideTurned,
                     [&follower, &clock](const sync::HubSlideTurn& turn) {
                         follower.turns.push_back(turn);
                         follower.heardAtMs.push_back(clock.elapsed());
                     });
    QObject::connect(&follower.listener, &sync::EventListener::mediaChanged,
                     [&follower](const sync::HubMediaState& state) { follower.media.push_back(state); });
    follower.listener.start(QUrl(url), follower.client->token());
}

std::uint32_t argbAt(const media::VideoFrame& frame, int x, int y)
{
    std::uint32_t argb = 0;
    std::memcpy(&argb, frame.plane(0) + std::ptrdiff_t(y) * frame.stride(0) + std::ptrdiff_t(4) * x, 4);
    return argb;
}

// The followers fetch the deck (once) and show the page the hub says is current.
void renderCurrentPage(Follower& follower, const sync::HubDeck& deck, int expectedPage)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const auto first = follower.slides->fetchDeck(deck.sha256, nowMs);
    REQUIRE(first.ok());
    CHECK(first->downloaded);
    const auto second = follower.slides->fetchDeck(deck.sha256, nowMs + 1);
    REQUIRE(second.ok());
    CHECK_FALSE(second->downloaded);
    // Another LiveSlides on the same cache (the app after a restart) does not download either.
    sync::LiveSlides again(*follower.client, follower.slides->sessionId(), *follower.cache);
    const auto third = again.fetchDeck(deck.sha256, nowMs + 2);
    REQUIRE(third.ok());
    CHECK_FALSE(third->downloaded);
    CHECK(follower.slides->downloads() + again.downloads() == 1);

    const auto turns = follower.slides->fetchTurns(0);
    REQUIRE(turns.ok());
    REQUIRE(turns->current.has_value());
    CHECK(turns->current->page == expectedPage);
    auto opened = slides::Deck::fromBytes(first->bytes);
    REQUIRE(opened.ok());
    CHECK(QString::fromStdString(opened->sha256()) == deck.sha256);
    CHECK(opened->pageCount() == 5);
    auto frame = opened->renderPage(turns->current->page, 160);
    REQUIRE(frame.ok());
    const slides::test::Rgb want = slides::test::pageColour(expectedPage);
    const std::uint32_t argb = argbAt(*frame, 80, 60);
    CHECK(std::abs(int((argb >> 16) & 0xFF) - want.r) <= 2);
    CHECK(std::abs(int((argb >> 8) & 0xFF) - want.g) <= 2);
    CHECK(std::abs(int(argb & 0xFF) - want.b) <= 2);
}

void runSlides(const HubStorage& storage)
{
    std::filesystem::create_directories(storage.dataDir);
    const HubSetup setup = setUpHub(storage);
    const QString secondClinic = hubAdmin(storage, {"member", "invite", "--programme",
                                                    QString::number(setup.programmeId), "--role", "clinician"})
                                     .value("code")
                                     .toString();
    HubProcess hub(storage);
    TempDir caches;

    qint64 presenterId = 0;
    auto presenter = redeemedClient(hub.url(), setup.specialistInvite, "otieno@example.org", "Dr Otieno", presenterId);
    slides::DeckCache presenterCache(caches / "presenter", 1LL << 30);
    sync::LiveSlides presenting(*presenter, setup.sessionId, presenterCache);

    QElapsedTimer clock;
    clock.start();
    Follower followers[2];
    const QString invites[2] = {setup.clinicianInvite, secondClinic};
    for (int i = 0; i < 2; ++i) {
        Follower& f = followers[i];
        f.client = redeemedClient(hub.url(), invites[i], QStringLiteral("clinic%1@example.org").arg(i),
                                  QStringLiteral("Clinic %1").arg(i), f.accountId);
        f.cache = std::make_unique<slides::DeckCache>(caches / ("follower" + std::to_string(i)), 1LL << 30);
        f.slides = std::make_unique<sync::LiveSlides>(*f.client, setup.sessionId, *f.cache);
        follow(f, hub.url(), clock);
    }
    REQUIRE(spinFor([&] { return followers[0].open && followers[1].open; }, 10'000));

    const std::vector<char> pdf = slides::test::makePdf(5);
    const auto deck = presenting.uploadDeck(QByteArray(pdf.data(), qsizetype(pdf.size())), QStringLiteral("Week 9"));
    REQUIRE(deck.ok());
    CHECK(deck->pages == 5);
    CHECK(deck->title == QStringLiteral("Week 9"));

    // Five turns, each heard by both followers; the latency is the turn's
    // POST plus the event's way through the hub to each socket.
    qint64 maxLatencyMs = 0;
    const int pages[] = {0, 1, 2, 3, 2};
    for (std::size_t i = 0; i < std::size(pages); ++i) {
        const qint64 sentAtMs = clock.elapsed();
        const auto turned = presenting.turnPage(deck->sha256, pages[i]);
        REQUIRE(turned.ok());
        REQUIRE(spinFor([&] { return followers[0].turns.size() > i && followers[1].turns.size() > i; }, 5'000));
        for (Follower& f : followers) {
            CHECK(f.turns[i].deck == deck->sha256);
            CHECK(f.turns[i].page == pages[i]);
            CHECK(f.turns[i].byId == presenterId);
            CHECK(f.turns[i].byName == QStringLiteral("Dr Otieno"));
            CHECK(f.turns[i].id == turned->id);
            maxLatencyMs = std::max(maxLatencyMs, f.heardAtMs[i] - sentAtMs);
        }
    }
    std::cout << "slide events: max latency " << maxLatencyMs << " ms over " << std::size(pages)
              << " turns x 2 followers\n";
    CHECK(maxLatencyMs < 1'000);

    for (Follower& f : followers)
        renderCurrentPage(f, *deck, 2);

    // Mute and camera state is signalled, not guessed.
    const auto muted = followers[0].slides->reportMedia(true, false, true);
    REQUIRE(muted.ok());
    REQUIRE(spinFor([&] { return !followers[1].media.empty(); }, 5'000));
    CHECK(followers[1].media[0].accountId == followers[0].accountId);
    CHECK(followers[1].media[0].audioMuted);
    CHECK_FALSE(followers[1].media[0].videoOff);
    CHECK(followers[1].media[0].audioOnly);
    const auto everyone = presenting.fetchMedia();
    REQUIRE(everyone.ok());
    REQUIRE(everyone->size() == 1);
    CHECK(everyone->at(0).audioMuted);

    // A deck that is not a PDF is refused with the hub's reason.
    const auto refused = presenting.uploadDeck("not a pdf", QStringLiteral("x"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().hubCode == QStringLiteral("not_pdf"));
    for (Follower& f : followers) {
        CHECK(f.listener.droppedEvents() == 0);
        f.listener.stop();
    }
}

} // namespace

TEST_CASE("Page turns reach two followers in under a second; each downloads the deck once (SQLite)",
          "[sync][live][hub][slides]")
{
    TempDir dirs;
    runSlides(HubStorage{dirs / "hub", {}});
}

TEST_CASE("Page turns reach two followers in under a second; each downloads the deck once (PostgreSQL)",
          "[sync][live][hub][slides][postgres]")
{
    auto postgres = PostgresServer::start("spoke_sync_slides");
    if (!postgres) {
        SPOKE_SKIP_OR_FAIL(PostgresServer::unavailableReason().value_or("PostgreSQL is unavailable"));
        return;
    }
    TempDir dirs;
    runSlides(HubStorage{dirs / "hub", postgres->url()});
}

} // namespace spoke::test

TEST_CASE("slide and media events are read strictly, and a bad one is dropped", "[sync][live][slides]")
{
    using namespace spoke;
    const QString sha(64, u'c');
    const QByteArray slide = QStringLiteral("{\"event\":\"slide\",\"session_id\":7,\"deck\":\"%1\",\"page\":3,"
                                            "\"at_ms\":1796900001000,\"by\":{\"id\":2,\"name\":\"Dr Otieno\"}}")
                                 .arg(sha)
                                 .toUtf8();
    const auto parsed = sync::parseHubEvent(slide);
    REQUIRE(parsed.ok());
    const auto* turn = std::get_if<sync::HubSlideTurn>(&*parsed);
    REQUIRE(turn != nullptr);
    CHECK(turn->sessionId == 7);
    CHECK(turn->deck == sha);
    CHECK(turn->page == 3);
    CHECK(turn->id == 0); // the contract's event need not carry it
    CHECK(turn->byName == QStringLiteral("Dr Otieno"));

    const QByteArray media = "{\"event\":\"media\",\"session_id\":7,\"account_id\":4,\"audio_muted\":true,"
                             "\"video_off\":false,\"audio_only\":false,\"at_ms\":5}";
    const auto state = sync::parseHubEvent(media);
    REQUIRE(state.ok());
    REQUIRE(std::get_if<sync::HubMediaState>(&*state) != nullptr);
    CHECK(std::get<sync::HubMediaState>(*state).audioMuted);
    CHECK(std::get<sync::HubMediaState>(*state).accountId == 4);

    // Each of these breaks the contract in one field.
    const QByteArray bad[] = {
        QByteArray(slide).replace(sha.toUtf8(), "ABC"),
        QByteArray(slide).replace(sha.toUtf8(), sha.toUpper().toUtf8()),
        QByteArray(slide).replace("\"page\":3", "\"page\":-1"),
        QByteArray(slide).replace("\"page\":3", "\"page\":\"3\""),
        QByteArray(slide).replace("\"by\":{\"id\":2,\"name\":\"Dr Otieno\"}", "\"by\":null"),
        QByteArray(media).replace("\"audio_muted\":true,", ""),
        QByteArray(media).replace("\"video_off\":false", "\"video_off\":0"),
        QByteArray(media).replace("\"account_id\":4", "\"account_id\":0"),
    };
    sync::EventListener listener;
    int heard = 0;
    QObject::connect(&listener, &sync::EventListener::slideTurned, [&](const sync::HubSlideTurn&) { ++heard; });
    QObject::connect(&listener, &sync::EventListener::mediaChanged, [&](const sync::HubMediaState&) { ++heard; });
    for (const QByteArray& message : bad) {
        INFO(message.toStdString());
        CHECK_FALSE(sync::parseHubEvent(message).ok());
        listener.handleMessage(QString::fromUtf8(message));
    }
    CHECK(heard == 0);
    CHECK(listener.droppedEvents() == int(std::size(bad)));
    listener.handleMessage(QString::fromUtf8(slide));
    listener.handleMessage(QString::fromUtf8(media));
    listener.handleMessage(QStringLiteral("{\"event\":\"slide_v2\",\"session_id\":7}"));
    CHECK(heard == 2);
    CHECK(listener.droppedEvents() == int(std::size(bad)));
}
