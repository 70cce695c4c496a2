// resources/hub/openapi.json and the router describe the same API: every
// route the hub answers is documented, and every documented route exists.

#include "api_test_support.h"

#include "hub/api/OpenApi.h"
#include "support/TempDir.h"

#include <set>

using namespace spoke::test;

TEST_CASE("openapi: the document and the router list the same routes", "[hub][api]")
{
    TempDir dir;
    ApiHub hub(spoke::hub::HubDatabaseLocation::sqliteIn(QString::fromStdString(dir.path().string())));

    std::set<std::pair<QByteArray, QString>> routed;
    for (const auto& route : hub.router().routes())
        routed.emplace(route.method, route.pattern);
    std::set<std::pair<QByteArray, QString>> documented;
    for (const auto& operation : spoke::hub::api::openApiOperations())
        documented.emplace(operation);

    for (const auto& [method, path] : routed) {
        INFO("routed but not documented: " << method.constData() << " " << path.toStdString());
        CHECK(documented.count({method, path}) == 1);
    }
    for (const auto& [method, path] : documented) {
        INFO("documented but not routed: " << method.constData() << " " << path.toStdString());
        CHECK(routed.count({method, path}) == 1);
    }
    CHECK(routed.size() >= 18);
}

TEST_CASE("openapi: the hub serves its document, and each operation says what it answers", "[hub][api]")
{
    TempDir dir;
    ApiHub hub(spoke::hub::HubDatabaseLocation::sqliteIn(QString::fromStdString(dir.path().string())));
    auto served = hub.call("GET", QStringLiteral("/api/v1/openapi.json"));
    REQUIRE(served.response.status == 200);
    const QJsonObject document = jsonOf(served.response);
    CHECK(document.value(QStringLiteral("openapi")).toString().startsWith(QLatin1String("3.")));

    const QJsonObject paths = document.value(QStringLiteral("paths")).toObject();
    const QJsonObject schemas =
        document.value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject item = path.value().toObject();
        for (auto operation = item.begin(); operation != item.end(); ++operation) {
            INFO(operation.key().toStdString() << " " << path.key().toStdString());
            const QJsonObject responses = operation.value().toObject().value(QStringLiteral("responses")).toObject();
            CHECK_FALSE(responses.isEmpty());
        }
    }
    // Every $ref points at a schema that exists.
    const QByteArray text = served.response.body;
    qsizetype at = 0;
    while ((at = text.indexOf("#/components/schemas/", at)) >= 0) {
        at += qsizetype(std::strlen("#/components/schemas/"));
        const QString name = QString::fromLatin1(text.mid(at, text.indexOf('"', at) - at));
        INFO("dangling $ref " << name.toStdString());
        CHECK(schemas.contains(name));
    }
}
