#pragma once

#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

namespace spoke::hub::api {

// The hub's OpenAPI 3 document (resources/hub/openapi.json, compiled in as
// a Qt resource), served at GET /api/v1/openapi.json. It is the machine form
// of docs/hub-api.md; a test checks its operations against Router::routes().
const QByteArray& openApiDocument();

// Every (METHOD, path) operation the document lists, methods upper-case.
std::vector<std::pair<QByteArray, QString>> openApiOperations();

} // namespace spoke::hub::api
