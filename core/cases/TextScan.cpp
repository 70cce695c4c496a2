#include "cases/TextScan.h"

#include <stdexcept>

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
