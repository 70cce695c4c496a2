#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace spoke::ui {

// The tiles of the call view, one per participant, ourselves first. Rows
// are updated in place (never reset), so a tile and its VideoView live as
// long as the participant stays. Lives on the UI thread.
class ParticipantModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Participants come from the call model")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    struct Participant {
        qint64 feedId = 0; // 0 = ourselves
        QString name;
        bool isSelf = false;
        bool speaking = false;
        bool muted = false; // no sound, or only silence, for a while
        bool cameraOn = true; // pictures arrive
        double level = 0; // 0..1
        bool screenShare = false; // someone's shared screen, not a camera
        bool operator==(const Participant&) const = default;
    };
    enum Role {
        FeedIdRole = Qt::UserRole + 1,
        NameRole,
        IsSelfRole,
        SpeakingRole,
        MutedRole,
        CameraOnRole,
        LevelRole,
        ScreenShareRole
    };

    explicit ParticipantModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Rows whose feed is missing from `participants` go, new ones are
    // appended, the rest change in place.
    void update(const std::vector<Participant>& participants);
    const std::vector<Participant>& rows() const { return rows_; }
    Q_INVOKABLE int indexOf(qint64 feedId) const;

Q_SIGNALS:
    void countChanged();

private:
    std::vector<Participant> rows_;
};

} // namespace spoke::ui
