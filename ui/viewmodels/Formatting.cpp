#include "viewmodels/Formatting.h"

#include <QDateTime>
#include <QLocale>

namespace spoke::ui {

QString formatDateTime(std::int64_t utcMs)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime();
    return QLocale().toString(local, QStringLiteral("ddd d MMM yyyy, HH:mm"));
}

QString formatDuration(std::int64_t durationMs)
{
    const std::int64_t minutes = (durationMs + 30'000) / 60'000;
    if (minutes >= 60 && minutes % 60 == 0)
        return QObject::tr("%1 h").arg(minutes / 60);
    if (minutes >= 60)
        return QObject::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    return QObject::tr("%1 min").arg(minutes);
}

QString formatPosition(std::int64_t positionMs)
{
    const std::int64_t seconds = positionMs / 1000;
    const auto two = [](std::int64_t v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3").arg(seconds / 3600).arg(two(seconds / 60 % 60), two(seconds % 60));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(two(seconds % 60));
}

QString formatDecimal(double value, int decimals)
{
    return QLocale().toString(value, 'f', decimals);
}

QString formatInteger(std::int64_t value)
{
    return QLocale().toString(static_cast<qlonglong>(value));
}

QString formatNumber(double value)
{
    return QLocale().toString(value, 'g', QLocale::FloatingPointShortest);
}

QString formatEditableNumber(double value)
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return locale.toString(value, 'g', QLocale::FloatingPointShortest);
}

std::optional<double> parseEditableNumber(const QString& text)
{
    bool ok = false;
    double number = QLocale().toDouble(text, &ok);
    if (!ok)
        number = QLocale::c().toDouble(text, &ok);
    return ok ? std::optional<double>(number) : std::nullopt;
}

QString caseStatusLabel(store::CaseStatus status)
{
    switch (status) {
    case store::CaseStatus::Draft: return QObject::tr("Draft");
    case store::CaseStatus::Ready: return QObject::tr("Ready to submit");
    case store::CaseStatus::Submitted: return QObject::tr("Submitted");
    case store::CaseStatus::Presented: return QObject::tr("Presented");
    case store::CaseStatus::RecommendationsReceived: return QObject::tr("Recommendations received");
    }
    return {};
}

QString caseStatusLabel(const QString& spelling)
{
    if (spelling.isEmpty())
        return {};
    return caseStatusLabel(store::caseStatusFrom(spelling.toStdString()));
}

QString highlightSnippet(const std::string& snippet, const std::vector<std::pair<int, int>>& highlights)
{
    QString html;
    int at = 0;
    const auto plain = [&](int from, int to) {
        return QString::fromUtf8(snippet.data() + from, to - from).toHtmlEscaped();
    };
    for (const auto& [begin, end] : highlights) {
        if (begin < at || end > static_cast<int>(snippet.size()) || begin > end)
            continue;
        html += plain(at, begin) + QStringLiteral("<b>") + plain(begin, end) + QStringLiteral("</b>");
        at = end;
    }
    html += plain(at, static_cast<int>(snippet.size()));
    return html;
}

} // namespace spoke::ui
