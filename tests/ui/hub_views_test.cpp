// The app's hub views against a real spoke-hub on 127.0.0.1: joining with an
// invite, Submit while the hub is down ("Waiting to send") and after it is
// back ("Sent to the hub"), a specialist's review page writing a
// recommendation, and the clinician's notice and case view when it arrives.
#include "viewmodels/AppController.h"

#include "HubProcess.h"
#include "TestApp.h"
#include "UiWait.h"

#include <catch2/catch.hpp>

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>

using spoke::test::waitUntil;
using spoke::ui::AppController;

namespace {

const QString kCleanCase = QStringLiteral(SPOKE_UI_FIXTURES "/clean-hiv.json");
const QString kPassword = QStringLiteral("correct horse battery");

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

// Everything queued has reached the hub (or the pass failed).
bool syncedClean(AppController& app)
{
    return !app.syncing() && app.pendingOutbox() == 0 && app.syncError().isEmpty();
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

TEST_CASE("Hub views: join, submit offline then sent, review and recommend, the notice and the case view", "[ui][hub]")
{
    spoke::test::HubProcess hub(QStringLiteral(SPOKE_HUB_PATH));
    hub.start();
    const qint64 programme = hub.addProgramme(QStringLiteral("Namibia HIV ECHO"), QStringLiteral("hiv"));
    const QString clinicianCode = hub.invite(programme, QStringLiteral("clinician"));
    const QString specialistCode = hub.invite(programme, QStringLiteral("specialist"));

    spoke::test::TestApp clinician(false);
    AppController& app = clinician.app;
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    join(app, hub.url(), clinicianCode, QStringLiteral("nurse@clinic.example"), QStringLiteral("Nurse Amutenya"));
    CHECK(app.hub()->memberships().size() == 1);
    CHECK(app.hub()->memberships().first().toMap().value(QStringLiteral("role")) == QStringLiteral("Clinician"));
    CHECK_FALSE(app.hub()->canReview());
    REQUIRE(waitUntil([&] { return syncedClean(app) && app.syncDetail() != QStringLiteral("Never synced"); }, 15'000));
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
    REQUIRE(waitUntil([&] { return editor.hubStatusText() == QStringLiteral("Waiting to send"); }, 15'000));
    CHECK(editor.notice().contains(QStringLiteral("waits on this laptop")));
    CHECK_FALSE(editor.editable());
    REQUIRE(waitUntil([&] { return caseStatusInList(app, caseId) == QStringLiteral("Waiting to send"); }));
    REQUIRE(waitUntil([&] { return app.pendingOutbox() == 1 && !app.syncError().isEmpty(); }, 20'000));
    CHECK(app.syncSummary() == QStringLiteral("1 change(s) waiting to send"));
    CHECK(app.syncError().contains(QStringLiteral("could not be reached")));

    // The hub is back on the same address: one sync delivers it.
    hub.start();
    app.syncNow();
    REQUIRE(waitUntil(
        [&] { return syncedClean(app) && caseStatusInList(app, caseId) == QStringLiteral("Sent to the hub"); },
        20'000));
    CHECK(editor.hubStatusText() == QStringLiteral("Sent to the hub"));
    CHECK_FALSE(editor.editable());

    // The specialist's review page finds it and recommends.
    spoke::test::TestApp specialist(false);
    AppController& reviewer = specialist.app;
    REQUIRE(waitUntil([&] { return reviewer.loaded(); }));
    join(reviewer, hub.url(), specialistCode, QStringLiteral("dr.hub@hub.example"),
         QStringLiteral("Dr Hub Specialist"));
    CHECK(reviewer.hub()->canReview());
    auto& review = *reviewer.review();
    review.setActive(true);
    REQUIRE(waitUntil([&] { return !review.loading() && review.queue()->rowCount() == 1; }, 15'000));
    const QVariantMap queued = review.queue()->get(0);
    CHECK(queued.value(QStringLiteral("code")) == QStringLiteral("ECHO-HIV-C001"));
    review.select(queued.value(QStringLiteral("hubCaseId")).toLongLong());
    REQUIRE(waitUntil([&] { return !review.caseLoading() && !review.caseHtml().isEmpty(); }, 15'000));
    CHECK(review.caseHtml().contains(QStringLiteral("viraemia"), Qt::CaseInsensitive));
    CHECK_FALSE(review.canSend());
    checkReviewPageRenders(reviewer);
    review.setActive(true); // the page set it back when it closed
    review.setItem(0, QStringLiteral("Do a genotype resistance test now."));
    review.addItem();
    review.setItem(1, QStringLiteral("Adherence counselling before any switch."));
    review.setText(QStringLiteral("Present again with the result."));
    REQUIRE(review.canSend());
    review.send();
    REQUIRE(waitUntil([&] { return review.notice().contains(QStringLiteral("queued")); }));
    REQUIRE(waitUntil([&] { return syncedClean(reviewer) && review.queue()->rowCount() == 0; }, 20'000));

    // The clinician: a notice with the case, then the recommendation in the case view.
    app.syncNow();
    REQUIRE(waitUntil([&] { return app.arrivalCaseId() == caseId; }, 20'000));
    CHECK(app.arrivalText() == QStringLiteral("New recommendations from the hub for ECHO-HIV-C001."));
    REQUIRE(waitUntil([&] { return caseStatusInList(app, caseId) == QStringLiteral("Recommendations received"); }));
    editor.open(caseId);
    REQUIRE(waitUntil([&] { return !editor.loading() && !editor.busy() && !editor.recommendations().isEmpty(); }));
    const QVariantMap recommendation = editor.recommendations().first().toMap();
    CHECK(recommendation.value(QStringLiteral("author")) == QStringLiteral("Dr Hub Specialist"));
    CHECK(recommendation.value(QStringLiteral("text")).toString().contains(QStringLiteral("1. Do a genotype")));
    CHECK(recommendation.value(QStringLiteral("text")).toString().contains(QStringLiteral("Present again")));
    CHECK(editor.hubStatusText() == QStringLiteral("Recommendations received"));
    app.dismissArrival();
    CHECK(app.arrivalText().isEmpty());
}
