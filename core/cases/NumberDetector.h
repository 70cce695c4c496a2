#pragma once

#include "cases/Lexicon.h"
#include "cases/TextScan.h"

#include <QHash>

namespace spoke::cases {

// Categories G to M and R for numbers: national IDs by structure and check
// digit (Aadhaar/Verhoeff, South African ID/Luhn and embedded birth date,
// Namibian ID, Uruguayan cédula check digit, Honduran DNI, US SSN, Zambian
// NRC, Brazilian CPF, Mozambican BI), numbers labelled by a cue word (MRN,
// ART No., Ni-kshay, folder no., expediente, historia clínica, Medicaid,
// PM-JAY, ABHA, A/c, licence, serial no. …), licence plates, and
// identifier-shaped codes with no label at all.
class NumberDetector : public Detector {
public:
    explicit NumberDetector(const Lexicon& lexicon);
    void scan(const ScanInput& input, std::vector<Hit>& hits) const override;

private:
    void scanNationalIds(const ScanInput& input, std::vector<Hit>& hits) const;
    void scanCued(const ScanInput& input, std::vector<Hit>& hits) const;
    void scanDigitRuns(const ScanInput& input, std::vector<Hit>& hits) const;

    QHash<QString, const RecordCue*> cueByFolded_;
    CueIndex cueIndex_;
    QRegularExpression cue_;
    QRegularExpression filler_;
    QRegularExpression value_;
    QRegularExpression plateValue_;
    QRegularExpression aadhaar_;
    QRegularExpression aadhaarCue_;
    QRegularExpression saId_;
    QRegularExpression naId_;
    QRegularExpression idCue_;
    QRegularExpression cedula_;
    QRegularExpression hnDni_;
    QRegularExpression ssn_;
    QRegularExpression zmNrc_;
    QRegularExpression cpf_;
    QRegularExpression mzBi_;
    QRegularExpression abha_;
    QRegularExpression indianPlate_;
    QRegularExpression indianLicence_;
    QRegularExpression kenyanPlate_;
    QRegularExpression code_;
    QRegularExpression longNumber_;
    // Long digit runs (resources/schemas/deid/numbers-1.json): grouped runs
    // such as "7001 2345 6789" or "898 0012 3456 7890", record numbers with
    // letters and separators ("IP/4471/22"), and the units that make a run a
    // measured value instead.
    QRegularExpression digitRun_;
    QRegularExpression recordCode_;
    QRegularExpression unitAfter_;
    int minIdentifierDigits_ = 9;
};

} // namespace spoke::cases
