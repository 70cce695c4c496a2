// spoke: the desktop app. Wires the core to the QML UI; nothing else.

#include "StartupTimer.h"

#include "security/KeyringKeyStore.h"
#include "sync/SyncWorker.h"
#include "util/DataDir.h"
#include "util/PrivateFiles.h"
#include "viewmodels/AppController.h"
#include "viewmodels/LanguageModel.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Spoke_UiPlugin)

int main(int argc, char** argv)
{
    spoke::app::StartupTimer startupTimer;
    startupTimer.markMainEntered();
    // Patient data is the owner's only, before any thread or file exists (PrivateFiles.h).
    spoke::restrictNewFilesToOwner();

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("spoke"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Spoke"));
    QGuiApplication::setApplicationVersion(QStringLiteral(SPOKE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("spoke"));

    // The language chosen in Settings, or the system's where a translation
    // exists; English otherwise. Before any QML or model formats a string.
    spoke::ui::LanguageModel language{QString()};
    spoke::ui::LanguageModel::setInstance(&language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("teleECHO telementoring client"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"), QStringLiteral("Keep the cache and recordings in DIR."), QStringLiteral("DIR"));
    const QCommandLineOption benchOption(QStringLiteral("bench-startup"),
                                         QStringLiteral("Print the time to an interactive window as JSON, then quit."));
    const QCommandLineOption referenceOption(
        QStringLiteral("bench-startup-reference"),
        QStringLiteral("Like --bench-startup, for a bare Qt Quick window (the benchmark's reference)."));
    const QCommandLineOption seedDemoOption(
        QStringLiteral("seed-demo-if-empty"),
        QStringLiteral("Write the demo programme into a data dir that holds nothing yet (scripts/run does)."));
    parser.addOptions({dataDirOption, benchOption, referenceOption, seedDemoOption});
    parser.process(app);

    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    // Declared before the engine so they outlive the QML scene: tiles and
    // pages still hold bindings to them (and a call's threads) while the
    // engine tears them down at exit. The hub's worker outlives the controller.
    std::optional<spoke::sync::SyncWorker> hubSync;
    std::optional<spoke::ui::AppController> controller;
    QQmlApplicationEngine engine;
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);

    const bool benchmarking = parser.isSet(benchOption) || parser.isSet(referenceOption);
    if (parser.isSet(referenceOption)) {
        engine.loadData("import QtQuick\nimport QtQuick.Controls\n"
                        "ApplicationWindow { width: 1280; height: 740; visible: true\n"
                        "  Label { anchors.centerIn: parent; text: \"reference\" } }");
        startupTimer.watch(qobject_cast<QQuickWindow*>(engine.rootObjects().value(0)));
        startupTimer.markContentReady();
        return QGuiApplication::exec();
    }

    std::optional<std::filesystem::path> dataDirOverride;
    if (parser.isSet(dataDirOption))
        dataDirOverride = parser.value(dataDirOption).toStdString();
    const std::filesystem::path dataDir = spoke::resolveDataDir(dataDirOverride);
    // Before the cache and sync threads start: the keyring answers on this thread.
    if (const auto secrets = spoke::security::loadInstallSecrets(dataDir); !secrets)
        qWarning("No place to keep this install's secrets: %s", secrets.error().detail.c_str());
    spoke::sync::SyncWorker::Options syncOptions;
    syncOptions.dataDir = dataDir;
    hubSync.emplace(syncOptions);
    spoke::ui::AppController::StartOptions startOptions;
    startOptions.seedDemoIfEmpty = parser.isSet(seedDemoOption);
    controller.emplace(dataDir, QStringLiteral(SPOKE_VERSION), *hubSync, startOptions);

    spoke::ui::AppController::setInstance(&*controller);
    engine.load(QUrl(QStringLiteral("qrc:/Spoke/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;

    if (benchmarking) {
        startupTimer.watch(qobject_cast<QQuickWindow*>(engine.rootObjects().first()));
        QObject::connect(&*controller, &spoke::ui::AppController::loadedChanged, &startupTimer,
                         &spoke::app::StartupTimer::markContentReady);
    }
    return QGuiApplication::exec();
}
