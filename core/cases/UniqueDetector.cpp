#include "cases/UniqueDetector.h"

#include "cases/Lexicon.h"
#include "cases/Regions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace spoke::cases {

namespace {

// Every language's cues of one kind, folded like the text they are matched on.
QStringList cuesOf(const QJsonObject& root, const char* kind)
{
    QStringList out;
    const QJsonObject perLanguage = root.value(QLatin1String(kind)).toObject();
    for (auto it = perLanguage.begin(); it != perLanguage.end(); ++it)
        for (const auto& v : it.value().toArray())
            out.append(foldForMatching(v.toString()));
    return out;
}

QRegularExpression wordsPattern(const QStringList& cues)
{
    return scan::compile(QStringLiteral(R"((?<![\p{L}\d])(?:%1)(?![\p{L}\d]))").arg(alternation(cues)), true);
}

bool isClauseBreak(QChar c)
{
    return c == QLatin1Char('.') || c == QLatin1Char(';') || c == QLatin1Char(',') || c == QLatin1Char('!')
           || c == QLatin1Char('?') || c == QLatin1Char('\n') || c == QLatin1Char('(') || c == QLatin1Char(')')
           || c == QLatin1Char(':');
}

// The clause around [start, end): back and forward to the nearest clause
// break, at most `reach` characters each way. A "." inside a number or an
// abbreviation ("Dr.") ends the clause early, which only narrows the span.
std::pair<qsizetype, qsizetype> clauseAround(const QString& text, qsizetype start, qsizetype end)
{
    constexpr qsizetype reach = 100;
    qsizetype s = start;
    while (s > 0 && start - s < reach && !isClauseBreak(text.at(s - 1)))
        --s;
    qsizetype e = end;
    while (e < text.size() && e - end < reach && !isClauseBreak(text.at(e)))
        ++e;
    while (s < e && text.at(s).isSpace())
        ++s;
    while (e > s && text.at(e - 1).isSpace())
        --e;
    return {s, e};
}

} // namespace

UniqueDetector::UniqueDetector()
{
    QFile file(QStringLiteral(":/spoke/schemas/deid/unique-1.json"));
    const bool opened = file.open(QIODevice::ReadOnly);
    Q_ASSERT(opened); // a built-in resource; missing it is a build bug
    const QJsonObject root = QJsonDocument::fromJson(opened ? file.readAll() : QByteArray()).object();
    mark_ = wordsPattern(cuesOf(root, "marks"));
    markPlace_ = wordsPattern(cuesOf(root, "mark_places"));
    markClinical_ = wordsPattern(cuesOf(root, "mark_clinical"));
    only_ = wordsPattern(cuesOf(root, "only"));
    community_ = wordsPattern(cuesOf(root, "community_words"));
    role_ = wordsPattern(cuesOf(root, "roles"));
    incident_ = wordsPattern(cuesOf(root, "incidents"));
}

void UniqueDetector::scan(const ScanInput& in, std::vector<Hit>& hits) const
{
    if (in.text.size() < 8)
        return;
    // Cues are matched on folded text so "único" and "unico" are one cue;
    // folding keeps indexes unless a character decomposes into several.
    QString folded = foldForMatching(in.text);
    if (folded.size() != in.text.size())
        folded = in.text.toLower();
    scanMarks(folded, in, hits);
    scanOnly(folded, in, hits);
    scanPhrases(folded, role_, QStringLiteral("a role only one person holds (unique identifying characteristic)"),
                hits);
    scanPhrases(folded, incident_,
                QStringLiteral("a public incident that singles the patient out (unique identifying characteristic)"),
                hits);
}

void UniqueDetector::scanMarks(const QString& folded, const ScanInput&, std::vector<Hit>& hits) const
{
    for (auto it = mark_.globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        const auto [s, e] = clauseAround(folded, m.capturedStart(), m.capturedEnd());
        const QString clause = folded.mid(s, e - s);
        // A scar with no place or design is a finding; one with a clinical
        // origin next to it ("scar from previous caesarean", "BCG scar") is
        // always one. Only the words next to the mark count, so "a tattoo of
        // a lion on the forearm and an old BCG scar" still flags the tattoo.
        const qsizetype nearStart = std::max(s, m.capturedStart() - 25);
        const qsizetype nearEnd = std::min(e, m.capturedEnd() + 35);
        if (!markPlace_.match(clause).hasMatch()
            || markClinical_.match(folded.mid(nearStart, nearEnd - nearStart)).hasMatch())
            continue;
        hits.push_back(
            {s,
             e,
             'R',
             QStringLiteral(
                 "a distinctive mark described with its place or design (unique identifying characteristic)"),
             {},
             60});
    }
}

void UniqueDetector::scanOnly(const QString& folded, const ScanInput&, std::vector<Hit>& hits) const
{
    for (auto it = only_.globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        const auto [s, e] = clauseAround(folded, m.capturedStart(), m.capturedEnd());
        // "the only drug that worked" is clinical; "the only albino child in
        // the village" names a person to anyone from there.
        if (!community_.match(folded.mid(s, e - s)).hasMatch())
            continue;
        hits.push_back({s,
                        e,
                        'R',
                        QStringLiteral("the only person of a kind in a community (unique identifying characteristic)"),
                        {},
                        60});
    }
}

void UniqueDetector::scanPhrases(const QString& folded, const QRegularExpression& cue, const QString& reason,
                                 std::vector<Hit>& hits) const
{
    for (auto it = cue.globalMatch(folded); it.hasNext();) {
        const auto m = it.next();
        const auto [s, e] = clauseAround(folded, m.capturedStart(), m.capturedEnd());
        hits.push_back({s, e, 'R', reason, {}, 60});
    }
}

} // namespace spoke::cases
