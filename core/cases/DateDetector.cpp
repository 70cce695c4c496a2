#include "cases/DateDetector.h"

#include <algorithm>

namespace spoke::cases {

namespace {

// Month names. English ones must be capitalised ("may" is a verb); Spanish
// and Portuguese are written in lower case and are no English words.
const QString kEnMonths =
    QStringLiteral("January|February|March|April|May|June|July|August|September|October|November|December");
const QString kEnAbbrev = QStringLiteral("Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec");
const QString kEsPtMonths = QStringLiteral(
    "(?i:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
    "janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro)");
const QString kEsPtAbbrev = QStringLiteral("(?i:ene|abr|ago|dic|fev|mai|set|out|dez)");

bool validDayMonth(int day, int month)
{
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const QString kDateReason = QStringLiteral("calendar date: Safe Harbor removes every date element except the year");

} // namespace

DateDetector::DateDetector()
    : numeric_(scan::compile(
        QStringLiteral(R"((?<![\d/.\-:,])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/\-:]|\.\d|[.,]\d))")))
    , iso_(
          scan::compile(QStringLiteral(R"((?<![\d/.\-:])((?:19|20)\d{2})([\-/.:])(\d{1,2})\2(\d{1,2})(?![\d/]|\.\d))")))
    , compact_(scan::compile(QStringLiteral(R"((?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d))")))
    , dayMonthName_(scan::compile(
          QStringLiteral(
              R"((?<![\d\p{L}])(\d{1,2})(?:st|nd|rd|th|º|°)?(?:\s+(?:of|de))?[\s\-/.]+(?:(%1|%3)|(%2|%4))\.?(?:[\s\-/.,]+(?:de(?:l)?\s+)?((?:19|20)\d{2}|'\d{2}))?(?![\d\p{L}]))")
              .arg(kEnMonths, kEnAbbrev, kEsPtMonths, kEsPtAbbrev)))
    , monthNameDay_(scan::compile(
          QStringLiteral(R"(\b(%1)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d{2}))?(?![\d\p{L}]))")
              .arg(kEnMonths + QLatin1Char('|') + kEnAbbrev)))
    , monthNameYear_(scan::compile(QStringLiteral(R"(\b(%1|%2|%3|%4)\.?,?\s+(?:(?:de|of)\s+)?((?:19|20)\d{2})(?!\d))")
                                       .arg(kEnMonths, kEnAbbrev, kEsPtMonths, kEsPtAbbrev)))
    , cuedDayMonth_(scan::compile(
          QStringLiteral(
              R"(\b(?:on|el|em|dated|del|desde|since|until|hasta|até|DOB|D\.O\.B\.?|born|nacid[oa]|nascid[oa]|admitted|discharged|ingres[óo]|alta)\s*:?\s*(\d{1,2})[/.](\d{1,2})(?![\d/.]))"),
          true))
    , age_(scan::compile(
          QStringLiteral(
              R"((?<![\d.,])(\d{2,3})(?:\s*-\s*|\s+)(?:year-old|years?-old|years?\s+old|yrs?\s+old|yo\b|y/o|y\.o\.|años|anos|año\b|ano\b|ans\b))"),
          true))
    , agedCue_(scan::compile(
          QStringLiteral(
              R"(\b(?:aged|age|edad|idade|de edad|com|âgée?s?\s+de|agée?s?\s+de|âge|umri\s+wa\s+miaka|umri\s+wa|umri|miaka|mwenye\s+miaka)\s*:?\s*(\d{2,3})(?![\d.,]|\s*(?:mg|kg|%|mmhg|ml|days?|weeks?|months?|d[ií]as|semanas|meses|jours|semaines|mois|siku|wiki|miezi)))"),
          true))
    , ageWords_(scan::compile(
          QStringLiteral(
              R"(\b(?:nonagenarian|centenarian|nonagenári[oa]|nonagenari[oa]|centenári[oa]|centenari[oa]|in\s+(?:her|his|their)\s+(?:late\s+|early\s+|mid-?)?nineties|ninety[- ](?:one|two|three|four|five|six|seven|eight|nine)[- ]years?|noventa\s+y\s+\w+\s+años|noventa\s+e\s+\w+\s+anos)\b)"),
          true))
    , birthYear_(scan::compile(
          QStringLiteral(
              R"(\b(?:born|b\.|year\s+of\s+birth|date\s+of\s+birth|YOB|DOB|D\.O\.B\.?|birth\s+year|nacid[oa]|naci[óo]|fecha\s+de\s+nacimiento|año\s+de\s+nacimiento|nasceu|nascid[oa]|data\s+de\s+nascimento|ano\s+de\s+nascimento|née?s?|naissance|alizaliwa|kuzaliwa)\b[^\d.;!?\n]{0,40}?((?:18|19|20)\d{2})(?!\d))"),
          true))
    , versionCue_(scan::compile(QStringLiteral(R"((?:\bv|version|versión|versão|release)\s*$)"), true))
{
}

void DateDetector::scan(const ScanInput& in, std::vector<Hit>& hits) const
{
    const QString& text = in.text;
    auto add = [&](qsizetype s, qsizetype e, const QString& reason, int strength = 70, const QString& suggestion = {}) {
        hits.push_back({s, e, 'C', reason, suggestion, strength});
    };
    const QString ageSuggestion = QStringLiteral("90+ (ages over 89 are one category)");
    for (auto it = ageWords_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedEnd(), QStringLiteral("age over 89 in words"), 60, ageSuggestion);
    }
    // Every other form needs a digit; most short fields have none.
    if (std::none_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); }))
        return;

    for (auto it = numeric_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const int a = m.captured(1).toInt();
        const int b = m.captured(3).toInt();
        const QString year = m.captured(4);
        // A two-digit year is only read as a date with / or -; "2.1.20" is a
        // version, "1.850" a number.
        if (year.size() == 2 && m.captured(2) == QLatin1String("."))
            continue;
        if (!(validDayMonth(a, b) || validDayMonth(b, a)))
            continue;
        if (scan::cueBefore(text, m.capturedStart(), versionCue_, 12))
            continue;
        add(m.capturedStart(), m.capturedEnd(), kDateReason);
    }
    for (auto it = iso_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (validDayMonth(m.captured(4).toInt(), m.captured(3).toInt()))
            add(m.capturedStart(), m.capturedEnd(), kDateReason);
    }
    for (auto it = compact_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedEnd(),
            QStringLiteral("date written as YYYYMMDD (as in file names, accession codes and DICOM headers)"), 65);
    }
    for (auto it = dayMonthName_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const bool abbreviated = m.capturedLength(3) > 0;
        // "3 out of 10", "2 set" and "5 Mar" need a year to be read as dates.
        if (abbreviated && m.capturedLength(4) == 0)
            continue;
        const int day = m.captured(1).toInt();
        if (day < 1 || day > 31)
            continue;
        add(m.capturedStart(), m.capturedEnd(), kDateReason);
    }
    for (auto it = monthNameDay_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const int day = m.captured(2).toInt();
        const bool abbreviated = kEnAbbrev.split(QLatin1Char('|')).contains(m.captured(1));
        if (day < 1 || day > 31 || (abbreviated && m.capturedLength(3) == 0))
            continue;
        add(m.capturedStart(), m.capturedEnd(), kDateReason);
    }
    for (auto it = monthNameYear_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedEnd(), QStringLiteral("month and year: the month is a date element"), 60);
    }
    for (auto it = cuedDayMonth_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (validDayMonth(m.captured(1).toInt(), m.captured(2).toInt())
            || validDayMonth(m.captured(2).toInt(), m.captured(1).toInt()))
            add(m.capturedStart(1), m.capturedEnd(2), QStringLiteral("day and month of an event in the patient's care"),
                60);
    }

    for (auto it = age_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const int age = m.captured(1).toInt();
        if (age > 89 && age < 130)
            add(m.capturedStart(), m.capturedEnd(), QStringLiteral("age over 89"), 70, ageSuggestion);
    }
    for (auto it = agedCue_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const int age = m.captured(1).toInt();
        if (age > 89 && age < 130)
            add(m.capturedStart(), m.capturedEnd(), QStringLiteral("age over 89"), 70, ageSuggestion);
    }
    for (auto it = birthYear_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const int year = m.captured(1).toInt();
        if (in.referenceYear - year > 89)
            add(m.capturedStart(1), m.capturedEnd(1),
                QStringLiteral("birth year implies an age over 89 (%1 years in %2)")
                    .arg(in.referenceYear - year)
                    .arg(in.referenceYear),
                70, ageSuggestion);
    }
}

} // namespace spoke::cases
