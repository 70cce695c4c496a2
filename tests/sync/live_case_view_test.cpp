// The case panel follows its presenter, against a real spoke-hub on
// 127.0.0.1 (issue 13): the clinician who submitted a case shows its
// sections; the chair's and another clinic's event sockets hear each one in
// under a second; a member who neither chairs nor presents is refused.

#include "SyncTestSupport.h"
#include "support/PostgresServer.h"
#include "support/RequireAll.h"
#include "support/TempDir.h"

#include "sync/EventListener.h"
#include "sync/HubClient.h"
#include "sync/HubProtocol.h"
#include "sync/LiveSessionClient.h"

#include <QCoreApplication>

#include <iostream>

namespace spoke::test {

namespace {

struct Panel {
    std::unique_ptr<sync::HubClient> client;
    qint64 accountId = 0;
    sync::EventListener listener;
    std::vector<sync::HubCaseView> views;
    std::vector<qint64> heardAtMs;
    bool open = false;
};

void listen(Panel& panel, const QString& url, const QElapsedTimer& clock)
{
    QObject::connect(&panel.listener, &sync::EventListener::changed, [&panel](qint64) { panel.open = true; });
    QObject::connect(&panel.listener, &sync::EventListener::caseViewed,
                     [&panel, &clock](const sync::HubCaseView& view) {
                         panel.views.push_back(view);
                         panel.heardAtMs.push_back(clock.elapsed());
                     });
    panel.listener.start(QUrl(url), panel.client->token());
}

void runCaseViews(const HubStorage& storage)
{
    std::filesystem::create_directories(storage.dataDir);
    const HubSetup setup = setUpHub(storage);
    const QString secondClinic = hubAdmin(storage, {"member", "invite", "--programme",
                                                    QString::number(setup.programmeId), "--role", "clinician"})
                                     .value("code")
                                     .toString();
    HubProcess hub(storage);
    QElapsedTimer clock;
    clock.start();

    qint64 presenterId = 0;
    auto presenter =
        redeemedClient(hub.url(), setup.clinicianInvite, "wanjiru@example.org", "Clinic Wanjiru", presenterId);
    const auto submitted = presenter->call("POST", "api/v1/cases", cleanCase(QStringLiteral("ECHO-TB-K0900")));
    REQUIRE(submitted.ok());
    const qint64 caseId = QJsonDocument::fromJson(*submitted).object()["case"].toObject()["id"].toInteger();
    REQUIRE(caseId > 0);

    Panel panels[2];
    panels[0].client =
        redeemedClient(hub.url(), setup.specialistInvite, "otieno@example.org", "Dr Otieno", panels[0].accountId);
    panels[1].client =
        redeemedClient(hub.url(), secondClinic, "other@example.org", "Clinic Other", panels[1].accountId);
    for (Panel& panel : panels)
        listen(panel, hub.url(), clock);
    REQUIRE(spinFor([&] { return panels[0].open && panels[1].open; }, 10'000));

    sync::LiveSessionClient presenting(*presenter, setup.sessionId);
    qint64 maxLatencyMs = 0;
    const QString sections[] = {QStringLiteral("history"), QStringLiteral("labs"), QStringLiteral("question")};
    for (std::size_t i = 0; i < std::size(sections); ++i) {
        const qint64 sentAtMs = clock.elapsed();
        const auto shown = presenting.showCaseSection(caseId, sections[i]);
        INFO((shown ? QString() : shown.error().detail).toStdString());
        REQUIRE(shown.ok());
        CHECK(shown->id > 0);
        CHECK(shown->section == sections[i]);
        REQUIRE(spinFor([&] { return panels[0].views.size() > i && panels[1].views.size() > i; }, 5'000));
        for (Panel& panel : panels) {
            CHECK(panel.views[i].caseId == caseId);
            CHECK(panel.views[i].sessionId == setup.sessionId);
            CHECK(panel.views[i].section == sections[i]);
            CHECK(panel.views[i].byId == presenterId);
            CHECK(panel.views[i].byName == QStringLiteral("Clinic Wanjiru"));
            maxLatencyMs = std::max(maxLatencyMs, panel.heardAtMs[i] - sentAtMs);
        }
    }
    std::cout << "case_view events: max latency " << maxLatencyMs << " ms over " << std::size(sections)
              << " sections x 2 panels\n";
    CHECK(maxLatencyMs < 1'000);

    // The chair leads too; another clinic only follows; a bad key never leaves as a 2xx.
    sync::LiveSessionClient chairing(*panels[0].client, setup.sessionId);
    CHECK(chairing.showCaseSection(caseId, QStringLiteral("imaging")).ok());
    sync::LiveSessionClient following(*panels[1].client, setup.sessionId);
    const auto refused = following.showCaseSection(caseId, QStringLiteral("history"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == sync::SyncErrorKind::Forbidden);
    const auto unknown = chairing.showCaseSection(987654, QStringLiteral("history"));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().kind == sync::SyncErrorKind::NotFound);
    const auto badKey = chairing.showCaseSection(caseId, QStringLiteral("no spaces"));
    REQUIRE_FALSE(badKey.ok());
    CHECK(badKey.error().kind == sync::SyncErrorKind::BadRequest);
    REQUIRE(spinFor([&] { return panels[1].views.size() == 4; }, 5'000));
    CHECK(panels[1].views[3].byId == panels[0].accountId);
    for (Panel& panel : panels) {
        CHECK(panel.listener.droppedEvents() == 0);
        panel.listener.stop();
    }
}

} // namespace

TEST_CASE("Case panel sections reach the chair and another clinic in under a second (SQLite)",
          "[sync][live][hub][cases]")
{
    TempDir dirs;
    runCaseViews(HubStorage{dirs / "hub", {}});
}

TEST_CASE("Case panel sections reach the chair and another clinic in under a second (PostgreSQL)",
          "[sync][live][hub][cases][postgres]")
{
    auto postgres = PostgresServer::start("spoke_sync_case_views");
    if (!postgres) {
        SPOKE_SKIP_OR_FAIL(PostgresServer::unavailableReason().value_or("PostgreSQL is unavailable"));
        return;
    }
    TempDir dirs;
    runCaseViews(HubStorage{dirs / "hub", postgres->url()});
}

} // namespace spoke::test

TEST_CASE("case_view events are read strictly and a bad one is dropped", "[sync][live][cases]")
{
    using namespace spoke;
    const QByteArray event =
        "{\"event\":\"case_view\",\"session_id\":7,\"id\":12,\"case_id\":31,"
        "\"section\":\"history\",\"at_ms\":1796900001000,\"by\":{\"id\":2,\"name\":\"Dr Otieno\"}}";
    const auto parsed = sync::parseHubEvent(event);
    REQUIRE(parsed.ok());
    const auto* view = std::get_if<sync::HubCaseView>(&*parsed);
    REQUIRE(view != nullptr);
    CHECK(view->sessionId == 7);
    CHECK(view->id == 12);
    CHECK(view->caseId == 31);
    CHECK(view->section == QStringLiteral("history"));
    CHECK(view->atMs == 1796900001000);
    CHECK(view->byId == 2);
    CHECK(view->byName == QStringLiteral("Dr Otieno"));
    const auto withoutId = sync::parseHubEvent(QByteArray(event).replace("\"id\":12,", ""));
    REQUIRE(withoutId.ok());
    CHECK(std::get<sync::HubCaseView>(*withoutId).id == 0);

    // Each of these breaks the contract in one field.
    const QByteArray bad[] = {
        QByteArray(event).replace("\"case_id\":31", "\"case_id\":0"),
        QByteArray(event).replace("\"case_id\":31", "\"case_id\":\"31\""),
        QByteArray(event).replace("\"section\":\"history\"", "\"section\":\"\""),
        QByteArray(event).replace("\"section\":\"history\"", "\"section\":\"<b>history</b>\""),
        QByteArray(event).replace("\"section\":\"history\"", "\"section\":7"),
        QByteArray(event).replace("\"session_id\":7,", ""),
        QByteArray(event).replace("\"by\":{\"id\":2,\"name\":\"Dr Otieno\"}", "\"by\":null"),
    };
    for (const QByteArray& message : bad) {
        INFO(message.toStdString());
        CHECK_FALSE(sync::parseHubEvent(message).ok());
    }
    sync::EventListener listener;
    int heard = 0;
    QObject::connect(&listener, &sync::EventListener::caseViewed, [&heard](const sync::HubCaseView&) { ++heard; });
    listener.handleMessage(QString::fromUtf8(event));
    listener.handleMessage(QString::fromUtf8(bad[3]));
    CHECK(heard == 1);
    CHECK(listener.droppedEvents() == 1);

    const auto answer = sync::parseCaseViewAnswer(
        "{\"view\":{\"id\":3,\"session_id\":7,\"case_id\":31,\"section\":\"labs\",\"at_ms\":5,"
        "\"by\":{\"id\":2,\"name\":\"Dr Otieno\"}}}");
    REQUIRE(answer.ok());
    CHECK(answer->section == QStringLiteral("labs"));
    CHECK_FALSE(sync::parseCaseViewAnswer("{\"view\":{\"id\":3}}").ok());
}
