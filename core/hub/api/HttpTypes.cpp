#include "hub/api/HttpTypes.h"

#include <QJsonDocument>

namespace spoke::hub::api {

HttpResponse HttpResponse::json(int status, const QJsonObject& object)
{
    HttpResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

HttpResponse HttpResponse::fromFile(int status, FileBody region, const QByteArray& contentType)
{
    HttpResponse response;
    response.status = status;
    response.contentType = contentType;
    response.file = std::move(region);
    return response;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

HttpResponse HttpResponse::error(int status, const QString& code, const QString& message, const QJsonObject& extra)
{
    QJsonObject object = extra;
    object.insert(QStringLiteral("error"),
                  QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}});
    return json(status, object);
}

} // namespace spoke::hub::api
