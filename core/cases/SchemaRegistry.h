#pragma once

#include "cases/CaseDocument.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

#include <vector>

namespace spoke::cases {

struct SchemaIssue {
    enum class Severity { Error, Note };
    QString path;
    QString message;
    Severity severity = Severity::Error;
};

// The case forms: the echo-case/1.0 envelope and one versioned schema per
// programme, read from resources/schemas/ (embedded). A programme is a JSON
// file; nothing here names one. Immutable after construction and shared by
// all threads.
class SchemaRegistry {
public:
    static const SchemaRegistry& builtIn();
    // For tools and tests: also reads programmes/*.json under `directory`,
    // which win over the built-in ones with the same code.
    static SchemaRegistry withExtraDirectory(const QString& directory);

    QStringList programmes() const { return programmes_.keys(); }
    bool hasProgramme(const QString& code) const { return programmes_.contains(code); }
    // The schema's "fields" array for programme_fields; empty if unknown.
    QJsonObject programmeSchema(const QString& code) const { return programmes_.value(code); }
    const QJsonObject& envelope() const { return envelope_; }

    // Checks a document against the envelope and its programme's fields.
    // Unknown keys are notes, not errors: they are kept, never dropped.
    std::vector<SchemaIssue> validate(const CaseDocument& document) const;
    // The paths of the keys neither the envelope nor the programme's form
    // defines (the Note issues of validate()), outermost only.
    QStringList unknownKeys(const CaseDocument& document) const;

private:
    SchemaRegistry() = default;
    void loadDirectory(const QString& directory);
    void validateFields(const QJsonArray& fields, const QJsonObject& value, const QString& path,
                        const CaseDocument& document, std::vector<SchemaIssue>& issues) const;
    void validateValue(const QJsonObject& spec, const QJsonValue& value, const QString& path,
                       const CaseDocument& document, std::vector<SchemaIssue>& issues) const;

    QJsonObject envelope_;
    QMap<QString, QJsonObject> programmes_;
};

} // namespace spoke::cases
