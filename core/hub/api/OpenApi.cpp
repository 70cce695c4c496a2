#include "hub/api/OpenApi.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

// The resource lives in this static library; without this call a program
// that links it could drop the resource's initialiser.
static void initHubApiResources()
{
    Q_INIT_RESOURCE(hub_api_resources);
}

namespace spoke::hub::api {

const QByteArray& openApiDocument()
{
    static const QByteArray document = [] {
        initHubApiResources();
        QFile file(QStringLiteral(":/spoke/hub/openapi.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("spoke-hub: the OpenAPI document is missing from the build");
        return file.readAll();
    }();
    return document;
}

std::vector<std::pair<QByteArray, QString>> openApiOperations()
{
    std::vector<std::pair<QByteArray, QString>> operations;
    const QJsonObject paths =
        QJsonDocument::fromJson(openApiDocument()).object().value(QStringLiteral("paths")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto operation = item.begin(); operation != item.end(); ++operation) {
            static const QStringList kMethods{
                QStringLiteral("get"),   QStringLiteral("put"),  QStringLiteral("post"),    QStringLiteral("delete"),
                QStringLiteral("patch"), QStringLiteral("head"), QStringLiteral("options"), QStringLiteral("trace")};
            if (kMethods.contains(operation.key()))
                operations.emplace_back(operation.key().toUpper().toLatin1(), path.key());
        }
    }
    return operations;
}

} // namespace spoke::hub::api
