#include "cases/Lexicon.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <stdexcept>

namespace spoke::cases {

namespace {

QStringList list(const QJsonObject& root, const char* key)
{
    QStringList out;
    for (const auto& v : root.value(QLatin1String(key)).toArray())
        out.append(v.toString());
    return out;
}

QSet<QString> set(const QJsonObject& root, const char* key)
{
    const QStringList l = list(root, key);
    return QSet<QString>(l.begin(), l.end());
}

} // namespace

QString alternation(const QStringList& words)
{
    QStringList sorted = words;
    sorted.removeDuplicates();
    std::sort(sorted.begin(), sorted.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
    QStringList escaped;
    for (const QString& w : sorted) {
        QString e = QRegularExpression::escape(w);
        e.replace(QStringLiteral("\\ "), QStringLiteral("\\s+"));
        escaped.append(e);
    }
    return escaped.join(QLatin1Char('|'));
}

const Lexicon& Lexicon::builtIn()
{
    static const Lexicon instance;
    return instance;
}

Lexicon::Lexicon()
{
    QFile file(QStringLiteral(":/spoke/schemas/deid/lexicon-1.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("The de-identification word lists are missing from this build");
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    eponyms = set(root, "eponyms");
    notNameWords = set(root, "not_name_words");
    firstNames = set(root, "first_names");
    firstNamesNeedContext = set(root, "first_names_need_context");
    surnames = set(root, "surnames");
    initialsAllowed = set(root, "initials_allowed");
    genericFacilityWords = set(root, "generic_facility_words");
    townsNeedContext = set(root, "towns_need_context");
    restrictedZip3 = set(root, "restricted_zip3");
    usStates = list(root, "us_states_abbr");
    honorifics = list(root, "honorifics");
    relations = list(root, "relations");
    nameLabels = list(root, "name_labels");
    employerCues = list(root, "employer_cues");
    placeCuesBefore = list(root, "place_cues_before");
    placeCuesAfter = list(root, "place_cues_after");
    streetCues = list(root, "street_cues");
    facilityWords = list(root, "facility_words");
    schoolWords = list(root, "school_words");
    uniqueCues = list(root, "unique_cues");
    const QJsonObject towns = root.value(QLatin1String("towns")).toObject();
    for (auto it = towns.begin(); it != towns.end(); ++it)
        for (const auto& t : it.value().toArray())
            if (!townsNeedContext.contains(t.toString()))
                allTowns.append(t.toString());
    for (const auto& group : root.value(QLatin1String("record_cues")).toArray()) {
        const QJsonObject g = group.toObject();
        const QString category = g.value(QLatin1String("category")).toString();
        const QString what = g.value(QLatin1String("what")).toString();
        if (category.size() != 1)
            throw std::runtime_error("A record cue group in the word lists has no Safe Harbor category");
        for (const auto& cue : g.value(QLatin1String("cues")).toArray())
            recordCues.push_back({cue.toString(), category.at(0).toLatin1(), what});
    }
}

bool Lexicon::couldBeName(const QString& word) const
{
    if (word.size() < 2 || !word.at(0).isUpper())
        return false;
    if (notNameWords.contains(word) || eponyms.contains(word))
        return false;
    // Abbreviations such as TLD, HIV, EAC are written in capitals; names in
    // running text are not (DICOM's PN format is handled on its own).
    bool hasLower = false;
    for (const QChar c : word)
        hasLower = hasLower || c.isLower();
    return hasLower;
}

} // namespace spoke::cases
