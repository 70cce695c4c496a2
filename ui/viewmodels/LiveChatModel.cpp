#include "viewmodels/LiveChatModel.h"

#include <algorithm>

namespace spoke::ui {

LiveChatModel::LiveChatModel(QObject* parent) : QAbstractListModel(parent) { }

int LiveChatModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant LiveChatModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case KeyRole: return r.key;
    case AuthorRole: return r.author;
    case RoleRole: return r.role;
    case TextRole: return r.text;
    case SentMsRole: return QVariant::fromValue(static_cast<qint64>(r.sentMs));
    case DeliveryRole: return static_cast<int>(r.delivery);
    case ErrorRole: return r.error;
    case MineRole: return !r.key.isEmpty() || (myAccountId_ != 0 && r.authorId == myAccountId_);
    default: return {};
    }
}

QHash<int, QByteArray> LiveChatModel::roleNames() const
{
    return {{KeyRole, "key"},       {AuthorRole, "author"},     {RoleRole, "role"},   {TextRole, "text"},
            {SentMsRole, "sentMs"}, {DeliveryRole, "delivery"}, {ErrorRole, "error"}, {MineRole, "mine"}};
}

void LiveChatModel::clear()
{
    if (rows_.empty())
        return;
    beginResetModel();
    rows_.clear();
    lastStoredId_ = 0;
    endResetModel();
    Q_EMIT countChanged();
}

int LiveChatModel::rowOfKey(const QString& key) const
{
    if (key.isEmpty())
        return -1;
    const auto it = std::find_if(rows_.begin(), rows_.end(), [&](const Row& r) { return r.key == key; });
    return it == rows_.end() ? -1 : static_cast<int>(it - rows_.begin());
}

void LiveChatModel::changed(int row)
{
    Q_EMIT dataChanged(index(row), index(row));
}

void LiveChatModel::addStored(const sync::HubChatMessage& message, const QString& roleLabel, const QString& key)
{
    lastStoredId_ = std::max(lastStoredId_, message.id);
    const auto stored =
        std::find_if(rows_.begin(), rows_.end(), [&](const Row& r) { return r.messageId == message.id; });
    if (stored != rows_.end()) {
        // The event socket's copy came before the answer to our send: that
        // row is ours, and our pending row goes.
        const int pending = rowOfKey(key);
        if (pending >= 0 && rows_[static_cast<std::size_t>(pending)].messageId == 0) {
            stored->key = key;
            const int storedRow = static_cast<int>(stored - rows_.begin());
            beginRemoveRows({}, pending, pending);
            rows_.erase(rows_.begin() + pending);
            endRemoveRows();
            changed(pending < storedRow ? storedRow - 1 : storedRow);
            Q_EMIT countChanged();
        }
        return;
    }
    Row row{key,       message.id,   message.authorId, message.authorName,
            roleLabel, message.text, message.sentMs,   Delivery::Sent,
            {}};
    const int existing = rowOfKey(key);
    if (existing >= 0) {
        rows_[static_cast<std::size_t>(existing)] = row;
        changed(existing);
        return;
    }
    beginInsertRows({}, rowCount(), rowCount());
    rows_.push_back(std::move(row));
    endInsertRows();
    Q_EMIT countChanged();
}

void LiveChatModel::addPending(const QString& key, const QString& author, const QString& text, std::int64_t nowMs)
{
    beginInsertRows({}, rowCount(), rowCount());
    rows_.push_back(Row{key, 0, myAccountId_, author, {}, text, nowMs, Delivery::Sending, {}});
    endInsertRows();
    Q_EMIT countChanged();
}

void LiveChatModel::markFailed(const QString& key, const QString& error)
{
    const int row = rowOfKey(key);
    if (row < 0 || rows_[static_cast<std::size_t>(row)].messageId != 0)
        return;
    rows_[static_cast<std::size_t>(row)].delivery = Delivery::Failed;
    rows_[static_cast<std::size_t>(row)].error = error;
    changed(row);
}

void LiveChatModel::markSending(const QString& key)
{
    const int row = rowOfKey(key);
    if (row < 0 || rows_[static_cast<std::size_t>(row)].messageId != 0)
        return;
    rows_[static_cast<std::size_t>(row)].delivery = Delivery::Sending;
    rows_[static_cast<std::size_t>(row)].error.clear();
    changed(row);
}

QString LiveChatModel::pendingText(const QString& key) const
{
    const int row = rowOfKey(key);
    return row < 0 ? QString() : rows_[static_cast<std::size_t>(row)].text;
}

} // namespace spoke::ui
