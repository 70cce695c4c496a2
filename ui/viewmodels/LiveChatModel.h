#pragma once

#include "sync/HubTypes.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace spoke::ui {

// A live session's chat, oldest first: the messages the hub stored (from the
// event socket or a page read after a reconnect, each once by its id) and
// ours on their way (Sending, or Failed with the Idempotency-Key kept, so a
// retry cannot store the message twice; docs/hub-api.md POST …/chat).
// Names and texts are the members' and are handed to QML as plain strings;
// the view shows them as plain text. Rows are appended or changed in place,
// never reset, so the list keeps its place. Lives on the UI thread.
class LiveChatModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The chat comes from the live session model")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum class Delivery { Sent, Sending, Failed };
    Q_ENUM(Delivery)
    struct Row {
        QString key; // the Idempotency-Key of ours; empty for the others'
        std::int64_t messageId = 0; // 0 until the hub stored it
        std::int64_t authorId = 0;
        QString author;
        QString role;
        QString text;
        std::int64_t sentMs = 0;
        Delivery delivery = Delivery::Sent;
        QString error; // why the last send failed
    };
    enum Roles {
        KeyRole = Qt::UserRole + 1,
        AuthorRole,
        RoleRole,
        TextRole,
        SentMsRole,
        DeliveryRole,
        ErrorRole,
        MineRole,
    };

    explicit LiveChatModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void clear();
    void setMyAccountId(std::int64_t id) { myAccountId_ = id; }
    // A message the hub stored; a second copy (event and answer) changes nothing.
    // `key` ties it to our pending row when it is the answer to our send.
    void addStored(const sync::HubChatMessage& message, const QString& roleLabel, const QString& key = {});
    // Ours, before the hub answered.
    void addPending(const QString& key, const QString& author, const QString& text, std::int64_t nowMs);
    void markFailed(const QString& key, const QString& error);
    void markSending(const QString& key);
    // The text of our row `key` (for a retry); empty if there is none.
    QString pendingText(const QString& key) const;
    std::int64_t lastStoredId() const { return lastStoredId_; }
    const std::vector<Row>& rows() const { return rows_; }

Q_SIGNALS:
    void countChanged();

private:
    int rowOfKey(const QString& key) const;
    void changed(int row);

    std::vector<Row> rows_;
    std::int64_t myAccountId_ = 0;
    std::int64_t lastStoredId_ = 0;
};

} // namespace spoke::ui
