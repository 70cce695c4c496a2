#pragma once

#include <QLocale>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTranslator>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace spoke::ui {

// Settings → General → Language: the language the app speaks, and the locale
// its dates, times and numbers follow (issue 16). "" follows the system, as
// the app always did; "en", "fr", "es" or "pt" pins one. Kept in the
// application's QSettings ("ui/language", beside "media/…"), or in the INI
// file given (tests). A change swaps the translator, makes the chosen locale
// QLocale's default (so ui/viewmodels/Formatting and QML's Qt.locale() follow
// it) and retranslates the QML engine at once. Lives on the UI thread.
class LanguageModel : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Language)
    QML_SINGLETON
    Q_PROPERTY(QString choice READ choice WRITE setChoice NOTIFY changed)
    Q_PROPERTY(QVariantList options READ options NOTIFY changed)
    Q_PROPERTY(QString localeName READ localeName NOTIFY changed)
public:
    // The languages Spoke has translations for (resources/translations),
    // English first; each name is spelt in its own language.
    struct Option {
        const char* code;
        const char* nativeName;
    };
    static constexpr Option kLanguages[] = {
        {"en", "English"}, {"fr", "Français"}, {"es", "Español"}, {"pt", "Português"}};

    // `settingsFile` empty: the application's QSettings. No default argument:
    // a default-constructible singleton would be built by QML itself, and
    // create() (main()'s instance) never asked.
    explicit LanguageModel(QString settingsFile, QObject* parent = nullptr);
    ~LanguageModel() override;

    // QML reaches the one main() made (like AppController); without one
    // (tests that never set it) the engine gets its own, following the system.
    static void setInstance(LanguageModel* instance);
    static LanguageModel* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

    QString choice() const { return choice_; }
    void setChoice(const QString& code);
    // [{code, name}], "System default" first.
    QVariantList options() const;
    // The locale in force ("fr_FR"), for Qt.locale(Language.localeName).
    QString localeName() const { return QLocale().name(); }
    // A number as a form field shows it for editing, in the chosen locale
    // ("58,5" in French; Formatting.h's formatEditableNumber).
    Q_INVOKABLE QString editableNumber(double value) const;
    // The locale a choice stands for: the system's for "".
    static QLocale localeFor(const QString& code);

Q_SIGNALS:
    void changed();

private:
    void apply();

    QString settingsFile_;
    QString choice_;
    QTranslator translator_;
    bool translatorInstalled_ = false;
    QPointer<QQmlEngine> engine_;
};

} // namespace spoke::ui
