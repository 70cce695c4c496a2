#pragma once

#include "hub/api/HttpTypes.h"
#include "util/Expected.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace spoke::hub::api {

template <typename T> using Expected = spoke::Expected<T, ApiError>;

// Largest integer a JSON number carries exactly (a double's 53-bit mantissa);
// ids and times beyond it cannot have come from the hub.
inline constexpr qint64 kMaxJsonInteger = (qint64(1) << 53) - 1;

// A request body that must be one JSON object: 400 `bad_json` otherwise.
Expected<QJsonObject> parseJsonObject(const QByteArray& body);

// A positive id from a path segment or query value ("7"; not "07", "+7",
// "-1", "7.0" or anything beyond kMaxJsonInteger): 400 `bad_request` naming
// `what` otherwise.
Expected<qint64> parseId(const QString& text, const QString& what);
// A paging cursor `?after=ID`: absent or "0" is 0 (from the start),
// otherwise an id as parseId reads it (400 naming "after").
Expected<qint64> parseAfterId(const QMap<QString, QString>& query);

// Strict readers of a request object's fields. The first problem is kept and
// every later read returns a default, so a handler reads all its fields and
// checks once:
//     FieldReader fields(body);
//     QString email = fields.string("email");
//     if (!fields.ok()) return fields.error().response();
// Each problem is 400 `bad_request` with the field's name in the message.
// Thread: any; one reader serves one request on the thread handling it.
class FieldReader {
public:
    explicit FieldReader(const QJsonObject& object) : object_(object) { }

    // A string of 1..maxChars characters (after trimming when asked).
    QString string(const QString& name, qsizetype maxChars = 1000);
    // Absent or null: nullopt; otherwise a string of 0..maxChars characters.
    std::optional<QString> optionalString(const QString& name, qsizetype maxChars = 100'000);
    qint64 integer(const QString& name, qint64 min, qint64 max);
    // Absent or null: nullopt; otherwise an array of strings.
    std::optional<QStringList> optionalStringList(const QString& name, qsizetype maxItems, qsizetype maxChars);

    bool ok() const { return !error_.has_value(); }
    const ApiError& error() const { return *error_; }

private:
    void fail(const QString& name, const QString& problem);

    const QJsonObject& object_;
    std::optional<ApiError> error_;
};

} // namespace spoke::hub::api
