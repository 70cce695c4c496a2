// spoke-hub admin recording ...: the recording catalogue from a shell on the
// hub's machine (docs/hub-api.md, Recordings). Like every admin command, one
// JSON object line on stdout, or one sentence on stderr; exit 0 done,
// 1 failed, 2 bad usage.

#include "CommandOutput.h"
#include "HubCommands.h"

#include "hub/db/HubDatabase.h"
#include "hub/recordings/RecordingCatalogue.h"
#include "hub/recordings/Retention.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {

using namespace spoke::hub;
using namespace spoke::hub::recordings;

using namespace spoke::hubcli;

struct Usage {
    QString message;
};

int failWith(const CatalogueError& error)
{
    return fail(error.code == CatalogueError::Code::BadArgument ? kBadUsage : kFailed, error.message);
}

std::int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void allowOnly(const AdminRecordingArgs& args, const QStringList& names)
{
    for (auto it = args.options.cbegin(); it != args.options.cend(); ++it) {
        if (!names.contains(it.key()))
            throw Usage{QStringLiteral("--%1 does not apply to this command.").arg(it.key())};
    }
}

std::int64_t positive(const QString& text, const QString& what)
{
    bool ok = false;
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || value <= 0)
        throw Usage{QStringLiteral("%1 must be a positive whole number.").arg(what)};
    return value;
}

std::int64_t requiredId(const AdminRecordingArgs& args, const QString& name)
{
    if (!args.options.contains(name))
        throw Usage{QStringLiteral("This command needs --%1.").arg(name)};
    return positive(args.options.value(name), QStringLiteral("--%1").arg(name));
}

// import FILE... : the parts of one recording, in order. The renditions are
// whatever hubRenditionMaker() makes; the answer names only those stored.
int importRecording(const AdminRecordingArgs& args, RecordingCatalogue& catalogue)
{
    allowOnly(args, {QStringLiteral("programme"), QStringLiteral("session"), QStringLiteral("title")});
    if (args.words.size() < 3)
        throw Usage{QStringLiteral("recording import needs at least one FILE.")};
    AddRecording request;
    request.programmeId = requiredId(args, QStringLiteral("programme"));
    if (args.options.contains(QStringLiteral("session")))
        request.sessionId = requiredId(args, QStringLiteral("session"));
    for (const QString& file : args.words.mid(2))
        request.fullParts.emplace_back(file.toStdString());
    request.title = args.options.value(QStringLiteral("title"), QFileInfo(args.words[2]).completeBaseName());
    const auto recording = catalogue.add(request, hubRenditionMaker(), nowMs());
    if (!recording)
        return failWith(recording.error());
    QJsonArray renditions;
    for (const RecordingFile& file : recording->files)
        if (file.part == 0)
            renditions.append(file.rendition);
    printLine(QJsonObject{{QStringLiteral("id"), static_cast<qint64>(recording->id)},
                          {QStringLiteral("renditions"), renditions},
                          {QStringLiteral("duration_ms"), static_cast<qint64>(recording->durationMs)}});
    return kOk;
}

int listRecordings(const AdminRecordingArgs& args, RecordingCatalogue& catalogue)
{
    allowOnly(args, {QStringLiteral("programme"), QStringLiteral("json")});
    const std::vector<Recording> recordings = catalogue.list(requiredId(args, QStringLiteral("programme")));
    if (args.options.contains(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Recording& recording : recordings)
            list.append(recordingJson(recording));
        printLine(QJsonObject{{QStringLiteral("recordings"), list}});
        return kOk;
    }
    for (const Recording& recording : recordings)
        std::printf("%lld\t%s\t%lld s\t%s\n", static_cast<long long>(recording.id),
                    qPrintable(QDateTime::fromMSecsSinceEpoch(recording.recordedMs, Qt::UTC).toString(Qt::ISODate)),
                    static_cast<long long>(recording.durationMs / 1000), qPrintable(recording.title));
    std::fflush(stdout);
    return kOk;
}

int deleteRecording(const AdminRecordingArgs& args, RecordingCatalogue& catalogue)
{
    allowOnly(args, {});
    if (args.words.size() != 3)
        throw Usage{QStringLiteral("recording delete needs exactly one ID.")};
    const std::int64_t id = positive(args.words[2], QStringLiteral("The recording ID"));
    const auto removed = catalogue.remove(id, nowMs());
    if (!removed)
        return failWith(removed.error());
    printLine(QJsonObject{{QStringLiteral("deleted"), static_cast<qint64>(id)}});
    return kOk;
}

int setRetention(const AdminRecordingArgs& args, HubDatabase& db, RecordingCatalogue& catalogue)
{
    allowOnly(args, {QStringLiteral("programme"), QStringLiteral("days")});
    const std::int64_t programme = requiredId(args, QStringLiteral("programme"));
    const std::int64_t days = requiredId(args, QStringLiteral("days"));
    if (days > Retention::kMaxKeepDays)
        throw Usage{QStringLiteral("--days must be at most %1.").arg(Retention::kMaxKeepDays)};
    const auto rule = Retention(db, catalogue).set(programme, int(days), std::nullopt, nowMs());
    if (!rule)
        return failWith(rule.error());
    printLine(QJsonObject{{QStringLiteral("programme_id"), static_cast<qint64>(programme)},
                          {QStringLiteral("keep_days"), rule->keepDays}});
    return kOk;
}

int prune(const AdminRecordingArgs& args, HubDatabase& db, RecordingCatalogue& catalogue)
{
    allowOnly(args, {});
    if (args.words.size() != 2)
        throw Usage{QStringLiteral("recording prune takes no arguments.")};
    const PruneReport report = Retention(db, catalogue).prune(nowMs());
    QJsonArray deleted;
    for (const std::int64_t id : report.deleted)
        deleted.append(static_cast<qint64>(id));
    printLine(QJsonObject{{QStringLiteral("deleted"), deleted},
                          {QStringLiteral("failed"), report.failed},
                          {QStringLiteral("swept"), report.swept}});
    return report.failed == 0 ? kOk : kFailed;
}

} // namespace

int runRecordingAdmin(const AdminRecordingArgs& args, HubDatabase& db)
{
    try {
        RecordingCatalogue catalogue(db, args.recordingsDir.toStdString());
        const QString verb = args.words.value(1);
        if (verb == QLatin1String("import"))
            return importRecording(args, catalogue);
        if (verb == QLatin1String("list"))
            return listRecordings(args, catalogue);
        if (verb == QLatin1String("delete"))
            return deleteRecording(args, catalogue);
        if (verb == QLatin1String("retention") && args.words.size() == 2)
            return setRetention(args, db, catalogue);
        if (verb == QLatin1String("prune"))
            return prune(args, db, catalogue);
        return fail(kBadUsage, QStringLiteral("spoke-hub admin has no command \"%1\"; see spoke-hub --help.")
                                   .arg(args.words.join(QLatin1Char(' '))));
    } catch (const Usage& usage) {
        return fail(kBadUsage, usage.message);
    }
}

QString recordingAdminUsage()
{
    return QStringLiteral(
        "  admin --data-dir DIR [--database URL] recording import FILE... --programme ID [--session ID] [--title T]\n"
        "      file a recording (its parts in order) under DIR/recordings; prints "
        "{\"id\":N,\"renditions\":[...],\"duration_ms\":N}\n"
        "  admin --data-dir DIR [--database URL] recording list --programme ID [--json]\n"
        "      the programme's recordings, newest first ({\"recordings\":[Recording]} with --json)\n"
        "  admin --data-dir DIR [--database URL] recording delete ID\n"
        "      delete a recording, its rows and its files; prints {\"deleted\":ID}\n"
        "  admin --data-dir DIR [--database URL] recording retention --programme ID --days N\n"
        "      keep the programme's recordings N days (1-36500); prints {\"programme_id\":ID,\"keep_days\":N}\n"
        "  admin --data-dir DIR [--database URL] recording prune\n"
        "      delete the recordings past their programme's retention (serve does it hourly); prints "
        "{\"deleted\":[ID],\"failed\":N,\"swept\":N}\n");
}
