#include "Commands.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace spoke::cli {

namespace {

QJsonValue optional(const std::optional<std::int64_t>& value)
{
    return value ? QJsonValue(static_cast<qint64>(*value)) : QJsonValue();
}

// Byte offsets into UTF-8 become character offsets, which is what a JSON
// reader counts in.
int codePointOffset(const std::string& utf8, int byteOffset)
{
    int count = 0;
    for (int i = 0; i < byteOffset && i < static_cast<int>(utf8.size()); ++i)
        if ((static_cast<unsigned char>(utf8[static_cast<std::size_t>(i)]) & 0xC0) != 0x80)
            ++count;
    return count;
}

QJsonObject toJson(const store::SearchHit& hit)
{
    QJsonArray highlights;
    for (const auto& [begin, end] : hit.highlights)
        highlights.append(QJsonArray{codePointOffset(hit.snippet, begin), codePointOffset(hit.snippet, end)});
    return QJsonObject{
        {QStringLiteral("kind"), QString::fromStdString(hit.kind)},
        {QStringLiteral("id"), static_cast<qint64>(hit.id)},
        {QStringLiteral("title"), QString::fromStdString(hit.title)},
        {QStringLiteral("snippet"), QString::fromStdString(hit.snippet)},
        {QStringLiteral("highlights"), highlights},
        {QStringLiteral("relevance"), hit.relevance},
        {QStringLiteral("session_id"), optional(hit.sessionId)},
        {QStringLiteral("case_id"), optional(hit.caseId)},
        {QStringLiteral("recording_id"), optional(hit.recordingId)},
        {QStringLiteral("position_ms"), optional(hit.positionMs)},
    };
}

} // namespace

int runSearch(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON")});
    parser.addOption(
        {QStringLiteral("limit"), QStringLiteral("Most hits to return"), QStringLiteral("N"), QStringLiteral("20")});
    if (!parser.parse(QStringList{QStringLiteral("search")} + args)) {
        CliContext::printError(parser.errorText());
        return kBadInput;
    }
    const QString query = parser.positionalArguments().join(QLatin1Char(' '));
    bool limitOk = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&limitOk);
    if (query.trimmed().isEmpty() || !limitOk || limit <= 0) {
        CliContext::printError(QStringLiteral("usage: search QUERY [--limit N] [--json]"));
        return kBadInput;
    }

    auto cache = context.openCache();
    store::SearchOptions options;
    options.limit = limit;
    const auto hits = cache.search(query.toStdString(), options);
    if (!parser.isSet(QStringLiteral("json"))) {
        for (const auto& hit : hits)
            std::printf("%-14s %-6lld %s\n    %s\n", hit.kind.c_str(), static_cast<long long>(hit.id),
                        hit.title.c_str(), hit.snippet.c_str());
        return kOk;
    }
    QJsonArray list;
    for (const auto& hit : hits)
        list.append(toJson(hit));
    CliContext::printJson(QJsonDocument(QJsonObject{{QStringLiteral("query"), query}, {QStringLiteral("hits"), list}}));
    return kOk;
}

} // namespace spoke::cli
