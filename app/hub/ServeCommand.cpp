// spoke-hub serve: the hub's HTTP(S) API until SIGTERM or SIGINT.

#include "HubCommands.h"

#include "hub/db/HubDatabase.h"
#include "hub/identity/Identity.h"
#include "hub/server/HubServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTcpServer>

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
                 "[--tls-cert FILE --tls-key FILE]\n",
                 qPrintable(problem));
    return 2;
}

std::optional<ServeOptions> parseOptions(const QStringList& args, QString& problem)
{
    ServeOptions options;
    const QList<std::pair<QString, QString*>> flags{{QStringLiteral("--data-dir"), &options.dataDir},
                                                    {QStringLiteral("--listen"), &options.listen},
                                                    {QStringLiteral("--database"), &options.database},
                                                    {QStringLiteral("--tls-cert"), &options.tlsCert},
                                                    {QStringLiteral("--tls-key"), &options.tlsKey}};
    for (qsizetype i = 0; i < args.size(); ++i) {
        auto flag = std::find_if(flags.begin(), flags.end(), [&](const auto& f) { return f.first == args[i]; });
        if (flag == flags.end()) {
            problem = QStringLiteral("spoke-hub serve does not know %1.").arg(args[i]);
            return std::nullopt;
        }
        if (i + 1 >= args.size() || args[i + 1].isEmpty()) {
            problem = QStringLiteral("%1 needs a value.").arg(args[i]);
            return std::nullopt;
        }
        *flag->second = args[++i];
    }
    if (options.listen.isEmpty())
        problem = QStringLiteral("spoke-hub serve needs --listen HOST:PORT.");
    else if (options.dataDir.isEmpty() && options.database.isEmpty())
        problem = QStringLiteral("spoke-hub serve needs --data-dir DIR (or --database URL).");
    else if (options.tlsCert.isEmpty() != options.tlsKey.isEmpty())
        problem = QStringLiteral("--tls-cert and --tls-key go together.");
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

    std::unique_ptr<spoke::hub::HubDatabase> db = openDatabase(*options);
    if (!db)
        return 1;
    spoke::hub::api::prepareCaseChecks();
    spoke::hub::Identity identity(*db);
    spoke::hub::server::HubServer server(*db, identity, stderr);
    // Decks are files beside the database (or beside nothing, with only
    // --database: then the deck routes answer 503).
    if (!options->dataDir.isEmpty())
        server.setDeckDirectory(QDir(options->dataDir).filePath(QStringLiteral("decks")));
    if (!options->tlsCert.isEmpty()) {
        auto tls = server.useTls(options->tlsCert, options->tlsKey);
        if (!tls) {
            std::fprintf(stderr, "spoke-hub: %s\n", qPrintable(tls.error()));
            return 1;
        }
    }
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
