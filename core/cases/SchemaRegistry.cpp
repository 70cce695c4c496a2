#include "cases/SchemaRegistry.h"

#include "cases/Regions.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>
#include <stdexcept>

namespace spoke::cases {

namespace {

QJsonObject readJsonObject(const QString& file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        throw std::runtime_error("Cannot read the form schema " + file.toStdString());
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(in.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        throw std::runtime_error("The form schema " + file.toStdString()
                                 + " is not a JSON object: " + error.errorString().toStdString());
    return doc.object();
}

QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("true/false");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("text");
    case QJsonValue::Array: return QStringLiteral("a list");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

void error(std::vector<SchemaIssue>& issues, const QString& path, const QString& message)
{
    issues.push_back({path, message, SchemaIssue::Severity::Error});
}

} // namespace

const SchemaRegistry& SchemaRegistry::builtIn()
{
    static const SchemaRegistry instance = [] {
        SchemaRegistry registry;
        registry.loadDirectory(QStringLiteral(":/spoke/schemas"));
        return registry;
    }();
    return instance;
}

SchemaRegistry SchemaRegistry::withExtraDirectory(const QString& directory)
{
    SchemaRegistry registry = builtIn();
    registry.loadDirectory(directory);
    return registry;
}

void SchemaRegistry::loadDirectory(const QString& directory)
{
    const QString envelopeFile = directory + QStringLiteral("/echo-case-1.0.json");
    if (QFile::exists(envelopeFile))
        envelope_ = readJsonObject(envelopeFile);
    const QDir programmes(directory + QStringLiteral("/programmes"));
    for (const QString& name : programmes.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QJsonObject schema = readJsonObject(programmes.filePath(name));
        const QString code = schema.value(QLatin1String("programme")).toString();
        if (code.isEmpty())
            throw std::runtime_error("The form schema " + name.toStdString() + " does not name its programme");
        // Several versions of one programme: the highest wins.
        const auto existing = programmes_.constFind(code);
        if (existing == programmes_.constEnd()
            || existing->value(QLatin1String("version")).toInt() <= schema.value(QLatin1String("version")).toInt())
            programmes_.insert(code, schema);
    }
    if (envelope_.isEmpty())
        throw std::runtime_error("The echo-case/1.0 envelope schema is missing from this build");
}

std::vector<SchemaIssue> SchemaRegistry::validate(const CaseDocument& document) const
{
    std::vector<SchemaIssue> issues;
    validateFields(envelope_.value(QLatin1String("fields")).toArray(), document.json(), QString(), document, issues);
    return issues;
}

QStringList SchemaRegistry::unknownKeys(const CaseDocument& document) const
{
    QStringList paths;
    for (const SchemaIssue& issue : validate(document))
        if (issue.severity == SchemaIssue::Severity::Note)
            paths.append(issue.path);
    return paths;
}

void SchemaRegistry::validateFields(const QJsonArray& fields, const QJsonObject& value, const QString& path,
                                    const CaseDocument& document, std::vector<SchemaIssue>& issues) const
{
    QStringList known;
    for (const auto& f : fields) {
        const QJsonObject spec = f.toObject();
        const QString key = spec.value(QLatin1String("key")).toString();
        known.append(key);
        const QString fieldPath = joinPath(path, key);
        if (!value.contains(key)) {
            if (spec.value(QLatin1String("required")).toBool())
                error(issues, fieldPath, QStringLiteral("is required"));
            continue;
        }
        validateValue(spec, value.value(key), fieldPath, document, issues);
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
        if (!known.contains(it.key()))
            issues.push_back({joinPath(path, it.key()), QStringLiteral("is not part of this form; it is kept as is"),
                              SchemaIssue::Severity::Note});
    }
}

void SchemaRegistry::validateValue(const QJsonObject& spec, const QJsonValue& value, const QString& path,
                                   const CaseDocument& document, std::vector<SchemaIssue>& issues) const
{
    const QString type = spec.value(QLatin1String("type")).toString();
    if (value.isNull()) {
        if (!spec.value(QLatin1String("nullable")).toBool() && spec.value(QLatin1String("required")).toBool())
            error(issues, path, QStringLiteral("must not be empty"));
        return;
    }
    auto expect = [&](bool ok, const QString& what) {
        if (!ok)
            error(issues, path, QStringLiteral("must be %1, not %2").arg(what, typeName(value)));
        return ok;
    };
    if (type == QLatin1String("text")) {
        expect(value.isString(), QStringLiteral("text"));
    } else if (type == QLatin1String("number") || type == QLatin1String("integer")
               || type == QLatin1String("day_rel")) {
        if (!expect(value.isDouble(), QStringLiteral("a number")))
            return;
        const double n = value.toDouble();
        if ((type != QLatin1String("number")) && std::floor(n) != n)
            error(issues, path, QStringLiteral("must be a whole number"));
        // Dates are entered as days relative to the presentation; a value
        // beyond a century is a calendar date typed in the wrong field.
        const double min =
            type == QLatin1String("day_rel") ? -36500 : spec.value(QLatin1String("min")).toDouble(-1e300);
        const double max = type == QLatin1String("day_rel") ? 3650 : spec.value(QLatin1String("max")).toDouble(1e300);
        if (n < min || n > max)
            error(issues, path, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
    } else if (type == QLatin1String("number_or_text")) {
        expect(value.isDouble() || value.isString(), QStringLiteral("a number or text"));
    } else if (type == QLatin1String("boolean")) {
        expect(value.isBool(), QStringLiteral("true or false"));
    } else if (type == QLatin1String("choice")) {
        const QJsonArray choices = spec.value(QLatin1String("choices")).toArray();
        QString asText = value.isDouble() ? QString::number(value.toDouble()) : value.toString();
        if (!(value.isString() || value.isDouble()) || !choices.contains(QJsonValue(asText))) {
            QStringList names;
            for (const auto& c : choices)
                names.append(c.toString().isEmpty() ? QStringLiteral("\"\"") : c.toString());
            error(issues, path, QStringLiteral("must be one of %1").arg(names.join(QStringLiteral(", "))));
        }
    } else if (type == QLatin1String("case_code")) {
        static const QRegularExpression code(QStringLiteral("^[A-Z0-9][A-Z0-9\\-]{2,40}$"));
        if (expect(value.isString(), QStringLiteral("text")) && !code.match(value.toString()).hasMatch())
            error(issues, path, QStringLiteral("must be a programme code such as ECHO-HIV-C001"));
    } else if (type == QLatin1String("programme")) {
        if (expect(value.isString(), QStringLiteral("text")) && !hasProgramme(value.toString()))
            error(issues, path,
                  QStringLiteral("names no known programme; known: %1").arg(programmes().join(QStringLiteral(", "))));
    } else if (type == QLatin1String("country")) {
        static const QRegularExpression iso(QStringLiteral("^[A-Z]{2}$"));
        if (expect(value.isString(), QStringLiteral("text")) && !iso.match(value.toString()).hasMatch())
            error(issues, path, QStringLiteral("must be an ISO 3166-1 alpha-2 code such as NA or UY"));
    } else if (type == QLatin1String("region")) {
        if (!expect(value.isString(), QStringLiteral("text")))
            return;
        const Regions& regions = Regions::builtIn();
        if (regions.knowsCountry(document.country()) && !regions.isFirstLevel(document.country(), value.toString()))
            error(issues, path,
                  QStringLiteral("must be a first-level region of %1 (%2)")
                      .arg(document.country(), regions.regionsOf(document.country()).join(QStringLiteral(", "))));
    } else if (type == QLatin1String("object")) {
        if (expect(value.isObject(), QStringLiteral("an object")))
            validateFields(spec.value(QLatin1String("fields")).toArray(), value.toObject(), path, document, issues);
    } else if (type == QLatin1String("list")) {
        if (!expect(value.isArray(), QStringLiteral("a list")))
            return;
        const QJsonObject item = spec.value(QLatin1String("item")).toObject();
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            validateValue(item, array.at(i), indexPath(path, i), document, issues);
    } else if (type == QLatin1String("programme_fields")) {
        const QString programme = document.programme();
        if (!hasProgramme(programme))
            return; // reported at "programme"
        if (expect(value.isObject(), QStringLiteral("an object")))
            validateFields(programmes_.value(programme).value(QLatin1String("fields")).toArray(), value.toObject(),
                           path, document, issues);
    }
}

} // namespace spoke::cases
