#include "cases/Regions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <stdexcept>

namespace spoke::cases {

QString foldForMatching(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        out.append(c.toLower());
    }
    return out;
}

const Regions& Regions::builtIn()
{
    static const Regions instance;
    return instance;
}

Regions::Regions()
{
    QFile file(QStringLiteral(":/spoke/schemas/regions-1.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("The region lists are missing from this build (resources/schemas/regions-1.json)");
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    for (const auto& s : root.value(QLatin1String("suffixes")).toArray())
        suffixes_.append(foldForMatching(s.toString()));
    // Longest first, so "union territory" is stripped before "territory".
    std::sort(suffixes_.begin(), suffixes_.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
    const QJsonObject countries = root.value(QLatin1String("countries")).toObject();
    for (auto it = countries.begin(); it != countries.end(); ++it) {
        QStringList names;
        QStringList normalised;
        for (const auto& n : it.value().toArray()) {
            names.append(n.toString());
            normalised.append(normalise(n.toString()));
            anyCountry_.insert(normalise(n.toString()), 1);
        }
        byCountry_.insert(it.key(), names);
        normalisedByCountry_.insert(it.key(), normalised);
    }
}

QString Regions::normalise(const QString& name) const
{
    static const QRegularExpression separators(QStringLiteral("[\\s\\-/'’]+"));
    QString n = foldForMatching(name);
    n.replace(separators, QStringLiteral(" "));
    n = n.trimmed();
    for (const QString& suffix : suffixes_) {
        if (n.size() > suffix.size() + 1 && n.endsWith(QLatin1Char(' ') + suffix)) {
            n.chop(suffix.size() + 1);
            break;
        }
    }
    return n.trimmed();
}

bool Regions::knowsCountry(const QString& countryCode) const
{
    return byCountry_.contains(countryCode.toUpper());
}

bool Regions::isFirstLevel(const QString& countryCode, const QString& name) const
{
    const auto it = normalisedByCountry_.constFind(countryCode.toUpper());
    return it != normalisedByCountry_.constEnd() && it->contains(normalise(name));
}

bool Regions::isAnyFirstLevel(const QString& name) const
{
    return anyCountry_.contains(normalise(name));
}

QStringList Regions::regionsOf(const QString& countryCode) const
{
    return byCountry_.value(countryCode.toUpper());
}

} // namespace spoke::cases
