#include "viewmodels/RowModel.h"

namespace spoke::ui {

RowModel::RowModel(QStringList roleNames, QObject* parent)
    : QAbstractListModel(parent)
    , roles_(std::move(roleNames)) { }

int RowModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant RowModel::data(const QModelIndex& index, int role) const
{
    const int column = role - Qt::UserRole;
    if (!index.isValid() || index.row() >= rowCount() || column < 0 || column >= roles_.size())
        return {};
    return rows_[static_cast<std::size_t>(index.row())].value(roles_[column]);
}

QHash<int, QByteArray> RowModel::roleNames() const
{
    QHash<int, QByteArray> names;
    for (int i = 0; i < roles_.size(); ++i)
        names.insert(Qt::UserRole + i, roles_[i].toUtf8());
    return names;
}

void RowModel::replace(std::vector<QVariantMap> rows)
{
    const bool countChanges = rows.size() != rows_.size();
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

QVariantMap RowModel::get(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return rows_[static_cast<std::size_t>(row)];
}

} // namespace spoke::ui
