#include "cases/NameDetector.h"

namespace spoke::cases {

namespace {

// A capitalised word in any script Qt knows: Macuácua, Jean-Pierre, O'Neil.
const QString kTok = QStringLiteral(R"(\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*)");
const QString kInitial = QStringLiteral(R"(\p{Lu}\.)");
QString nameRun()
{
    return QStringLiteral(R"((?:%2\s?){0,2}%1(?:[ \t]+(?:(?:de|da|do|dos|das|del|van|von|bin|binti|al)[ \t]+)?(?:%1|%2)){0,3})").arg(kTok, kInitial);
}

} // namespace

NameDetector::NameDetector(const Lexicon& lexicon)
    : lexicon_(lexicon),
      relationIndex_(lexicon.relations),
      labelIndex_(lexicon.nameLabels),
      employerIndex_(lexicon.employerCues),
      token_(scan::compile(QStringLiteral(R"(%1|%2)").arg(kTok, kInitial))),
      honorific_(scan::compile(QStringLiteral(R"((?<![\p{L}])(?:%1)\.?[ \t]+(%2))").arg(alternation(lexicon.honorifics), nameRun()))),
      relation_(scan::compile(QStringLiteral(R"((?<![\p{L}])(?i:%1)(?:'s)?,?[ \t]+\(?(%2))").arg(alternation(lexicon.relations), nameRun()))),
      label_(scan::compile(QStringLiteral(R"((?<![\p{L}])(?i:%1)\s*[:=]\s*([^;,\n()\[\]]{2,60}?)(?=\s*(?:[;,\n()\[\]]|\.(?:\s|$)|$)))").arg(alternation(lexicon.nameLabels)))),
      dicomName_(scan::compile(QStringLiteral(R"((?<![\p{L}^])\p{Lu}[\p{L}'\-]+\^[\p{L}'\-]*(?:\^[\p{L}'\-.]*){0,3})"))),
      initials_(scan::compile(QStringLiteral(R"((?<![\p{L}.])(?:\p{Lu}\.[ ]?){2,3}(?![\p{L}]))"))),
      employer_(scan::compile(QStringLiteral(R"((?<![\p{L}])(?i:%1)\s*:?[ \t]+((?:[\p{Lu}0-9][\p{L}\p{M}0-9'’&.\-]*)(?:[ \t]+(?:(?:&|and|de|da|do|del|of|the|y|e)[ \t]+)?[\p{Lu}0-9][\p{L}\p{M}0-9'’&\-]*){0,5}))").arg(alternation(lexicon.employerCues)))),
      employerLoose_(scan::compile(QStringLiteral(R"(\b(?i:works|working|worked|employed|trabaja|trabajaba|trabalha|trabalhava)\b[^.;:\n]{0,40}?\b(?:at|for|by|en|para|na|no|em)[ \t]+((?:%1)(?:[ \t]+(?:(?:&|and|de|da|do|del|of|y|e)[ \t]+)?(?:%1|[A-Z]{2,}|\d+)){0,5}))").arg(kTok))),
      pair_(scan::compile(QStringLiteral(R"((?<![\p{L}\-])(%1)[ \t]+(%1)(?:[ \t]+(%1))?(?![\p{L}\-]))").arg(kTok)))
{
}

std::pair<qsizetype, qsizetype> NameDetector::nameSpan(const QString& text, qsizetype start, qsizetype end,
                                                       bool allowInitials) const
{
    qsizetype first = -1;
    qsizetype last = -1;
    for (auto it = token_.globalMatch(QStringView(text).mid(start, end - start)); it.hasNext();) {
        const auto m = it.next();
        const QString word = m.captured();
        const bool initial = word.size() == 2 && word.at(1) == QLatin1Char('.');
        const bool ok = initial ? allowInitials : lexicon_.couldBeName(word);
        if (!ok) {
            if (first >= 0)
                break; // a name ends at the first word that cannot be part of it
            if (!initial)
                return {-1, -1};
            continue;
        }
        if (first < 0)
            first = start + m.capturedStart();
        last = start + m.capturedEnd();
    }
    return {first, last};
}

void NameDetector::scan(const ScanInput& in, std::vector<Hit>& hits) const
{
    const QString& text = in.text;
    auto add = [&](qsizetype s, qsizetype e, const QString& reason, int strength) {
        if (s >= 0 && e > s)
            hits.push_back({s, e, 'A', reason, {}, strength});
    };
    for (auto it = honorific_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const auto [s, e] = nameSpan(text, m.capturedStart(1), m.capturedEnd(1), true);
        add(s, e, QStringLiteral("person's name after a title"), 80);
    }
    for (const auto& m : relationIndex_.matches(text, relation_)) {
        const auto [s, e] = nameSpan(text, m.capturedStart(1), m.capturedEnd(1), true);
        add(s, e, QStringLiteral("name of a relative, carer or household member"), 75);
    }
    for (const auto& m : labelIndex_.matches(text, label_)) {
        const QString value = m.captured(1).trimmed();
        static const QRegularExpression thingLabel(
            QStringLiteral("(?:drug|brand|trade|generic|test|file|scale|regimen|product|device|facility|hospital|clinic|assay|programme|program|user)\\s*$"),
            QRegularExpression::CaseInsensitiveOption);
        if (thingLabel.match(scan::before(text, m.capturedStart(), 14)).hasMatch())
            continue;
        if (value.isEmpty() || lexicon_.notNameWords.contains(value) || value.size() < 2)
            continue;
        const qsizetype s = m.capturedStart(1) + (m.captured(1).size() - m.captured(1).trimmed().size() > 0
                                                      ? m.captured(1).indexOf(value) : 0);
        add(s, s + value.size(), QStringLiteral("value of a name field"), 85);
    }
    for (auto it = dicomName_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(m.capturedStart(), m.capturedEnd(), QStringLiteral("person name in DICOM form (FAMILY^GIVEN^MIDDLE)"), 90);
    }
    for (auto it = initials_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString compact = m.captured().remove(QLatin1Char(' '));
        if (lexicon_.initialsAllowed.contains(compact))
            continue;
        qsizetype e = m.capturedEnd();
        while (e > m.capturedStart() && text.at(e - 1) == QLatin1Char(' '))
            --e;
        add(m.capturedStart(), e, QStringLiteral("initials of a person"), 60);
    }
    for (const auto& m : employerIndex_.matches(text, employer_)) {
        const QString first = m.captured(1).section(QLatin1Char(' '), 0, 0);
        if (lexicon_.notNameWords.contains(first))
            continue;
        qsizetype e = m.capturedEnd(1);
        while (e > m.capturedStart(1) && QStringLiteral(".,;").contains(text.at(e - 1)))
            --e;
        add(m.capturedStart(1), e, QStringLiteral("employer's name (Safe Harbor covers employers)"), 70);
    }
    for (auto it = employerLoose_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString first = m.captured(1).section(QLatin1Char(' '), 0, 0);
        if (!lexicon_.couldBeName(first) && !lexicon_.firstNames.contains(first))
            continue;
        add(m.capturedStart(1), m.capturedEnd(1), QStringLiteral("employer's name (Safe Harbor covers employers)"), 65);
    }
    for (auto it = pair_.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString a = m.captured(1);
        const QString b = m.captured(2);
        if (!lexicon_.couldBeName(a) || !lexicon_.couldBeName(b))
            continue;
        const bool firstKnown = lexicon_.firstNames.contains(a) && !lexicon_.firstNamesNeedContext.contains(a);
        const bool surnameKnown = lexicon_.surnames.contains(b);
        const bool contextFirst = lexicon_.firstNamesNeedContext.contains(a)
                                  && (lexicon_.surnames.contains(b) || lexicon_.firstNames.contains(b));
        if (!(firstKnown || surnameKnown || contextFirst))
            continue;
        qsizetype e = m.capturedEnd(2);
        if (m.capturedLength(3) > 0 && lexicon_.couldBeName(m.captured(3)))
            e = m.capturedEnd(3);
        add(m.capturedStart(1), e, QStringLiteral("first name and surname"), 65);
    }
}

} // namespace spoke::cases
