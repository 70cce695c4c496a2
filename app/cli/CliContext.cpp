#include "CliContext.h"

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
    return store::Cache::open(cacheFileIn(dataDir()));
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
