#include "hub/api/RequestLog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace spoke::hub::api {

namespace {

QString safeMethod(const QByteArray& method)
{
    static const QByteArrayList known{"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE"};
    return known.contains(method) ? QString::fromLatin1(method) : QStringLiteral("OTHER");
}

} // namespace

QByteArray requestLogLine(const RequestLogEntry& entry)
{
    QJsonObject object{
        {QStringLiteral("time"), QDateTime::fromMSecsSinceEpoch(entry.timeMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("method"), safeMethod(entry.method)},
        {QStringLiteral("route"), entry.route},
        {QStringLiteral("status"), entry.status},
        {QStringLiteral("ms"), qRound64(entry.ms * 1000.0) / 1000.0},
    };
    if (entry.accountId)
        object.insert(QStringLiteral("account"), double(*entry.accountId));
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

void RequestLog::write(const RequestLogEntry& entry)
{
    const QByteArray line = requestLogLine(entry);
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stream_);
    std::fflush(stream_);
}

} // namespace spoke::hub::api
