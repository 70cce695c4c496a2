// spoke-hub record: the hub's recording of one session, as a child process
// of `spoke-hub serve` (core/hub/recorder/RecorderSupervisor), so that a
// crash in decoding or encoding cannot take the hub down, and a recorder
// that dies is simply started again for a new part.
//
// Protocol (docs/hub-api.md, Recording): the first line on stdin is the join
// as JSON, {"janus_url","room","pin","token","display","feed","allow_plain_ws"}
// (secrets never go on the command line); then one command a line:
// `chapter TITLE` marks a chapter now, `stop` finishes the file and exits 0.
// End of stdin (the hub went away) is a stop too. stdout gets one JSON line
// per event: {"event":"started"} when the file is open (its time zero),
// {"event":"joined"}, then {"event":"finished",...}.

#include "HubCommands.h"

#include "hub/recorder/SessionRecorder.h"
#include "recording/RecordingError.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

#include <cstdio>
#include <iostream>
#include <string>
#include <thread>

namespace {

using spoke::hub::recorder::SessionRecorder;
using spoke::hub::recorder::SessionRecorderConfig;

void printEvent(const QJsonObject& event)
{
    std::printf("%s\n", QJsonDocument(event).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

int usage(const QString& problem)
{
    std::fprintf(stderr,
                 "%s\nUsage: spoke-hub record --file FILE.webm [--title TITLE] [--ice-iface IFACE] "
                 "< join JSON, then commands\n",
                 qPrintable(problem));
    return 2;
}

// The join line: 2 when it is not what the supervisor sends.
bool readJoin(const std::string& line, SessionRecorderConfig& config)
{
    const QJsonObject join = QJsonDocument::fromJson(QByteArray::fromStdString(line)).object();
    config.janusUrl = QUrl(join.value(QLatin1String("janus_url")).toString());
    config.room = static_cast<quint64>(join.value(QLatin1String("room")).toInteger());
    config.pin = join.value(QLatin1String("pin")).toString();
    config.token = join.value(QLatin1String("token")).toString();
    config.display = join.value(QLatin1String("display")).toString(config.display);
    config.allowPlainWs = join.value(QLatin1String("allow_plain_ws")).toBool();
    config.feedId = static_cast<quint64>(join.value(QLatin1String("feed")).toInteger());
    return config.janusUrl.isValid() && !config.janusUrl.isEmpty() && config.room > 0;
}

// One command line from the supervisor, on the event loop.
void runCommand(SessionRecorder& recorder, const std::string& line)
{
    static const std::string kChapter = "chapter ";
    if (line.rfind(kChapter, 0) == 0)
        recorder.addChapter(QString::fromStdString(line.substr(kChapter.size())));
    else if (line == "stop")
        recorder.stop();
    else
        std::fprintf(stderr, "spoke-hub record: unknown command ignored\n");
}

} // namespace

int runRecord(const QStringList& args)
{
    SessionRecorderConfig config;
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        const QString& flag = args[i];
        const QString& value = args[i + 1];
        if (flag == QLatin1String("--file"))
            config.file = value.toStdString();
        else if (flag == QLatin1String("--title"))
            config.title = value.toStdString();
        else if (flag == QLatin1String("--ice-iface"))
            config.iceInterface = value.toStdString();
        else
            return usage(QStringLiteral("unknown option %1").arg(flag));
    }
    if (args.size() % 2 != 0 || config.file.empty())
        return usage(QStringLiteral("--file is required, and every option takes a value"));
    std::string line;
    if (!std::getline(std::cin, line) || !readJoin(line, config))
        return usage(QStringLiteral("the first line on stdin must be the join JSON with janus_url and room"));

    SessionRecorder recorder(config);
    int exitCode = 0;
    QObject::connect(&recorder, &SessionRecorder::joined, [] { printEvent({{QStringLiteral("event"), "joined"}}); });
    QObject::connect(&recorder, &SessionRecorder::failed, [&recorder, &exitCode](const QString& why) {
        std::fprintf(stderr, "spoke-hub record: %s\n", qPrintable(why));
        exitCode = 1;
        recorder.stop();
    });
    QObject::connect(&recorder, &SessionRecorder::finished, [](const spoke::recording::RecorderStatus& status) {
        printEvent({{QStringLiteral("event"), "finished"},
                    {QStringLiteral("duration_ms"), double(status.durationMs)},
                    {QStringLiteral("bytes"), double(status.bytesWritten)},
                    {QStringLiteral("video_frames"), double(status.videoFramesEncoded)},
                    {QStringLiteral("audio_frames"), double(status.audioFramesEncoded)}});
        QCoreApplication::quit();
    });
    try {
        recorder.start();
    } catch (const spoke::recording::RecordingError& error) {
        std::fprintf(stderr, "spoke-hub record: cannot record into %s: %s\n", config.file.c_str(), error.what());
        return 1;
    }
    // The file's time zero: the supervisor stamps the part with it.
    printEvent({{QStringLiteral("event"), "started"}});
    // std::cin blocks, so a thread of its own reads it and hands each line
    // to the event loop; it is left blocked in read() when the process ends.
    const QPointer<SessionRecorder> target(&recorder);
    std::thread([target] {
        std::string command;
        while (std::getline(std::cin, command)) {
            QMetaObject::invokeMethod(
                qApp,
                [target, command] {
                    if (target)
                        runCommand(*target, command);
                },
                Qt::QueuedConnection);
        }
        QMetaObject::invokeMethod(
            qApp,
            [target] {
                if (target)
                    target->stop();
            },
            Qt::QueuedConnection);
    }).detach();
    QCoreApplication::exec();
    return exitCode;
}
