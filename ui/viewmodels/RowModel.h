#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace spoke::ui {

// A list of rows for QML, each a map from role name to value. The lists in
// Spoke are short (tens to hundreds of rows) and are replaced whole when the
// cache answers, so one generic model serves sessions, cases and recordings.
// Lives on the UI thread.
class RowModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Rows come from AppController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    explicit RowModel(QStringList roleNames, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void replace(std::vector<QVariantMap> rows);
    Q_INVOKABLE QVariantMap get(int row) const;

Q_SIGNALS:
    void countChanged();

private:
    QStringList roles_;
    std::vector<QVariantMap> rows_;
};

} // namespace spoke::ui
