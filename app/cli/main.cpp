// spoke-cli: everything the core can do, without a display.

#include "Commands.h"

#include "store/StoreError.h"
#include "util/PrivateFiles.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

using spoke::cli::CliContext;

void printHelp()
{
    std::printf("Usage: spoke-cli [--data-dir DIR] COMMAND [ARGS]\n\n"
                "Global options:\n"
                "  --data-dir DIR   use DIR for the cache and recordings instead of the platform default\n"
                "  --version        print the version and exit\n"
                "  --help           print this help\n\nCommands:\n");
    for (const auto& command : spoke::cli::allCommands())
        std::printf("  %s %s\n      %s\n", command.words, command.usage, command.summary);
    std::printf("\nExit codes: 0 ok, 1 failed, 2 bad usage or input, 3 findings (cases check).\n");
}

// Splits "sessions list" into words.
QStringList wordsOf(const char* words)
{
    return QString::fromLatin1(words).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

int main(int argc, char** argv)
{
    // Patient data is the owner's only, before any thread or file exists (PrivateFiles.h).
    spoke::restrictNewFilesToOwner();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("spoke"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPOKE_VERSION));

    QStringList args = QCoreApplication::arguments().mid(1);
    std::optional<std::filesystem::path> dataDir;
    for (int i = 0; i < args.size();) {
        const QString& arg = args[i];
        if (arg == QLatin1String("--version")) {
            std::printf("spoke-cli %s\n", SPOKE_VERSION);
            return spoke::cli::kOk;
        }
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            printHelp();
            return spoke::cli::kOk;
        }
        if (arg == QLatin1String("--data-dir")) {
            if (i + 1 >= args.size()) {
                CliContext::printError(QStringLiteral("--data-dir needs a directory"));
                return spoke::cli::kBadInput;
            }
            dataDir = args[i + 1].toStdString();
            args.remove(i, 2);
            continue;
        }
        if (arg.startsWith(QLatin1String("--data-dir="))) {
            dataDir = arg.mid(11).toStdString();
            args.remove(i);
            continue;
        }
        ++i;
    }

    // The longest command whose words match the start of the arguments.
    const spoke::cli::Command* chosen = nullptr;
    qsizetype chosenWords = 0;
    for (const auto& command : spoke::cli::allCommands()) {
        const QStringList words = wordsOf(command.words);
        if (words.size() > chosenWords && args.mid(0, words.size()) == words) {
            chosen = &command;
            chosenWords = words.size();
        }
    }
    if (!chosen) {
        CliContext::printError(
            args.isEmpty() ? QStringLiteral("no command given; try --help")
                           : QStringLiteral("unknown command '%1'; try --help").arg(args.join(QLatin1Char(' '))));
        return spoke::cli::kBadInput;
    }

    CliContext context(dataDir);
    try {
        return chosen->run(context, args.mid(chosenWords));
    } catch (const spoke::store::StoreError& error) {
        CliContext::printError(QString::fromUtf8(error.what()));
        return spoke::cli::kFailed;
    } catch (const std::exception& error) {
        CliContext::printError(QString::fromUtf8(error.what()));
        return spoke::cli::kFailed;
    }
}
