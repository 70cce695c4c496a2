#pragma once

#include "cases/Finding.h"

#include <QAbstractListModel>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace spoke::ui {

// The open de-identification findings of the case in the editor, for the
// findings panel, and the same findings as plain maps for the form rows that
// highlight them. Spans come in code points (as the gate reports them) and
// in UTF-16 units (what QML text positions count). Lives on the UI thread.
class FindingsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by CaseEditorModel")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        PathRole = Qt::UserRole + 1,
        FieldLabelRole,
        StartRole,
        EndRole,
        StartUtf16Role,
        EndUtf16Role,
        TextRole,
        CategoryRole,
        CategoryNameRole,
        ReasonRole,
        SuggestionRole,
        RedactionRole,
        ContextHtmlRole,
    };

    explicit FindingsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // `values` gives the current text of each path (for the UTF-16 spans and
    // the context), `labels` the form label of each path where it has one.
    void replace(std::vector<cases::Finding> findings, const std::function<QString(const QString&)>& valueAt,
                 const std::function<QString(const QString&)>& labelAt);
    // After a redaction in `path`: the finding at `index` is gone and later
    // spans of that field move by the length difference, so the other
    // findings stay clickable until the gate answers again.
    void removeAfterEdit(int index, int lengthDeltaCodePoints, int lengthDeltaUtf16);

    const cases::Finding* at(int index) const;
    std::vector<cases::Finding> all() const;
    // Every finding as a map with the role names as keys plus "index".
    QVariantList views() const;

    Q_INVOKABLE QVariantMap get(int index) const;

Q_SIGNALS:
    void countChanged();

private:
    struct Entry {
        cases::Finding finding;
        QString fieldLabel;
        int startUtf16 = 0;
        int endUtf16 = 0;
        QString contextHtml;
    };
    QVariantMap view(int index) const;

    std::vector<Entry> entries_;
};

// What one-click redaction writes: the bracketed token of the gate's
// suggestion ("[NAME]" of "[NAME] (or a role such as ...)"), or the
// category's default.
QString redactionFor(const cases::Finding& finding);

// UTF-16 index of a code point index into `text` (the inverse of
// cases::codePointIndex).
int utf16Index(const QString& text, int codePointIndex);

// The flagged span with a few words either side as escaped rich text, the
// span marked so a person sees exactly what the gate matched.
QString findingContextHtml(const QString& value, int startUtf16, int endUtf16);

} // namespace spoke::ui
