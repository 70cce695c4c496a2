#include "viewmodels/AppController.h"
#include "viewmodels/LanguageModel.h"

#include "store/Cache.h"
#include "util/DataDir.h"

#include "TestApp.h"
#include "UiWait.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>

#include <ctime>

using spoke::test::waitUntil;

namespace {

// Every text the window shows now (labels, fields), visible or not.
// List delegates are in the visual tree only, so walk that.
void collectTexts(QQuickItem* item, QStringList& texts)
{
    if (!item->isVisible())
        return;
    const QVariant text = item->property("text");
    if (text.typeId() == QMetaType::QString && !text.toString().isEmpty())
        texts << text.toString();
    for (QQuickItem* child : item->childItems())
        collectTexts(child, texts);
}

QStringList textsIn(QQuickWindow* window)
{
    QStringList texts;
    collectTexts(window->contentItem(), texts);
    return texts;
}

bool shows(QQuickWindow* window, const QString& text)
{
    return textsIn(window).contains(text);
}

// 7 November 2026, 12:00 UTC: a Saturday.
constexpr std::int64_t kKnownMs = 1'794'052'800'000;

} // namespace

// Settings → General → Language, chosen with the page's own combo box: the
// library's dates and the case form's numbers change at once, and the choice
// is kept for the next start (issue 16).
TEST_CASE("Language: French chosen in Settings shows a known date and a number in French form", "[ui][qml]")
{
    // The expected strings below are in UTC.
    qputenv("TZ", "UTC");
    tzset();
    spoke::test::TempDir settingsDir;
    const QString settingsFile = QString::fromStdString((settingsDir.path() / "settings.ini").string());
    auto language = std::make_unique<spoke::ui::LanguageModel>(settingsFile);
    language->setChoice(QStringLiteral("en"));
    spoke::ui::LanguageModel::setInstance(language.get());

    spoke::test::TestApp t(false);
    {
        spoke::store::Cache cache = spoke::store::Cache::open(spoke::cacheFileIn(t.dir.path()));
        spoke::store::Recording row;
        row.title = "Locale check";
        row.filePath = (t.dir.path() / "absent.webm").string();
        row.durationMs = 88 * 60'000;
        row.createdMs = kKnownMs;
        cache.recordings().add(row);
    }
    spoke::ui::AppController& controller = t.app;
    spoke::ui::AppController::setInstance(&controller);
    controller.refresh();

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

    // The library row in English first.
    QMetaObject::invokeMethod(window, "showSection", Q_ARG(QVariant, 2));
    const QString englishRow = QStringLiteral("Sat 7 Nov 2026, 12:00  ·  1 h 28 min");
    CHECK(waitUntil([&] { return shows(window, englishRow); }));

    // Choose Français on the Settings page, as a user does.
    QMetaObject::invokeMethod(window, "showSection", Q_ARG(QVariant, 3));
    auto* box = window->findChild<QObject*>(QStringLiteral("languageBox"));
    REQUIRE(box);
    const QVariantList options = language->options();
    int french = -1;
    for (int i = 0; i < options.size(); ++i)
        if (options[i].toMap().value(QStringLiteral("code")) == QStringLiteral("fr"))
            french = i;
    REQUIRE(french > 0);
    CHECK(options[french].toMap().value(QStringLiteral("name")).toString() == QStringLiteral("Français"));
    box->setProperty("currentIndex", french);
    CHECK(QMetaObject::invokeMethod(box, "activated", Q_ARG(int, french)));
    CHECK(language->choice() == QStringLiteral("fr"));
    CHECK(language->localeName() == QStringLiteral("fr_FR"));

    // The same row, now in French: weekday and month as France writes them.
    QMetaObject::invokeMethod(window, "showSection", Q_ARG(QVariant, 2));
    const QString frenchRow = QStringLiteral("sam. 7 nov. 2026, 12:00  ·  1 h 28 min");
    CHECK(waitUntil([&] { return shows(window, frenchRow); }));
    CHECK_FALSE(shows(window, englishRow));

    // A decimal in the case editor: a weight of 58.5 kg reads "58,5", and
    // what a French user types with a comma is the same number.
    auto* editor = controller.editor();
    QMetaObject::invokeMethod(window, "importCase",
                              Q_ARG(QVariant, QStringLiteral(SPOKE_UI_FIXTURES "/editor-phi-hiv.json")));
    REQUIRE(waitUntil([&] { return !editor->busy() && !editor->loading() && editor->form()->rowCount() > 0; }));
    editor->setValue(QStringLiteral("patient.weight_kg"), QStringLiteral("58.5"), QStringLiteral("number"));
    CHECK(waitUntil([&] { return shows(window, QStringLiteral("58,5")); }));
    CHECK_FALSE(shows(window, QStringLiteral("58.5")));
    editor->setValue(QStringLiteral("patient.weight_kg"), QStringLiteral("61,25"), QStringLiteral("number"));
    CHECK(waitUntil([&] { return shows(window, QStringLiteral("61,25")); }));

    // Kept for the next start.
    CHECK(spoke::ui::LanguageModel(settingsFile).choice() == QStringLiteral("fr"));

    CHECK(warnings.isEmpty());
    if (!warnings.isEmpty())
        WARN(warnings.join(QLatin1Char('\n')).toStdString());
    spoke::ui::LanguageModel::setInstance(nullptr);
    QLocale::setDefault(QLocale::c());
}
