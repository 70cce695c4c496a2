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

    // The canonical plain text of a case for full-text search: every string
    // value, one per line, except the format marker and annotation keys.
    std::string plainText() const;

private:
    QJsonObject json_;
};

// "a.b[2].c" for a path built from keys and indexes.
QString joinPath(const QString& parent, const QString& key);
QString indexPath(const QString& parent, qsizetype index);

} // namespace spoke::cases
