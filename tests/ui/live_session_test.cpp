// The live session's side panel: its models on their own (the participant
// panel's merge, the chat's delivery states), and LiveSessionModel against a
// real spoke-hub on 127.0.0.1 (agenda, chair, 409, chat, hands, attestation),
// with another member acting through the hub's HTTP API.
#include "viewmodels/AppController.h"
#include "viewmodels/LiveChatModel.h"
#include "viewmodels/LiveParticipantsModel.h"
#include "viewmodels/LiveSessionModel.h"

#include "HttpMember.h"
#include "HubProcess.h"
#include "TestApp.h"
#include "UiWait.h"

#include <catch2/catch.hpp>

#include "sync/JoinInfo.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using spoke::test::waitUntil;
using spoke::ui::LiveChatModel;
using spoke::ui::LiveParticipantsModel;
using spoke::ui::LiveSessionModel;
using spoke::ui::ParticipantModel;

namespace {

ParticipantModel::Participant tile(qint64 feedId, const QString& name, bool self = false)
{
    ParticipantModel::Participant p;
    p.feedId = feedId;
    p.name = name;
    p.isSelf = self;
    return p;
}

} // namespace

TEST_CASE("Participant panel: a remote microphone is unknown until the hub says, hands and roles by account",
          "[ui][live]")
{
    LiveParticipantsModel people;
    LiveParticipantsModel::Self self{7, QStringLiteral("Clinician"), true, false, true, QStringLiteral("Good")};
    const std::vector<ParticipantModel::Participant> call{
        tile(0, QStringLiteral("Mbarara clinic"), true), tile(41, QStringLiteral("Dr Okello")),
        tile(42, QStringLiteral("Twin")), tile(43, QStringLiteral("Twin"))};
    people.setCall(call, self, [](qint64 feed) { return feed == 41 ? QStringLiteral("0.5 % lost") : QString(); });
    REQUIRE(people.rowCount() == 4);
    const auto row = [&](int i) { return people.rows()[static_cast<std::size_t>(i)]; };

    // Ourselves: what our own switches say; audio only is not "camera on".
    CHECK(row(0).audio == LiveParticipantsModel::Audio::Muted);
    CHECK(row(0).video == LiveParticipantsModel::Video::AudioOnly);
    CHECK(row(0).roleLabel == QStringLiteral("Clinician"));
    // The others: nothing from the hub yet, so unknown, whatever the wire's silence.
    CHECK(row(1).audio == LiveParticipantsModel::Audio::Unknown);
    CHECK(row(1).video == LiveParticipantsModel::Video::Unknown);
    CHECK(row(1).roleLabel.isEmpty());
    CHECK(row(1).qualityText == QStringLiteral("0.5 % lost"));

    // The hub names Dr Okello (a hand) and two accounts called "Twin".
    people.learnAccount(5, QStringLiteral("Dr Okello"), QStringLiteral("Specialist"));
    people.learnAccount(8, QStringLiteral("Twin"), QStringLiteral("Trainee"));
    people.learnAccount(9, QStringLiteral("Twin"), QStringLiteral("Clinician"));
    people.setHands({9, 5});
    CHECK(row(1).accountId == 5);
    CHECK(row(1).roleLabel == QStringLiteral("Specialist"));
    CHECK(row(1).handPosition == 2);
    // One name, two accounts: neither tile is tied to either.
    CHECK(row(2).accountId == 0);
    CHECK(row(3).accountId == 0);
    CHECK(row(2).handPosition == 0);

    // `media` then `moderation` events; an older media event that arrives late changes nothing.
    people.applyMedia({5, true, false, false, 2000});
    CHECK(row(1).audio == LiveParticipantsModel::Audio::Muted);
    CHECK(row(1).video == LiveParticipantsModel::Video::On);
    people.applyMedia({5, false, true, false, 1000});
    CHECK(row(1).audio == LiveParticipantsModel::Audio::Muted);
    people.applyModeration(5, true);
    CHECK(row(1).audio == LiveParticipantsModel::Audio::MutedByChair);

    // Someone leaves: their row goes, the others stay where they were.
    people.setCall({call[0], call[1]}, self, {});
    CHECK(people.rowCount() == 2);
    CHECK(row(1).name == QStringLiteral("Dr Okello"));
}

TEST_CASE("Participant panel: in a hub join each feed id names its account, the screen share too", "[ui][live]")
{
    LiveParticipantsModel people;
    LiveParticipantsModel::Self self{7, QStringLiteral("Specialist"), false, true, false, QStringLiteral("Good")};
    // docs/hub-api.md "Media": camera ACCOUNT*1000 + 2*SLOT, screen + 1; two
    // accounts share a display name, which no longer matters.
    const std::vector<ParticipantModel::Participant> call{
        tile(0, QStringLiteral("Dr Hub"), true), tile(12002, QStringLiteral("Twin")),
        tile(12003, QStringLiteral("Twin (screen)")), tile(13000, QStringLiteral("Twin"))};
    people.learnAccount(12, QStringLiteral("Twin"), QStringLiteral("Clinician"));
    people.learnAccount(13, QStringLiteral("Twin"), QStringLiteral("Trainee"));
    people.setCall(call, self, {});
    const auto row = [&](int i) { return people.rows()[static_cast<std::size_t>(i)]; };
    CHECK(row(1).accountId == 0); // by name: ambiguous
    people.setFeedsNameAccounts(true);
    CHECK(row(0).accountId == 7);
    CHECK(row(1).accountId == 12);
    CHECK(row(2).accountId == 12);
    CHECK(row(3).accountId == 13);
    CHECK(row(3).roleLabel == QStringLiteral("Trainee"));
    people.applyMedia({13, false, true, true, 10});
    people.applyModeration(12, true);
    CHECK(row(3).audio == LiveParticipantsModel::Audio::On);
    CHECK(row(3).video == LiveParticipantsModel::Video::AudioOnly);
    CHECK(row(1).audio == LiveParticipantsModel::Audio::MutedByChair);
    CHECK(people.mutedByChair(12));
    CHECK_FALSE(people.mutedByChair(13));
}

TEST_CASE("Chat model: ours is Sending, then Failed and retryable, then the hub's copy replaces it once", "[ui][live]")
{
    LiveChatModel chat;
    chat.setMyAccountId(7);
    chat.addPending(QStringLiteral("chat:k1"), QStringLiteral("Me"), QStringLiteral("<b>hello</b>"), 1000);
    REQUIRE(chat.rowCount() == 1);
    CHECK(chat.rows()[0].delivery == LiveChatModel::Delivery::Sending);
    chat.markFailed(QStringLiteral("chat:k1"), QStringLiteral("offline"));
    CHECK(chat.rows()[0].delivery == LiveChatModel::Delivery::Failed);
    CHECK(chat.pendingText(QStringLiteral("chat:k1")) == QStringLiteral("<b>hello</b>"));
    chat.markSending(QStringLiteral("chat:k1"));
    CHECK(chat.rows()[0].error.isEmpty());

    spoke::sync::HubChatMessage stored{
        31, 4, 7, QStringLiteral("Me"), spoke::sync::HubRole::Clinician, QStringLiteral("<b>hello</b>"), 1500};
    chat.addStored(stored, QStringLiteral("Clinician"), QStringLiteral("chat:k1"));
    chat.addStored(stored, QStringLiteral("Clinician")); // the event socket's copy
    REQUIRE(chat.rowCount() == 1);
    CHECK(chat.rows()[0].delivery == LiveChatModel::Delivery::Sent);
    CHECK(chat.rows()[0].messageId == 31);
    // Stored text stays as typed (the view shows it as plain text).
    CHECK(chat.data(chat.index(0), LiveChatModel::TextRole).toString() == QStringLiteral("<b>hello</b>"));
    CHECK(chat.data(chat.index(0), LiveChatModel::MineRole).toBool());
    chat.markFailed(QStringLiteral("chat:k1"), QStringLiteral("late")); // a stored row cannot fail any more
    CHECK(chat.rows()[0].delivery == LiveChatModel::Delivery::Sent);

    // The socket's copy first, then the answer to our send: still one row, ours.
    chat.addPending(QStringLiteral("chat:k2"), QStringLiteral("Me"), QStringLiteral("again"), 2000);
    spoke::sync::HubChatMessage second{
        32, 4, 7, QStringLiteral("Me"), spoke::sync::HubRole::Clinician, QStringLiteral("again"), 2100};
    chat.addStored(second, QStringLiteral("Clinician"));
    REQUIRE(chat.rowCount() == 3);
    chat.addStored(second, QStringLiteral("Clinician"), QStringLiteral("chat:k2"));
    REQUIRE(chat.rowCount() == 2);
    CHECK(chat.rows()[1].messageId == 32);
    CHECK(chat.rows()[1].delivery == LiveChatModel::Delivery::Sent);
    CHECK(chat.lastStoredId() == 32);
}

namespace {

const QString& kPassword = spoke::test::kMemberPassword;
using spoke::test::HttpMember;

struct LiveHub {
    spoke::test::HubProcess hub{QStringLiteral(SPOKE_HUB_PATH)};
    qint64 programme = 0;
    qint64 session = 0;
    LiveHub()
    {
        hub.start();
        programme = hub.addProgramme(QStringLiteral("Namibia HIV ECHO"), QStringLiteral("hiv"));
        session = hub.admin({QStringLiteral("session"), QStringLiteral("add"), QStringLiteral("--programme"),
                             QString::number(programme), QStringLiteral("--title"), QStringLiteral("Weekly ECHO"),
                             QStringLiteral("--starts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate),
                             QStringLiteral("--agenda"), QStringLiteral("Didactic:15,Case 1:20,Case 2:20")})
                      .value(QStringLiteral("id"))
                      .toInteger();
        REQUIRE(session > 0);
    }
    QString invite(const char* role) { return hub.invite(programme, QString::fromLatin1(role)); }
    QString path(const char* tail) const
    {
        return QStringLiteral("/api/v1/sessions/%1/%2").arg(session).arg(QLatin1String(tail));
    }
};

void signIn(spoke::ui::AppController& app, const QString& url, const QString& code, const QString& name)
{
    auto& hub = *app.hub();
    hub.redeemInvite(url, code, QStringLiteral("dr.hub@hub.example"), name, kPassword, kPassword);
    REQUIRE(waitUntil([&] { return !hub.busy(); }, 15'000));
    REQUIRE(hub.signedIn());
}

} // namespace

TEST_CASE("Live session against a hub: the chair's agenda and chat both ways and hands in order and attestation",
          "[.hub][ui][live]")
{
    LiveHub live;
    spoke::test::TestApp chairApp(false);
    auto& app = chairApp.app;
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    signIn(app, live.hub.url(), live.invite("specialist"), QStringLiteral("Dr Hub Specialist"));
    HttpMember nurse{live.hub.url()};
    nurse.redeem(live.invite("clinician"), QStringLiteral("nurse@clinic.example"),
                 QStringLiteral("Nurse <i>Amutenya</i>"));

    LiveSessionModel& model = *app.live();
    app.setLiveSession(live.session);
    REQUIRE(waitUntil([&] { return model.agenda()->rowCount() == 3 && model.eventsOpen(); }, 15'000));
    CHECK(model.chair());
    CHECK(model.agendaStatus() == QStringLiteral("Not started yet."));
    CHECK(model.nextItemTitle() == QStringLiteral("Didactic"));
    CHECK(model.agenda()->get(0).value(QStringLiteral("plannedText")) == QStringLiteral("15 min"));

    // Start the first item: it runs, highlighted, with its elapsed time.
    model.startNextItem();
    REQUIRE(waitUntil(
        [&] { return model.agenda()->get(0).value(QStringLiteral("itemState")) == QStringLiteral("running"); },
        15'000));
    CHECK(model.agendaError().isEmpty());
    CHECK(model.nextItemTitle() == QStringLiteral("Case 1"));
    CHECK(model.agendaStatus().startsWith(QStringLiteral("Now: Didactic, 0:")));
    model.refreshAgenda(model.agendaState().items[0].startedMs.value() + 125'000);
    CHECK(model.agenda()->get(0).value(QStringLiteral("elapsedText")) == QStringLiteral("2:05"));
    CHECK(model.agenda()->get(0).value(QStringLiteral("startedBy")) == QStringLiteral("Dr Hub Specialist"));

    // The clinician may not advance (403), and the chair's view is not changed by it.
    int status = 0;
    nurse.call("POST", live.path("agenda/advance"), {{QStringLiteral("end"), true}}, &status);
    CHECK(status == 403);

    // Chat both ways; names and texts arrive exactly as typed (the view shows plain text).
    nurse.call("POST", live.path("chat"), {{QStringLiteral("text"), QStringLiteral("<b>Is</b> the CD4 recent?")}},
               &status);
    CHECK(status == 201);
    REQUIRE(waitUntil([&] { return model.chat()->rowCount() == 1; }, 15'000));
    CHECK(model.chat()->rows()[0].author == QStringLiteral("Nurse <i>Amutenya</i>"));
    CHECK(model.chat()->rows()[0].text == QStringLiteral("<b>Is</b> the CD4 recent?"));
    CHECK(model.chat()->rows()[0].role == QStringLiteral("Clinician"));
    CHECK(model.sendChat(QStringLiteral("  Yes, last week.  ")));
    REQUIRE(waitUntil(
        [&] {
            return model.chat()->rowCount() == 2 && model.chat()->rows()[1].delivery == LiveChatModel::Delivery::Sent;
        },
        15'000));
    CHECK(model.chat()->rows()[1].text == QStringLiteral("Yes, last week."));
    CHECK_FALSE(model.sendChat(QStringLiteral("   ")));

    // Hands: the nurse first, then the chair; the chair lowers the nurse's.
    nurse.call("POST", live.path("hands"), {{QStringLiteral("raised"), true}}, &status);
    REQUIRE(waitUntil([&] { return model.hands()->rowCount() == 1; }, 15'000));
    model.setMyHand(true);
    REQUIRE(waitUntil([&] { return model.hands()->rowCount() == 2 && model.myHandRaised(); }, 15'000));
    CHECK(model.hands()->get(0).value(QStringLiteral("name")) == QStringLiteral("Nurse <i>Amutenya</i>"));
    CHECK(model.hands()->get(1).value(QStringLiteral("mine")).toBool());
    const qint64 nurseId = model.hands()->get(0).value(QStringLiteral("accountId")).toLongLong();
    model.lowerHand(nurseId);
    REQUIRE(waitUntil([&] { return model.hands()->rowCount() == 1; }, 15'000));
    CHECK(model.hands()->get(0).value(QStringLiteral("mine")).toBool());
    CHECK(model.handsError().isEmpty());

    // People in the room with this device, for the CME record.
    model.attest(QStringLiteral("Sister Ndapewa, Mr Shikongo\n"));
    REQUIRE(waitUntil([&] { return !model.attestNotice().isEmpty(); }, 15'000));
    CHECK(model.attestNotice().contains(QStringLiteral("Mr Shikongo")));
    CHECK(model.attestNotice().contains(QStringLiteral("Sister Ndapewa")));

    // End the session: the chair's buttons go, the status says so.
    model.endSession();
    REQUIRE(waitUntil([&] { return model.ended(); }, 15'000));
    CHECK(model.agendaStatus() == QStringLiteral("The session has ended."));
    CHECK_FALSE(model.canStartNext());
    CHECK_FALSE(model.canEnd());
}

TEST_CASE("Live session against a hub: a stale Start next item gets the hub's 409 said plainly and a failed "
          "chat message is retried once",
          "[.hub][ui][live]")
{
    LiveHub live;
    // No event socket here: the model's agenda goes stale as a laptop's
    // does when the chair on another laptop pressed first.
    spoke::test::TempDir dir;
    auto options = spoke::test::syncOptionsFor(dir.path());
    options.listenForEvents = false;
    spoke::sync::SyncWorker sync(options);
    spoke::ui::AppController app(dir.path(), QStringLiteral("test"), sync, {false});
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    signIn(app, live.hub.url(), live.invite("coordinator"), QStringLiteral("Coordinator Nangolo"));
    HttpMember otherChair{live.hub.url()};
    otherChair.redeem(live.invite("specialist"), QStringLiteral("dr.two@hub.example"), QStringLiteral("Dr Two"));

    LiveSessionModel& model = *app.live();
    app.setLiveSession(live.session);
    REQUIRE(waitUntil([&] { return model.agenda()->rowCount() == 3; }, 15'000));
    REQUIRE(model.canStartNext());
    const qint64 first = model.agenda()->get(0).value(QStringLiteral("itemId")).toLongLong();
    int status = 0;
    otherChair.call("POST", live.path("agenda/advance"), {{QStringLiteral("item_id"), first}}, &status);
    REQUIRE(status == 200);

    model.startNextItem(); // still "Didactic" here; the hub has started it already
    REQUIRE(waitUntil([&] { return !model.busy() && !model.agendaError().isEmpty(); }, 15'000));
    CHECK(model.agendaError().contains(QStringLiteral("409")));
    // The agenda is read again: the hub's, with Didactic running and Case 1 next.
    REQUIRE(waitUntil(
        [&] { return model.agenda()->get(0).value(QStringLiteral("itemState")) == QStringLiteral("running"); },
        15'000));
    CHECK(model.nextItemTitle() == QStringLiteral("Case 1"));

    // A message sent while the hub is down fails, and Retry sends it once.
    live.hub.stop();
    REQUIRE(model.sendChat(QStringLiteral("Can you hear us?")));
    REQUIRE(waitUntil(
        [&] {
            return model.chat()->rowCount() == 1 && model.chat()->rows()[0].delivery == LiveChatModel::Delivery::Failed;
        },
        20'000));
    CHECK_FALSE(model.chat()->rows()[0].error.isEmpty());
    live.hub.start(live.hub.port());
    model.retryChat(model.chat()->rows()[0].key);
    REQUIRE(waitUntil([&] { return model.chat()->rows()[0].delivery == LiveChatModel::Delivery::Sent; }, 20'000));
    const QJsonObject page = otherChair.call("GET", live.path("chat") + QStringLiteral("?after=0"), {}, &status);
    CHECK(page.value(QStringLiteral("messages")).toArray().size() == 1);
}

TEST_CASE("Live session against a hub: media state and the chair's mute signalled and the chair's controls and join "
          "refusals said plainly",
          "[.hub][ui][live]")
{
    LiveHub live; // no Janus: the media routes answer 503 media_unavailable
    spoke::test::TestApp chairApp(false);
    auto& app = chairApp.app;
    REQUIRE(waitUntil([&] { return app.loaded(); }));
    signIn(app, live.hub.url(), live.invite("specialist"), QStringLiteral("Dr Hub Specialist"));
    HttpMember nurse{live.hub.url()};
    nurse.redeem(live.invite("clinician"), QStringLiteral("nurse@clinic.example"), QStringLiteral("Nurse Amutenya"));
    const qint64 nurseId = nurse.call("GET", QStringLiteral("/api/v1/me"), {})
                               .value(QStringLiteral("account"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toInteger();
    REQUIRE(nurseId > 0);

    LiveSessionModel& model = *app.live();
    app.setLiveSession(live.session);
    REQUIRE(waitUntil([&] { return model.eventsOpen() && model.chair(); }, 15'000));

    // The nurse reports her switches; the hub's `media` event reaches the panel.
    int status = 0;
    nurse.call("POST", live.path("media"),
               {{QStringLiteral("audio_muted"), true},
                {QStringLiteral("video_off"), false},
                {QStringLiteral("audio_only"), true}},
               &status);
    REQUIRE(status == 200);
    REQUIRE(waitUntil([&] { return model.people()->mediaOf(nurseId).has_value(); }, 15'000));
    CHECK(model.people()->mediaOf(nurseId)->audioMuted);
    CHECK(model.people()->mediaOf(nurseId)->audioOnly);
    CHECK_FALSE(model.people()->mediaOf(nurseId)->videoOff);

    // The chair's mute goes to the hub; with no media server it is refused, and said.
    model.setMutedByChair(nurseId, true);
    CHECK(model.moderationBusy());
    REQUIRE(waitUntil([&] { return !model.moderationBusy(); }, 15'000));
    CHECK(model.moderationFailed());
    CHECK(model.moderationNotice()
          == QStringLiteral("The hub's media server did not answer; nothing changed. Try again."));
    CHECK_FALSE(model.people()->mutedByChair(nurseId));
    model.removeParticipant(nurseId);
    REQUIRE(waitUntil([&] { return !model.moderationBusy(); }, 15'000));
    CHECK(model.moderationFailed());

    // Joining the session's call asks the hub for the join info with this
    // install's device id, kept in the data dir, and says why it cannot.
    auto* call = app.call();
    call->joinHubSession(live.session, QStringLiteral("Weekly ECHO"));
    CHECK(call->state() == spoke::ui::CallModel::State::Connecting);
    REQUIRE(waitUntil([&] { return call->state() == spoke::ui::CallModel::State::Error; }, 15'000));
    CHECK(call->errorText().contains(QStringLiteral("no media server available")));
    QFile deviceFile(QString::fromStdString((chairApp.dir.path() / "device-id").string()));
    REQUIRE(deviceFile.open(QIODevice::ReadOnly));
    CHECK(spoke::sync::isValidDeviceId(QString::fromLatin1(deviceFile.readAll()).trimmed()));
    call->dismiss();

    // The chair's mute of this account holds our Mute down and says so;
    // lifting it leaves our own mute on until we choose.
    const qint64 me = chairApp.sync.account().accountId;
    spoke::sync::HubModeration held{live.session, me, true, nurseId, QStringLiteral("Nurse Amutenya"), 1000};
    call->applyModeration(held);
    CHECK(call->mutedByChair());
    CHECK(call->muted());
    CHECK(call->chairNotice() == QStringLiteral("The chair has muted you. Raise your hand to ask to speak."));
    call->setMuted(false);
    CHECK(call->muted());
    held.audioMutedByChair = false;
    call->applyModeration(held);
    CHECK_FALSE(call->mutedByChair());
    CHECK(call->muted());
    call->setMuted(false);
    CHECK_FALSE(call->muted());
    // Another session's event changes nothing.
    spoke::sync::HubModeration elsewhere{live.session + 1, me, true, nurseId, QStringLiteral("Nurse Amutenya"), 2000};
    call->applyModeration(elsewhere);
    CHECK_FALSE(call->mutedByChair());

    // After the session ends, joining says so. (The side panel followed the
    // call, which is over: open the session again.)
    app.setLiveSession(live.session);
    REQUIRE(waitUntil([&] { return model.canEnd(); }, 15'000));
    model.endSession();
    REQUIRE(waitUntil([&] { return model.ended(); }, 15'000));
    call->joinHubSession(live.session, QStringLiteral("Weekly ECHO"));
    REQUIRE(waitUntil([&] { return call->state() == spoke::ui::CallModel::State::Error; }, 15'000));
    CHECK(call->errorText() == QStringLiteral("This session is over. The chair has ended it."));
}
