// spoke: the desktop app. Wires the core to the QML UI; nothing else.

#include "StartupTimer.h"

#include "util/DataDir.h"
#include "viewmodels/AppController.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Spoke_UiPlugin)

int main(int argc, char** argv)
{
    spoke::app::StartupTimer startupTimer;
    startupTimer.markMainEntered();

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("spoke"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Spoke"));
    QGuiApplication::setApplicationVersion(QStringLiteral(SPOKE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("spoke"));

    // The user's language where a translation exists; English otherwise.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("spoke"), QStringLiteral("_"),
                        QStringLiteral(":/spoke/translations")))
        QCoreApplication::installTranslator(&translator);

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
    parser.addOptions({dataDirOption, benchOption, referenceOption});
    parser.process(app);

    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    // Declared before the engine so it outlives the QML scene: tiles and
    // pages still hold bindings to it (and a call's threads) while the
    // engine tears them down at exit.
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
    controller.emplace(spoke::resolveDataDir(dataDirOverride), QStringLiteral(SPOKE_VERSION));

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
