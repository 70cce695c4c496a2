// The app's hub views against a real spoke-hub on 127.0.0.1. One case per
// side, each with one hub worker in the process as in the app; the other
// laptop is spoke-cli with its own data dir. The clinician joins in
// Settings → Hub account, submits while the hub is down ("Waiting to send"),
// then after it is back ("Sent to the hub"), and gets the notice and the
// recommendation in the case view; the specialist's Review page reads the
// queue and the case read-only and sends a recommendation.
#include "viewmodels/AppController.h"

#include "HubProcess.h"
#include "TestApp.h"
#include "UiWait.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>

using spoke::test::waitUntil;
using spoke::ui::AppController;

namespace {

const QString kCleanCase = QStringLiteral(SPOKE_UI_FIXTURES "/clean-hiv.json");
const QString kPassword = QStringLiteral("correct horse battery");

// A hub with one HIV programme and an invite for each role asked for.
struct Programme {
    spoke::test::HubProcess hub{QStringLiteral(SPOKE_HUB_PATH)};
    qint64 id = 0;
    Programme()
    {
        hub.start();
        id = hub.addProgramme(QStringLiteral("Namibia HIV ECHO"), QStringLiteral("hiv"));
    }
    QString invite(const char* role) { return hub.invite(id, QString::fromLatin1(role)); }
};

// Joins the hub with `code` from Settings → Hub account.
void join(AppController& app, const QString& url, const QString& code, const QString& email, const QString& name)
{
    auto& hub = *app.hub();
    hub.redeemInvite(url, code, email, name, kPassword, kPassword);
    REQUIRE(waitUntil([&] { return !hub.busy(); }, 15'000));
    INFO(hub.error().toStdString());
    REQUIRE(hub.signedIn());
}

QString caseStatusInList(AppController& app, qint64 caseId)
{
    for (int row = 0; row < app.cases()->rowCount(); ++row)
        if (app.cases()->get(row).value(QStringLiteral("caseId")).toLongLong() == caseId)
            return app.cases()->get(row).value(QStringLiteral("status")).toString();
    return {};
}

// Everything queued has reached the hub, and the last pass was clean.
bool syncedClean(AppController& app)
{
    return !app.syncing() && app.pendingOutbox() == 0 && app.syncError().isEmpty()
           && app.syncDetail() != QStringLiteral("Never synced");
}

QJsonArray reviewQueueWithCli(const spoke::test::TempDir& specialist)
{
    return QJsonDocument::fromJson(spoke::test::runCli(specialist, {QStringLiteral("review"), QStringLiteral("queue"),
                                                                    QStringLiteral("--json")}))
        .array();
}

// The specialist's window on the Review page with the selected case: it
// renders, and QML reports no warning (a broken binding, a missing type).
void checkReviewPageRenders(AppController& reviewer)
{
    AppController::setInstance(&reviewer);
    QStringList warnings;
    {
        QQmlApplicationEngine engine;
        QObject::connect(&engine, &QQmlEngine::warnings, [&](const QList<QQmlError>& errors) {
            for (const auto& error : errors)
                warnings << error.toString();
        });
        engine.load(QUrl(QStringLiteral("qrc:/Spoke/Ui/Main.qml")));
        REQUIRE(engine.rootObjects().size() == 1);
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        REQUIRE(window);
        QMetaObject::invokeMethod(window, "showSection", Q_ARG(QVariant, 4));
        REQUIRE(waitUntil([&] { return window->findChild<QQuickItem*>(QStringLiteral("reviewQueue")); }));
        REQUIRE(waitUntil([&] { return reviewer.review()->active() && !reviewer.review()->loading(); }, 15'000));
        QCoreApplication::processEvents();
        CHECK_FALSE(window->grabWindow().isNull());
    }
    AppController::setInstance(nullptr);
    CHECK(warnings.isEmpty());
    if (!warnings.isEmpty())
        WARN(warnings.join(QLatin1Char('\n')).toStdString());
}

} // namespace

TEST_CASE("Hub views for a clinician: join and submit while the hub is down then sent and the recommendation arrives",
          "[.hub][ui]")
{
    Programme programme;
    auto& hub = programme.hub;
    const QString specialistCode = programme.invite("specialist");

    spoke::test::TestApp clinician(false);
    AppController& app = clinician.app;
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    join(app, hub.url(), programme.invite("clinician"), QStringLiteral("nurse@clinic.example"),
         QStringLiteral("Nurse Amutenya"));
    CHECK(app.hub()->memberships().size() == 1);
    CHECK(app.hub()->memberships().first().toMap().value(QStringLiteral("role")) == QStringLiteral("Clinician"));
    CHECK_FALSE(app.hub()->canReview());
    REQUIRE(waitUntil([&] { return syncedClean(app); }, 15'000));
    CHECK(app.syncSummary() == QStringLiteral("Everything has been sent to the hub"));

    // A clean case, marked ready.
    auto& editor = *app.editor();
    editor.importJson(kCleanCase);
    REQUIRE(waitUntil([&] { return editor.caseId() > 0 && !editor.busy() && !editor.loading(); }));
    editor.markReady();
    REQUIRE(waitUntil([&] { return editor.status() == QStringLiteral("ready") && !editor.busy(); }));
    const qint64 caseId = editor.caseId();
    CHECK(editor.canSubmit());

    // Submitted while the hub is down: it waits, says so, and cannot be edited.
    hub.stop();
    editor.submit();
    const bool waiting = waitUntil([&] { return editor.hubStatusText() == QStringLiteral("Waiting to send"); }, 15'000);
    INFO("editor error: " << editor.error().toStdString() << "; notice: " << editor.notice().toStdString());
    REQUIRE(waiting);
    CHECK(editor.notice().contains(QStringLiteral("in the outbox")));
    CHECK_FALSE(editor.editable());
    REQUIRE(waitUntil([&] { return caseStatusInList(app, caseId) == QStringLiteral("Waiting to send"); }));
    REQUIRE(waitUntil([&] { return app.pendingOutbox() == 1 && !app.syncError().isEmpty(); }, 20'000));
    CHECK(app.syncSummary() == QStringLiteral("1 change(s) waiting to send"));
    CHECK(app.syncError().contains(QStringLiteral("could not be reached")));

    // The hub is back on the same address: one sync delivers it.
    hub.start(hub.port());
    app.syncNow();
    REQUIRE(waitUntil(
        [&] { return syncedClean(app) && caseStatusInList(app, caseId) == QStringLiteral("Sent to the hub"); },
        20'000));
    CHECK(editor.hubStatusText() == QStringLiteral("Sent to the hub"));
    CHECK_FALSE(editor.editable());

    // A specialist on another laptop recommends.
    spoke::test::TempDir specialist;
    spoke::test::joinWithCli(specialist, hub.url(), specialistCode, QStringLiteral("dr.hub@hub.example"),
                             QStringLiteral("Dr Hub Specialist"), kPassword);
    const QJsonArray queue = reviewQueueWithCli(specialist);
    REQUIRE(queue.size() == 1);
    const QString hubCaseId = QString::number(queue.at(0).toObject().value(QStringLiteral("id")).toInteger());
    spoke::test::runCli(specialist, {QStringLiteral("review"), QStringLiteral("recommend"), hubCaseId,
                                     QStringLiteral("--item"), QStringLiteral("Do a genotype resistance test now."),
                                     QStringLiteral("--item"), QStringLiteral("Adherence counselling first.")});
    spoke::test::runCli(specialist, {QStringLiteral("sync")});

    // The clinician: a notice naming the case (the event socket or the next
    // pass brings it), the status in the list, the recommendation in the case view.
    REQUIRE(waitUntil([&] { return app.arrivalCaseId() == caseId; }, 20'000));
    CHECK(app.arrivalText() == QStringLiteral("New recommendations from the hub for ECHO-HIV-C001."));
    REQUIRE(waitUntil([&] { return caseStatusInList(app, caseId) == QStringLiteral("Recommendations received"); }));
    REQUIRE(waitUntil([&] { return !editor.busy() && !editor.recommendations().isEmpty(); }));
    const QVariantMap recommendation = editor.recommendations().first().toMap();
    CHECK(recommendation.value(QStringLiteral("author")) == QStringLiteral("Dr Hub Specialist"));
    CHECK(recommendation.value(QStringLiteral("text")).toString().contains(QStringLiteral("1. Do a genotype")));
    CHECK(recommendation.value(QStringLiteral("text")).toString().contains(QStringLiteral("2. Adherence")));
    CHECK(editor.hubStatusText() == QStringLiteral("Recommendations received"));
    CHECK_FALSE(editor.editable());
    app.dismissArrival();
    CHECK(app.arrivalText().isEmpty());
}

TEST_CASE("Hub views for a specialist: the Review page reads the queue and the case and sends numbered items",
          "[.hub][ui]")
{
    Programme programme;
    auto& hub = programme.hub;

    // A clinician on another laptop submits a clean case.
    spoke::test::TempDir clinic;
    spoke::test::joinWithCli(clinic, hub.url(), programme.invite("clinician"), QStringLiteral("nurse@clinic.example"),
                             QStringLiteral("Nurse Amutenya"), kPassword);
    const QString localId = QString::fromUtf8(
        spoke::test::runCli(clinic, {QStringLiteral("cases"), QStringLiteral("import"), kCleanCase}).trimmed());
    spoke::test::runCli(clinic, {QStringLiteral("cases"), QStringLiteral("submit"), localId});
    spoke::test::runCli(clinic, {QStringLiteral("sync")});

    spoke::test::TestApp specialist(false);
    AppController& reviewer = specialist.app;
    REQUIRE(waitUntil([&] { return reviewer.loaded(); }));
    join(reviewer, hub.url(), programme.invite("specialist"), QStringLiteral("dr.hub@hub.example"),
         QStringLiteral("Dr Hub Specialist"));
    CHECK(reviewer.hub()->canReview());
    auto& review = *reviewer.review();
    review.setActive(true);
    REQUIRE(waitUntil([&] { return !review.loading() && review.queue()->rowCount() == 1; }, 15'000));
    const QVariantMap queued = review.queue()->get(0);
    CHECK(queued.value(QStringLiteral("code")) == QStringLiteral("ECHO-HIV-C001"));
    CHECK(queued.value(QStringLiteral("status")) == QStringLiteral("Submitted"));
    CHECK(queued.value(QStringLiteral("programme")) == QStringLiteral("Namibia HIV ECHO"));
    review.select(queued.value(QStringLiteral("hubCaseId")).toLongLong());
    REQUIRE(waitUntil([&] { return !review.caseLoading() && !review.caseHtml().isEmpty(); }, 15'000));
    CHECK(review.caseCode() == QStringLiteral("ECHO-HIV-C001"));
    CHECK(review.caseHtml().contains(QStringLiteral("Ohangwena")));
    CHECK(review.caseHtml().contains(QStringLiteral("TLD")));
    CHECK_FALSE(review.canSend());
    checkReviewPageRenders(reviewer);
    review.setActive(true); // the page set it back when it closed

    // Two numbered items (an empty third is left out) and free text.
    review.setItem(0, QStringLiteral("Do a genotype resistance test now."));
    review.addItem();
    review.setItem(1, QStringLiteral("Adherence counselling before any switch."));
    review.addItem();
    review.removeItem(2);
    review.addItem();
    review.setText(QStringLiteral("Present again with the result."));
    REQUIRE(review.canSend());
    review.send();
    REQUIRE(waitUntil([&] { return review.notice().contains(QStringLiteral("queued")); }));
    CHECK(review.items() == QStringList{QString()});
    CHECK(review.text().isEmpty());
    // Delivered by the next pass; the queue no longer holds the case.
    REQUIRE(waitUntil([&] { return syncedClean(reviewer) && review.queue()->rowCount() == 0; }, 20'000));

    // The clinician's laptop receives exactly that recommendation.
    spoke::test::runCli(clinic, {QStringLiteral("sync")});
    const QJsonObject shown =
        QJsonDocument::fromJson(spoke::test::runCli(clinic, {QStringLiteral("cases"), QStringLiteral("show"), localId,
                                                             QStringLiteral("--json")}))
            .object();
    CHECK(shown.value(QStringLiteral("status")) == QStringLiteral("recommendations_received"));
    const QString json = QString::fromUtf8(QJsonDocument(shown).toJson());
    CHECK(json.contains(QStringLiteral("Do a genotype resistance test now.")));
    CHECK(json.contains(QStringLiteral("Adherence counselling before any switch.")));
    CHECK(json.contains(QStringLiteral("Present again with the result.")));
    CHECK(json.contains(QStringLiteral("Dr Hub Specialist")));
}
