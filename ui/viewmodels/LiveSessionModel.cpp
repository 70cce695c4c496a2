#include "viewmodels/LiveSessionModel.h"

#include "sync/LiveSessionClient.h"
#include "sync/SyncWorker.h"
#include "viewmodels/CallModel.h"
#include "viewmodels/HubWording.h"

#include <QDateTime>
#include <QPointer>
#include <QRegularExpression>

#include <algorithm>

namespace spoke::ui {

namespace {

constexpr int kTickMs = 1000; // elapsed minutes and seconds stay true
constexpr qsizetype kMaxChatChars = 2000; // docs/hub-api.md POST …/chat
constexpr int kMaxChatPages = 20; // 500 messages a page: far beyond a session's chat

std::int64_t wallNowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString minutesSeconds(std::int64_t ms)
{
    const std::int64_t seconds = std::max<std::int64_t>(0, ms / 1000);
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString roleLabelOf(std::optional<sync::HubRole> role)
{
    return role ? HubWording::hubRoleLabel(*role) : QString();
}

} // namespace

LiveSessionModel::LiveSessionModel(sync::SyncWorker& sync, QObject* parent)
    : QObject(parent)
    , sync_(sync)
    , agendaRows_({QStringLiteral("itemId"), QStringLiteral("title"), QStringLiteral("plannedText"),
                   QStringLiteral("itemState"), QStringLiteral("elapsedText"), QStringLiteral("startedBy"),
                   QStringLiteral("overTime")})
    , handRows_({QStringLiteral("accountId"), QStringLiteral("name"), QStringLiteral("role"),
                 QStringLiteral("position"), QStringLiteral("mine")})
{
    tick_.setInterval(kTickMs);
    connect(&tick_, &QTimer::timeout, this, [this] { refreshAgenda(wallNowMs()); });
    connect(&sync_, &sync::SyncWorker::liveAgendaChanged, this, [this](const sync::HubAgenda& agenda) {
        if (agenda.sessionId == sessionId_)
            applyAgenda(agenda);
    });
    connect(&sync_, &sync::SyncWorker::liveChatReceived, this, [this](const sync::HubChatMessage& message) {
        if (message.sessionId == sessionId_)
            applyChat(message);
    });
    connect(&sync_, &sync::SyncWorker::liveHandsChanged, this, [this](const sync::HubHands& hands) {
        if (hands.sessionId == sessionId_)
            applyHands(hands);
    });
    connect(&sync_, &sync::SyncWorker::liveMediaChanged, this, [this](const sync::HubMediaState& media) {
        if (media.sessionId == sessionId_)
            applyMedia({media.accountId, media.audioMuted, media.videoOff, media.audioOnly, media.atMs});
    });
    connect(&sync_, &sync::SyncWorker::liveModerated, this, [this](const sync::HubModeration& moderation) {
        if (moderation.sessionId == sessionId_)
            applyModeration(moderation.accountId, moderation.audioMutedByChair);
    });
    connect(&sync_, &sync::SyncWorker::liveRemoved, this, [this](const sync::HubRemoval& removal) {
        if (removal.sessionId == sessionId_)
            applyRemoval(removal);
    });
    connect(&sync_, &sync::SyncWorker::liveSocketChanged, this, [this](bool open) {
        eventsOpen_ = open;
        Q_EMIT eventsOpenChanged();
        // Chat and hands are not in /sync: what the socket missed is read again.
        if (open && active()) {
            fetchChatAfter(chat_.lastStoredId());
            fetchHands();
            fetchAgenda();
            fetchMedia();
        }
    });
    connect(&sync_, &sync::SyncWorker::accountChanged, this, [this] {
        chat_.setMyAccountId(sync_.account().accountId);
        Q_EMIT sessionChanged();
        Q_EMIT agendaChanged();
    });
    chat_.setMyAccountId(sync_.account().accountId);
}

bool LiveSessionModel::chair() const
{
    if (!active())
        return false;
    for (const sync::HubMembership& m : sync_.account().memberships)
        if ((agenda_.programmeId == 0 || m.programme.id == agenda_.programmeId)
            && (m.role == sync::HubRole::Specialist || m.role == sync::HubRole::Coordinator))
            return true;
    return false;
}

const sync::HubAgendaItem* LiveSessionModel::nextItem() const
{
    for (const sync::HubAgendaItem& item : agenda_.items)
        if (!item.startedMs)
            return &item;
    return nullptr;
}

QString LiveSessionModel::nextItemTitle() const
{
    const sync::HubAgendaItem* next = nextItem();
    return next ? next->title : QString();
}

bool LiveSessionModel::myHandRaised() const
{
    const std::int64_t me = sync_.account().accountId;
    return std::any_of(hands_.hands.begin(), hands_.hands.end(),
                       [me](const sync::HubRaisedHand& h) { return h.accountId == me; });
}

void LiveSessionModel::open(qint64 hubSessionId)
{
    if (hubSessionId == sessionId_)
        return;
    sessionId_ = hubSessionId;
    agenda_ = {};
    hands_ = {};
    agendaError_.clear();
    chatError_.clear();
    handsError_.clear();
    attestNotice_.clear();
    moderationNotice_.clear();
    moderationFailed_ = false;
    moderationBusy_ = false;
    busy_ = false;
    chat_.clear();
    people_.clearHub();
    handRows_.replace({});
    refreshAgenda(wallNowMs());
    Q_EMIT sessionChanged();
    Q_EMIT chatErrorChanged();
    Q_EMIT handsChanged();
    Q_EMIT attestChanged();
    Q_EMIT moderationChanged();
    if (!active()) {
        tick_.stop();
        return;
    }
    tick_.start();
    fetchAgenda();
    fetchChatAfter(0);
    fetchHands();
    fetchMedia();
}

// --- agenda ---------------------------------------------------------------

void LiveSessionModel::applyAgenda(const sync::HubAgenda& agenda)
{
    // An event and an answer may cross; the advance with the higher cursor is newer.
    if (agenda_.sessionId == agenda.sessionId && agenda.cursor != 0 && agenda.cursor < agenda_.cursor)
        return;
    agenda_ = agenda;
    refreshAgenda(wallNowMs());
    Q_EMIT sessionChanged(); // the programme, hence the chair, may be known only now
}

void LiveSessionModel::refreshAgenda(std::int64_t nowMs)
{
    std::vector<QVariantMap> rows;
    const sync::HubAgendaItem* running = nullptr;
    for (const sync::HubAgendaItem& item : agenda_.items) {
        const bool isRunning = agenda_.currentItemId && *agenda_.currentItemId == item.id;
        if (isRunning)
            running = &item;
        const std::int64_t elapsedMs =
            item.startedMs ? item.endedMs.value_or(isRunning ? nowMs : *item.startedMs) - *item.startedMs : 0;
        const QString state = isRunning ? QStringLiteral("running")
                                        : (item.startedMs ? QStringLiteral("done") : QStringLiteral("waiting"));
        rows.push_back({{QStringLiteral("itemId"), QVariant::fromValue(static_cast<qint64>(item.id))},
                        {QStringLiteral("title"), item.title},
                        {QStringLiteral("plannedText"), tr("%n min", nullptr, item.plannedMinutes)},
                        {QStringLiteral("itemState"), state},
                        {QStringLiteral("elapsedText"), item.startedMs ? minutesSeconds(elapsedMs) : QString()},
                        {QStringLiteral("startedBy"), item.startedByName},
                        {QStringLiteral("overTime"), elapsedMs > std::int64_t(item.plannedMinutes) * 60'000}});
    }
    agendaRows_.replace(std::move(rows));
    if (!active())
        agendaStatus_.clear();
    else if (agenda_.items.isEmpty())
        agendaStatus_ = tr("This session has no agenda.");
    else if (agenda_.endedMs)
        agendaStatus_ = tr("The session has ended.");
    else if (running)
        agendaStatus_ = tr("Now: %1, %2 of %n min", nullptr, running->plannedMinutes)
                            .arg(running->title, minutesSeconds(nowMs - running->startedMs.value_or(nowMs)));
    else
        agendaStatus_ = tr("Not started yet.");
    Q_EMIT agendaChanged();
}

void LiveSessionModel::fetchAgenda()
{
    QPointer<LiveSessionModel> self(this);
    const qint64 session = sessionId_;
    sync_.live(session, [self, session](sync::LiveSessionClient* client) -> sync::SyncWorker::LiveAnswer {
        if (!client)
            return [] {};
        auto agenda = client->fetchAgenda();
        return [self, session, agenda] {
            if (!self || self->sessionId_ != session)
                return;
            if (agenda)
                self->applyAgenda(*agenda);
            else
                self->setBusy(false, self->describe(agenda.error()));
        };
    });
}

void LiveSessionModel::startNextItem()
{
    if (const sync::HubAgendaItem* next = nextItem(); next && canStartNext())
        advance(false, next->id);
}

void LiveSessionModel::endSession()
{
    if (canEnd())
        advance(true, 0);
}

void LiveSessionModel::advance(bool end, std::int64_t itemId)
{
    setBusy(true);
    QPointer<LiveSessionModel> self(this);
    const qint64 session = sessionId_;
    sync_.live(session, [=](sync::LiveSessionClient* client) -> sync::SyncWorker::LiveAnswer {
        auto answer =
            !client ? sync::HubExpected<sync::HubAgenda>(sync::SyncError{sync::SyncErrorKind::NotSignedIn, 0, {}, {}})
                    : (end ? client->endSession() : client->startAgendaItem(itemId));
        return [self, session, answer] {
            if (!self || self->sessionId_ != session)
                return;
            if (answer) {
                self->setBusy(false);
                self->applyAgenda(*answer);
                return;
            }
            self->setBusy(false, self->describe(answer.error()));
            if (answer.error().httpStatus == 409)
                self->fetchAgenda(); // the hub's agenda, not ours, is what to show now
        };
    });
}

void LiveSessionModel::setBusy(bool busy, const QString& error)
{
    busy_ = busy;
    agendaError_ = error;
    Q_EMIT agendaChanged();
}

QString LiveSessionModel::describe(const sync::SyncError& error) const
{
    switch (error.kind) {
    case sync::SyncErrorKind::Conflict:
        return tr("The hub refused (409 Conflict): that item is no longer the next one, or the session is over. "
                  "The agenda shows where the session stands now.");
    case sync::SyncErrorKind::Forbidden:
        return tr("The hub refused (403): only the programme's specialists and coordinators may do this.");
    case sync::SyncErrorKind::NotSignedIn: return tr("Not signed in to a hub: sign in under Settings → Hub account.");
    case sync::SyncErrorKind::Offline:
    case sync::SyncErrorKind::Timeout: return tr("The hub cannot be reached. Check the network and try again.");
    default: return HubWording::describeSyncError(error, sync::SyncWorker::Operation::Sync);
    }
}

// --- chat -----------------------------------------------------------------

void LiveSessionModel::learn(std::int64_t accountId, const QString& name, const QString& roleLabel)
{
    if (accountId > 0)
        people_.learnAccount(accountId, name, roleLabel);
}

void LiveSessionModel::applyChat(const sync::HubChatMessage& message, const QString& key)
{
    const QString role = HubWording::hubRoleLabel(message.role);
    learn(message.authorId, message.authorName, role);
    chat_.addStored(message, role, key);
}

bool LiveSessionModel::sendChat(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (!active() || trimmed.isEmpty() || trimmed.size() > kMaxChatChars)
        return false;
    const QString key = sync::LiveSessionClient::newChatKey();
    chat_.addPending(key, sync_.account().name, trimmed, wallNowMs());
    sendKeyed(key, trimmed);
    return true;
}

void LiveSessionModel::retryChat(const QString& key)
{
    const QString text = chat_.pendingText(key);
    if (text.isEmpty())
        return;
    chat_.markSending(key);
    sendKeyed(key, text);
}

void LiveSessionModel::sendKeyed(const QString& key, const QString& text)
{
    QPointer<LiveSessionModel> self(this);
    const qint64 session = sessionId_;
    sync_.live(session, [=](sync::LiveSessionClient* client) -> sync::SyncWorker::LiveAnswer {
        auto answer =
            !client
                ? sync::HubExpected<sync::HubChatMessage>(sync::SyncError{sync::SyncErrorKind::NotSignedIn, 0, {}, {}})
                : client->sendChat(text, key);
        return [self, session, key, answer] {
            if (!self || self->sessionId_ != session)
                return;
            if (answer)
                self->applyChat(*answer, key);
            else
                self->chat_.markFailed(key, self->describe(answer.error()));
        };
    });
}

void LiveSessionModel::fetchChatAfter(std::int64_t afterId)
{
    QPointer<LiveSessionModel> self(this);
    const qint64 session = sessionId_;
    sync_.live(session, [=](sync::LiveSessionClient* client) -> sync::SyncWorker::LiveAnswer {
        QList<sync::HubChatMessage> messages;
        std::optional<sync::SyncError> failure;
        std::int64_t after = afterId;
        for (int page = 0; client && page < kMaxChatPages; ++page) {
            auto answer = client->fetchChat(after);
            if (!answer) {
                failure = answer.error();
                break;
            }
            messages += answer->messages;
            if (!answer->more || answer->messages.isEmpty())
                break;
            after = answer->messages.last().id;
        }
        return [self, session, messages, failure] {
            if (!self || self->sessionId_ != session)
                return;
            for (const sync::HubChatMessage& message : messages)
                self->applyChat(message);
            self->chatError_ = failure ? self->describe(*failure) : QString();
            Q_EMIT self->chatErrorChanged();
        };
    });
}

// --- hands ----------------------------------------------------------------

void LiveSessionModel::applyHands(const sync::HubHands& hands)
{
    hands_ = hands;
    const std::int64_t me = sync_.account().accountId;
    std::vector<QVariantMap> rows;
    std::vector<std::int64_t> queue;
    for (const sync::HubRaisedHand& hand : hands.hands) {
        learn(hand.accountId, hand.name, roleLabelOf(hand.role));
        queue.push_back(hand.accountId);
        rows.push_back({{QStringLiteral("accountId"), QVariant::fromValue(static_cast<qint64>(hand.accountId))},
                        {QStringLiteral("name"), hand.name},
                        {QStringLiteral("role"), roleLabelOf(hand.role)},
                        {QStringLiteral("position"), static_cast<int>(rows.size()) + 1},
                        {QStringLiteral("mine"), hand.accountId == me}});
    }
    handRows_.replace(std::move(rows));
    people_.setHands(queue);
    Q_EMIT handsChanged();
}

void LiveSessionModel::fetchHands()
{
    runHands([](sync::LiveSessionClient& client) { return client.fetchHands(); });
}

void LiveSessionModel::setMyHand(bool raised)
{
    runHands([raised](sync::LiveSessionClient& client) { return client.setMyHand(raised); });
}

void LiveSessionModel::lowerHand(qint64 accountId)
{
    runHands([accountId](sync::LiveSessionClient& client) { return client.lowerHandOf(accountId); });
}

// Every hands call answers the whole queue, which replaces ours.
void LiveSessionModel::runHands(std::function<sync::HubExpected<sync::HubHands>(sync::LiveSessionClient&)> call)
{
    if (!active())
        return;
    QPointer<LiveSessionModel> self(this);
    const qint64 session = sessionId_;
    sync_.live(session, [=](sync::LiveSessionClient* client) -> sync::SyncWorker::LiveAnswer {
        auto answer =
            !client ? sync::HubExpected<sync::HubHands>(sync::SyncError{sync::SyncErrorKind::NotSignedIn, 0, {}, {}})
                    : call(*client);
        return [self, session, answer] {
            if (!self || self->sessionId_ != session)
                return;
            self->handsError_ = answer ? QString() : self->describe(answer.error());
            if (answer)
                self->applyHands(*answer);
            else
                Q_EMIT self->handsChanged();
        };
    });
}

// --- people ---------------------------------------------------------------

void LiveSessionModel::followCall(CallModel* call)
{
    call_ = call;
    ParticipantModel* tiles = call->participants();
    const auto refresh = [this] { refreshPeople(); };
    connect(tiles, &QAbstractItemModel::dataChanged, this, refresh);
    connect(tiles, &QAbstractItemModel::rowsInserted, this, refresh);
    connect(tiles, &QAbstractItemModel::rowsRemoved, this, refresh);
    connect(tiles, &QAbstractItemModel::modelReset, this, refresh);
    connect(call, &CallModel::switchesChanged, this, refresh);
    connect(call, &CallModel::qualityChanged, this, refresh);
    connect(this, &LiveSessionModel::agendaChanged, this, refresh);
}

void LiveSessionModel::refreshPeople()
{
    if (!call_)
        return;
    LiveParticipantsModel::Self self;
    const sync::HubAccount& account = sync_.account();
    self.accountId = account.accountId;
    for (const sync::HubMembership& m : account.memberships)
        if (agenda_.programmeId == 0 || m.programme.id == agenda_.programmeId)
            self.roleLabel = HubWording::hubRoleLabel(m.role);
    self.muted = call_->muted();
    self.cameraOn = call_->cameraOn();
    self.audioOnly = call_->audioOnly();
    self.qualityText = call_->qualityText();
    if (self.accountId > 0)
        people_.learnAccount(self.accountId, account.name, self.roleLabel);
    // A hub join uses the hub's feed ids, which name their account.
    people_.setFeedsNameAccounts(call_->hubSession() > 0);
    QPointer<CallModel> call(call_);
    people_.setCall(call_->participants()->rows(), self,
                    [call](qint64 feedId) { return call ? call->feedQualityText(feedId) : QString(); });
}

void LiveSessionModel::applyMedia(const LiveParticipantsModel::MediaState& media)
{
    people_.applyMedia(media);
}

void LiveSessionModel::applyModeration(std::int64_t accountId, bool mutedByChair)
{
    people_.applyModeration(accountId, mutedByChair);
}

// --- the chair's controls ---------------------------------------------------

void LiveSessionModel::fetchMedia()
{
    QPointer<LiveSessionModel> self(this);
    const qint64 session = sessionId_;
    sync_.live(session, [self, session](sync::LiveSessionClient* client) -> sync::SyncWorker::LiveAnswer {
        if (!client)
            return [] {};
        auto states = client->fetchMedia();
        return [self, session, states] {
            if (!self || self->sessionId_ != session || !states)
                return;
            for (const sync::HubMediaState& m : *states)
                self->applyMedia({m.accountId, m.audioMuted, m.videoOff, m.audioOnly, m.atMs});
        };
    });
}

QString LiveSessionModel::nameOf(std::int64_t accountId) const
{
    for (const LiveParticipantsModel::Row& row : people_.rows())
        if (row.accountId == accountId)
            return row.name;
    return tr("this participant");
}

void LiveSessionModel::setMutedByChair(qint64 accountId, bool muted)
{
    const QString name = nameOf(accountId);
    runModeration(
        name,
        [accountId, muted](sync::LiveSessionClient& client) {
            auto answer = client.moderate(accountId, muted);
            return answer ? sync::SyncError{} : answer.error();
        },
        [this, accountId, muted, name] {
            people_.applyModeration(accountId, muted); // the event follows; the answer is already the truth
            return muted ? tr("%1 is muted for everyone. They still hear the session and can raise a hand.").arg(name)
                         : tr("%1 may speak again.").arg(name);
        });
}

void LiveSessionModel::removeParticipant(qint64 accountId)
{
    const QString name = nameOf(accountId);
    runModeration(
        name,
        [accountId](sync::LiveSessionClient& client) {
            auto answer = client.remove(accountId);
            return answer ? sync::SyncError{} : answer.error();
        },
        [name] { return tr("%1 was removed from the session and cannot join it again.").arg(name); });
}

void LiveSessionModel::runModeration(const QString& name, std::function<sync::SyncError(sync::LiveSessionClient&)> call,
                                     std::function<QString()> done)
{
    if (!active() || !chair() || moderationBusy_)
        return;
    moderationBusy_ = true;
    moderationFailed_ = false;
    moderationNotice_.clear();
    Q_EMIT moderationChanged();
    QPointer<LiveSessionModel> self(this);
    const qint64 session = sessionId_;
    sync_.live(session, [=](sync::LiveSessionClient* client) -> sync::SyncWorker::LiveAnswer {
        const sync::SyncError error =
            client ? call(*client) : sync::SyncError{sync::SyncErrorKind::NotSignedIn, 0, {}, {}};
        return [self, session, error, name, done] {
            if (!self || self->sessionId_ != session)
                return;
            self->moderationBusy_ = false;
            self->moderationFailed_ = !error.ok();
            if (error.ok())
                self->moderationNotice_ = done();
            else if (error.hubCode == QLatin1String("not_in_room"))
                self->moderationNotice_ = tr("%1 has no microphone in the call right now; nothing changed.").arg(name);
            else if (error.hubCode == QLatin1String("media_unavailable"))
                self->moderationNotice_ = tr("The hub's media server did not answer; nothing changed. Try again.");
            else if (error.kind == sync::SyncErrorKind::Conflict)
                self->moderationNotice_ = tr("The session is over; nothing changed.");
            else
                self->moderationNotice_ = self->describe(error);
            Q_EMIT self->moderationChanged();
        };
    });
}

void LiveSessionModel::applyRemoval(const sync::HubRemoval& removal)
{
    if (removal.accountId == sync_.account().accountId)
        return; // the call says it, and ends
    moderationNotice_ = tr("%1 removed %2 from the session.").arg(removal.byName, nameOf(removal.accountId));
    moderationFailed_ = false;
    Q_EMIT moderationChanged();
}

void LiveSessionModel::attest(const QString& names)
{
    QStringList list;
    for (const QString& part : names.split(QRegularExpression(QStringLiteral("[\\n,;]")), Qt::SkipEmptyParts))
        if (const QString name = part.trimmed(); !name.isEmpty())
            list.append(name);
    if (!active() || list.isEmpty())
        return;
    QPointer<LiveSessionModel> self(this);
    const qint64 session = sessionId_;
    const std::int64_t me = sync_.account().accountId;
    sync_.live(session, [=](sync::LiveSessionClient* client) -> sync::SyncWorker::LiveAnswer {
        auto answer = !client
                          ? sync::HubExpected<QStringList>(sync::SyncError{sync::SyncErrorKind::NotSignedIn, 0, {}, {}})
                          : client->attestPresent(list, me);
        return [self, session, answer] {
            if (!self || self->sessionId_ != session)
                return;
            self->attestNotice_ = answer ? tr("The hub has %n person(s) present with this device: %1", nullptr,
                                              static_cast<int>(answer->size()))
                                               .arg(answer->join(QStringLiteral(", ")))
                                         : self->describe(answer.error());
            Q_EMIT self->attestChanged();
        };
    });
}

} // namespace spoke::ui
