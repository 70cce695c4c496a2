#include "cases/TextScan.h"

#include <stdexcept>

namespace spoke::cases {

namespace {

QString firstWord(QStringView text, qsizetype from)
{
    qsizetype end = from;
    while (end < text.size() && text.at(end).isLetterOrNumber())
        ++end;
    return text.mid(from, end - from).toString().toLower();
}

} // namespace

CueIndex::CueIndex(const QStringList& cues)
{
    for (const QString& cue : cues) {
        qsizetype at = 0;
        while (at < cue.size() && !cue.at(at).isLetterOrNumber())
            ++at;
        firstWords_.insert(firstWord(cue, at));
    }
}

std::vector<QRegularExpressionMatch> CueIndex::matches(const QString& text, const QRegularExpression& pattern) const
{
    std::vector<QRegularExpressionMatch> out;
    qsizetype resumeAt = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text.at(i).isLetterOrNumber() || (i > 0 && text.at(i - 1).isLetterOrNumber()))
            continue;
        if (i < resumeAt || !firstWords_.contains(firstWord(text, i)))
            continue;
        auto m = pattern.match(text, i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (m.hasMatch()) {
            resumeAt = m.capturedEnd();
            out.push_back(std::move(m));
        }
    }
    return out;
}

} // namespace spoke::cases

namespace spoke::cases::scan {

QRegularExpression compile(const QString& pattern, bool caseInsensitive)
{
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (caseInsensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    QRegularExpression re(pattern, options);
    if (!re.isValid())
        throw std::logic_error("Bad detector pattern: " + re.errorString().toStdString() + " in "
                               + pattern.left(200).toStdString());
    re.optimize();
    return re;
}

QString before(const QString& text, qsizetype pos, qsizetype window)
{
    const qsizetype from = std::max<qsizetype>(0, pos - window);
    return text.mid(from, pos - from).toLower();
}

bool cueBefore(const QString& text, qsizetype pos, const QRegularExpression& pattern, qsizetype window)
{
    const qsizetype from = std::max<qsizetype>(0, pos - window);
    return pattern.match(QStringView(text).mid(from, pos - from)).hasMatch();
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace spoke::cases::scan
