#pragma once

#include "cases/Lexicon.h"
#include "cases/TextScan.h"

namespace spoke::cases {

// Category B, and the quasi-identifiers of category R that hang on places:
// street addresses in English, Spanish, Portuguese and Indian forms (chained
// across commas, "H. No. 112, Gali No. 4, Guru Nanak Nagar, Bathinda"),
// places named by a cue ("village", "bairro", "block", "X district"), towns
// from the gazetteer, named schools and facilities, ZIP/PIN/CEP codes, GPS
// coordinates; facility + ward + bed combinations and "the only … in the
// village" characteristics (R). First-level regions are allowed everywhere.
class PlaceDetector : public Detector {
public:
    explicit PlaceDetector(const Lexicon& lexicon);
    void scan(const ScanInput& input, std::vector<Hit>& hits) const override;

private:
    qsizetype chainAddress(const QString& text, qsizetype end) const;
    bool isProperPlace(const QString& words, const QString& country) const;
    void scanQuasi(const ScanInput& input, std::vector<Hit>& hits) const;

    const Lexicon& lexicon_;
    CueIndex placeCueIndex_;
    QRegularExpression town_;
    QRegularExpression streetFirst_;
    QRegularExpression streetSuffix_;
    QRegularExpression chain_;
    QRegularExpression cueBefore_;
    QRegularExpression cueAfter_;
    QRegularExpression school_;
    QRegularExpression schoolFirst_;
    QRegularExpression facility_;
    QRegularExpression zip_;
    QRegularExpression usCityState_;
    QRegularExpression gps_;
    QRegularExpression gpsCue_;
    QRegularExpression ward_;
    QRegularExpression bed_;
    QRegularExpression unique_;
    QRegularExpression uniqueCue_;
    QRegularExpression regionSuffix_;
};

} // namespace spoke::cases
