#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <filesystem>
#include <string>
#include <vector>

namespace spoke::cases {

// One string value of a case and where it sits, e.g. "labs[1].comment".
struct TextField {
    QString path;
    QString value;
};

// A value that is not text (a number, true or false) as a person would type
// it, with the key it sits under: an identifier stored as a JSON number is
// still an identifier, and its key is the label that says which kind.
struct ScalarField {
    QString path;
    QString value; // "48213377", "true"
    QString label; // the nearest object key, e.g. "mrn" for "x_notes.mrn" or "phones[0]"
};

// An object key, which can carry a name as well as any value can.
struct KeyField {
    QString path; // the path of the member the key names
    QString key;
};

// An echo-case/1.0 document (domain/ECHO.md section 0). It is a value type
// over the parsed JSON: every key is kept, including ones this version does
// not know, so a case survives import and export by an older Spoke intact.
class CaseDocument {
public:
    static constexpr qsizetype kMaxDocumentBytes = 4 * 1024 * 1024;
    // A full narrative is a few thousand characters; a field far beyond this
    // is pasted junk, not a case, and would make checking slow.
    static constexpr qsizetype kMaxFieldChars = 100'000;
    static constexpr int kMaxDepth = 16;

    // Throws CaseError (NotJson, NotACase, TooLarge) with a message naming the
    // problem and, where it helps, the field.
    static CaseDocument fromJson(const QByteArray& bytes);
    static CaseDocument fromFile(const std::filesystem::path& file);
    explicit CaseDocument(QJsonObject json);

    QByteArray toJson() const;
    const QJsonObject& json() const { return json_; }

    QString caseId() const;
    QString programme() const;
    QString language() const;
    QString country() const;

    // Every string in the document with its path, in document order
    // (objects by key). Numbers and booleans are structured data, not text.
    std::vector<TextField> textFields() const;
    // Every number and boolean, in document order.
    std::vector<ScalarField> scalarFields() const;
    // Every object key at every depth, in document order (a parent before its children).
    std::vector<KeyField> keyFields() const;

    // The canonical plain text of a case for full-text search: every string
    // value, one per line, except the format marker and annotation keys.
    std::string plainText() const;

private:
    QJsonObject json_;
};

// "a.b[2].c" for a path built from keys and indexes.
QString joinPath(const QString& parent, const QString& key);
QString indexPath(const QString& parent, qsizetype index);
// Whether `path` is `ancestor` or lies below it ("a.b[1]" is below "a.b").
bool isAtOrBelow(const QString& path, const QString& ancestor);

} // namespace spoke::cases
