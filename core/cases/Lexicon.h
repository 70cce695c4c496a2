#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace spoke::cases {

// A cue word that labels the number after it, e.g. "folder no." -> H.
struct RecordCue {
    QString cue;
    char category;
    QString what; // "medical record number"
};

// The word lists behind the detectors (resources/schemas/deid/lexicon-1.json).
// Kept as data so that a hub can add a local record-number label or a town
// without a rebuild of the logic. Immutable after construction; shared by all
// threads.
class Lexicon {
public:
    static const Lexicon& builtIn();

    QSet<QString> eponyms;
    QSet<QString> notNameWords;
    QSet<QString> firstNames;
    QSet<QString> firstNamesNeedContext;
    QSet<QString> surnames;
    QSet<QString> initialsAllowed;
    QSet<QString> genericFacilityWords;
    QSet<QString> townsNeedContext;
    QSet<QString> restrictedZip3;
    QStringList usStates;
    QStringList honorifics;
    QStringList relations;
    QStringList nameLabels;
    QStringList employerCues;
    QStringList placeCuesBefore;
    QStringList placeCuesAfter;
    QStringList streetCues;
    QStringList facilityWords;
    QStringList schoolWords;
    QStringList uniqueCues;
    QStringList allTowns;
    std::vector<RecordCue> recordCues;

    // True for a capitalised word that is a person-name candidate: not a
    // stop word, eponym or all-capitals abbreviation.
    bool couldBeName(const QString& word) const;

private:
    Lexicon();
};

// A regex alternation of the words, escaped, longest first (so "ART number"
// wins over "ART"), with spaces matching any run of white space.
QString alternation(const QStringList& words);

} // namespace spoke::cases
