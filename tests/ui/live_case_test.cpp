// The case panel against a real spoke-hub on 127.0.0.1 (issue 13, "Its
// sections follow the presenter's scroll, and anyone can detach"): a
// clinician presents their case through the hub's HTTP API and the app's
// LiveCaseModel shows it at their section, stops following when its viewer
// scrolls away and follows again; then the app (the chair) presents, and
// only the section its scrolling rests on reaches a second panel.
#include "viewmodels/AppController.h"
#include "viewmodels/LiveCaseModel.h"

#include "HttpMember.h"
#include "HubProcess.h"
#include "TestApp.h"
#include "UiWait.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using spoke::test::waitUntil;
using spoke::ui::LiveCaseModel;

namespace {

int sectionIndex(LiveCaseModel& model, const QString& key)
{
    for (int i = 0; i < model.sections()->rowCount(); ++i)
        if (model.sections()->get(i).value(QStringLiteral("key")).toString() == key)
            return i;
    return -1;
}

} // namespace

TEST_CASE("Case panel against a hub: it follows the presenter's section and a viewer scrolls away and follows again "
          "and the chair's resting section reaches another panel",
          "[.hub][ui][live]")
{
    spoke::test::HubProcess hub{QStringLiteral(SPOKE_HUB_PATH)};
    hub.start();
    const qint64 programme = hub.addProgramme(QStringLiteral("Namibia HIV ECHO"), QStringLiteral("hiv"));
    const qint64 session =
        hub.admin({QStringLiteral("session"), QStringLiteral("add"), QStringLiteral("--programme"),
                   QString::number(programme), QStringLiteral("--title"), QStringLiteral("Weekly ECHO"),
                   QStringLiteral("--starts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)})
            .value(QStringLiteral("id"))
            .toInteger();
    REQUIRE(session > 0);

    spoke::test::TestApp chair(false);
    auto& app = chair.app;
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    app.hub()->redeemInvite(hub.url(), hub.invite(programme, QStringLiteral("specialist")),
                            QStringLiteral("dr.chair@hub.example"), QStringLiteral("Dr Chair"),
                            spoke::test::kMemberPassword, spoke::test::kMemberPassword);
    REQUIRE(waitUntil([&] { return !app.hub()->busy(); }, 15'000));
    REQUIRE(app.hub()->signedIn());

    spoke::test::HttpMember presenter{hub.url()};
    presenter.redeem(hub.invite(programme, QStringLiteral("clinician")), QStringLiteral("nurse@clinic.example"),
                     QStringLiteral("Nurse <i>Amutenya</i>"));
    QFile fixture(QStringLiteral(SPOKE_UI_FIXTURES "/clean-hiv.json"));
    REQUIRE(fixture.open(QIODevice::ReadOnly));
    int status = 0;
    const QJsonObject submitted =
        QJsonDocument::fromJson(
            presenter.send("POST", QStringLiteral("/api/v1/cases"), fixture.readAll(), "application/json", &status))
            .object();
    REQUIRE(status == 201);
    const qint64 caseId = submitted.value(QStringLiteral("case")).toObject().value(QStringLiteral("id")).toInteger();
    const QString viewPath = QStringLiteral("/api/v1/sessions/%1/case-view").arg(session);
    const auto presenterShows = [&](const char* section) {
        int answered = 0;
        presenter.call("POST", viewPath,
                       {{QStringLiteral("case_id"), double(caseId)}, {QStringLiteral("section"), section}}, &answered);
        REQUIRE(answered == 201);
    };

    LiveCaseModel& panel = *app.liveCase();
    app.setLiveSession(session);
    REQUIRE(waitUntil([&] { return app.live()->eventsOpen(); }, 15'000));
    CHECK_FALSE(panel.hasPresenter());

    // The presenter's section: the panel loads their case and shows it there.
    presenterShows("labs");
    REQUIRE(waitUntil([&] { return panel.caseId() == caseId && panel.sections()->rowCount() > 1; }, 15'000));
    const int labs = sectionIndex(panel, QStringLiteral("labs"));
    const int history = sectionIndex(panel, QStringLiteral("history"));
    REQUIRE(labs >= 0);
    REQUIRE(history >= 0);
    CHECK(panel.following());
    CHECK_FALSE(panel.presenting());
    CHECK(panel.followIndex() == labs);
    CHECK(panel.followText() == QStringLiteral("Following Nurse <i>Amutenya</i>, the presenter."));

    // Scrolling to the presenter's own section keeps following; away from it does not.
    panel.scrolledTo(QStringLiteral("labs"));
    CHECK(panel.following());
    panel.scrolledTo(QStringLiteral("history"));
    CHECK_FALSE(panel.following());
    CHECK(panel.followIndex() == -1);
    presenterShows("history");
    REQUIRE(waitUntil([&] { return panel.followText().startsWith(QStringLiteral("Reading on your own")); }, 15'000));
    presenterShows("labs");
    (void)waitUntil([] { return false; }, 300);
    CHECK_FALSE(panel.following()); // the presenter's moves do not pull a reader back
    panel.follow();
    REQUIRE(waitUntil([&] { return panel.following() && panel.followIndex() == labs; }, 15'000));

    // The chair presents: a second panel (a late joiner on this laptop)
    // follows only the section the chair's scrolling rested on.
    LiveCaseModel other(chair.sync);
    other.setSession(session);
    QStringList otherSections;
    QObject::connect(&other, &LiveCaseModel::followChanged, [&] {
        if (other.followIndex() >= 0)
            otherSections.append(other.sections()->get(other.followIndex()).value(QStringLiteral("key")).toString());
    });
    panel.present(caseId);
    CHECK(panel.presenting());
    CHECK(panel.followText().startsWith(QStringLiteral("You are presenting")));
    panel.scrolledTo(QStringLiteral("history"));
    panel.scrolledTo(QStringLiteral("labs"));
    panel.scrolledTo(QStringLiteral("history"));
    REQUIRE(waitUntil([&] { return other.caseId() == caseId && other.followIndex() == history; }, 15'000));
    CHECK(other.followText() == QStringLiteral("Following Dr Chair, the presenter."));
    CHECK_FALSE(otherSections.contains(QStringLiteral("labs")));
    // Our own view came back on the socket and did not make us a follower.
    CHECK(panel.presenting());
}
