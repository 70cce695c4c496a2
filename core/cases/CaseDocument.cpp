#include "cases/CaseDocument.h"

#include "cases/CaseError.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>

namespace spoke::cases {

namespace {

constexpr auto kFormat = "echo-case/1.0";

void collect(const QJsonValue& value, const QString& path, std::vector<TextField>& out)
{
    if (value.isString()) {
        out.push_back({path, value.toString()});
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collect(array.at(i), indexPath(path, i), out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collect(it.value(), joinPath(path, it.key()), out);
    }
}

// The text a person would type for a number: integers without an exponent
// (a phone or record number stored as a number must read as its digits).
QString scalarText(const QJsonValue& value)
{
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    const double n = value.toDouble();
    constexpr double kExactIntegerLimit = 9007199254740992.0; // 2^53: beyond it a double has gaps
    if (std::isfinite(n) && std::floor(n) == n && std::fabs(n) < kExactIntegerLimit)
        return QString::number(static_cast<qint64>(n));
    return QString::number(n, 'g', QLocale::FloatingPointShortest);
}

void collectScalars(const QJsonValue& value, const QString& path, const QString& label, std::vector<ScalarField>& out)
{
    if (value.isDouble() || value.isBool()) {
        out.push_back({path, scalarText(value), label});
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectScalars(array.at(i), indexPath(path, i), label, out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectScalars(it.value(), joinPath(path, it.key()), it.key(), out);
    }
}

void collectKeys(const QJsonValue& value, const QString& path, std::vector<KeyField>& out)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectKeys(array.at(i), indexPath(path, i), out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString member = joinPath(path, it.key());
            out.push_back({member, it.key()});
            collectKeys(it.value(), member, out);
        }
    }
}

// Depth and field size limits, checked once on import so that nothing
// downstream (gate, search, UI) has to defend against them again.
void checkLimits(const QJsonValue& value, const QString& path, int depth)
{
    if (depth > CaseDocument::kMaxDepth)
        throw CaseError(CaseErrorKind::TooLarge, "The case nests deeper than " + std::to_string(CaseDocument::kMaxDepth)
                                                     + " levels at " + path.toStdString()
                                                     + "; a case form is never that deep");
    if (value.isString() && value.toString().size() > CaseDocument::kMaxFieldChars)
        throw CaseError(CaseErrorKind::TooLarge,
                        "Field " + path.toStdString() + " holds " + std::to_string(value.toString().size())
                            + " characters; the limit is " + std::to_string(CaseDocument::kMaxFieldChars));
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            checkLimits(array.at(i), indexPath(path, i), depth + 1);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            checkLimits(it.value(), joinPath(path, it.key()), depth + 1);
    }
}

} // namespace

QString joinPath(const QString& parent, const QString& key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString indexPath(const QString& parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

bool isAtOrBelow(const QString& path, const QString& ancestor)
{
    if (!path.startsWith(ancestor))
        return false;
    return path.size() == ancestor.size() || path.at(ancestor.size()) == QLatin1Char('.')
           || path.at(ancestor.size()) == QLatin1Char('[');
}

CaseDocument::CaseDocument(QJsonObject json) : json_(std::move(json)) { }

CaseDocument CaseDocument::fromJson(const QByteArray& bytes)
{
    if (bytes.size() > kMaxDocumentBytes)
        throw CaseError(CaseErrorKind::TooLarge, "The file is " + std::to_string(bytes.size() / 1024)
                                                     + " KiB; a case document is at most "
                                                     + std::to_string(kMaxDocumentBytes / 1024 / 1024) + " MiB");
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        throw CaseError(CaseErrorKind::NotJson, "Not valid JSON (" + error.errorString().toStdString() + " at byte "
                                                    + std::to_string(error.offset) + ")");
    if (!doc.isObject())
        throw CaseError(CaseErrorKind::NotACase, "A case document must be a JSON object");
    const QJsonObject object = doc.object();
    const QJsonValue format = object.value(QLatin1String("schema_version"));
    if (format.toString() != QLatin1String(kFormat))
        throw CaseError(CaseErrorKind::NotACase,
                        format.isUndefined() ? std::string("Not an echo-case/1.0 document: schema_version is missing")
                                             : "Not an echo-case/1.0 document: schema_version is \""
                                                   + format.toVariant().toString().left(40).toStdString() + "\"");
    checkLimits(object, QString(), 0);
    return CaseDocument(object);
}

CaseDocument CaseDocument::fromFile(const std::filesystem::path& file)
{
    QFile in(QString::fromStdString(file.string()));
    if (!in.open(QIODevice::ReadOnly))
        throw CaseError(CaseErrorKind::Unreadable,
                        "Cannot read " + file.string() + ": " + in.errorString().toStdString());
    if (in.size() > kMaxDocumentBytes)
        throw CaseError(CaseErrorKind::TooLarge, file.string() + " is " + std::to_string(in.size() / 1024)
                                                     + " KiB; a case document is at most "
                                                     + std::to_string(kMaxDocumentBytes / 1024 / 1024) + " MiB");
    return fromJson(in.readAll());
}

QByteArray CaseDocument::toJson() const
{
    return QJsonDocument(json_).toJson(QJsonDocument::Indented);
}

QString CaseDocument::caseId() const
{
    return json_.value(QLatin1String("case_id")).toString();
}

QString CaseDocument::programme() const
{
    return json_.value(QLatin1String("programme")).toString();
}

QString CaseDocument::language() const
{
    return json_.value(QLatin1String("language")).toString();
}

QString CaseDocument::country() const
{
    return json_.value(QLatin1String("presenter")).toObject().value(QLatin1String("country")).toString();
}

std::vector<TextField> CaseDocument::textFields() const
{
    std::vector<TextField> out;
    collect(json_, QString(), out);
    return out;
}

std::vector<ScalarField> CaseDocument::scalarFields() const
{
    std::vector<ScalarField> out;
    collectScalars(json_, QString(), QString(), out);
    return out;
}

std::vector<KeyField> CaseDocument::keyFields() const
{
    std::vector<KeyField> out;
    collectKeys(json_, QString(), out);
    return out;
}

std::string CaseDocument::plainText() const
{
    std::string out;
    for (const TextField& field : textFields()) {
        // Annotation keys (leading underscore, e.g. test-set labels) and the
        // format marker are not what anyone searches a case for.
        if (field.path.startsWith(QLatin1Char('_')) || field.path == QLatin1String("schema_version")
            || field.value.isEmpty())
            continue;
        if (!out.empty())
            out += '\n';
        out += field.value.toStdString();
    }
    return out;
}

} // namespace spoke::cases
