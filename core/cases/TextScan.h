#pragma once

#include <QRegularExpression>
#include <QSet>
#include <QString>

#include <vector>

namespace spoke::cases {

// What a detector sees: one field's text and the case context that changes
// how it reads (country for phone formats and IDs, the year for ages).
struct ScanInput {
    const QString& text;
    const QString& path;
    const QString& country;  // ISO alpha-2 of the presenter, may be empty
    int referenceYear = 2025; // the presentation year, for "born in 1931"
};

// A detector's raw result, in UTF-16 indexes into ScanInput::text.
struct Hit {
    qsizetype start = 0;
    qsizetype end = 0;
    char category = 'R';
    QString reason;
    QString suggestion; // empty: the category's default
    // How sure the detector is; when two number-like hits overlap, the
    // stronger one (a checksum-valid ID over a phone guess) stays.
    int strength = 50;
};

// One family of identifiers. Implementations are immutable after
// construction and safe to share between threads.
class Detector {
public:
    virtual ~Detector() = default;
    virtual void scan(const ScanInput& input, std::vector<Hit>& hits) const = 0;
};

// The first words of a list of cue phrases. Running one big alternation of
// hundreds of cues at every position of a narrative is the slowest thing a
// detector can do; looking each word up here and trying the alternation only
// where a cue can start keeps a full case well under a millisecond.
class CueIndex {
public:
    explicit CueIndex(const QStringList& cues);
    // Matches `pattern` anchored at every word start whose word begins a cue.
    std::vector<QRegularExpressionMatch> matches(const QString& text, const QRegularExpression& pattern) const;

private:
    QSet<QString> firstWords_;
};

// Helpers shared by the detectors.
namespace scan {

// Compiles with the options every detector wants (Unicode-aware \w, \b) and
// fails loudly on a typo in a pattern, which is a bug, not user input.
QRegularExpression compile(const QString& pattern, bool caseInsensitive = false);
// The `window` characters before `pos`, lower-cased.
QString before(const QString& text, qsizetype pos, qsizetype window);
// Whether `pattern` matches somewhere in the window before `pos`.
bool cueBefore(const QString& text, qsizetype pos, const QRegularExpression& pattern, qsizetype window = 40);
bool isWordChar(QChar c);

} // namespace scan

} // namespace spoke::cases
