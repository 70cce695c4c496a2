// spoke-hub serve: the hub's HTTP(S) API until SIGTERM or SIGINT.

#include "HubCommands.h"

#include "hub/db/HubDatabase.h"
#include "hub/identity/Identity.h"
#include "hub/janus/MediaConfig.h"
#include "hub/recorder/RecorderSupervisor.h"
#include "hub/recorder/RecordingHandOver.h"
#include "hub/recordings/Retention.h"
#include "hub/server/HubServer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

namespace {

struct ServeOptions {
    QString dataDir;
    QString listen;
    QString database;
    QString tlsCert;
    QString tlsKey;
    // Media (docs/hub-api.md, Media): repeatable --janus, --stun, --turn;
    // secrets only from files (--janus-admin-key-file, --turn-secret-file).
    QStringList janus;
    QStringList stun;
    QStringList turn;
    QString janusAdminKeyFile;
    QString turnSecretFile;
    QString turnTtlS;
    // Janus' event handler signs in with this (docs/hub-api.md, Attendance check).
    QString janusEventsSecretFile;
    // Behind nginx: file answers become X-Accel-Redirect: PREFIX/<path> (docs/hub-deploy.md).
    QString accelRedirect;
    // The network interface the session recorder's ICE gathers on (spoke-hub record --ice-iface).
    QString recorderIceIface;
};

struct ListenAddress {
    QHostAddress address;
    QString urlHost; // as it goes into a URL: 127.0.0.1, [::1], localhost
    quint16 port = 0;
};

int usage(const QString& problem)
{
    std::fprintf(stderr,
                 "%s\nUsage: spoke-hub serve --data-dir DIR --listen HOST:PORT [--database URL] "
                 "[--tls-cert FILE --tls-key FILE]\n"
                 "       [--janus NAME=HTTP_API_URL,PUBLIC_WS_URL ... [--janus-admin-key-file FILE]]\n"
                 "       [--stun stun:HOST:PORT ...] [--turn turn:HOST:PORT?transport=udp|tcp ... "
                 "--turn-secret-file FILE [--turn-ttl-s SECONDS]]\n"
                 "       [--janus-events-secret-file FILE] [--accel-redirect PREFIX]\n"
                 "       [--recorder-ice-iface IFACE]\n",
                 qPrintable(problem));
    return 2;
}

std::optional<ServeOptions> parseOptions(const QStringList& args, QString& problem)
{
    ServeOptions options;
    const QList<std::pair<QString, QString*>> flags{
        {QStringLiteral("--data-dir"), &options.dataDir},
        {QStringLiteral("--listen"), &options.listen},
        {QStringLiteral("--database"), &options.database},
        {QStringLiteral("--tls-cert"), &options.tlsCert},
        {QStringLiteral("--tls-key"), &options.tlsKey},
        {QStringLiteral("--janus-admin-key-file"), &options.janusAdminKeyFile},
        {QStringLiteral("--turn-secret-file"), &options.turnSecretFile},
        {QStringLiteral("--turn-ttl-s"), &options.turnTtlS},
        {QStringLiteral("--janus-events-secret-file"), &options.janusEventsSecretFile},
        {QStringLiteral("--accel-redirect"), &options.accelRedirect},
        {QStringLiteral("--recorder-ice-iface"), &options.recorderIceIface}};
    const QList<std::pair<QString, QStringList*>> repeatable{{QStringLiteral("--janus"), &options.janus},
                                                             {QStringLiteral("--stun"), &options.stun},
                                                             {QStringLiteral("--turn"), &options.turn}};
    for (qsizetype i = 0; i < args.size(); ++i) {
        auto flag = std::find_if(flags.begin(), flags.end(), [&](const auto& f) { return f.first == args[i]; });
        auto list =
            std::find_if(repeatable.begin(), repeatable.end(), [&](const auto& f) { return f.first == args[i]; });
        if (flag == flags.end() && list == repeatable.end()) {
            problem = QStringLiteral("spoke-hub serve does not know %1.").arg(args[i]);
            return std::nullopt;
        }
        if (i + 1 >= args.size() || args[i + 1].isEmpty()) {
            problem = QStringLiteral("%1 needs a value.").arg(args[i]);
            return std::nullopt;
        }
        if (list != repeatable.end())
            list->second->append(args[++i]);
        else
            *flag->second = args[++i];
    }
    if (options.listen.isEmpty())
        problem = QStringLiteral("spoke-hub serve needs --listen HOST:PORT.");
    else if (options.dataDir.isEmpty() && options.database.isEmpty())
        problem = QStringLiteral("spoke-hub serve needs --data-dir DIR (or --database URL).");
    else if (options.tlsCert.isEmpty() != options.tlsKey.isEmpty())
        problem = QStringLiteral("--tls-cert and --tls-key go together.");
    else if (options.turn.isEmpty() != options.turnSecretFile.isEmpty())
        problem = QStringLiteral("--turn and --turn-secret-file go together.");
    else if (options.janus.isEmpty()
             && !(options.janusAdminKeyFile.isEmpty() && options.stun.isEmpty() && options.turn.isEmpty()
                  && options.turnTtlS.isEmpty()))
        problem = QStringLiteral("--janus-admin-key-file, --stun, --turn and --turn-ttl-s need --janus.");
    else if (!options.accelRedirect.isEmpty() && !options.accelRedirect.startsWith(u'/'))
        problem = QStringLiteral("--accel-redirect needs an nginx location path such as /_spoke_files.");
    return problem.isEmpty() ? std::optional(options) : std::nullopt;
}

std::optional<ListenAddress> parseListen(const QString& text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    QString host = text.left(colon);
    ListenAddress listen;
    listen.port = quint16(port);
    listen.urlHost = host;
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host == QLatin1String("localhost"))
        listen.address = QHostAddress(QHostAddress::LocalHost);
    else if (!listen.address.setAddress(host))
        return std::nullopt;
    if (listen.address.protocol() == QAbstractSocket::IPv6Protocol && !listen.urlHost.startsWith(u'['))
        listen.urlHost = QStringLiteral("[%1]").arg(host);
    return listen;
}

// SIGTERM and SIGINT reach the event loop through a socket pair: the handler
// only write()s a byte (async-signal-safe), and a QSocketNotifier on the
// other end quits the loop, so shutdown runs as ordinary code.
int gSignalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(gSignalFds[0], &byte, 1);
}

bool installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, gSignalFds) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

void printListening(const QString& url)
{
    const QByteArray line =
        QJsonDocument(QJsonObject{{QStringLiteral("event"), QStringLiteral("listening")}, {QStringLiteral("url"), url}})
            .toJson(QJsonDocument::Compact);
    std::printf("%s\n", line.constData());
    std::fflush(stdout);
}

std::unique_ptr<spoke::hub::HubDatabase> openDatabase(const ServeOptions& options)
{
    using namespace spoke::hub;
    HubDatabaseLocation location = HubDatabaseLocation::sqliteIn(options.dataDir);
    if (!options.database.isEmpty()) {
        auto parsed = HubDatabaseLocation::fromUrl(options.database);
        if (!parsed) {
            std::fprintf(stderr, "spoke-hub: %s\n", qPrintable(parsed.error()));
            return nullptr;
        }
        location = *parsed;
    }
    try {
        return HubDatabase::open(location);
    } catch (const HubDbError& error) {
        std::fprintf(stderr, "spoke-hub: cannot open the database %s: %s\n", qPrintable(location.describe()),
                     error.what());
        return nullptr;
    }
}

// The media options, checked: every refusal names the argument.
std::optional<spoke::hub::janus::MediaConfig> mediaConfig(const ServeOptions& options, QString& problem)
{
    using namespace spoke::hub::janus;
    MediaConfig config;
    for (const QString& value : options.janus) {
        auto instance = parseJanusArgument(value);
        if (!instance) {
            problem = instance.error();
            return std::nullopt;
        }
        if (config.instance(instance->name)) {
            problem = QStringLiteral("--janus %1: the name %2 is given twice").arg(value, instance->name);
            return std::nullopt;
        }
        config.janus.push_back(*instance);
    }
    for (const QString& value : options.stun) {
        if (std::optional<QString> wrong = checkStunUrl(value)) {
            problem = *wrong;
            return std::nullopt;
        }
    }
    for (const QString& value : options.turn) {
        if (std::optional<QString> wrong = checkTurnUrl(value)) {
            problem = *wrong;
            return std::nullopt;
        }
    }
    config.stunUrls = options.stun;
    config.turnUrls = options.turn;
    if (!options.turnTtlS.isEmpty()) {
        auto ttl = parseTurnTtl(options.turnTtlS);
        if (!ttl) {
            problem = ttl.error();
            return std::nullopt;
        }
        config.turnTtlS = *ttl;
    }
    const std::pair<QString, QString> secretFiles[] = {
        {QStringLiteral("--janus-admin-key-file"), options.janusAdminKeyFile},
        {QStringLiteral("--turn-secret-file"), options.turnSecretFile}};
    for (const auto& [argument, path] : secretFiles) {
        if (path.isEmpty())
            continue;
        auto secret = readSecretFile(argument, path);
        if (!secret) {
            problem = secret.error();
            return std::nullopt;
        }
        if (argument == QLatin1String("--turn-secret-file"))
            config.turnSecret = *secret;
        else
            config.adminKey = QString::fromUtf8(*secret);
    }
    return config;
}

// Applies the programmes' recording retention (docs/hub-api.md,
// Recordings); a line on stderr when it deleted or failed anything.
void pruneRecordings(spoke::hub::HubDatabase& db, spoke::hub::recordings::RecordingCatalogue& catalogue)
{
    try {
        const auto report = spoke::hub::recordings::Retention(db, catalogue).prune(QDateTime::currentMSecsSinceEpoch());
        if (!report.deleted.empty() || report.failed > 0 || report.swept > 0)
            std::fprintf(stderr, "{\"event\":\"recordings_pruned\",\"deleted\":%zu,\"failed\":%d,\"swept\":%d}\n",
                         report.deleted.size(), report.failed, report.swept);
    } catch (const spoke::hub::HubDbError& error) {
        std::fprintf(stderr, "spoke-hub: recording prune: %s\n", error.what());
    }
}

// Sessions are recorded by `spoke-hub record` children (docs/hub-api.md,
// Recording), into DATA_DIR/recordings; that needs Janus and a data dir,
// and without them POST .../recording refuses to switch recording on.
// The hand-over outlives the supervisor (members are destroyed in reverse):
// the supervisor's destructor ends parts that the next start hands over.
struct SessionRecording {
    std::unique_ptr<spoke::hub::recorder::RecordingHandOver> handOver;
    std::unique_ptr<spoke::hub::recorder::RecorderSupervisor> recorders;
};

SessionRecording startSessionRecording(spoke::hub::server::HubServer& server, spoke::hub::HubDatabase& db,
                                       const ServeOptions& options)
{
    SessionRecording recording;
    spoke::hub::recorder::RecorderSupervisor::Config config;
    config.program = QCoreApplication::applicationFilePath();
    config.recordingsDirectory = QDir(options.dataDir).filePath(QStringLiteral("recordings"));
    config.iceInterface = options.recorderIceIface;
    recording.recorders = std::make_unique<spoke::hub::recorder::RecorderSupervisor>(
        db, *server.rooms(), config,
        [&server](const std::vector<spoke::hub::api::ProgrammeChange>& changes) { server.events().notify(changes); });
    server.setChangeObserver(
        [supervisor = recording.recorders.get()](const std::vector<spoke::hub::api::ProgrammeChange>& changes) {
            supervisor->observe(changes);
        });
    // A finished recording goes to the catalogue, with its renditions, off
    // the event loop; what a stopped hub left is picked up now.
    recording.handOver = std::make_unique<spoke::hub::recorder::RecordingHandOver>(
        db.location(), config.recordingsDirectory.toStdString(),
        [](qint64 sessionId, const spoke::Expected<std::int64_t, QString>& result) {
            if (result)
                std::fprintf(stderr, "{\"event\":\"recording_catalogued\",\"session_id\":%lld,\"recording_id\":%lld}\n",
                             static_cast<long long>(sessionId), static_cast<long long>(*result));
            else
                std::fprintf(stderr, "spoke-hub: the recording of session %lld was not catalogued: %s\n",
                             static_cast<long long>(sessionId), qPrintable(result.error()));
        });
    recording.recorders->setFinished([hand = recording.handOver.get()](qint64 sessionId) { hand->enqueue(sessionId); });
    // A recording that was on when the hub stopped goes on in a new part
    // (or ends, with its session); then what is left is handed over.
    recording.recorders->resume();
    recording.handOver->enqueueLeftOvers(db);
    server.setRecorderAvailable(true);
    return recording;
}

} // namespace

int runServe(const QStringList& args)
{
    QString problem;
    const std::optional<ServeOptions> options = parseOptions(args, problem);
    if (!options)
        return usage(problem);
    const std::optional<ListenAddress> listen = parseListen(options->listen);
    if (!listen)
        return usage(QStringLiteral("--listen needs HOST:PORT with an IP address or localhost, e.g. 127.0.0.1:8443."));

    std::optional<spoke::hub::janus::MediaConfig> media = mediaConfig(*options, problem);
    if (!media)
        return usage(problem);

    std::unique_ptr<spoke::hub::HubDatabase> db = openDatabase(*options);
    if (!db)
        return 1;
    spoke::hub::api::prepareCaseChecks();
    spoke::hub::Identity identity(*db);
    spoke::hub::server::HubServer server(*db, identity, stderr);
    if (media->enabled())
        server.useMedia(std::move(*media));
    // Decks are files beside the database (or beside nothing, with only
    // --database: then the deck routes answer 503).
    // Recordings too; their retention is applied once an hour (deletes
    // take effect within the hour, which is all a retention in days needs).
    std::optional<spoke::hub::recordings::RecordingCatalogue> recordings;
    QTimer pruneTimer;
    if (!options->dataDir.isEmpty()) {
        server.setDeckDirectory(QDir(options->dataDir).filePath(QStringLiteral("decks")));
        const QString recordingsDir = QDir(options->dataDir).filePath(QStringLiteral("recordings"));
        server.setRecordingDirectory(recordingsDir);
        recordings.emplace(*db, recordingsDir.toStdString());
        constexpr int kPruneIntervalMs = 3600 * 1000;
        pruneTimer.setInterval(kPruneIntervalMs);
        QObject::connect(&pruneTimer, &QTimer::timeout, qApp,
                         [&db, &recordings] { pruneRecordings(*db, *recordings); });
        pruneTimer.start();
        // Also soon after a start, so that a hub restarted more often than
        // hourly still prunes.
        constexpr int kFirstPruneDelayMs = 60 * 1000;
        QTimer::singleShot(kFirstPruneDelayMs, qApp, [&db, &recordings] { pruneRecordings(*db, *recordings); });
    }
    if (!options->accelRedirect.isEmpty())
        server.setAccelRedirectPrefix(options->accelRedirect.toUtf8());
    if (!options->janusEventsSecretFile.isEmpty()) {
        auto secret = spoke::hub::janus::readSecretFile(QStringLiteral("--janus-events-secret-file"),
                                                        options->janusEventsSecretFile);
        if (!secret)
            return usage(secret.error());
        server.setJanusEventsSecret(*secret);
    }
    if (!options->tlsCert.isEmpty()) {
        auto tls = server.useTls(options->tlsCert, options->tlsKey);
        if (!tls) {
            std::fprintf(stderr, "spoke-hub: %s\n", qPrintable(tls.error()));
            return 1;
        }
    }
    // Declared after the server, so the supervisor stops its children before
    // the rooms go.
    SessionRecording recording;
    if (server.rooms() && !options->dataDir.isEmpty())
        recording = startSessionRecording(server, *db, *options);
    const quint16 port = server.listen(listen->address, listen->port);
    if (port == 0) {
        std::fprintf(stderr, "spoke-hub: cannot listen on %s: %s\n", qPrintable(options->listen),
                     server.servers().isEmpty() ? "the address is in use or not this machine's"
                                                : qPrintable(server.servers().first()->errorString()));
        return 1;
    }
    if (!installSignalHandlers()) {
        std::fprintf(stderr, "spoke-hub: cannot install the SIGTERM/SIGINT handlers\n");
        return 1;
    }
    QSocketNotifier stopNotifier(gSignalFds[1], QSocketNotifier::Read);
    // A sign-in in flight is answered before the hub stops, within a bound
    // (a second signal stops at once).
    constexpr int kDrainMs = 10'000;
    QObject::connect(&stopNotifier, &QSocketNotifier::activated, qApp, [&server, &stopNotifier] {
        char byte = 0;
        [[maybe_unused]] const ssize_t drained = ::read(int(stopNotifier.socket()), &byte, 1);
        server.drain(kDrainMs, [] { QCoreApplication::quit(); });
    });

    printListening(QStringLiteral("%1://%2:%3")
                       .arg(server.usesTls() ? QStringLiteral("https") : QStringLiteral("http"), listen->urlHost)
                       .arg(port));
    QCoreApplication::exec();
    server.events().closeAll();
    std::fprintf(stderr, "{\"event\":\"stopped\"}\n");
    return 0;
}
