// The call view's model and page: thresholds and error states without a
// server, and (hidden "[.janus]" cases, run by ctest inside
// tests/janus/janus-netns) a real call through Janus with a synthetic hub
// specialist (spoke-cli join) and an in-process observer that checks what
// the app sends.

#include "TestApp.h"
#include "UiWait.h"
#include "VideoViewWindow.h"
#include "call/CallSession.h"
#include "support/TempDir.h"
#include "util/Clock.h"
#include "viewmodels/AppController.h"
#include "viewmodels/CallModel.h"
#include "viewmodels/CallQuality.h"
#include "viewmodels/MediaPreferences.h"
#include "viewmodels/VideoView.h"

#include <catch2/catch.hpp>

#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>

#include <map>
#include <mutex>

using namespace spoke;
using spoke::test::stampIn;
using spoke::test::waitUntil;

namespace {

QString env(const char* name)
{
    return qEnvironmentVariable(name);
}

// What the observer receives from each participant.
class ObserverTap final : public call::CallMediaTap {
public:
    struct Seen {
        std::uint64_t pictures = 0;
        std::int64_t lastPictureMs = -1;
        double lastLevel = -1;
        std::uint64_t audioFrames = 0;
    };
    void localVideo(const media::VideoFrame&) override { }
    void localAudio(const media::AudioFrame&) override { }
    void remoteVideo(quint64 feedId, const media::VideoFrame&) override
    {
        const std::lock_guard lock(mutex_);
        auto& s = seen_[feedId];
        ++s.pictures;
        s.lastPictureMs = util::steadyNowMs();
    }
    void remoteAudio(quint64 feedId, const media::AudioFrame& frame) override
    {
        const double level = call::rmsLevel(frame);
        const std::lock_guard lock(mutex_);
        auto& s = seen_[feedId];
        s.lastLevel = level;
        ++s.audioFrames;
    }
    Seen seen(quint64 feedId) const
    {
        const std::lock_guard lock(mutex_);
        const auto it = seen_.find(feedId);
        return it == seen_.end() ? Seen{} : it->second;
    }

private:
    mutable std::mutex mutex_;
    std::map<quint64, Seen> seen_;
};

// The main window with the real AppController over a temporary cache.
struct AppWindow {
    test::TestApp app;
    ui::AppController& controller = app.app;
    QQmlApplicationEngine engine;
    QQuickWindow* window = nullptr;
    QStringList warnings;

    AppWindow()
    {
        ui::AppController::setInstance(&controller);
        QObject::connect(&engine, &QQmlEngine::warnings, [this](const QList<QQmlError>& errors) {
            for (const auto& error : errors)
                warnings << error.toString();
        });
        engine.load(QUrl(QStringLiteral("qrc:/Spoke/Ui/Main.qml")));
        REQUIRE(engine.rootObjects().size() == 1);
        window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        REQUIRE(window);
        REQUIRE(waitUntil([&] { return controller.loaded(); }));
    }
    ~AppWindow() { ui::AppController::setInstance(nullptr); }

    // Repeater delegates have no QObject parent: walk the visual tree.
    ui::VideoView* tileVideo(qint64 feedId) const
    {
        return findView(window->contentItem(), QStringLiteral("video-%1").arg(feedId));
    }

    static ui::VideoView* findView(QQuickItem* item, const QString& name)
    {
        if (auto* view = qobject_cast<ui::VideoView*>(item); view && view->objectName() == name)
            return view;
        for (QQuickItem* child : item->childItems()) {
            if (auto* found = findView(child, name))
                return found;
        }
        return nullptr;
    }
};

qint64 feedNamed(const ui::ParticipantModel& model, const QString& name)
{
    for (const auto& p : model.rows()) {
        if (p.name == name)
            return p.feedId;
    }
    return -1;
}

} // namespace

TEST_CASE("call quality: loss, delay, freezes and send rate give Good, Fair or Poor", "[ui][call]")
{
    using ui::CallQualityLevel;
    CHECK(ui::judgeCallQuality({}).level == CallQualityLevel::Unknown);
    CHECK(ui::judgeCallQuality({.lossPercent = 0.3, .delayMs = 90, .freezes = 0, .sendBitrateBps = 700'000}).level
          == CallQualityLevel::Good);
    const auto lossy = ui::judgeCallQuality({.lossPercent = 4, .delayMs = 90, .freezes = 0, .sendBitrateBps = 700'000});
    CHECK(lossy.level == CallQualityLevel::Fair);
    CHECK(lossy.reason.contains(QStringLiteral("4.0 %")));
    CHECK(ui::judgeCallQuality({.lossPercent = 12, .delayMs = 90}).level == CallQualityLevel::Poor);
    CHECK(ui::judgeCallQuality({.lossPercent = 0, .delayMs = 450}).level == CallQualityLevel::Fair);
    CHECK(ui::judgeCallQuality({.lossPercent = 0, .delayMs = 800}).level == CallQualityLevel::Poor);
    CHECK(ui::judgeCallQuality({.lossPercent = 0, .delayMs = 90, .freezes = 4}).level == CallQualityLevel::Poor);
    // A trickle of video is poor, unless the camera is off on purpose.
    CHECK(ui::judgeCallQuality({.sendBitrateBps = 90'000, .sendingVideo = true}).level == CallQualityLevel::Poor);
    CHECK(ui::judgeCallQuality({.sendBitrateBps = 40'000, .sendingVideo = false}).level == CallQualityLevel::Good);
    // The worst number decides, and is the one named.
    const auto worst = ui::judgeCallQuality({.lossPercent = 3, .delayMs = 900, .freezes = 1});
    CHECK(worst.level == CallQualityLevel::Poor);
    CHECK(worst.reason.contains(QStringLiteral("900 ms")));
}

TEST_CASE("participant model: rows change in place, so tiles keep their views", "[ui][call]")
{
    ui::ParticipantModel model;
    int inserted = 0;
    int removed = 0;
    int changed = 0;
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, [&] { ++inserted; });
    QObject::connect(&model, &QAbstractItemModel::rowsRemoved, [&] { ++removed; });
    QObject::connect(&model, &QAbstractItemModel::dataChanged, [&] { ++changed; });
    model.update(
        {{.feedId = 0, .name = QStringLiteral("me"), .isSelf = true}, {.feedId = 7, .name = QStringLiteral("hub")}});
    CHECK(model.rowCount() == 2);
    CHECK(inserted == 2);
    model.update({{.feedId = 0, .name = QStringLiteral("me"), .isSelf = true},
                  {.feedId = 7, .name = QStringLiteral("hub"), .speaking = true}});
    CHECK(inserted == 2);
    CHECK(changed == 1);
    CHECK(model.data(model.index(1), ui::ParticipantModel::SpeakingRole).toBool());
    model.update({{.feedId = 0, .name = QStringLiteral("me"), .isSelf = true}});
    CHECK(removed == 1);
    CHECK(model.rowCount() == 1);
}

TEST_CASE("call view: a server nobody answers at gives the plain error state within a few seconds", "[ui][call]")
{
    ui::CallModel call;
    call.setServerUrl(QStringLiteral("ws://127.0.0.1:9"));
    call.setIceInterface(QStringLiteral("lo"));
    QElapsedTimer clock;
    clock.start();
    call.join(QStringLiteral("Unreachable"));
    CHECK(call.state() == ui::CallModel::State::Connecting);
    REQUIRE(waitUntil([&] { return call.state() == ui::CallModel::State::Error; }, 5000));
    CHECK(clock.elapsed() < 5000);
    CHECK(call.errorText().contains(QStringLiteral("cannot be reached")));
    CHECK(call.errorText().contains(QStringLiteral("ws://127.0.0.1:9")));
    CHECK(call.participants()->rowCount() == 0);
    call.dismiss();
    CHECK(call.state() == ui::CallModel::State::Idle);

    // And with no server configured at all, a sentence saying so.
    ui::CallModel unset;
    unset.setServerUrl(QString());
    unset.join(QStringLiteral("Nowhere"));
    CHECK(unset.state() == ui::CallModel::State::Error);
    CHECK(unset.errorText().contains(QStringLiteral("No session server")));
}

TEST_CASE("call view against Janus: tiles and the hub's pattern appear then mute and camera reach the far end and "
          "leave is clean",
          "[.janus][ui][call]")
{
    REQUIRE_FALSE(env("SPOKE_JANUS_WS").isEmpty());
    const QString hubName = QStringLiteral("Hub specialist (practice)");
    QProcess hub;
    hub.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    hub.setStandardOutputFile(QProcess::nullDevice());
    hub.start(QStringLiteral(SPOKE_CLI_PATH),
              {QStringLiteral("join"), QStringLiteral("--janus"), env("SPOKE_JANUS_WS"), QStringLiteral("--room"),
               env("SPOKE_JANUS_ROOM"), QStringLiteral("--display"), hubName, QStringLiteral("--video"),
               QStringLiteral("test"), QStringLiteral("--audio"), QStringLiteral("tone"), QStringLiteral("--seconds"),
               QStringLiteral("60"), QStringLiteral("--ice-iface"), env("SPOKE_ICE_IFACE")});
    REQUIRE(hub.waitForStarted(5000));

    // The observer: a headless participant that sends nothing and watches us.
    auto tap = std::make_shared<ObserverTap>();
    call::CallOptions observerOptions;
    observerOptions.janusUrl = QUrl(env("SPOKE_JANUS_WS"));
    observerOptions.room = env("SPOKE_JANUS_ROOM").toULongLong();
    observerOptions.display = QStringLiteral("observer");
    observerOptions.video = false;
    observerOptions.audio = false;
    observerOptions.iceInterface = env("SPOKE_ICE_IFACE").toStdString();
    observerOptions.tap = tap;
    call::CallSession observer(observerOptions);
    observer.start();

    AppWindow app;
    auto* call = app.controller.call();
    // Send the stamped pattern and the tone whatever this machine's Settings
    // say, so the far end can measure what it gets.
    spoke::test::TempDir settingsDir;
    ui::MediaPreferences pinned(QString::fromStdString((settingsDir.path() / "media.ini").string()));
    pinned.save({.cameraId = QString::fromLatin1(ui::MediaPreferences::kTestPatternId),
                 .microphoneId = QString::fromLatin1(ui::MediaPreferences::kToneId),
                 .speakerId = {},
                 .switches = {}});
    call->setMediaPreferences(pinned);
    const QString ourName = QStringLiteral("Clinic under test");
    call->setDisplayName(ourName);
    // The practice room, named here as scripts/practice's environment names it to the app.
    call->setServerUrl(env("SPOKE_JANUS_WS"));
    call->setRoom(env("SPOKE_JANUS_ROOM").toULongLong());
    call->setIceInterface(env("SPOKE_ICE_IFACE")); // the namespace's one interface, as a practice run pins it
    call->join(QStringLiteral("Practice session"));
    REQUIRE(waitUntil([&] { return call->state() == ui::CallModel::State::InSession; }, 15'000));

    // A tile each: ourselves and the hub specialist (the observer publishes nothing).
    REQUIRE(waitUntil([&] { return feedNamed(*call->participants(), hubName) > 0; }, 10'000));
    CHECK(call->participants()->rowCount() == 2);
    const qint64 hubFeed = feedNamed(*call->participants(), hubName);
    CHECK(call->participants()->rows().front().isSelf);

    // The hub's tile draws the hub's test pattern; our self-view draws ours.
    ui::VideoView* hubView = nullptr;
    REQUIRE(waitUntil([&] { return (hubView = app.tileVideo(hubFeed)) != nullptr; }, 5000));
    REQUIRE(waitUntil([&] { return hubView->framesShown() >= 5 && stampIn(hubView->currentImage()); }, 10'000));
    // 16:9 at whatever layer Janus relays.
    INFO("hub picture " << hubView->pictureSize().width() << "x" << hubView->pictureSize().height());
    CHECK(hubView->pictureSize().width() * 9 == hubView->pictureSize().height() * 16);
    auto* selfView = app.tileVideo(0);
    REQUIRE(selfView);
    REQUIRE(waitUntil([&] { return selfView->framesShown() >= 5 && stampIn(selfView->currentImage()); }, 5000));
    // The hub's tone lights the speaking ring.
    REQUIRE(waitUntil([&] { return call->participants()->rows().back().speaking; }, 5000));
    CHECK_FALSE(call->participants()->rows().back().muted);
    REQUIRE(waitUntil([&] { return call->quality() != ui::CallModel::QualityUnknown; }, 5000));
    CHECK(call->qualityDetails().contains(QStringLiteral("Sending")));

    // The observer receives our picture and our sound.
    quint64 ourFeed = 0;
    REQUIRE(waitUntil(
        [&] {
            for (const auto& remote : observer.stats().remote) {
                if (remote.display == ourName && remote.goneAtMs < 0)
                    ourFeed = remote.feedId;
            }
            return ourFeed != 0 && tap->seen(ourFeed).pictures > 10 && tap->seen(ourFeed).lastLevel > 0.01;
        },
        15'000));

    // Mute: the far end hears silence, promptly; the model says muted.
    call->setMuted(true);
    CHECK(call->muted());
    REQUIRE(
        waitUntil([&] { return tap->seen(ourFeed).lastLevel >= 0 && tap->seen(ourFeed).lastLevel < 0.0005; }, 3000));
    CHECK(call->participants()->rows().front().muted);
    call->setMuted(false);
    REQUIRE(waitUntil([&] { return tap->seen(ourFeed).lastLevel > 0.01; }, 3000));

    // Camera off: no more pictures reach the far end; on again, they do.
    call->setCameraOn(false);
    QElapsedTimer settle;
    settle.start();
    waitUntil([] { return false; }, 700); // frames already in flight land
    const auto before = tap->seen(ourFeed).pictures;
    waitUntil([] { return false; }, 1500);
    CHECK(tap->seen(ourFeed).pictures == before);
    CHECK_FALSE(call->participants()->rows().front().cameraOn);
    call->setCameraOn(true);
    REQUIRE(waitUntil([&] { return tap->seen(ourFeed).pictures > before + 5; }, 5000));

    // Leave: Left within a few seconds, no tiles, and the others see us go.
    call->leave();
    REQUIRE(waitUntil([&] { return call->state() == ui::CallModel::State::Left; }, 5000));
    CHECK(call->participants()->rowCount() == 0);
    REQUIRE(waitUntil(
        [&] {
            for (const auto& remote : observer.stats().remote) {
                if (remote.feedId == ourFeed && remote.goneAtMs >= 0)
                    return true;
            }
            return false;
        },
        8000));
    CHECK(app.warnings.isEmpty());
    if (!app.warnings.isEmpty())
        WARN(app.warnings.join(QLatin1Char('\n')).toStdString());
    call->dismiss();

    observer.stop();
    waitUntil([] { return false; }, 300);
    hub.terminate();
    CHECK(hub.waitForFinished(10'000));
}

TEST_CASE("call view against Janus: a room that does not exist gives a plain error", "[.janus][ui][call]")
{
    REQUIRE_FALSE(env("SPOKE_JANUS_WS").isEmpty());
    ui::CallModel call;
    call.setServerUrl(env("SPOKE_JANUS_WS"));
    call.setRoom(987654);
    call.setIceInterface(env("SPOKE_ICE_IFACE"));
    call.join(QStringLiteral("Missing room"));
    REQUIRE(waitUntil([&] { return call.state() == ui::CallModel::State::Error; }, 10'000));
    CHECK(call.errorText().contains(QStringLiteral("987654")));
    INFO(call.errorText().toStdString());
    CHECK(call.errorText().contains(QStringLiteral("does not exist")));
}
