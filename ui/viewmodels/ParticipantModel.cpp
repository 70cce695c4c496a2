#include "viewmodels/ParticipantModel.h"

#include <algorithm>

namespace spoke::ui {

ParticipantModel::ParticipantModel(QObject* parent) : QAbstractListModel(parent) { }

int ParticipantModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant ParticipantModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Participant& p = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    // As text: Janus ids use all 53 bits a JavaScript number holds, and a
    // QML number does not carry them through to C++ reliably.
    case FeedIdRole: return QString::number(p.feedId);
    case NameRole: return p.name;
    case IsSelfRole: return p.isSelf;
    case SpeakingRole: return p.speaking;
    case MutedRole: return p.muted;
    case CameraOnRole: return p.cameraOn;
    case LevelRole: return p.level;
    case ScreenShareRole: return p.screenShare;
    default: return {};
    }
}

QHash<int, QByteArray> ParticipantModel::roleNames() const
{
    return {
        {FeedIdRole, "feedId"}, {NameRole, "name"},         {IsSelfRole, "isSelf"}, {SpeakingRole, "speaking"},
        {MutedRole, "muted"},   {CameraOnRole, "cameraOn"}, {LevelRole, "level"},   {ScreenShareRole, "screenShare"}};
}

int ParticipantModel::indexOf(qint64 feedId) const
{
    const auto it =
        std::find_if(rows_.begin(), rows_.end(), [feedId](const Participant& p) { return p.feedId == feedId; });
    return it == rows_.end() ? -1 : static_cast<int>(it - rows_.begin());
}

void ParticipantModel::update(const std::vector<Participant>& participants)
{
    const int before = rowCount();
    for (int row = rowCount() - 1; row >= 0; --row) {
        const qint64 id = rows_[static_cast<std::size_t>(row)].feedId;
        const bool stays = std::any_of(participants.begin(), participants.end(),
                                       [id](const Participant& p) { return p.feedId == id; });
        if (!stays) {
            beginRemoveRows({}, row, row);
            rows_.erase(rows_.begin() + row);
            endRemoveRows();
        }
    }
    for (const Participant& p : participants) {
        const int row = indexOf(p.feedId);
        if (row < 0) {
            beginInsertRows({}, rowCount(), rowCount());
            rows_.push_back(p);
            endInsertRows();
        } else if (!(rows_[static_cast<std::size_t>(row)] == p)) {
            rows_[static_cast<std::size_t>(row)] = p;
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
    if (rowCount() != before)
        Q_EMIT countChanged();
}

} // namespace spoke::ui
