#include "hub/api/DeidOverrides.h"

#include "cases/CaseWorkflow.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace spoke::hub::api {

namespace {

constexpr qsizetype kMaxPathChars = 300;

ApiError entryError(qsizetype index, const QString& field, const QString& problem)
{
    return badRequest(QStringLiteral("%1[%2].%3 %4").arg(kDeidOverridesKey).arg(index).arg(field, problem));
}

// A JSON number that is a whole code point offset (a field holds at most
// CaseDocument::kMaxFieldChars characters).
std::optional<int> offset(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < 0 || number > double(cases::CaseDocument::kMaxFieldChars) || number != double(qint64(number)))
        return std::nullopt;
    return int(number);
}

Expected<DeidOverride> parseEntry(const QJsonValue& value, qsizetype index)
{
    if (!value.isObject())
        return badRequest(QStringLiteral("%1[%2] must be an object").arg(kDeidOverridesKey).arg(index));
    const QJsonObject entry = value.toObject();
    static const QSet<QString> known{QStringLiteral("path"), QStringLiteral("start"), QStringLiteral("end"),
                                     QStringLiteral("category"), QStringLiteral("text_sha256")};
    for (auto it = entry.begin(); it != entry.end(); ++it)
        if (!known.contains(it.key()))
            return entryError(index, it.key(), QStringLiteral("is not a field of an override"));

    DeidOverride parsed;
    parsed.path = entry.value(QStringLiteral("path")).toString();
    if (parsed.path.isEmpty() || parsed.path.size() > kMaxPathChars)
        return entryError(index, QStringLiteral("path"),
                          QStringLiteral("must be a field path of 1-%1 characters").arg(kMaxPathChars));
    const std::optional<int> start = offset(entry.value(QStringLiteral("start")));
    const std::optional<int> end = offset(entry.value(QStringLiteral("end")));
    if (!start)
        return entryError(index, QStringLiteral("start"), QStringLiteral("must be a character offset"));
    if (!end || *end <= *start)
        return entryError(index, QStringLiteral("end"), QStringLiteral("must be a character offset after start"));
    parsed.start = *start;
    parsed.end = *end;
    const QString category = entry.value(QStringLiteral("category")).toString();
    if (category.size() != 1 || category[0] < u'A' || category[0] > u'R')
        return entryError(index, QStringLiteral("category"), QStringLiteral("must be one Safe Harbor letter, A to R"));
    parsed.category = char(category[0].unicode());
    static const QRegularExpression sha256(QStringLiteral("^[0-9a-f]{64}$"));
    parsed.textSha256 = entry.value(QStringLiteral("text_sha256")).toString();
    if (!sha256.match(parsed.textSha256).hasMatch())
        return entryError(index, QStringLiteral("text_sha256"),
                          QStringLiteral("must be a SHA-256 in 64 lowercase hex digits"));
    return parsed;
}

} // namespace

Expected<std::vector<DeidOverride>> parseDeidOverrides(const QJsonObject& document)
{
    std::vector<DeidOverride> overrides;
    if (!document.contains(kDeidOverridesKey))
        return overrides;
    const QJsonValue value = document.value(kDeidOverridesKey);
    if (!value.isArray())
        return badRequest(QStringLiteral("%1 must be an array").arg(kDeidOverridesKey));
    const QJsonArray entries = value.toArray();
    if (entries.size() > kMaxDeidOverrides)
        return badRequest(QStringLiteral("%1 has %2 entries; at most %3")
                              .arg(kDeidOverridesKey)
                              .arg(entries.size())
                              .arg(kMaxDeidOverrides));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        auto entry = parseEntry(entries.at(i), i);
        if (!entry)
            return entry.error();
        overrides.push_back(std::move(*entry));
    }
    return overrides;
}

cases::CaseDocument withoutDeidOverrides(const cases::CaseDocument& document)
{
    QJsonObject json = document.json();
    json.remove(kDeidOverridesKey);
    return cases::CaseDocument(std::move(json));
}

std::vector<cases::Finding> unresolvedFindings(const std::vector<cases::Finding>& findings,
                                               const std::vector<DeidOverride>& overrides, const QString& caseId)
{
    const std::string salt = caseId.toStdString();
    std::vector<cases::Finding> open;
    for (const cases::Finding& finding : findings) {
        const QString hash = QString::fromStdString(cases::CaseWorkflow::textHash(salt, finding.text));
        // Offsets are not compared: the text, not its position, is what the
        // presenter vouched for, as on the laptop (cases::CaseWorkflow).
        const auto covers = [&](const DeidOverride& entry) {
            return entry.path == finding.path && entry.category == finding.category && entry.textSha256 == hash;
        };
        if (std::none_of(overrides.begin(), overrides.end(), covers))
            open.push_back(finding);
    }
    return open;
}

} // namespace spoke::hub::api
