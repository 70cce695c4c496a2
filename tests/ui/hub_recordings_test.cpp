// Library → From the hub (HubRecordingsModel) and Settings → Downloads
// (DownloadSettingsModel): the rows built from a hub catalogue, the words a
// download's states come out as, a rendition already on disk, the settings
// kept and read back; and the page itself loaded with rows in every state
// and no QML warning.

#include "viewmodels/AppController.h"
#include "viewmodels/DownloadSettingsModel.h"
#include "viewmodels/HubRecordingsModel.h"

#include "TestApp.h"
#include "UiWait.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>

using namespace spoke;
using Model = ui::HubRecordingsModel;

namespace {

sync::HubRendition rendition(const QString& name, std::int64_t bytes)
{
    sync::HubRendition r;
    r.rendition = name;
    r.bytes = bytes;
    r.parts.append(sync::HubRecordingPart{0, bytes, QByteArray(64, 'a'), 3'600'000,
                                          QStringLiteral("/api/v1/recordings/1/files/%1/0").arg(name)});
    return r;
}

QList<sync::HubRecording> catalogue()
{
    sync::HubRecording a;
    a.id = 12;
    a.programmeId = 2;
    a.title = QStringLiteral("<b>TB</b> case review");
    a.recordedMs = 1'780'000'000'000;
    a.durationMs = 3'480'000;
    a.renditions = {rendition(QStringLiteral("full"), 412'300'000), rendition(QStringLiteral("light"), 98'700'000),
                    rendition(QStringLiteral("audio-slides"), 7'100'000)};
    sync::HubRecording b = a;
    b.id = 11;
    b.programmeId = 1;
    b.title = QStringLiteral("HIV clinic ECHO");
    b.durationMs = 20'400;
    b.renditions = {rendition(QStringLiteral("light"), 2'000)};
    return {a, b};
}

// List delegates have no QObject parent: walk the visual tree.
int visibleNamed(QQuickItem* item, const char* name)
{
    int count = item->isVisible() && item->objectName() == QLatin1String(name) ? 1 : 0;
    for (QQuickItem* child : item->childItems())
        count += visibleNamed(child, name);
    return count;
}

QVariant role(const Model& model, int row, const char* name)
{
    return model.get(row, QString::fromLatin1(name));
}

sync::DownloadStatus status(sync::QueuedState state, std::int64_t received = 0, std::int64_t total = 98'700'000)
{
    sync::DownloadStatus s;
    s.recordingId = 12;
    s.rendition = QStringLiteral("light");
    s.state = state;
    s.receivedBytes = received;
    s.totalBytes = total;
    return s;
}

} // namespace

TEST_CASE("From the hub lists each recording's renditions with their sizes", "[ui][hub-recordings]")
{
    test::TempDir dir;
    Model model(nullptr, dir.path());
    model.setRecordings(catalogue(), {{1, QStringLiteral("HIV")}, {2, QStringLiteral("TB")}});
    REQUIRE(model.rowCount() == 4);
    // Grouped by programme: programme 1's recording first, then programme 2's three renditions.
    CHECK(role(model, 0, "title").toString() == QStringLiteral("HIV clinic ECHO"));
    CHECK(role(model, 0, "programme").toString() == QStringLiteral("HIV"));
    CHECK(role(model, 0, "firstOfRecording").toBool());
    CHECK(role(model, 0, "sizeText").toString() == QStringLiteral("2 kB"));
    CHECK(role(model, 1, "firstOfRecording").toBool());
    CHECK_FALSE(role(model, 2, "firstOfRecording").toBool());
    CHECK(role(model, 1, "renditionLabel").toString() == QStringLiteral("Full quality"));
    CHECK(role(model, 1, "sizeText").toString() == QStringLiteral("412.3 MB"));
    CHECK(role(model, 2, "renditionLabel").toString() == QStringLiteral("Light (360p video)"));
    CHECK(role(model, 3, "renditionLabel").toString() == QStringLiteral("Audio + slides"));
    CHECK(role(model, 3, "sizeText").toString() == QStringLiteral("7.1 MB"));
    CHECK(role(model, 1, "details").toString().contains(QStringLiteral("58 min")));
    CHECK(role(model, 0, "details").toString().endsWith(QStringLiteral("0:20"))); // not "0 min"
    CHECK(role(model, 1, "title").toString() == QStringLiteral("<b>TB</b> case review")); // as the hub sent it
    for (int row = 0; row < 4; ++row) {
        CHECK(role(model, row, "state").toString() == QStringLiteral("none"));
        CHECK(role(model, row, "canDownload").toBool());
        CHECK_FALSE(role(model, row, "canCancel").toBool());
    }
}

TEST_CASE("A download's states read as plain words with progress and rate", "[ui][hub-recordings]")
{
    test::TempDir dir;
    Model model(nullptr, dir.path());
    model.setRecordings(catalogue());
    const int light = 2;
    REQUIRE(role(model, light, "rendition").toString() == QStringLiteral("light"));

    model.download(light); // shown at once, before the sync thread answers
    CHECK(role(model, light, "state").toString() == QStringLiteral("queued"));
    CHECK_FALSE(role(model, light, "canDownload").toBool());
    CHECK(role(model, light, "canCancel").toBool());

    model.applyStatus(status(sync::QueuedState::Checking));
    CHECK(role(model, light, "stateText").toString() == QStringLiteral("Checking the file…"));

    auto running = status(sync::QueuedState::Running, 49'350'000);
    running.bytesPerSecond = 1'200'000;
    model.applyStatus(running);
    CHECK(role(model, light, "progress").toDouble() == Approx(0.5));
    CHECK(role(model, light, "stateText").toString() == QStringLiteral("49.4 MB of 98.7 MB"));
    CHECK(role(model, light, "rateText").toString() == QStringLiteral("1.2 MB/s"));
    CHECK(role(model, light, "canPause").toBool());
    CHECK_FALSE(role(model, light, "canResume").toBool());

    model.applyStatus(status(sync::QueuedState::Paused, 49'350'000));
    CHECK(role(model, light, "stateText").toString() == QStringLiteral("Paused: 49.4 MB of 98.7 MB"));
    CHECK(role(model, light, "rateText").toString().isEmpty());
    CHECK(role(model, light, "canResume").toBool());
    CHECK_FALSE(role(model, light, "canPause").toBool());

    auto waiting = status(sync::QueuedState::Waiting, 49'350'000);
    waiting.gate = sync::DownloadGate::NetworkNotAllowed;
    model.applyStatus(waiting);
    CHECK(role(model, light, "stateText").toString() == QStringLiteral("Waiting for an allowed network"));
    waiting.gate = sync::DownloadGate::OutsideHours;
    model.applyStatus(waiting);
    CHECK(role(model, light, "stateText").toString() == QStringLiteral("Waiting for the allowed hours"));

    auto failed = status(sync::QueuedState::Failed, 0);
    failed.error.kind = sync::DownloadErrorKind::WrongChecksum;
    model.applyStatus(failed);
    CHECK(role(model, light, "stateText").toString().contains(QStringLiteral("damaged")));
    CHECK(role(model, light, "canResume").toBool());

    model.applyStatus(status(sync::QueuedState::Done, 98'700'000));
    CHECK(role(model, light, "state").toString() == QStringLiteral("done"));
    CHECK(role(model, light, "stateText").toString() == QStringLiteral("On this laptop: in Recordings"));
    CHECK_FALSE(role(model, light, "canDownload").toBool());
    CHECK_FALSE(role(model, light, "canCancel").toBool());
    // The other renditions of that recording are untouched.
    CHECK(role(model, 1, "state").toString() == QStringLiteral("none"));
}

TEST_CASE("A rendition already in the downloads folder shows as on this laptop", "[ui][hub-recordings]")
{
    test::TempDir dir;
    std::filesystem::create_directories(dir.path() / "downloads" / "11");
    QFile file(QString::fromStdString((dir.path() / "downloads" / "11" / "light-0.webm").string()));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(2'000, 'x'));
    file.close();
    Model model(nullptr, dir.path());
    // A status the queue published before the catalogue came is applied when it comes.
    model.applyStatus(status(sync::QueuedState::Paused, 1'000));
    model.setRecordings(catalogue());
    CHECK(role(model, 0, "state").toString() == QStringLiteral("done"));
    CHECK_FALSE(role(model, 0, "canDownload").toBool());
    CHECK(role(model, 2, "state").toString() == QStringLiteral("paused"));
}

TEST_CASE("Download settings are kept and read back", "[ui][hub-recordings]")
{
    test::TempDir dir;
    const QString ini = QString::fromStdString((dir.path() / "settings.ini").string());
    {
        ui::DownloadSettingsModel settings(nullptr, ini);
        CHECK(settings.maxKbps() == 0); // off by default
        CHECK_FALSE(settings.hoursLimited());
        CHECK(settings.policy().allowedInterfaces.isEmpty());
        settings.setMaxKbps(512);
        settings.setFromHour(22);
        settings.setToHour(6);
        settings.setHoursLimited(true);
        settings.setAllowedNetworks(QStringLiteral(" wlan0,eth0  wlan0 "));
    }
    ui::DownloadSettingsModel settings(nullptr, ini);
    CHECK(settings.policy().maxKbps == 512);
    CHECK(settings.policy().allowedFromMinute == 22 * 60);
    CHECK(settings.policy().allowedToMinute == 6 * 60);
    CHECK(settings.policy().allowedInterfaces == QStringList{QStringLiteral("wlan0"), QStringLiteral("eth0")});
    CHECK(settings.allowedNetworks() == QStringLiteral("wlan0, eth0"));
}

TEST_CASE("The From the hub tab and Settings Downloads load with rows in every state and no QML warnings",
          "[ui][hub-recordings][qml]")
{
    test::TestApp t(false);
    ui::AppController::setInstance(&t.app);
    QQmlApplicationEngine engine;
    QStringList warnings;
    QObject::connect(&engine, &QQmlEngine::warnings, [&](const QList<QQmlError>& errors) {
        for (const auto& error : errors)
            warnings << error.toString();
    });
    engine.load(QUrl(QStringLiteral("qrc:/Spoke/Ui/Main.qml")));
    REQUIRE(engine.rootObjects().size() == 1);
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    REQUIRE(window);
    Model* model = t.app.hubRecordings();
    model->setRecordings(catalogue(), {{1, QStringLiteral("HIV")}, {2, QStringLiteral("TB")}});
    auto running = status(sync::QueuedState::Running, 30'000'000);
    running.bytesPerSecond = 250'000;
    model->applyStatus(running);
    auto paused = status(sync::QueuedState::Paused, 3'000'000, 412'300'000);
    paused.rendition = QStringLiteral("full");
    model->applyStatus(paused);
    auto waiting = status(sync::QueuedState::Waiting, 0, 7'100'000);
    waiting.rendition = QStringLiteral("audio-slides");
    waiting.gate = sync::DownloadGate::NetworkNotAllowed;
    model->applyStatus(waiting);

    QMetaObject::invokeMethod(window, "showSection", Q_ARG(QVariant, 2));
    auto* tabs = window->findChild<QObject*>(QStringLiteral("libraryTabs"));
    REQUIRE(tabs);
    tabs->setProperty("currentIndex", 1);
    REQUIRE(test::waitUntil([&] {
        return visibleNamed(window->contentItem(), "downloadProgress") == 3; // the running, paused and waiting rows
    }));
    QMetaObject::invokeMethod(window, "showSection", Q_ARG(QVariant, 3));
    auto* settingsTabs = window->findChild<QObject*>(QStringLiteral("settingsTabs"));
    REQUIRE(settingsTabs);
    settingsTabs->setProperty("currentIndex", 3);
    REQUIRE(test::waitUntil([&] {
        auto* networks = window->findChild<QQuickItem*>(QStringLiteral("downloadNetworksField"));
        return networks && networks->isVisible();
    }));
    CHECK_FALSE(window->grabWindow().isNull());
    CHECK(warnings.isEmpty());
    if (!warnings.isEmpty())
        WARN(warnings.join(QLatin1Char('\n')).toStdString());
}
