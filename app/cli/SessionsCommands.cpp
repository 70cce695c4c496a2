#include "Commands.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace spoke::cli {

namespace {

QString isoUtc(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QJsonValue optional(const std::optional<std::int64_t>& value)
{
    return value ? QJsonValue(static_cast<qint64>(*value)) : QJsonValue();
}

} // namespace

int runSessionsList(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON")});
    parser.addOption({QStringLiteral("when"), QStringLiteral("upcoming, past or all"), QStringLiteral("WHEN"),
                      QStringLiteral("all")});
    if (!parser.parse(QStringList{QStringLiteral("sessions-list")} + args) || !parser.positionalArguments().isEmpty()) {
        CliContext::printError(parser.errorText().isEmpty() ? QStringLiteral("sessions list takes no arguments")
                                                            : parser.errorText());
        return kBadInput;
    }
    using When = store::SessionStore::When;
    const QString whenText = parser.value(QStringLiteral("when"));
    When when = When::All;
    if (whenText == QLatin1String("upcoming"))
        when = When::Upcoming;
    else if (whenText == QLatin1String("past"))
        when = When::Past;
    else if (whenText != QLatin1String("all")) {
        CliContext::printError(QStringLiteral("--when must be upcoming, past or all"));
        return kBadInput;
    }

    auto cache = context.openCache();
    const auto sessions = cache.sessions().list(when, store::currentTimeMs(), 10'000);
    if (!parser.isSet(QStringLiteral("json"))) {
        for (const auto& s : sessions)
            std::printf("%-6lld %s  %-9s  %s — %s\n", static_cast<long long>(s.session.id),
                        qPrintable(isoUtc(s.session.scheduledStartMs)),
                        std::string(store::toString(s.session.status)).c_str(), s.programmeName.c_str(),
                        s.session.title.c_str());
        return kOk;
    }
    QJsonArray list;
    for (const auto& s : sessions) {
        list.append(QJsonObject{
            {QStringLiteral("id"), static_cast<qint64>(s.session.id)},
            {QStringLiteral("title"), QString::fromStdString(s.session.title)},
            {QStringLiteral("programme"), QString::fromStdString(s.programmeName)},
            {QStringLiteral("hub"), QString::fromStdString(s.session.hub)},
            {QStringLiteral("room"), optional(s.session.room)},
            {QStringLiteral("status"), QString::fromUtf8(store::toString(s.session.status).data())},
            {QStringLiteral("scheduled_start"), isoUtc(s.session.scheduledStartMs)},
            {QStringLiteral("duration_min"), s.session.durationMin},
            {QStringLiteral("cases"), s.caseCount},
            {QStringLiteral("recordings"), s.recordingCount},
        });
    }
    CliContext::printJson(QJsonDocument(QJsonObject{{QStringLiteral("sessions"), list}}));
    return kOk;
}

} // namespace spoke::cli
