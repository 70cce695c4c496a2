#pragma once

#include "util/ThreadAffinity.h"

#include <QAbstractListModel>
#include <QJsonObject>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace spoke::cases {
class SchemaRegistry;
}

namespace spoke::ui {

// One column of a table (a list of objects, such as the lab results).
struct FormColumn {
    QString key;
    QString label;
    QString type;
    QStringList choices;
    bool required = false;
};

// One row of the generated form. Values are not copied here: they are read
// from the document on demand, so the row list only changes when the shape of
// the form does (another programme, a row added to a table).
struct FormRow {
    QString kind; // "section", "group", "field", "list" (of text) or "table" (of objects)
    QString path;
    QString label;
    QString type; // schema type of a field: text, number, integer, day_rel, choice, boolean, region, ...
    QStringList choices;
    bool multiline = false;
    bool required = false;
    bool nullable = false;
    bool readOnly = false;
    int depth = 0;
    std::vector<FormColumn> columns;
    // Derived, refreshed after each edit or gate answer.
    QString issue; // validation message for this path
    QVariantMap issues; // path -> message for cells and items below it
    QVariantList findings;
};

// The case form generated from the echo-case/1.0 envelope schema and the
// programme's schema, over one case document. Nothing here names a field or
// a programme: a new programme file in resources/schemas/programmes/ is a new
// form with no C++ or QML change. Identifier-prone inputs are shaped by type:
// codes are read-only, regions and countries are picked from lists, dates are
// day offsets, ages are bands. Lives on the UI thread.
class FormModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by CaseEditorModel")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int errorCount READ errorCount NOTIFY issuesChanged)
public:
    enum Role {
        KindRole = Qt::UserRole + 1,
        PathRole,
        LabelRole,
        TypeRole,
        ChoicesRole,
        MultilineRole,
        RequiredRole,
        NullableRole,
        ReadOnlyRole,
        DepthRole,
        ColumnsRole,
        ValueRole,
        ItemCountRole,
        IssueRole,
        IssuesRole,
        FindingsRole,
    };

    explicit FormModel(const cases::SchemaRegistry& registry, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Lays the form out for the document's programme and validates it.
    void setDocument(const QJsonObject& document);
    const QJsonObject& document() const { return document_; }
    const std::vector<FormRow>& rows() const { return rows_; }

    // Writes a value typed in the form (text as typed, a number, a bool or
    // null), converted to what the schema type wants. False for a bad path.
    bool setValue(const QString& path, const QVariant& value, const QString& type);
    // Replaces a text value without conversion (redaction).
    bool setText(const QString& path, const QString& text);
    bool addItem(const QString& listPath);
    bool removeItem(const QString& listPath, int index);

    // The value at a path as text ("" when missing or not text).
    QString textAt(const QString& path) const;
    // A label a person recognises for any path: "Laboratory results, row 2: Unit".
    QString labelAt(const QString& path) const;
    // Display text of a value for read-only views (PDF).
    static QString displayText(const QJsonValue& value);

    // Each finding map needs "path"; the rows that show it get it.
    void setFindings(const QVariantList& findings);
    int errorCount() const { return errorCount_; }
    // Validation messages of the whole form, "Label: message", for summaries.
    QStringList errorMessages() const;

Q_SIGNALS:
    void countChanged();
    void issuesChanged();
    void documentEdited(const QString& path);

private:
    void build(const QJsonArray& fields, const QString& parentPath, int depth);
    void revalidate();
    int rowFor(const QString& path) const; // the row that shows `path`, or -1
    QStringList choicesFor(const FormRow& row) const;
    void emitRowChanged(int row, const QList<int>& roles);

    const cases::SchemaRegistry& registry_;
    QJsonObject document_;
    std::vector<FormRow> rows_;
    QStringList errorMessages_;
    int errorCount_ = 0;
    ThreadAffinity affinity_;
};

} // namespace spoke::ui
