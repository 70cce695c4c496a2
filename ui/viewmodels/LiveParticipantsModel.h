#pragma once

#include "viewmodels/ParticipantModel.h"

#include <QAbstractListModel>
#include <QHash>
#include <QtQml/qqmlregistration.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace spoke::ui {

// The participant panel: everyone in the call (CallModel's participants),
// with what the hub says about them: role, hand, and, once the hub's `media`
// and `moderation` events arrive, microphone and camera. The call itself
// only knows a remote feed's name and packets, so a remote participant's
// microphone and camera are Unknown until the hub has said; silence is not
// a mute. A Janus feed is tied to a hub account by its id when the call was
// joined through the hub (docs/hub-api.md "Media": a feed id is
// ACCOUNT*1000 + 2*SLOT, the screen that + 1), otherwise (a practice room)
// by its display name, and only when exactly one account the hub named has it.
// Lives on the UI thread.
class LiveParticipantsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The participant panel comes from the live session model")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum class Audio { Unknown, On, Muted, MutedByChair };
    Q_ENUM(Audio)
    enum class Video { Unknown, On, Off, AudioOnly };
    Q_ENUM(Video)

    // What a `media` event says of one account.
    struct MediaState {
        std::int64_t accountId = 0;
        bool audioMuted = false;
        bool videoOff = false;
        bool audioOnly = false;
        std::int64_t atMs = 0;
    };
    // What the panel knows of ourselves from our own switches.
    struct Self {
        std::int64_t accountId = 0;
        QString roleLabel;
        bool muted = false;
        bool cameraOn = true;
        bool audioOnly = false;
        QString qualityText;
    };
    struct Row {
        QString key; // the feed id as text; "0" is ourselves
        QString name;
        bool isSelf = false;
        std::int64_t accountId = 0; // 0: not tied to a hub account
        QString roleLabel; // empty: not known
        int handPosition = 0; // 1 = first in the queue; 0 = hand down
        Audio audio = Audio::Unknown;
        Video video = Video::Unknown;
        QString qualityText;
        bool operator==(const Row&) const = default;
    };
    enum Roles {
        KeyRole = Qt::UserRole + 1,
        NameRole,
        IsSelfRole,
        AccountIdRole,
        RoleLabelRole,
        HandPositionRole,
        AudioRole,
        VideoRole,
        QualityRole,
    };

    explicit LiveParticipantsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // An account the hub named (in a hand, a chat message), with its role.
    void learnAccount(std::int64_t accountId, const QString& name, const QString& roleLabel);
    // The hands up now, account ids in queue order.
    void setHands(const std::vector<std::int64_t>& queue);
    void applyMedia(const MediaState& media);
    void applyModeration(std::int64_t accountId, bool mutedByChair);
    // The call's participants now, ourselves first; `quality` words one
    // remote feed's connection (empty: not measured).
    void setCall(const std::vector<ParticipantModel::Participant>& call, const Self& self,
                 const std::function<QString(qint64 feedId)>& quality);
    void clearHub();
    // Whether feed ids name their account (a call joined through the hub).
    void setFeedsNameAccounts(bool on);
    const std::vector<Row>& rows() const { return rows_; }
    // What the hub said of one account (tests, and views that need it without a tile).
    std::optional<MediaState> mediaOf(std::int64_t accountId) const;
    bool mutedByChair(std::int64_t accountId) const { return mutedByChair_.value(accountId, false); }

Q_SIGNALS:
    void countChanged();

private:
    struct Known {
        QString name;
        QString roleLabel;
    };
    std::optional<std::int64_t> accountNamed(const QString& name) const;
    Row rowFor(const ParticipantModel::Participant& p, const Self& self) const;
    void publish(std::vector<Row> rows);
    void rebuild();

    QHash<std::int64_t, Known> accounts_;
    QHash<std::int64_t, MediaState> media_;
    QHash<std::int64_t, bool> mutedByChair_;
    std::vector<std::int64_t> hands_;
    bool feedsNameAccounts_ = false;
    std::vector<ParticipantModel::Participant> call_;
    Self self_;
    std::function<QString(qint64)> quality_;
    std::vector<Row> rows_;
};

} // namespace spoke::ui
