// spoke-hub: the server an ECHO programme runs (docs/hub-api.md).

#include "HubCommands.h"
#include "util/PrivateFiles.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

void printHelp()
{
    QTextStream out(stdout);
    out << "Usage: spoke-hub COMMAND [ARGS]\n\n"
           "Commands:\n"
           "  serve --data-dir DIR --listen HOST:PORT [--database URL] [--tls-cert FILE --tls-key FILE]\n"
           "      serve the hub's API (docs/hub-api.md) until SIGTERM or SIGINT\n"
        << "  record --file FILE.webm [--title TITLE] [--ice-iface IFACE]\n"
           "      record a session's call (started by serve; the join JSON and commands come on stdin)\n"
        << adminUsage()
        << "\nOptions:\n"
           "  --version        print the version and exit\n"
           "  --help           print this help\n"
           "\nExit codes: 0 ok, 1 failed, 2 bad usage.\n";
}

} // namespace

int main(int argc, char** argv)
{
    // The hub's database, decks and logs are the service account's only (PrivateFiles.h).
    spoke::restrictNewFilesToOwner();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("spoke-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPOKE_VERSION));

    const QStringList args = QCoreApplication::arguments().mid(1);
    const QString command = args.value(0);
    if (command == QLatin1String("--version")) {
        std::printf("spoke-hub %s\n", SPOKE_VERSION);
        return 0;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        printHelp();
        return 0;
    }
    if (command == QLatin1String("serve"))
        return runServe(args.mid(1));
    if (command == QLatin1String("record"))
        return runRecord(args.mid(1));
    if (command == QLatin1String("admin"))
        return runAdmin(args.mid(1));
    std::fprintf(stderr, "%s\n",
                 qPrintable(command.isEmpty()
                                ? QStringLiteral("spoke-hub needs a command; see spoke-hub --help.")
                                : QStringLiteral("spoke-hub has no command %1; see spoke-hub --help.").arg(command)));
    return 2;
}
