// spoke-cli recordings list|download: the hub's recordings catalogue and
// resumable downloads of one rendition (core/sync RecordingDownload). Not to
// be confused with RecordingCommands.cpp (record, probe, play local files).

#include "Commands.h"
#include "HubCli.h"

#include "sync/RecordingCatalogue.h"
#include "sync/RecordingDownload.h"
#include "util/Clock.h"

#include <QCommandLineParser>

#include <QEventLoop>
#include <QJsonArray>

#include <cstdio>

namespace spoke::cli {

namespace {

// Progress lines at most this often (and one per state change).
constexpr std::int64_t kProgressLineEveryMs = 500;

QJsonObject toJson(const sync::HubRecording& recording)
{
    QJsonArray renditions;
    for (const sync::HubRendition& r : recording.renditions) {
        QJsonArray parts;
        for (const sync::HubRecordingPart& p : r.parts)
            parts.append(QJsonObject{{QStringLiteral("part"), p.part},
                                     {QStringLiteral("bytes"), static_cast<qint64>(p.bytes)},
                                     {QStringLiteral("sha256"), QString::fromLatin1(p.sha256Hex)},
                                     {QStringLiteral("duration_ms"), static_cast<qint64>(p.durationMs)}});
        renditions.append(QJsonObject{{QStringLiteral("rendition"), r.rendition},
                                      {QStringLiteral("bytes"), static_cast<qint64>(r.bytes)},
                                      {QStringLiteral("parts"), parts}});
    }
    return QJsonObject{{QStringLiteral("id"), static_cast<qint64>(recording.id)},
                       {QStringLiteral("programme_id"), static_cast<qint64>(recording.programmeId)},
                       {QStringLiteral("session_id"),
                        recording.sessionId ? QJsonValue(static_cast<qint64>(*recording.sessionId)) : QJsonValue()},
                       {QStringLiteral("title"), recording.title},
                       {QStringLiteral("recorded_ms"), static_cast<qint64>(recording.recordedMs)},
                       {QStringLiteral("duration_ms"), static_cast<qint64>(recording.durationMs)},
                       {QStringLiteral("renditions"), renditions}};
}

QJsonObject toJson(const sync::DownloadProgress& p, int part, int parts)
{
    return QJsonObject{{QStringLiteral("progress"),
                        QJsonObject{{QStringLiteral("part"), part},
                                    {QStringLiteral("parts"), parts},
                                    {QStringLiteral("state"), sync::toString(p.state)},
                                    {QStringLiteral("done_bytes"), static_cast<qint64>(p.doneBytes)},
                                    {QStringLiteral("received_bytes"), static_cast<qint64>(p.receivedBytes)},
                                    {QStringLiteral("total_bytes"), static_cast<qint64>(p.totalBytes)},
                                    {QStringLiteral("bytes_per_second"), static_cast<qint64>(p.bytesPerSecond)}}}};
}

std::optional<std::int64_t> positiveId(const QString& text, const char* what)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) {
        CliContext::printError(QStringLiteral("not a %1: %2").arg(QLatin1String(what), text));
        return std::nullopt;
    }
    return id;
}

QString megabytes(std::int64_t bytes)
{
    return QString::number(static_cast<double>(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB");
}

struct DownloadRequest {
    std::int64_t recordingId = 0;
    QString rendition;
    std::int64_t maxKbps = 0;
    bool json = false;
};

std::optional<DownloadRequest> parseDownloadArgs(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("rendition"), QStringLiteral("full, light or audio-slides"), QStringLiteral("NAME")},
         {QStringLiteral("max-kbps"), QStringLiteral("Speed cap in kbit/s"), QStringLiteral("N")},
         {QStringLiteral("json"), QStringLiteral("Print JSON lines")}});
    if (!parser.parse(QStringList{QStringLiteral("recordings-download")} + args)
        || parser.positionalArguments().size() != 1) {
        CliContext::printError(parser.errorText().isEmpty()
                                   ? QStringLiteral("recordings download needs one recording id")
                                   : parser.errorText());
        return std::nullopt;
    }
    DownloadRequest request;
    const auto id = positiveId(parser.positionalArguments().first(), "recording id");
    if (!id)
        return std::nullopt;
    request.recordingId = *id;
    request.rendition = parser.value(QStringLiteral("rendition"));
    if (!sync::isRenditionName(request.rendition)) {
        CliContext::printError(QStringLiteral("--rendition must be full, light or audio-slides"));
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("max-kbps"))) {
        const auto cap = positiveId(parser.value(QStringLiteral("max-kbps")), "speed in kbit/s");
        if (!cap)
            return std::nullopt;
        request.maxKbps = *cap;
    }
    request.json = parser.isSet(QStringLiteral("json"));
    return request;
}

// Downloads one part, printing progress; true when it is on disk with its SHA-256.
bool downloadPart(const sync::RecordingDownloadOptions& options, int part, int parts, bool json)
{
    sync::RecordingDownload download(options);
    std::int64_t lastLineMs = -1;
    sync::DownloadState lastState = sync::DownloadState::Idle;
    QObject::connect(&download, &sync::RecordingDownload::progressed, &download, [&](const sync::DownloadProgress& p) {
        const std::int64_t nowMs = util::steadyNowMs();
        if (p.state == lastState && lastLineMs >= 0 && nowMs - lastLineMs < kProgressLineEveryMs)
            return;
        lastLineMs = nowMs;
        lastState = p.state;
        if (json)
            CliContext::printJsonLine(toJson(p, part, parts));
        else
            std::fprintf(stderr, "part %d/%d: %s of %s (%s/s)\n", part + 1, parts,
                         qPrintable(megabytes(p.receivedBytes)), qPrintable(megabytes(p.totalBytes)),
                         qPrintable(megabytes(p.bytesPerSecond)));
    });
    QEventLoop loop;
    QObject::connect(&download, &sync::RecordingDownload::finished, &loop, &QEventLoop::quit);
    download.start();
    if (download.state() != sync::DownloadState::Done && download.state() != sync::DownloadState::Failed)
        loop.exec();
    if (download.state() == sync::DownloadState::Done)
        return true;
    const sync::DownloadError& error = download.error();
    QJsonObject object{{QStringLiteral("kind"), sync::toString(error.kind)},
                       {QStringLiteral("part"), part},
                       {QStringLiteral("detail"), error.detail}};
    if (error.httpStatus)
        object.insert(QStringLiteral("status"), error.httpStatus);
    CliContext::printJsonLine(QJsonObject{{QStringLiteral("error"), object}});
    CliContext::printError(QStringLiteral("download failed (%1): %2").arg(sync::toString(error.kind), error.detail));
    return false;
}

} // namespace

int runRecordingsList(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("programme"), QStringLiteral("Hub programme id"), QStringLiteral("ID")},
                       {QStringLiteral("json"), QStringLiteral("Print JSON")}});
    if (!parser.parse(QStringList{QStringLiteral("recordings-list")} + args)
        || !parser.positionalArguments().isEmpty()) {
        CliContext::printError(parser.errorText().isEmpty() ? QStringLiteral("recordings list takes no arguments")
                                                            : parser.errorText());
        return kBadInput;
    }
    QString path = QStringLiteral("api/v1/recordings");
    if (parser.isSet(QStringLiteral("programme"))) {
        const auto programme = positiveId(parser.value(QStringLiteral("programme")), "programme id");
        if (!programme)
            return kBadInput;
        path += QStringLiteral("?programme=%1").arg(*programme);
    }
    HubCli hub(context);
    auto client = hub.accounts().client();
    if (!client)
        return failWith(client.error());
    const auto body = (*client)->call("GET", path);
    if (!body)
        return failWith(body.error());
    const auto recordings = sync::parseRecordingsAnswer(*body);
    if (!recordings)
        return failWith(recordings.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const sync::HubRecording& r : *recordings)
            list.append(toJson(r));
        CliContext::printJsonLine(QJsonObject{{QStringLiteral("recordings"), list}});
        return kOk;
    }
    for (const sync::HubRecording& r : *recordings) {
        QStringList sizes;
        for (const sync::HubRendition& rendition : r.renditions)
            sizes << rendition.rendition + QLatin1Char(' ') + megabytes(rendition.bytes);
        std::printf("%-6lld %-40s %s\n", static_cast<long long>(r.id), qPrintable(r.title),
                    qPrintable(sizes.join(QStringLiteral(", "))));
    }
    return kOk;
}

int runRecordingsDownload(CliContext& context, const QStringList& args)
{
    const auto request = parseDownloadArgs(args);
    if (!request)
        return kBadInput;
    HubCli hub(context);
    auto client = hub.accounts().client();
    if (!client)
        return failWith(client.error());
    const auto body = (*client)->call("GET", QStringLiteral("api/v1/recordings/%1").arg(request->recordingId));
    if (!body)
        return failWith(body.error());
    const auto recording = sync::parseRecordingAnswer(*body);
    if (!recording)
        return failWith(recording.error());
    const sync::HubRendition* rendition = recording->rendition(request->rendition);
    if (!rendition || rendition->parts.isEmpty())
        return failWith(sync::SyncError{
            sync::SyncErrorKind::NotFound,
            0,
            {},
            QStringLiteral("recording %1 has no %2 rendition").arg(request->recordingId).arg(request->rendition)});

    // DATA_DIR/downloads/<id>/<rendition>-<part>.webm, as the hub names them.
    const std::filesystem::path folder = context.dataDir() / "downloads" / std::to_string(request->recordingId);
    QJsonArray files;
    const int parts = static_cast<int>(rendition->parts.size());
    for (const sync::HubRecordingPart& part : rendition->parts) {
        sync::RecordingDownloadOptions options;
        options.url = (*client)->urlFor(part.path);
        options.token = (*client)->token();
        options.sizeBytes = part.bytes;
        options.sha256Hex = part.sha256Hex;
        options.destination = folder / (request->rendition.toStdString() + '-' + std::to_string(part.part) + ".webm");
        options.maxKbps = request->maxKbps;
        options.stallTimeoutMs = kHubTimeoutMs;
        if (!downloadPart(options, part.part, parts, request->json))
            return kFailed;
        files.append(QJsonObject{{QStringLiteral("part"), part.part},
                                 {QStringLiteral("path"), QString::fromStdString(options.destination.string())},
                                 {QStringLiteral("sha256"), QString::fromLatin1(part.sha256Hex)},
                                 {QStringLiteral("bytes"), static_cast<qint64>(part.bytes)}});
    }
    if (request->json) {
        CliContext::printJsonLine(
            QJsonObject{{QStringLiteral("recording_id"), static_cast<qint64>(request->recordingId)},
                        {QStringLiteral("rendition"), request->rendition},
                        {QStringLiteral("files"), files}});
    } else {
        for (const QJsonValue& file : files)
            std::printf("%s  %s\n", qPrintable(file.toObject().value(QStringLiteral("sha256")).toString()),
                        qPrintable(file.toObject().value(QStringLiteral("path")).toString()));
    }
    return kOk;
}

} // namespace spoke::cli
