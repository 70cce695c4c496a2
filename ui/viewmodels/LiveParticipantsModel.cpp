#include "viewmodels/LiveParticipantsModel.h"

#include <algorithm>

namespace spoke::ui {

LiveParticipantsModel::LiveParticipantsModel(QObject* parent) : QAbstractListModel(parent) { }

int LiveParticipantsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant LiveParticipantsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case KeyRole: return r.key;
    case NameRole: return r.name;
    case IsSelfRole: return r.isSelf;
    case AccountIdRole: return QVariant::fromValue(static_cast<qint64>(r.accountId));
    case RoleLabelRole: return r.roleLabel;
    case HandPositionRole: return r.handPosition;
    case AudioRole: return static_cast<int>(r.audio);
    case VideoRole: return static_cast<int>(r.video);
    case QualityRole: return r.qualityText;
    default: return {};
    }
}

QHash<int, QByteArray> LiveParticipantsModel::roleNames() const
{
    return {{KeyRole, "key"},
            {NameRole, "name"},
            {IsSelfRole, "isSelf"},
            {AccountIdRole, "accountId"},
            {RoleLabelRole, "roleLabel"},
            {HandPositionRole, "handPosition"},
            {AudioRole, "audio"},
            {VideoRole, "video"},
            {QualityRole, "qualityText"}};
}

void LiveParticipantsModel::learnAccount(std::int64_t accountId, const QString& name, const QString& roleLabel)
{
    Known& known = accounts_[accountId];
    known.name = name;
    if (!roleLabel.isEmpty())
        known.roleLabel = roleLabel;
    rebuild();
}

void LiveParticipantsModel::setHands(const std::vector<std::int64_t>& queue)
{
    hands_ = queue;
    rebuild();
}

void LiveParticipantsModel::applyMedia(const MediaState& media)
{
    auto it = media_.find(media.accountId);
    // Events may cross on the way; the newest word wins.
    if (it != media_.end() && it->atMs > media.atMs)
        return;
    media_[media.accountId] = media;
    rebuild();
}

void LiveParticipantsModel::applyModeration(std::int64_t accountId, bool mutedByChair)
{
    mutedByChair_[accountId] = mutedByChair;
    rebuild();
}

void LiveParticipantsModel::setCall(const std::vector<ParticipantModel::Participant>& call, const Self& self,
                                    const std::function<QString(qint64)>& quality)
{
    call_ = call;
    self_ = self;
    quality_ = quality;
    rebuild();
}

void LiveParticipantsModel::clearHub()
{
    accounts_.clear();
    media_.clear();
    mutedByChair_.clear();
    hands_.clear();
    rebuild();
}

std::optional<LiveParticipantsModel::MediaState> LiveParticipantsModel::mediaOf(std::int64_t accountId) const
{
    const auto it = media_.find(accountId);
    if (it == media_.end())
        return std::nullopt;
    return *it;
}

void LiveParticipantsModel::setFeedsNameAccounts(bool on)
{
    if (on == feedsNameAccounts_)
        return;
    feedsNameAccounts_ = on;
    rebuild();
}

std::optional<std::int64_t> LiveParticipantsModel::accountNamed(const QString& name) const
{
    std::optional<std::int64_t> found;
    for (auto it = accounts_.begin(); it != accounts_.end(); ++it) {
        if (it->name != name)
            continue;
        if (found)
            return std::nullopt; // two accounts, one name: not ours to pick
        found = it.key();
    }
    return found;
}

LiveParticipantsModel::Row LiveParticipantsModel::rowFor(const ParticipantModel::Participant& p, const Self& self) const
{
    Row row;
    row.key = QString::number(p.feedId);
    row.name = p.name;
    row.isSelf = p.isSelf;
    if (p.isSelf) {
        row.accountId = self.accountId;
        row.roleLabel = self.roleLabel;
        row.audio = self.muted ? Audio::Muted : Audio::On;
        row.video = self.audioOnly ? Video::AudioOnly : (self.cameraOn ? Video::On : Video::Off);
        row.qualityText = self.qualityText;
    } else {
        // docs/hub-api.md "Media": camera ACCOUNT*1000 + 2*SLOT, screen + 1.
        constexpr qint64 kFeedsPerAccount = 1000;
        row.accountId = feedsNameAccounts_ ? p.feedId / kFeedsPerAccount : accountNamed(p.name).value_or(0);
        row.qualityText = quality_ ? quality_(p.feedId) : QString();
    }
    if (row.accountId == 0)
        return row;
    if (const auto known = accounts_.find(row.accountId); known != accounts_.end() && row.roleLabel.isEmpty())
        row.roleLabel = known->roleLabel;
    const auto hand = std::find(hands_.begin(), hands_.end(), row.accountId);
    row.handPosition = hand == hands_.end() ? 0 : static_cast<int>(hand - hands_.begin()) + 1;
    if (!p.isSelf) {
        if (const auto media = media_.find(row.accountId); media != media_.end()) {
            row.audio = media->audioMuted ? Audio::Muted : Audio::On;
            row.video = media->audioOnly ? Video::AudioOnly : (media->videoOff ? Video::Off : Video::On);
        }
    }
    if (mutedByChair_.value(row.accountId, false))
        row.audio = Audio::MutedByChair;
    return row;
}

void LiveParticipantsModel::rebuild()
{
    std::vector<Row> rows;
    rows.reserve(call_.size());
    for (const ParticipantModel::Participant& p : call_)
        rows.push_back(rowFor(p, self_));
    publish(std::move(rows));
}

// In place, like ParticipantModel: a row that stays keeps its delegate.
void LiveParticipantsModel::publish(std::vector<Row> rows)
{
    const int before = rowCount();
    for (int row = rowCount() - 1; row >= 0; --row) {
        const QString& key = rows_[static_cast<std::size_t>(row)].key;
        if (std::none_of(rows.begin(), rows.end(), [&](const Row& r) { return r.key == key; })) {
            beginRemoveRows({}, row, row);
            rows_.erase(rows_.begin() + row);
            endRemoveRows();
        }
    }
    for (Row& r : rows) {
        const auto it = std::find_if(rows_.begin(), rows_.end(), [&](const Row& old) { return old.key == r.key; });
        if (it == rows_.end()) {
            beginInsertRows({}, rowCount(), rowCount());
            rows_.push_back(std::move(r));
            endInsertRows();
        } else if (!(*it == r)) {
            *it = std::move(r);
            const int row = static_cast<int>(it - rows_.begin());
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
    if (rowCount() != before)
        Q_EMIT countChanged();
}

} // namespace spoke::ui
