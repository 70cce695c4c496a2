#include "hub/api/Json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

namespace spoke::hub::api {

Expected<QJsonObject> parseJsonObject(const QByteArray& body)
{
    if (body.trimmed().isEmpty())
        return ApiError{400, QStringLiteral("bad_json"), QStringLiteral("the request needs a JSON object as its body")};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ApiError{400, QStringLiteral("bad_json"),
                        QStringLiteral("the body is not valid JSON (%1 at byte %2)")
                            .arg(parseError.errorString())
                            .arg(parseError.offset)};
    if (!document.isObject())
        return ApiError{400, QStringLiteral("bad_json"), QStringLiteral("the body must be a JSON object")};
    return document.object();
}

Expected<qint64> parseId(const QString& text, const QString& what)
{
    // At most 16 digits cannot overflow qint64; the JSON bound is checked
    // after the conversion.
    const bool digitsOnly = !text.isEmpty() && text.size() <= 16
                            && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!digitsOnly || text.front() == u'0')
        return badRequest(QStringLiteral("%1 must be a positive integer").arg(what));
    const qint64 value = text.toLongLong();
    if (value > kMaxJsonInteger)
        return badRequest(QStringLiteral("%1 is out of range").arg(what));
    return value;
}

Expected<qint64> parseAfterId(const QMap<QString, QString>& query)
{
    const QString after = query.value(QStringLiteral("after"), QStringLiteral("0"));
    if (after == QLatin1String("0"))
        return qint64{0};
    return parseId(after, QStringLiteral("after"));
}

// PostgreSQL's text cannot hold U+0000 (it refuses the row: a 500), and no
// field of this API needs it; SQLite would store it. One answer for both.
constexpr QLatin1String kNulProblem("must not contain U+0000");

void FieldReader::fail(const QString& name, const QString& problem)
{
    if (!error_)
        error_ = badRequest(QStringLiteral("field \"%1\" %2").arg(name, problem));
}

QString FieldReader::string(const QString& name, qsizetype maxChars)
{
    if (!ok())
        return {};
    const QJsonValue value = object_.value(name);
    if (value.isUndefined() || value.isNull()) {
        fail(name, QStringLiteral("is required"));
        return {};
    }
    if (!value.isString()) {
        fail(name, QStringLiteral("must be a string"));
        return {};
    }
    const QString text = value.toString();
    if (text.trimmed().isEmpty())
        fail(name, QStringLiteral("must not be empty"));
    else if (text.contains(QChar(0)))
        fail(name, kNulProblem);
    else if (text.size() > maxChars)
        fail(name, QStringLiteral("is longer than %1 characters").arg(maxChars));
    return ok() ? text : QString();
}

std::optional<QString> FieldReader::optionalString(const QString& name, qsizetype maxChars)
{
    if (!ok())
        return std::nullopt;
    const QJsonValue value = object_.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString()) {
        fail(name, QStringLiteral("must be a string"));
        return std::nullopt;
    }
    if (value.toString().size() > maxChars) {
        fail(name, QStringLiteral("is longer than %1 characters").arg(maxChars));
        return std::nullopt;
    }
    if (value.toString().contains(QChar(0))) {
        fail(name, kNulProblem);
        return std::nullopt;
    }
    return value.toString();
}

qint64 FieldReader::integer(const QString& name, qint64 min, qint64 max)
{
    if (!ok())
        return 0;
    const QJsonValue value = object_.value(name);
    if (value.isUndefined() || value.isNull()) {
        fail(name, QStringLiteral("is required"));
        return 0;
    }
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || !std::isfinite(number) || std::trunc(number) != number) {
        fail(name, QStringLiteral("must be an integer"));
        return 0;
    }
    if (number < double(min) || number > double(max)) {
        fail(name, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
        return 0;
    }
    return qint64(number);
}

std::optional<QStringList> FieldReader::optionalStringList(const QString& name, qsizetype maxItems, qsizetype maxChars)
{
    if (!ok())
        return std::nullopt;
    const QJsonValue value = object_.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isArray()) {
        fail(name, QStringLiteral("must be an array of strings"));
        return std::nullopt;
    }
    const QJsonArray array = value.toArray();
    if (array.size() > maxItems) {
        fail(name, QStringLiteral("has more than %1 items").arg(maxItems));
        return std::nullopt;
    }
    QStringList list;
    for (const auto& item : array) {
        if (!item.isString()) {
            fail(name, QStringLiteral("must be an array of strings"));
            return std::nullopt;
        }
        if (item.toString().size() > maxChars) {
            fail(name, QStringLiteral("has an item longer than %1 characters").arg(maxChars));
            return std::nullopt;
        }
        if (item.toString().contains(QChar(0))) {
            fail(name, kNulProblem);
            return std::nullopt;
        }
        list.append(item.toString());
    }
    return list;
}

} // namespace spoke::hub::api
