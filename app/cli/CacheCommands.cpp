#include "Commands.h"

#include "security/KeyringKeyStore.h"
#include "store/CacheEncryption.h"
#include "util/DataDir.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <cstdio>

namespace spoke::cli {

namespace {

using store::CacheEncryption;
using store::EncryptionError;

bool parseJsonFlag(const QStringList& args, const QString& name, bool& json)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON")});
    if (!parser.parse(QStringList{name} + args) || !parser.positionalArguments().isEmpty()) {
        CliContext::printError(parser.errorText().isEmpty() ? QStringLiteral("%1 takes no arguments").arg(name)
                                                            : parser.errorText());
        return false;
    }
    json = parser.isSet(QStringLiteral("json"));
    return true;
}

void printStatus(const std::filesystem::path& file, bool json)
{
    const bool exists = std::filesystem::exists(file);
    const bool encrypted = CacheEncryption::isEncrypted(file);
    if (json) {
        CliContext::printJsonLine(QJsonObject{{QStringLiteral("file"), QString::fromStdString(file.string())},
                                              {QStringLiteral("exists"), exists},
                                              {QStringLiteral("encrypted"), encrypted}});
        return;
    }
    if (!exists)
        std::printf("%s: no cache yet\n", file.c_str());
    else
        std::printf("%s: %s\n", file.c_str(), encrypted ? "encrypted (key in the OS keyring)" : "not encrypted");
}

// Encrypting or decrypting: the key lives in this profile's OS keyring only
// (docs/architecture.md, "Encryption at rest"), so no file store is offered.
int switchEncryption(CliContext& context, const QStringList& args, bool enable)
{
    bool json = false;
    if (!parseJsonFlag(args, enable ? QStringLiteral("cache-encrypt") : QStringLiteral("cache-decrypt"), json))
        return kBadInput;
    const std::filesystem::path dir = context.dataDir();
    const std::filesystem::path file = cacheFileIn(dir);
    security::KeyringKeyStore keyring(QString::fromStdString(dir.string()));
    const auto done =
        enable ? CacheEncryption::enableWithKeyring(file, keyring) : CacheEncryption::disableWithKeyring(file, keyring);
    if (!done) {
        const auto kind = done.error().kind;
        CliContext::printError(QString::fromStdString(done.error().message));
        // Asking for what already is is not a failure of the command.
        if (kind == EncryptionError::Kind::AlreadyEncrypted || kind == EncryptionError::Kind::NotEncrypted) {
            printStatus(file, json);
            return kOk;
        }
        return kFailed;
    }
    printStatus(file, json);
    return kOk;
}

} // namespace

int runCacheStatus(CliContext& context, const QStringList& args)
{
    bool json = false;
    if (!parseJsonFlag(args, QStringLiteral("cache-status"), json))
        return kBadInput;
    printStatus(cacheFileIn(context.dataDir()), json);
    return kOk;
}

int runCacheEncrypt(CliContext& context, const QStringList& args)
{
    return switchEncryption(context, args, true);
}

int runCacheDecrypt(CliContext& context, const QStringList& args)
{
    return switchEncryption(context, args, false);
}

} // namespace spoke::cli
