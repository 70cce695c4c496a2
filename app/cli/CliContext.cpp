#include "CliContext.h"

#include "security/KeyringKeyStore.h"
#include "util/DataDir.h"

#include <QJsonObject>

#include <cstdio>

namespace spoke::cli {

std::filesystem::path CliContext::dataDir() const
{
    return resolveDataDir(dataDirOverride_);
}

store::Cache CliContext::openCache() const
{
    const std::filesystem::path dir = dataDir();
    // The override log's key (cases::CaseWorkflow) comes with the cache.
    if (const auto secrets = security::loadInstallSecrets(dir); !secrets)
        printError(QStringLiteral("no place to keep this install's secrets: %1")
                       .arg(QString::fromStdString(secrets.error().detail)));
    return store::Cache::open(cacheFileIn(dir));
}

void CliContext::printJson(const QJsonDocument& doc)
{
    const QByteArray bytes = doc.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void CliContext::printJsonLine(const QJsonObject& object)
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void CliContext::printError(const QString& message)
{
    const QByteArray bytes = "spoke-cli: " + message.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stderr);
}

} // namespace spoke::cli
