#include "viewmodels/FindingsModel.h"

namespace spoke::ui {

namespace {

constexpr int kContextChars = 40;

const QHash<int, QByteArray> kRoleNames{
    {FindingsModel::PathRole, "path"},
    {FindingsModel::FieldLabelRole, "fieldLabel"},
    {FindingsModel::StartRole, "start"},
    {FindingsModel::EndRole, "end"},
    {FindingsModel::StartUtf16Role, "startUtf16"},
    {FindingsModel::EndUtf16Role, "endUtf16"},
    {FindingsModel::TextRole, "text"},
    {FindingsModel::CategoryRole, "category"},
    {FindingsModel::CategoryNameRole, "categoryName"},
    {FindingsModel::ReasonRole, "reason"},
    {FindingsModel::SuggestionRole, "suggestion"},
    {FindingsModel::RedactionRole, "redaction"},
    {FindingsModel::ContextHtmlRole, "contextHtml"},
};

} // namespace

QString redactionFor(const cases::Finding& finding)
{
    const QString& s = finding.suggestion;
    const qsizetype close = s.indexOf(QLatin1Char(']'));
    if (s.startsWith(QLatin1Char('[')) && close > 0)
        return s.left(close + 1);
    return s.isEmpty() ? cases::defaultSuggestion(finding.category) : s;
}

int utf16Index(const QString& text, int codePointIndex)
{
    qsizetype i = 0;
    for (int count = 0; count < codePointIndex && i < text.size(); ++count) {
        ++i;
        if (i < text.size() && text.at(i).isLowSurrogate())
            ++i;
    }
    return static_cast<int>(i);
}

QString findingContextHtml(const QString& value, int startUtf16, int endUtf16)
{
    startUtf16 = std::clamp(startUtf16, 0, static_cast<int>(value.size()));
    endUtf16 = std::clamp(endUtf16, startUtf16, static_cast<int>(value.size()));
    const int from = std::max(0, startUtf16 - kContextChars);
    const int to = std::min(static_cast<int>(value.size()), endUtf16 + kContextChars);
    const auto plain = [&](int a, int b) {
        return value.mid(a, b - a).toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1Char(' '));
    };
    // Rich text in Qt Quick takes inline CSS; the colours match FormFindings.qml.
    return (from > 0 ? QStringLiteral("…") : QString()) + plain(from, startUtf16)
           + QStringLiteral("<span style=\"background-color:#ffd6d6; color:#7a0000; font-weight:bold\">")
           + plain(startUtf16, endUtf16) + QStringLiteral("</span>") + plain(endUtf16, to)
           + (to < value.size() ? QStringLiteral("…") : QString());
}

FindingsModel::FindingsModel(QObject* parent) : QAbstractListModel(parent) { }

int FindingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    return view(index.row()).value(QString::fromLatin1(kRoleNames.value(role)));
}

QHash<int, QByteArray> FindingsModel::roleNames() const
{
    return kRoleNames;
}

void FindingsModel::replace(std::vector<cases::Finding> findings, const std::function<QString(const QString&)>& valueAt,
                            const std::function<QString(const QString&)>& labelAt)
{
    const bool countChanges = findings.size() != entries_.size();
    beginResetModel();
    entries_.clear();
    for (auto& f : findings) {
        const QString value = valueAt(f.path);
        Entry e;
        e.startUtf16 = utf16Index(value, f.start);
        e.endUtf16 = utf16Index(value, f.end);
        e.contextHtml = findingContextHtml(value, e.startUtf16, e.endUtf16);
        e.fieldLabel = labelAt(f.path);
        e.finding = std::move(f);
        entries_.push_back(std::move(e));
    }
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

void FindingsModel::removeAfterEdit(int index, int lengthDeltaCodePoints, int lengthDeltaUtf16)
{
    if (index < 0 || index >= rowCount())
        return;
    const Entry removed = entries_[static_cast<std::size_t>(index)];
    beginResetModel();
    entries_.erase(entries_.begin() + index);
    for (Entry& e : entries_) {
        if (e.finding.path != removed.finding.path || e.finding.start < removed.finding.end)
            continue;
        e.finding.start += lengthDeltaCodePoints;
        e.finding.end += lengthDeltaCodePoints;
        e.startUtf16 += lengthDeltaUtf16;
        e.endUtf16 += lengthDeltaUtf16;
    }
    endResetModel();
    Q_EMIT countChanged();
}

const cases::Finding* FindingsModel::at(int index) const
{
    if (index < 0 || index >= rowCount())
        return nullptr;
    return &entries_[static_cast<std::size_t>(index)].finding;
}

std::vector<cases::Finding> FindingsModel::all() const
{
    std::vector<cases::Finding> findings;
    for (const Entry& e : entries_)
        findings.push_back(e.finding);
    return findings;
}

QVariantMap FindingsModel::view(int index) const
{
    const Entry& e = entries_[static_cast<std::size_t>(index)];
    const cases::Finding& f = e.finding;
    return {{QStringLiteral("index"), index},
            {QStringLiteral("path"), f.path},
            {QStringLiteral("fieldLabel"), e.fieldLabel},
            {QStringLiteral("start"), f.start},
            {QStringLiteral("end"), f.end},
            {QStringLiteral("startUtf16"), e.startUtf16},
            {QStringLiteral("endUtf16"), e.endUtf16},
            {QStringLiteral("text"), f.text},
            {QStringLiteral("category"), QString(QLatin1Char(f.category))},
            {QStringLiteral("categoryName"), cases::categoryName(f.category)},
            {QStringLiteral("reason"), f.reason},
            {QStringLiteral("suggestion"), f.suggestion},
            {QStringLiteral("redaction"), redactionFor(f)},
            {QStringLiteral("contextHtml"), e.contextHtml}};
}

QVariantList FindingsModel::views() const
{
    QVariantList all;
    for (int i = 0; i < rowCount(); ++i)
        all.append(view(i));
    return all;
}

QVariantMap FindingsModel::get(int index) const
{
    if (index < 0 || index >= rowCount())
        return {};
    return view(index);
}

} // namespace spoke::ui
