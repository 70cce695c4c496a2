#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace spoke::cases {

// First-level administrative units per country (resources/schemas/regions-1.json).
// Safe Harbor allows a state-level place and nothing smaller, so the region
// picker offers only these and the gate flags anything else in that field.
// Immutable after construction, so one instance is shared by all threads.
class Regions {
public:
    static const Regions& builtIn();

    bool knowsCountry(const QString& countryCode) const;
    // "Ohangwena Region", "ohangwena" and "OHANGWENA" all match Ohangwena.
    bool isFirstLevel(const QString& countryCode, const QString& name) const;
    // True if the name is a first-level unit of any known country.
    bool isAnyFirstLevel(const QString& name) const;
    QStringList regionsOf(const QString& countryCode) const;

    // Lower case, no diacritics, no administrative suffix, single spaces.
    QString normalise(const QString& name) const;

private:
    Regions();

    QHash<QString, QStringList> byCountry_;
    QHash<QString, QStringList> normalisedByCountry_;
    QStringList suffixes_;
    QHash<QString, int> anyCountry_;
};

// Lower case without diacritics: "Tacuarembó" -> "tacuarembo".
QString foldForMatching(const QString& text);

} // namespace spoke::cases
