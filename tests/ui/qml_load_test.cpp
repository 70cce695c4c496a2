#include "viewmodels/AppController.h"
#include "viewmodels/MediaSettingsModel.h"
#include "viewmodels/VideoView.h"

#include "cases/SchemaRegistry.h"

#include "TestApp.h"
#include "UiWait.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QPointer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>

using spoke::test::waitUntil;

// Loads the real main window, lets it fill from a demo cache, and fails on
// any QML warning (a broken binding, an unknown property, a missing type).
TEST_CASE("The main window loads and renders with no QML warnings", "[ui][qml]")
{
    spoke::test::TestApp t;
    spoke::ui::AppController& controller = t.app;
    spoke::ui::AppController::setInstance(&controller);

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
    REQUIRE(waitUntil([&] { return controller.loaded(); }));

    // Open every section, and a detail page through a search hit.
    for (int section = 0; section < 4; ++section)
        QMetaObject::invokeMethod(window, "showSection", Q_ARG(QVariant, section));

    // Settings → Audio & video: the preview runs on the test pattern (there
    // is no camera here) and the devices stop when the tab is left.
    auto* settingsTabs = window->findChild<QObject*>(QStringLiteral("settingsTabs"));
    REQUIRE(settingsTabs);
    settingsTabs->setProperty("currentIndex", 2);
    REQUIRE(waitUntil([&] {
        auto* preview = window->findChild<spoke::ui::VideoView*>(QStringLiteral("cameraPreview"));
        return preview && preview->framesShown() > 0;
    }));
    QPointer<spoke::ui::MediaSettingsModel> media = window->findChild<spoke::ui::MediaSettingsModel*>();
    REQUIRE(media);
    CHECK(media->active());
    settingsTabs->setProperty("currentIndex", 0);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK((!media || !media->active()));
    controller.search()->setQuery(QStringLiteral("linezolid"));
    REQUIRE(waitUntil([&] { return controller.search()->rowCount() > 0; }));
    QMetaObject::invokeMethod(window, "openHit", Q_ARG(QVariant, controller.search()->get(0)));
    REQUIRE(waitUntil([&] { return !controller.detail()->loading() && !controller.detail()->title().isEmpty(); }));
    QCoreApplication::processEvents();

    // The library and the player: the demo's recordings have no file on this
    // laptop, so the player says so and still shows chapters, notes and chat;
    // leaving for another section closes it.
    QMetaObject::invokeMethod(window, "showSection", Q_ARG(QVariant, 2));
    REQUIRE(waitUntil([&] { return controller.library()->rows()->rowCount() > 0; }));
    QMetaObject::invokeMethod(
        window, "openPlayer",
        Q_ARG(QVariant, controller.library()->rows()->get(0).value(QStringLiteral("recordingId"))),
        Q_ARG(QVariant, -1));
    REQUIRE(waitUntil([&] { return !controller.player()->loading() && !controller.player()->error().isEmpty(); }));
    CHECK(window->findChild<QQuickItem*>(QStringLiteral("playerPage")));
    QCoreApplication::processEvents();
    QMetaObject::invokeMethod(window, "showSection", Q_ARG(QVariant, 2));
    QCoreApplication::processEvents();

    // The case editor: a blank form of every programme, then a case with
    // findings highlighted (what the grab below renders).
    auto* editor = controller.editor();
    for (const QString& programme : spoke::cases::SchemaRegistry::builtIn().programmes()) {
        QMetaObject::invokeMethod(window, "newCase", Q_ARG(QVariant, programme));
        REQUIRE(waitUntil([&] {
            return editor->form()->textAt(QStringLiteral("programme")) == programme && !editor->busy()
                   && !editor->loading();
        }));
        QCoreApplication::processEvents();
    }
    QMetaObject::invokeMethod(window, "importCase",
                              Q_ARG(QVariant, QStringLiteral(SPOKE_UI_FIXTURES "/editor-phi-hiv.json")));
    REQUIRE(waitUntil([&] { return editor->findings()->rowCount() == 2 && !editor->busy() && !editor->loading(); }));
    editor->redact(0);
    QCoreApplication::processEvents();

    // The call view over the window: joining a server nobody answers at
    // ends in its plain error state; then back to the app.
    auto* call = controller.call();
    call->setServerUrl(QStringLiteral("ws://127.0.0.1:9"));
    call->join(QStringLiteral("Unreachable session"));
    REQUIRE(waitUntil([&] { return call->state() == spoke::ui::CallModel::State::Error; }, 10'000));
    QCoreApplication::processEvents();
    CHECK_FALSE(window->grabWindow().isNull());
    call->dismiss();
    QCoreApplication::processEvents();

    // grabWindow renders the scene graph now; a blank image means nothing drew.
    const QImage image = window->grabWindow();
    REQUIRE_FALSE(image.isNull());
    CHECK(image.pixel(5, 5) != image.pixel(image.width() / 2, image.height() / 2));
    CHECK(warnings.isEmpty());
    if (!warnings.isEmpty())
        WARN(warnings.join(QLatin1Char('\n')).toStdString());
}
