#include "cases/NumberDetector.h"

#include "cases/Checksums.h"
#include "cases/Regions.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace spoke::cases {

namespace {

bool validYymmdd(QStringView s)
{
    const int mm = s.mid(2, 2).toInt();
    const int dd = s.mid(4, 2).toInt();
    return mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31;
}

int digitCount(QStringView s)
{
    int n = 0;
    for (const QChar c : s)
        n += c.isDigit() ? 1 : 0;
    return n;
}

int letterCount(QStringView s)
{
    int n = 0;
    for (const QChar c : s)
        n += c.isLetter() ? 1 : 0;
    return n;
}

// Standards and assay names look like codes and are never about a patient.
bool isStandardPrefix(QStringView code)
{
    static const QStringList prefixes{QStringLiteral("ECHO-"),   QStringLiteral("ISO-"),  QStringLiteral("ICD-"),
                                      QStringLiteral("IEC-"),    QStringLiteral("EN-"),   QStringLiteral("RFC-"),
                                      QStringLiteral("COVID-"),  QStringLiteral("SARS-"), QStringLiteral("MGIT-"),
                                      QStringLiteral("NCT-"),    QStringLiteral("ATC-"),  QStringLiteral("LOINC-"),
                                      QStringLiteral("SNOMED-"), QStringLiteral("CAS-")};
    for (const QString& p : prefixes)
        if (code.startsWith(p, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace

namespace {

QStringList cueWords(const Lexicon& lexicon)
{
    QStringList cues;
    for (const RecordCue& cue : lexicon.recordCues)
        cues.append(cue.cue);
    return cues;
}

QJsonObject numbersData()
{
    QFile file(QStringLiteral(":/spoke/schemas/deid/numbers-1.json"));
    const bool opened = file.open(QIODevice::ReadOnly);
    Q_ASSERT(opened); // a built-in resource; missing it is a build bug
    return QJsonDocument::fromJson(opened ? file.readAll() : QByteArray()).object();
}

QStringList unitsOf(const QJsonObject& root)
{
    QStringList units;
    const QJsonObject perLanguage = root.value(QLatin1String("units")).toObject();
    for (auto it = perLanguage.begin(); it != perLanguage.end(); ++it)
        for (const auto& v : it.value().toArray())
            units.append(v.toString());
    return units;
}

} // namespace

NumberDetector::NumberDetector(const Lexicon& lexicon) : cueIndex_(cueWords(lexicon))
{
    const QStringList cues = cueWords(lexicon);
    for (const RecordCue& cue : lexicon.recordCues)
        cueByFolded_.insert(foldForMatching(cue.cue).simplified(), &cue);
    cue_ = scan::compile(QStringLiteral(R"((?<![\p{L}\d])(%1)(?![\p{L}]))").arg(alternation(cues)), true);
    // What may sit between a label and its number: "no.", "number", "#", ":".
    filler_ = scan::compile(
        QStringLiteral(
            R"(\G(?:[\s(.,]*(?:no\.?|nos\.?|number|num\.?|n[º°]\.?|n\.[º°]|#|:|=|is|was|de|do|da|del|of|the|id|card|reg\.?|registration|written|noted)?[\s:=#(]*){0,3})"),
        true);
    value_ = scan::compile(
        QStringLiteral(R"(\G[A-Za-z0-9]+(?:[\-/.][A-Za-z0-9]+)*(?:[ ][A-Z]*\d[A-Z0-9]*(?:[\-/][A-Za-z0-9]+)*){0,4})"));
    plateValue_ = scan::compile(QStringLiteral(R"(\G[A-Z0-9]{1,8}(?:[ \-][A-Z0-9]{1,8}){0,3})"));
    aadhaar_ = scan::compile(QStringLiteral(R"((?<![\d\-/.])([2-9]\d{3})([ \-]?)(\d{4})\2(\d{4})(?![\d\-/]|\.\d))"));
    aadhaarCue_ = scan::compile(QStringLiteral(R"(aadhaa?r|\buid\b|uidai|आधार)"), true);
    saId_ = scan::compile(QStringLiteral(R"((?<![\d\-/.])(\d{6})(\d{4})([01])(\d)(\d)(?![\d\-/]|\.\d))"));
    naId_ = scan::compile(QStringLiteral(R"((?<![\d\-/.])(\d{6})(\d{5})(?![\d\-/]|\.\d))"));
    idCue_ = scan::compile(
        QStringLiteral(
            R"(\b(?:id|identity|identidad|identidade|national|nacional|c\.?i\.?|c[ée]dula|dni|ssn|nrc|bi|omang|cpf)\b)"),
        true);
    cedula_ = scan::compile(QStringLiteral(R"((?<![\d.])(\d{1,2})\.(\d{3})\.(\d{3})\s?[\-–]\s?(\d)(?!\d))"));
    hnDni_ = scan::compile(QStringLiteral(R"((?<![\d\-])(\d{4})-((?:19|20)\d{2})-(\d{5})(?![\d\-]))"));
    ssn_ = scan::compile(QStringLiteral(R"((?<![\d\-])(\d{3})-(\d{2})-(\d{4})(?![\d\-]))"));
    zmNrc_ = scan::compile(QStringLiteral(R"((?<![\d/])\d{6}/\d{2}/\d(?![\d/]))"));
    cpf_ = scan::compile(QStringLiteral(R"((?<![\d.])\d{3}\.\d{3}\.\d{3}-\d{2}(?!\d))"));
    mzBi_ = scan::compile(QStringLiteral(R"((?<![\dA-Za-z])\d{12}[A-Z](?![\dA-Za-z]))"));
    abha_ = scan::compile(QStringLiteral(R"((?<![\d\-])\d{2}-\d{4}-\d{4}-\d{4}(?![\d\-]))"));
    indianPlate_ = scan::compile(
        QStringLiteral(R"((?<![A-Za-z0-9])[A-Z]{2}[ \-]?\d{1,2}[ \-]?[A-Z]{1,3}[ \-]?\d{3,4}(?![A-Za-z0-9]))"));
    kenyanPlate_ = scan::compile(QStringLiteral(R"((?<![A-Za-z0-9])K[A-Z]{2}[ ]?\d{3}[A-Z](?![A-Za-z0-9]))"));
    indianLicence_ =
        scan::compile(QStringLiteral(R"((?<![A-Za-z0-9])[A-Z]{2}[ \-]?\d{2}[ \-]?(?:19|20)\d{2}\d{7}(?![A-Za-z0-9]))"));
    code_ = scan::compile(
        QStringLiteral(R"((?<![\p{L}\d\-/.])[A-Z]{1,6}(?:-[A-Z]{1,6})*-\d{4,}(?:-\d+)*(?![\p{L}\d]|-\d))"));
    longNumber_ = scan::compile(QStringLiteral(R"((?<![\d.,\-])\d{10,}(?![\d.,]))"));
    const QJsonObject numbers = numbersData();
    minIdentifierDigits_ = numbers.value(QLatin1String("min_identifier_digits")).toInt(9);
    // Groups of digits joined by one separator (space, dot, dash or slash),
    // the same one throughout as every ID format writes it, so two dates in a
    // row do not chain; a comma is a decimal or thousands mark, never a group.
    digitRun_ = scan::compile(
        QStringLiteral(R"((?<![\p{L}\d.,/\-+])\d{1,8}(?:([ .\-/])\d{1,8}(?:\1\d{1,8}){0,5})?(?![\p{L}\d]|[.,/\-]\d))"));
    recordCode_ = scan::compile(QStringLiteral(
        R"((?<![\p{L}\d\-/.])[A-Z]{1,6}[/\-](?:[A-Z]{0,4}\d+[/\-])*[A-Z]{0,4}\d+(?![\p{L}\d]|[/\-]\d))"));
    unitAfter_ = scan::compile(QStringLiteral(R"(\G\s*(?:%1)(?![\p{L}]))").arg(alternation(unitsOf(numbers))), true);
}

void NumberDetector::scan(const ScanInput& in, std::vector<Hit>& hits) const
{
    if (digitCount(in.text) < 3)
        return;
    scanNationalIds(in, hits);
    scanCued(in, hits);
    scanDigitRuns(in, hits);
    const QString& text = in.text;
    for (auto it = indianPlate_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        hits.push_back({m.capturedStart(),
                        m.capturedEnd(),
                        'L',
                        QStringLiteral("vehicle registration plate (Indian format)"),
                        {},
                        75});
    }
    for (auto it = kenyanPlate_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        hits.push_back({m.capturedStart(),
                        m.capturedEnd(),
                        'L',
                        QStringLiteral("vehicle registration plate (Kenyan format)"),
                        {},
                        75});
    }
    for (auto it = indianLicence_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        hits.push_back({m.capturedStart(),
                        m.capturedEnd(),
                        'K',
                        QStringLiteral("driving licence number (Indian format: state, RTO, year, serial)"),
                        {},
                        80});
    }
    for (auto it = code_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (isStandardPrefix(m.capturedView()))
            continue;
        hits.push_back({m.capturedStart(),
                        m.capturedEnd(),
                        'R',
                        QStringLiteral("identifier-shaped code (letters and a long number) with no label"),
                        {},
                        40});
    }
    for (auto it = longNumber_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        hits.push_back({m.capturedStart(),
                        m.capturedEnd(),
                        'R',
                        QStringLiteral("long number that may identify a person or record"),
                        {},
                        35});
    }
}

void NumberDetector::scanNationalIds(const ScanInput& in, std::vector<Hit>& hits) const
{
    const QString& text = in.text;
    const QString country = in.country.toUpper();
    auto add = [&](qsizetype s, qsizetype e, const QString& reason, int strength) {
        hits.push_back({s, e, 'G', reason, {}, strength});
    };
    for (auto it = aadhaar_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString digits = digitsOnly(m.capturedView());
        const bool checksum = verhoeffValid(digits);
        const bool cue = scan::cueBefore(text, m.capturedStart(), aadhaarCue_, 40);
        const bool grouped = !m.captured(2).isEmpty();
        if (checksum || cue || (grouped && country == QLatin1String("IN")))
            add(m.capturedStart(), m.capturedEnd(),
                QStringLiteral("Aadhaar number (12 digits%1)")
                    .arg(checksum ? QStringLiteral(", Verhoeff check digit valid")
                         : cue    ? QStringLiteral(", labelled")
                                  : QStringLiteral(" in Aadhaar grouping")),
                checksum || cue ? 95 : 80);
    }
    for (auto it = saId_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (!validYymmdd(m.capturedView(1)))
            continue;
        const bool checksum = luhnValid(m.capturedView());
        const bool cue = scan::cueBefore(text, m.capturedStart(), idCue_, 30);
        if (checksum || cue || country == QLatin1String("ZA"))
            add(m.capturedStart(), m.capturedEnd(),
                QStringLiteral(
                    "South African ID number (13 digits with a birth date%1); it also reveals the date of birth")
                    .arg(checksum ? QStringLiteral(", Luhn check digit valid") : QString()),
                checksum || cue ? 95 : 85);
    }
    for (auto it = naId_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (!validYymmdd(m.capturedView(1)))
            continue;
        if (country == QLatin1String("NA") || scan::cueBefore(text, m.capturedStart(), idCue_, 30))
            add(m.capturedStart(), m.capturedEnd(),
                QStringLiteral("Namibian ID number (11 digits starting with a birth date)"), 90);
    }
    for (auto it = cedula_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const bool checksum = uruguayCedulaValid(digitsOnly(m.capturedView()));
        add(m.capturedStart(), m.capturedEnd(),
            QStringLiteral("Uruguayan cédula de identidad (d.ddd.ddd-d format, check digit %1)")
                .arg(checksum ? QStringLiteral("valid") : QStringLiteral("not valid, possibly mistyped")),
            95);
    }
    for (auto it = hnDni_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedEnd(),
            QStringLiteral("Honduran DNI (municipality code, year of registration, serial)"), 95);
    }
    for (auto it = ssn_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const int area = m.captured(1).toInt();
        const bool issuable = area != 0 && area != 666 && area < 900 && m.captured(2) != QLatin1String("00")
                              && m.captured(3) != QLatin1String("0000");
        add(m.capturedStart(), m.capturedEnd(),
            issuable ? QStringLiteral("US Social Security number")
                     : QStringLiteral("US Social Security number format (area %1 is never issued, but it is still an "
                                      "SSN-shaped identifier)")
                           .arg(m.captured(1)),
            90);
    }
    for (auto it = zmNrc_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedEnd(), QStringLiteral("Zambian NRC number"), 95);
    }
    for (auto it = cpf_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedEnd(), QStringLiteral("Brazilian CPF number"), 95);
    }
    for (auto it = mzBi_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedEnd(), QStringLiteral("Mozambican BI number (12 digits and a letter)"), 90);
    }
    for (auto it = abha_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        hits.push_back(
            {m.capturedStart(), m.capturedEnd(), 'R', QStringLiteral("ABHA health ID (14 digits, 2-4-4-4)"), {}, 95});
    }
}

void NumberDetector::scanCued(const ScanInput& in, std::vector<Hit>& hits) const
{
    const QString& text = in.text;
    for (const auto& m : cueIndex_.matches(text, cue_)) {
        const RecordCue* cue = cueByFolded_.value(foldForMatching(m.captured(1)).simplified());
        if (!cue)
            continue;
        const auto gap = filler_.match(text, m.capturedEnd(), QRegularExpression::NormalMatch,
                                       QRegularExpression::AnchorAtOffsetMatchOption);
        const qsizetype at = gap.hasMatch() ? gap.capturedEnd() : m.capturedEnd();
        const bool plate = cue->category == 'L';
        const auto v =
            (plate ? plateValue_ : value_)
                .match(text, at, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!v.hasMatch())
            continue;
        QStringView value = v.capturedView();
        qsizetype end = v.capturedEnd();
        while (!value.isEmpty() && (value.back() == QLatin1Char('.') || value.back() == QLatin1Char(' '))) {
            value.chop(1);
            --end;
        }
        const int digits = digitCount(value);
        // A label followed by a dose or a count ("ART for 6 years") is no
        // identifier: require a number that looks issued, not measured.
        const bool looksIssued = plate ? (digits >= 2 && letterCount(value) >= 1)
                                       : (digits >= 4 || (digits >= 3 && letterCount(value) >= 1));
        static const QRegularExpression bareYear(QStringLiteral("^(?:19|20)\\d{2}$"));
        if (!looksIssued || bareYear.match(value).hasMatch())
            continue;
        hits.push_back({v.capturedStart(),
                        end,
                        cue->category,
                        QStringLiteral("%1 (labelled \"%2\")").arg(cue->what, m.captured(1).simplified()),
                        {},
                        80});
    }
}

} // namespace spoke::cases

namespace spoke::cases {

void NumberDetector::scanDigitRuns(const ScanInput& in, std::vector<Hit>& hits) const
{
    const QString& text = in.text;
    for (auto it = digitRun_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (digitCount(m.capturedView()) < minIdentifierDigits_)
            continue;
        // "1 250 000 copies/mL": a measured value, whatever its length.
        if (unitAfter_
                .match(text, m.capturedEnd(), QRegularExpression::NormalMatch,
                       QRegularExpression::AnchorAtOffsetMatchOption)
                .hasMatch())
            continue;
        // A clock time right after a date ("2024-03-12 14:30") is no run.
        if (m.capturedEnd() < text.size() && text.at(m.capturedEnd()) == QLatin1Char(':'))
            continue;
        hits.push_back(
            {m.capturedStart(),
             m.capturedEnd(),
             'R',
             QStringLiteral("long digit run that is not a measured value: an ID, card, record or phone number"),
             {},
             70});
    }
    for (auto it = recordCode_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (digitCount(m.capturedView()) < 5 || isStandardPrefix(m.capturedView()))
            continue;
        hits.push_back({m.capturedStart(),
                        m.capturedEnd(),
                        'R',
                        QStringLiteral("record number (letters and digits with separators) with no label"),
                        {},
                        60});
    }
}

} // namespace spoke::cases
