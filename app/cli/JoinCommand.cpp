// spoke-cli join: one headless participant in a live Janus VideoRoom
// session (core/call), with the stamped test video and marked tone, for a
// fixed time; what arrived from everyone else goes to a stats JSON file.

#include "Commands.h"
#include "HubCli.h"
#include "JoinLive.h"
#include "JoinScreen.h"

#include "call/CallSession.h"
#include "media/devices/DeviceRegistry.h"
#include "session/JanusConnection.h"
#include "sync/CallJoin.h"
#include "sync/JoinInfo.h"
#include "transport/IceServerUrl.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSysInfo>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <memory>
#include <optional>

namespace spoke::cli {

namespace {

QCommandLineOption option(const char* name, const char* valueName, const char* defaultValue = "")
{
    return {QString::fromLatin1(name), QString::fromLatin1(name), QString::fromLatin1(valueName),
            QString::fromLatin1(defaultValue)};
}

// The CLI is not translated: core reports typed events (call::CallEvent)
// and these are its plain English for them; the app words them with tr()
// (ui/viewmodels/CallEventText).
QString describeCallEvent(const call::CallEvent& event)
{
    using Kind = call::CallEvent::Kind;
    switch (event.kind) {
    case Kind::NoSpeakerChosen: return QStringLiteral("No speaker is chosen: you will not hear the others.");
    case Kind::NoSpeakerAvailable: return QStringLiteral("No speaker is available: you will not hear the others.");
    case Kind::SpeakerUnusable:
        return QStringLiteral("The speaker could not be used (%1): you will not hear the others.").arg(event.detail);
    case Kind::SpeakerStopped:
        return QStringLiteral("The speaker stopped working (%1); the others can no longer be heard.").arg(event.detail);
    case Kind::CameraUnusable:
        return QStringLiteral("The camera could not be used (%1); sending the test pattern.").arg(event.detail);
    case Kind::ScreenUnusable:
        return QStringLiteral("The screen could not be used (%1); sending the test pattern.").arg(event.detail);
    case Kind::MicrophoneUnusable:
        return QStringLiteral("The microphone could not be used (%1); you are muted.").arg(event.detail);
    }
    return QString::fromLatin1(call::callEventName(event.kind));
}

// SIGTERM/SIGINT end the call cleanly (stats written) instead of killing it.
volatile std::sig_atomic_t gStopRequested = 0;
extern "C" void requestStop(int)
{
    gStopRequested = 1;
}

// Each stage fills part of the options from the parsed command line and
// returns why an argument is refused, or nothing.
using Refusal = std::optional<QString>;

// What is sent: the test sources, this computer's devices or nothing.
Refusal parseMedia(const QCommandLineParser& parser, call::CallOptions& options)
{
    const QString video = parser.value(QStringLiteral("video"));
    const QString audio = parser.value(QStringLiteral("audio"));
    const QStringList videoKinds{QStringLiteral("test"), QStringLiteral("camera"), QStringLiteral("screen"),
                                 QStringLiteral("none")};
    const QStringList audioKinds{QStringLiteral("tone"), QStringLiteral("silence"), QStringLiteral("mic"),
                                 QStringLiteral("none")};
    if (!videoKinds.contains(video) || !audioKinds.contains(audio)) {
        return QStringLiteral("--video takes test, camera, screen or none; --audio takes tone, silence, mic or none");
    }
    options.video = video != QLatin1String("none");
    options.audio = audio != QLatin1String("none");
    // "camera", "screen" and "mic" are this computer's first real device of
    // that kind; with none, the call says so and sends a stand-in.
    const media::DeviceRegistry devices;
    const auto realOrMissing = [&](media::DeviceKind kind) {
        const std::string id = devices.firstReal(kind);
        return id.empty() ? std::string("missing:") + media::toString(kind) : id;
    };
    if (video == QLatin1String("camera"))
        options.videoDeviceId = realOrMissing(media::DeviceKind::Camera);
    else if (video == QLatin1String("screen"))
        options.videoDeviceId = realOrMissing(media::DeviceKind::Screen);
    if (audio == QLatin1String("silence"))
        options.audioDeviceId = "synthetic:silence";
    if (audio == QLatin1String("mic"))
        options.audioDeviceId = realOrMissing(media::DeviceKind::Microphone);
    // The others' sound plays only when asked for: a headless run has no one to hear it.
    options.speakerDeviceId = parser.value(QStringLiteral("speaker")).toStdString();
    // Low bandwidth: send and receive no video, or receive none.
    options.audioOnly = parser.isSet(QStringLiteral("audio-only"));
    options.receiveVideo = !parser.isSet(QStringLiteral("no-video-receive"));
    return std::nullopt;
}

// The picture's size and the video bitrate cap.
Refusal parseVideoFormat(const QCommandLineParser& parser, call::CallOptions& options)
{
    bool ok = false;
    const QStringList size = parser.value(QStringLiteral("size")).split(QLatin1Char('x'));
    bool okW = false;
    bool okH = false;
    if (size.size() == 2) {
        options.width = size[0].toInt(&okW);
        options.height = size[1].toInt(&okH);
    }
    if (!okW || !okH || options.width < 160 || options.height < 90 || options.width % 2 || options.height % 2)
        return QStringLiteral("--size needs WxH with even numbers of at least 160x90, e.g. 640x360");
    options.maxVideoBitrateBps = parser.value(QStringLiteral("bitrate")).toInt(&ok);
    if (!ok || options.maxVideoBitrateBps < 100'000)
        return QStringLiteral("--bitrate needs bits per second, at least 100000");
    return std::nullopt;
}

// The network: ICE interface, impairments, simulcast layers and lip sync.
Refusal parseLink(const QCommandLineParser& parser, call::CallOptions& options)
{
    bool ok = false;
    // Pinned for tests on one machine (Janus never uses loopback, so both
    // ends gather on one real interface); otherwise every usable interface.
    QString iface = parser.value(QStringLiteral("ice-iface"));
    if (iface.isEmpty())
        iface = qEnvironmentVariable("SPOKE_ICE_IFACE");
    options.iceInterface = iface.toStdString();
    if (const QString spec = parser.value(QStringLiteral("impair")); !spec.isEmpty()) {
        auto impairment = transport::ImpairmentConfig::parse(spec.toStdString());
        if (!impairment.ok())
            return QStringLiteral("--impair: ") + QString::fromStdString(impairment.error().describe());
        options.impairment = *impairment;
    }
    for (const char* name : {"uplink-impair", "downlink-impair"}) {
        const QString spec = parser.value(QString::fromLatin1(name));
        if (spec.isEmpty())
            continue;
        auto impairment = transport::ImpairmentConfig::parse(spec.toStdString());
        if (!impairment.ok())
            return QStringLiteral("--%1: ").arg(QString::fromLatin1(name))
                   + QString::fromStdString(impairment.error().describe());
        (name[0] == 'u' ? options.uplinkImpairment : options.downlinkImpairment) = *impairment;
    }
    options.simulcastLayers = parser.value(QStringLiteral("layers")).toInt(&ok);
    if (!ok || options.simulcastLayers < 1 || options.simulcastLayers > 3)
        return QStringLiteral("--layers takes 1, 2 or 3 (VP8 simulcast layers to publish)");
    const QString avSync = parser.value(QStringLiteral("av-sync"));
    if (avSync != QLatin1String("on") && avSync != QLatin1String("off"))
        return QStringLiteral("--av-sync is on or off");
    options.avSync = avSync == QLatin1String("on");
    options.audioMinDelayMs = parser.value(QStringLiteral("audio-min-delay-ms")).toInt(&ok);
    if (!ok || options.audioMinDelayMs < 0 || options.audioMinDelayMs > 2000)
        return QStringLiteral("--audio-min-delay-ms takes 0 to 2000");
    return std::nullopt;
}

// The ICE servers given on the command line: --stun URL, --turn URL (any
// number) with --turn-user and the password in --turn-password-file.
Refusal parseIceServers(const QCommandLineParser& parser, transport::IceServers& servers)
{
    const QStringList turnUrls = parser.values(QStringLiteral("turn"));
    std::string user = parser.value(QStringLiteral("turn-user")).toStdString();
    std::string password;
    if (!turnUrls.isEmpty()) {
        const QString file = parser.value(QStringLiteral("turn-password-file"));
        const auto secret = file.isEmpty() ? std::nullopt : readSecretFile(file);
        if (user.empty() || !secret)
            return QStringLiteral("--turn needs --turn-user and a readable --turn-password-file");
        password = secret->toStdString();
    }
    for (const QString& url : parser.values(QStringLiteral("stun"))) {
        if (auto error = transport::addIceServer(servers, url.toStdString(), {}, {}))
            return QStringLiteral("--stun: ") + QString::fromStdString(error->message);
    }
    for (const QString& url : turnUrls) {
        if (auto error = transport::addIceServer(servers, url.toStdString(), user, password))
            return QStringLiteral("--turn: ") + QString::fromStdString(error->message);
    }
    return std::nullopt;
}

// This device as the hub knows it: --device-id, or the host name made safe.
QString deviceIdFor(const QCommandLineParser& parser)
{
    QString id = parser.value(QStringLiteral("device-id"));
    if (!id.isEmpty())
        return id;
    for (const QChar c : QSysInfo::machineHostName()) {
        const bool safe =
            (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') || c == QLatin1Char('-');
        id.append(safe ? c : QLatin1Char('_'));
    }
    return QStringLiteral("cli-") + (id.isEmpty() ? QStringLiteral("host") : id.left(59));
}

// Which room, how to get in and over what: from the hub (--hub-session) or
// from --janus/--room/--pin/--token/--feed-id, plus TLS and ICE servers.
Refusal parseRoomAccess(CliContext& context, const QCommandLineParser& parser, call::CallOptions& options)
{
    transport::IceServers servers;
    if (Refusal refusal = parseIceServers(parser, servers))
        return refusal;
    bool ok = false;
    if (const QString session = parser.value(QStringLiteral("hub-session")); !session.isEmpty()) {
        const qint64 sessionId = session.toLongLong(&ok);
        if (!ok || sessionId < 1)
            return QStringLiteral("--hub-session needs a session number");
        HubCli hub(context);
        auto client = hub.accounts().client();
        if (!client)
            return QStringLiteral("--hub-session: not signed in to a hub (%1)")
                .arg(client.error().detail.isEmpty() ? QStringLiteral("spoke-cli hub login first")
                                                     : client.error().detail);
        const auto info = sync::fetchJoinInfo(**client, sessionId, deviceIdFor(parser));
        if (!info)
            return QStringLiteral("--hub-session: the hub gave no join info (%1, HTTP %2): %3")
                .arg(sync::toString(info.error().kind))
                .arg(info.error().httpStatus)
                .arg(info.error().detail);
        // The hub's room, our ids and the account's name (--display overrides
        // the name), and its ICE servers after any given here.
        const QString display = options.display;
        sync::applyJoinRoom(*info, options);
        if (parser.isSet(QStringLiteral("display")))
            options.display = display;
        if (auto error = sync::addJoinIceServers(*info, servers))
            return QStringLiteral("the hub's ICE server: ") + QString::fromStdString(error->message);
    } else {
        options.janusUrl = QUrl(parser.value(QStringLiteral("janus")));
        options.room = parser.value(QStringLiteral("room")).toULongLong(&ok);
        if (!ok || options.room == 0)
            return QStringLiteral("--room needs a VideoRoom number, e.g. 1234");
        options.pin = parser.value(QStringLiteral("pin"));
        options.token = parser.value(QStringLiteral("token"));
        if (const QString feed = parser.value(QStringLiteral("feed-id")); !feed.isEmpty()) {
            options.feedId = feed.toULongLong(&ok);
            if (!ok || options.feedId == 0)
                return QStringLiteral("--feed-id needs a positive publisher id");
        }
    }
    options.caCertificatesPath = parser.value(QStringLiteral("ca-file"));
    options.allowPlainWs = parser.isSet(QStringLiteral("practice"));
    if (auto why = session::JanusConnection::checkSignallingUrl(options.janusUrl, options.allowPlainWs))
        return *why + QStringLiteral(" (--janus, or the hub's janus_url; --practice allows ws://)");
    options.stun = servers.stun;
    options.turnServers = std::move(servers.turn);
    return std::nullopt;
}

// Quits once no nested wait is running. A hub request (a page turn, a chat
// line) waits in a local event loop (sync::HubClient), and quitting inside it
// cuts the request off with no answer: a turn the hub did take was then
// logged as failed when the call ended mid-request.
void quitWhenNotNested()
{
    if (QThread::currentThread()->loopLevel() <= 1) {
        QCoreApplication::quit();
        return;
    }
    QTimer::singleShot(20, [] { quitWhenNotNested(); });
}

// Runs the call for `seconds` (or until SIGINT/SIGTERM or a failure) and
// returns the exit code; `failure` says why it failed.
int runSession(call::CallSession& session, int seconds, QString& failure)
{
    int exitCode = kOk;
    QObject::connect(&session, &call::CallSession::failed, [&](const call::CallFailure& why) {
        if (failure.isEmpty())
            failure = call::describeCallFailure(why);
        exitCode = kFailed;
        session.stop();
    });
    QObject::connect(&session, &call::CallSession::mediaWarning,
                     [](const call::CallEvent& event) { CliContext::printError(describeCallEvent(event)); });
    QObject::connect(&session, &call::CallSession::finished, [] { quitWhenNotNested(); });
    QTimer::singleShot(seconds * 1000, &session, [&] { session.stop(); });
    std::signal(SIGTERM, requestStop);
    std::signal(SIGINT, requestStop);
    QTimer signalPoll;
    QObject::connect(&signalPoll, &QTimer::timeout, [&] {
        if (gStopRequested)
            session.stop();
    });
    signalPoll.start(100);
    // Closing the Janus session waits for its answer; never hang on it.
    QObject::connect(&session, &call::CallSession::finished, &signalPoll, &QTimer::stop);
    QTimer hardStop;
    hardStop.setSingleShot(true);
    QObject::connect(&hardStop, &QTimer::timeout, [] { QCoreApplication::quit(); });
    hardStop.start((seconds + 15) * 1000);
    session.start();
    QCoreApplication::exec();

    return exitCode;
}

} // namespace

int runJoin(CliContext& context, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption(option("janus", "URL"));
    parser.addOption(option("room", "N", "1234"));
    parser.addOption(option("display", "NAME", "spoke-cli"));
    parser.addOption(option("video", "test|none", "test"));
    parser.addOption(option("audio", "tone|silence|mic|none", "tone"));
    parser.addOption(option("seconds", "S", "30"));
    parser.addOption(option("stats", "FILE"));
    parser.addOption(option("impair", "SPEC"));
    parser.addOption(option("uplink-impair", "SPEC"));
    parser.addOption(option("downlink-impair", "SPEC"));
    parser.addOption(option("layers", "N", "3"));
    parser.addOption(option("ice-iface", "IFACE"));
    parser.addOption(option("size", "WxH", "640x360"));
    parser.addOption(option("bitrate", "BPS", "800000"));
    parser.addOption(option("speaker", "ID"));
    parser.addOption(option("av-sync", "on|off", "on"));
    parser.addOption(option("audio-min-delay-ms", "MS", "0"));
    parser.addOption(QCommandLineOption(QStringLiteral("audio-only")));
    parser.addOption(QCommandLineOption(QStringLiteral("no-video-receive")));
    // Joining the right room safely (README.md, "spoke-cli join").
    parser.addOption(option("hub-session", "ID"));
    parser.addOption(option("device-id", "DEV"));
    parser.addOption(option("pin", "PIN"));
    parser.addOption(option("token", "TOKEN"));
    parser.addOption(option("feed-id", "N"));
    parser.addOption(option("ca-file", "PEM"));
    parser.addOption(option("stun", "URL"));
    parser.addOption(option("turn", "URL"));
    parser.addOption(option("turn-user", "USER"));
    parser.addOption(option("turn-password-file", "FILE"));
    parser.addOption(QCommandLineOption(QStringLiteral("practice")));
    addScreenShareOptions(parser);
    JoinLive::addOptions(parser); // the live actions, on --hub-session (JoinLive.h)
    if (!parser.parse(QStringList{QStringLiteral("join")} + args)) {
        CliContext::printError(parser.errorText());
        return kBadInput;
    }
    call::CallOptions options;
    bool ok = false;
    options.display = parser.value(QStringLiteral("display"));
    Refusal refusal = parseMedia(parser, options);
    const int seconds = parser.value(QStringLiteral("seconds")).toInt(&ok);
    if (!refusal && (!ok || seconds < 1))
        refusal = QStringLiteral("--seconds needs a whole number of at least 1");
    if (!refusal)
        refusal = parseVideoFormat(parser, options);
    if (!refusal)
        refusal = parseLink(parser, options);
    // The live actions first: their own mistakes are named before the
    // hub is asked for the room.
    std::unique_ptr<JoinLive> live;
    if (!refusal)
        refusal = JoinLive::create(parser, context, options, live);
    if (!refusal)
        refusal = parseRoomAccess(context, parser, options);
    std::optional<ScreenShareRequest> screenShare;
    if (!refusal)
        refusal = parseScreenShare(parser, options, screenShare);
    if (refusal) {
        CliContext::printError(*refusal);
        return kBadInput;
    }
    const QString statsPath = parser.value(QStringLiteral("stats"));
    // The stats file carries per-sample series (rates each second, each
    // feed's downlink); the call itself keeps only bounded figures.
    std::shared_ptr<call::MemoryStatsRecorder> recorder;
    if (!statsPath.isEmpty()) {
        recorder = std::make_shared<call::MemoryStatsRecorder>();
        options.statsRecorder = recorder;
    }

    call::CallSession session(options);
    if (screenShare)
        scheduleScreenShare(session, *screenShare);
    QString failure;
    if (live)
        live->start(session, deviceIdFor(parser));
    const int exitCode = runSession(session, seconds, failure);

    QJsonObject stats = call::toJson(session.stats(), recorder.get());
    if (live) {
        live->stop();
        live->addTo(stats);
    }
    const QByteArray json = QJsonDocument(stats).toJson(QJsonDocument::Indented);
    if (!statsPath.isEmpty()) {
        QFile file(statsPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size()) {
            CliContext::printError(QStringLiteral("could not write %1: %2").arg(statsPath, file.errorString()));
            return kFailed;
        }
    }
    CliContext::printJson(QJsonDocument(stats));
    if (!failure.isEmpty())
        CliContext::printError(failure);
    return exitCode;
}

} // namespace spoke::cli
