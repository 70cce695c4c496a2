#include "viewmodels/LanguageModel.h"
#include "viewmodels/Formatting.h"

#include <QCoreApplication>
#include <QQmlEngine>
#include <QSettings>
#include <QVariantMap>

#include <memory>

namespace spoke::ui {

namespace {

LanguageModel* g_instance = nullptr;
const QString kKey = QStringLiteral("ui/language");

std::unique_ptr<QSettings> open(const QString& file)
{
    if (file.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(file, QSettings::IniFormat);
}

bool known(const QString& code)
{
    for (const auto& language : LanguageModel::kLanguages)
        if (code == QLatin1String(language.code))
            return true;
    return false;
}

} // namespace

LanguageModel::LanguageModel(QString settingsFile, QObject* parent)
    : QObject(parent)
    , settingsFile_(std::move(settingsFile))
{
    const QString stored = open(settingsFile_)->value(kKey).toString();
    // An unknown code (a language since dropped, a hand edit) follows the system.
    choice_ = known(stored) ? stored : QString();
    apply();
}

LanguageModel::~LanguageModel()
{
    if (g_instance == this)
        g_instance = nullptr;
    if (translatorInstalled_)
        QCoreApplication::removeTranslator(&translator_);
}

void LanguageModel::setInstance(LanguageModel* instance)
{
    g_instance = instance;
}

LanguageModel* LanguageModel::create(QQmlEngine* qmlEngine, QJSEngine*)
{
    LanguageModel* model = g_instance;
    if (!model) {
        model = new LanguageModel(QString(), qmlEngine);
        g_instance = model;
    }
    QJSEngine::setObjectOwnership(model, QJSEngine::CppOwnership);
    model->engine_ = qmlEngine;
    return model;
}

void LanguageModel::setChoice(const QString& code)
{
    const QString next = known(code) ? code : QString();
    if (next == choice_)
        return;
    choice_ = next;
    open(settingsFile_)->setValue(kKey, choice_);
    apply();
    // Bindings that call qsTr() are re-evaluated; models that formatted a
    // date or a number earlier are refreshed by their pages (SettingsPage).
    if (engine_)
        engine_->retranslate();
    Q_EMIT changed();
}

QVariantList LanguageModel::options() const
{
    QVariantList list;
    list.append(QVariantMap{{QStringLiteral("code"), QString()}, {QStringLiteral("name"), tr("System default")}});
    for (const auto& language : kLanguages)
        list.append(QVariantMap{{QStringLiteral("code"), QString::fromLatin1(language.code)},
                                {QStringLiteral("name"), QString::fromUtf8(language.nativeName)}});
    return list;
}

QString LanguageModel::editableNumber(double value) const
{
    return formatEditableNumber(value);
}

QLocale LanguageModel::localeFor(const QString& code)
{
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

void LanguageModel::apply()
{
    const QLocale locale = localeFor(choice_);
    QLocale::setDefault(locale);
    if (translatorInstalled_)
        QCoreApplication::removeTranslator(&translator_);
    // English is the source language: no file, no translator. The .qm files
    // are compiled into the app (app/desktop/CMakeLists.txt).
    translatorInstalled_ =
        translator_.load(locale, QStringLiteral("spoke"), QStringLiteral("_"), QStringLiteral(":/spoke/translations"))
        && QCoreApplication::installTranslator(&translator_);
    if (engine_)
        engine_->setUiLanguage(locale.name());
}

} // namespace spoke::ui
