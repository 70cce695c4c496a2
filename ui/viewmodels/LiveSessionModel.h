#pragma once

#include "sync/HubProtocol.h"
#include "sync/HubTypes.h"
#include "sync/SyncError.h"
#include "viewmodels/LiveChatModel.h"
#include "viewmodels/LiveParticipantsModel.h"
#include "viewmodels/RowModel.h"

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <cstdint>
#include <functional>

namespace spoke::sync {
class SyncWorker;
class LiveSessionClient;
} // namespace spoke::sync

namespace spoke::ui {

class CallModel;

// The hub's side of a live session, for the call page's side panel: the
// agenda with the running item and its elapsed time, the chair's "Start next
// item" / "End session", the chat, the raised hands, and the people a clinic
// device attests. Everything goes through the one SyncWorker (its
// LiveSessionClient calls run on the sync thread); what the hub's event
// socket says arrives as SyncWorker's live signals. The hub decides: a
// refused press (409: not the next item any more, or the session is over)
// is said as such and the agenda is read again, never guessed.
// Lives on the UI thread.
class LiveSessionModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The live session model comes from AppController")
    Q_PROPERTY(bool active READ active NOTIFY sessionChanged)
    Q_PROPERTY(qint64 sessionId READ sessionId NOTIFY sessionChanged)
    Q_PROPERTY(bool chair READ chair NOTIFY sessionChanged)
    Q_PROPERTY(spoke::ui::RowModel* agenda READ agenda CONSTANT)
    Q_PROPERTY(QString agendaStatus READ agendaStatus NOTIFY agendaChanged)
    Q_PROPERTY(QString nextItemTitle READ nextItemTitle NOTIFY agendaChanged)
    Q_PROPERTY(bool ended READ ended NOTIFY agendaChanged)
    Q_PROPERTY(bool canStartNext READ canStartNext NOTIFY agendaChanged)
    Q_PROPERTY(bool canEnd READ canEnd NOTIFY agendaChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY agendaChanged)
    Q_PROPERTY(QString agendaError READ agendaError NOTIFY agendaChanged)
    Q_PROPERTY(spoke::ui::LiveChatModel* chat READ chat CONSTANT)
    Q_PROPERTY(QString chatError READ chatError NOTIFY chatErrorChanged)
    Q_PROPERTY(spoke::ui::RowModel* hands READ hands CONSTANT)
    Q_PROPERTY(bool myHandRaised READ myHandRaised NOTIFY handsChanged)
    Q_PROPERTY(QString handsError READ handsError NOTIFY handsChanged)
    Q_PROPERTY(spoke::ui::LiveParticipantsModel* people READ people CONSTANT)
    Q_PROPERTY(QString attestNotice READ attestNotice NOTIFY attestChanged)
    Q_PROPERTY(bool eventsOpen READ eventsOpen NOTIFY eventsOpenChanged)
    Q_PROPERTY(bool moderationBusy READ moderationBusy NOTIFY moderationChanged)
    Q_PROPERTY(QString moderationNotice READ moderationNotice NOTIFY moderationChanged)
    Q_PROPERTY(bool moderationFailed READ moderationFailed NOTIFY moderationChanged)
public:
    explicit LiveSessionModel(sync::SyncWorker& sync, QObject* parent = nullptr);

    bool active() const { return sessionId_ > 0; }
    qint64 sessionId() const { return sessionId_; }
    bool chair() const;
    RowModel* agenda() { return &agendaRows_; }
    QString agendaStatus() const { return agendaStatus_; }
    QString nextItemTitle() const;
    bool ended() const { return agenda_.endedMs.has_value(); }
    bool canStartNext() const { return chair() && !ended() && !busy_ && nextItem() != nullptr; }
    bool canEnd() const { return chair() && !ended() && !busy_ && !agenda_.items.isEmpty(); }
    bool busy() const { return busy_; }
    QString agendaError() const { return agendaError_; }
    LiveChatModel* chat() { return &chat_; }
    QString chatError() const { return chatError_; }
    RowModel* hands() { return &handRows_; }
    bool myHandRaised() const;
    QString handsError() const { return handsError_; }
    LiveParticipantsModel* people() { return &people_; }
    QString attestNotice() const { return attestNotice_; }
    bool eventsOpen() const { return eventsOpen_; }
    const sync::HubAgenda& agendaState() const { return agenda_; }

    // Follows hub session `hubSessionId` (0: none): reads its agenda, chat and hands.
    Q_INVOKABLE void open(qint64 hubSessionId);
    Q_INVOKABLE void close() { open(0); }
    Q_INVOKABLE void startNextItem();
    Q_INVOKABLE void endSession();
    // Sends `text` (trimmed; 1-2000 characters) with a fresh Idempotency-Key.
    Q_INVOKABLE bool sendChat(const QString& text);
    // Sends our failed row `key` again, with the same key.
    Q_INVOKABLE void retryChat(const QString& key);
    Q_INVOKABLE void setMyHand(bool raised);
    Q_INVOKABLE void lowerHand(qint64 accountId);
    // Names of the people in the room with this device, one per line or
    // comma-separated (docs/hub-api.md "Attendance").
    Q_INVOKABLE void attest(const QString& names);
    // The chair's controls in the participant panel (docs/hub-api.md
    // "Media"): mute a member's microphone or let them speak again, and
    // remove a member from the session. The hub's answer, or why it
    // refused, is said in moderationNotice; the panel's rows follow the
    // `moderation` / `removed` events everyone gets.
    Q_INVOKABLE void setMutedByChair(qint64 accountId, bool muted);
    Q_INVOKABLE void removeParticipant(qint64 accountId);
    bool moderationBusy() const { return moderationBusy_; }
    QString moderationNotice() const { return moderationNotice_; }
    bool moderationFailed() const { return moderationFailed_; }

    // The participant panel follows `call`'s participants and switches.
    void followCall(CallModel* call);

    // Elapsed times and the status line as of `nowMs` (UTC ms); a timer calls it each second.
    void refreshAgenda(std::int64_t nowMs);
    // A `media` / `moderation` event of the hub (docs: see the live events contract).
    void applyMedia(const LiveParticipantsModel::MediaState& media);
    void applyModeration(std::int64_t accountId, bool mutedByChair);
    void applyRemoval(const sync::HubRemoval& removal);

Q_SIGNALS:
    void sessionChanged();
    void agendaChanged();
    void chatErrorChanged();
    void handsChanged();
    void attestChanged();
    void eventsOpenChanged();
    void moderationChanged();

private:
    const sync::HubAgendaItem* nextItem() const;
    void applyAgenda(const sync::HubAgenda& agenda);
    void applyHands(const sync::HubHands& hands);
    void applyChat(const sync::HubChatMessage& message, const QString& key = {});
    void advance(bool end, std::int64_t itemId);
    void sendKeyed(const QString& key, const QString& text);
    void fetchAgenda();
    void fetchChatAfter(std::int64_t afterId);
    void fetchHands();
    void runHands(std::function<sync::HubExpected<sync::HubHands>(sync::LiveSessionClient&)> call);
    void learn(std::int64_t accountId, const QString& name, const QString& roleLabel);
    void setBusy(bool busy, const QString& error = {});
    QString describe(const sync::SyncError& error) const;
    void refreshPeople();
    void fetchMedia();
    void runModeration(const QString& name, std::function<sync::SyncError(sync::LiveSessionClient&)> call,
                       std::function<QString()> done);
    QString nameOf(std::int64_t accountId) const;

    sync::SyncWorker& sync_;
    qint64 sessionId_ = 0;
    sync::HubAgenda agenda_;
    sync::HubHands hands_;
    RowModel agendaRows_;
    QString agendaStatus_;
    QString agendaError_;
    bool busy_ = false;
    LiveChatModel chat_;
    QString chatError_;
    RowModel handRows_;
    QString handsError_;
    LiveParticipantsModel people_;
    QString attestNotice_;
    bool eventsOpen_ = false;
    bool moderationBusy_ = false;
    bool moderationFailed_ = false;
    QString moderationNotice_;
    QTimer tick_;
    CallModel* call_ = nullptr;
};

} // namespace spoke::ui
