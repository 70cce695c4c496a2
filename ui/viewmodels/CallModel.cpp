#include "viewmodels/CallModel.h"
#include "viewmodels/Formatting.h"

#include "call/Publisher.h"
#include "util/Clock.h"
#include "viewmodels/CallEventText.h"
#include "viewmodels/VideoView.h"

#include "sync/LiveSessionClient.h"
#include "sync/SyncWorker.h"

#include <QNetworkInterface>
#include <QPointer>
#include <QSettings>

#include <algorithm>

namespace spoke::ui {

namespace {

constexpr int kTickMs = 250;
constexpr std::int64_t kQualityWindowMs = 10'000;
constexpr std::int64_t kSpeakingHoldMs = 400; // the ring stays lit between syllables
constexpr std::int64_t kSilentMutedMs = 1200; // silence or no sound this long reads as muted
constexpr std::int64_t kNoPictureMs = 1500; // no picture this long reads as camera off
constexpr std::int64_t kStallMs = 3000; // nothing from anyone this long: the link dropped
constexpr int kAccountWaitMs = 5000; // a practice run's join waits this long for the hub account
// docs/hub-api.md "Media": feed ids are ACCOUNT*1000 + 2*SLOT (screen + 1).
constexpr quint64 kFeedsPerAccount = 1000;

bool recent(std::int64_t atMs, std::int64_t nowMs, std::int64_t withinMs)
{
    return atMs >= 0 && nowMs - atMs <= withinMs;
}

} // namespace

CallModel::CallModel(QObject* parent) : QObject(parent), router_(std::make_shared<CallMediaRouter>())
{
    qRegisterMetaType<spoke::ui::CallSnapshot>();
    serverUrl_ = QSettings().value(QStringLiteral("call/serverUrl")).toUrl();
    caFile_ = QSettings().value(QStringLiteral("call/caCertificatesPath")).toString();
    // The practice and screenshot override (see the class comment); a
    // normal join reads none of these.
    if (qEnvironmentVariable("SPOKE_PRACTICE") == QLatin1String("1")) {
        const QUrl practiceServer(qEnvironmentVariable("SPOKE_JANUS_WS"));
        const qint64 practiceHubSession = qEnvironmentVariable("SPOKE_HUB_SESSION").toLongLong();
        if (practiceServer.isValid() && !practiceServer.isEmpty()) {
            serverUrl_ = practiceServer;
            bool ok = false;
            const quint64 room = qEnvironmentVariable("SPOKE_JANUS_ROOM").toULongLong(&ok);
            if (ok && room > 0)
                room_ = room;
            practice_ = true;
        } else if (practiceHubSession > 0) {
            hubSessionId_ = practiceHubSession;
            practice_ = true;
        }
        iceInterface_ = qEnvironmentVariable("SPOKE_ICE_IFACE");
        displayName_ = qEnvironmentVariable("SPOKE_DISPLAY_NAME", tr("Practice clinic"));
    }
    tick_.setInterval(kTickMs);
    connect(&tick_, &QTimer::timeout, this, &CallModel::refreshParticipants);
}

CallModel::~CallModel()
{
    stopThread();
    router_->detachAll();
}

QString CallModel::defaultIceInterface()
{
    for (const QNetworkInterface& iface : QNetworkInterface::allInterfaces()) {
        const auto flags = iface.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning)
            || flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry& entry : iface.addressEntries()) {
            if (entry.ip().protocol() == QAbstractSocket::IPv4Protocol)
                return iface.name();
        }
    }
    return {};
}

void CallModel::setHub(sync::SyncWorker* sync)
{
    sync_ = sync;
    if (!sync_)
        return;
    connect(sync_, &sync::SyncWorker::liveMediaChanged, this, &CallModel::applyHubMedia);
    connect(sync_, &sync::SyncWorker::liveModerated, this, &CallModel::applyModeration);
    connect(sync_, &sync::SyncWorker::liveRemoved, this, &CallModel::applyRemoval);
}

void CallModel::setCaFile(const QString& path)
{
    if (path == caFile_)
        return;
    caFile_ = path;
    QSettings().setValue(QStringLiteral("call/caCertificatesPath"), caFile_);
    Q_EMIT serverChanged();
}

void CallModel::setServerUrl(const QString& url)
{
    const QUrl parsed(url.trimmed());
    if (parsed == serverUrl_)
        return;
    serverUrl_ = parsed;
    QSettings().setValue(QStringLiteral("call/serverUrl"), serverUrl_);
    Q_EMIT serverChanged();
}

QString CallModel::statusText() const
{
    switch (state_) {
    case State::Idle: return {};
    case State::Connecting: return tr("Connecting…");
    case State::InSession: return tr("In session");
    case State::Reconnecting: return tr("Reconnecting…");
    case State::Left: return tr("You left the session");
    case State::Error: return tr("Could not join the session");
    }
    return {};
}

QString CallModel::qualityText() const
{
    return levelText(verdict_.level);
}

QString CallModel::levelText(CallQualityLevel level)
{
    switch (level) {
    case CallQualityLevel::Unknown: return tr("Measuring…");
    case CallQualityLevel::Good: return tr("Good");
    case CallQualityLevel::Fair: return tr("Fair");
    case CallQualityLevel::Poor: return tr("Poor");
    }
    return {};
}

void CallModel::setState(State state, const QString& error)
{
    if (state == state_ && error == errorText_)
        return;
    reportAttendance(state_, state);
    state_ = state;
    errorText_ = error;
    if (inCall())
        tick_.start();
    else
        tick_.stop();
    Q_EMIT stateChanged();
}

// Entering the room and ending the call are this device's attendance
// (docs/hub-api.md "Attendance"); a reconnect inside the call is neither.
void CallModel::reportAttendance(State from, State to)
{
    if (!sync_ || hubSessionId_ <= 0)
        return;
    const bool wasIn = from == State::InSession || from == State::Reconnecting;
    const bool isIn = to == State::InSession || to == State::Reconnecting;
    if (wasIn == isIn)
        return;
    sync_->reportAttendance(hubSessionId_, isIn ? sync::AttendanceEvent::Join : sync::AttendanceEvent::Leave,
                            util::unixNowMs());
}

void CallModel::joinHubSession(qint64 hubSessionId, const QString& title)
{
    if (inCall())
        return;
    hubSessionId_ = hubSessionId;
    join(title);
}

void CallModel::join(const QString& title)
{
    if (inCall())
        return;
    stopThread();
    title_ = title;
    last_ = {};
    window_.clear();
    verdict_ = {};
    qualityDetails_.clear();
    signallingDown_ = false;
    mediaStalled_ = false;
    tokenRetried_ = false;
    removed_ = false;
    mutedByChair_ = false;
    chairNotice_.clear();
    hubMedia_.clear();
    chairMuted_.clear();
    ++joinAttempt_;
    Q_EMIT qualityChanged();
    Q_EMIT switchesChanged();
    if (hubSessionId_ > 0 && sync_) {
        setState(State::Connecting);
        refreshParticipants();
        requestJoinInfo();
        return;
    }
    if (!serverUrl_.isValid() || !serverUrl_.scheme().startsWith(QLatin1String("ws"))) {
        setState(State::Error, tr("No session server is set up on this laptop. Ask your hub for the session "
                                  "address (it starts with wss://)."));
        return;
    }
    call::CallOptions options = baseOptions();
    if (options.iceInterface.empty() && defaultIceInterface().isEmpty()) {
        setState(State::Error, tr("This laptop has no network connection to carry the call. Connect to a network "
                                  "and try again."));
        return;
    }
    options.janusUrl = serverUrl_;
    options.room = room_;
    // The account's name when signed in to a hub, as a hub join has it.
    if (displayName_.isEmpty() && sync_)
        displayName_ = sync_->account().name;
    options.display = displayName_.isEmpty() ? tr("Spoke clinic") : displayName_;
    startCall(std::move(options), std::nullopt);
}

call::CallOptions CallModel::baseOptions() const
{
    call::CallOptions options;
    // A practice session (or a test) pins ICE to one interface: Janus in a
    // namespace sees only that one. Otherwise every usable interface is gathered.
    if (!iceInterface_.isEmpty())
        options.iceInterface = iceInterface_.toStdString();
    else if (practice_)
        options.iceInterface = defaultIceInterface().toStdString();
    // Plain ws:// beyond loopback only for a practice session (CallOptions::allowPlainWs).
    options.allowPlainWs = practice_;
    options.caCertificatesPath = caFile_;
    options.tap = router_;
    options.startMuted = muted_;
    options.startCameraOn = cameraOn_;
    options.audioOnly = audioOnly_;
    options.receiveVideo = receiveVideo_;
    return options;
}

void CallModel::requestJoinInfo()
{
    // At start-up (a practice run) the hub worker may not have read the
    // account yet: wait for it once per join, a few seconds at most.
    if (!sync_->account().signedIn && accountWaitAttempt_ != joinAttempt_) {
        accountWaitAttempt_ = joinAttempt_;
        const int attempt = joinAttempt_;
        const auto resume = [this, attempt] {
            if (!waitForAccount_)
                return; // the other of the two fired first
            disconnect(waitForAccount_);
            waitForAccount_ = {};
            if (attempt == joinAttempt_ && state_ == State::Connecting && !worker_)
                requestJoinInfo();
        };
        waitForAccount_ = connect(sync_, &sync::SyncWorker::accountChanged, this, [this, resume] {
            if (sync_->account().signedIn)
                resume();
        });
        QTimer::singleShot(kAccountWaitMs, this, resume);
        return;
    }
    QPointer<CallModel> self(this);
    const int attempt = joinAttempt_;
    sync_->fetchJoinInfo(hubSessionId_, [self, attempt](const sync::HubExpected<sync::JoinInfo>& info) {
        if (self)
            self->onJoinInfo(attempt, info);
    });
}

void CallModel::onJoinInfo(int attempt, const sync::HubExpected<sync::JoinInfo>& info)
{
    // Left, or joined again, while the hub answered: not this join's.
    if (attempt != joinAttempt_ || state_ != State::Connecting || worker_)
        return;
    if (!info) {
        qInfo("join info refused: %s", qPrintable(info.error().detail));
        const sync::JoinInfoRefusal refusal = sync::classifyJoinInfoError(info.error());
        removed_ = refusal == sync::JoinInfoRefusal::RemovedByChair;
        setState(State::Error, joinRefusalText(refusal));
        return;
    }
    displayName_ = info->display;
    startCall(baseOptions(), *info);
}

QString CallModel::joinRefusalText(sync::JoinInfoRefusal refusal) const
{
    switch (refusal) {
    case sync::JoinInfoRefusal::RemovedByChair: return tr("The chair removed you from this session.");
    case sync::JoinInfoRefusal::SessionOver: return tr("This session is over. The chair has ended it.");
    case sync::JoinInfoRefusal::MediaUnavailable:
        return tr("The hub has no media server available for the call right now. Try again in a few minutes, or "
                  "tell the hub's coordinator.");
    case sync::JoinInfoRefusal::NotSignedIn:
        return tr("Not signed in to the hub. Sign in under Settings → Hub account, then join again.");
    case sync::JoinInfoRefusal::NoSuchSession:
        return tr("The hub does not know this session any more. It may have been cancelled.");
    case sync::JoinInfoRefusal::Unreachable:
        return tr("The hub cannot be reached to join the session. Check your network connection and try again.");
    case sync::JoinInfoRefusal::Other: break;
    }
    return tr("The hub did not give what is needed to join this session. Try again, or tell the hub's coordinator.");
}

void CallModel::startCall(call::CallOptions options, std::optional<sync::JoinInfo> join)
{
    thread_ = new QThread;
    thread_->setObjectName(QStringLiteral("call"));
    if (!mediaNotice_.isEmpty()) {
        mediaNotice_.clear();
        Q_EMIT mediaNoticeChanged();
    }
    const bool fromHub = join.has_value();
    worker_ = new CallWorker(std::move(options), preferences_.load(), std::move(join));
    worker_->moveToThread(thread_);
    connect(worker_, &CallWorker::inSession, this, [this, fromHub] {
        if (state_ == State::Connecting || state_ == State::Reconnecting)
            setState(State::InSession);
        if (fromHub)
            reportMedia(); // everyone sees our switches from the start
    });
    // A laptop with neither microphone nor speaker has two things to say;
    // the second must not hide the first. Each is said once.
    connect(worker_, &CallWorker::mediaWarning, this, [this](const call::CallEvent& event) {
        const QString why = CallEventText::describe(event);
        if (mediaNotice_.split(QLatin1Char('\n')).contains(why))
            return;
        mediaNotice_ = mediaNotice_.isEmpty() ? why : mediaNotice_ + QLatin1Char('\n') + why;
        Q_EMIT mediaNoticeChanged();
    });
    connect(worker_, &CallWorker::reconnecting, this, [this](const QString&) {
        signallingDown_ = true;
        if (state_ == State::InSession)
            setState(State::Reconnecting);
    });
    connect(worker_, &CallWorker::reconnected, this, [this] {
        signallingDown_ = false;
        if (state_ == State::Reconnecting && !mediaStalled_)
            setState(State::InSession);
    });
    connect(worker_, &CallWorker::failed, this, &CallModel::onFailed);
    connect(worker_, &CallWorker::left, this, [this] {
        stopThread();
        if (removed_)
            setState(State::Error, tr("The chair removed you from this session."));
        else
            setState(State::Left);
        refreshParticipants();
    });
    connect(worker_, &CallWorker::snapshot, this, &CallModel::onSnapshot);
    thread_->start();
    QMetaObject::invokeMethod(worker_, &CallWorker::start, Qt::QueuedConnection);
    setState(State::Connecting);
    refreshParticipants();
}

void CallModel::leave()
{
    ++joinAttempt_; // a join info still on its way starts nothing
    if (!worker_) {
        if (inCall() && removed_)
            setState(State::Error, tr("The chair removed you from this session."));
        else if (inCall())
            setState(State::Left);
        return;
    }
    QMetaObject::invokeMethod(worker_, &CallWorker::leave, Qt::QueuedConnection);
}

void CallModel::dismiss()
{
    if (inCall())
        return;
    stopThread();
    setState(State::Idle);
    participants_.update({});
}

void CallModel::setMuted(bool muted)
{
    // Janus drops our audio while the chair's mute holds (docs/hub-api.md
    // "Media"): unmuting here would only pretend, so it is refused and said.
    if (!muted && mutedByChair_) {
        chairNotice_ = tr("The chair has muted you. Raise your hand to ask to speak.");
        Q_EMIT switchesChanged();
        return;
    }
    if (muted_ == muted)
        return;
    muted_ = muted;
    if (worker_)
        QMetaObject::invokeMethod(
            worker_, [worker = worker_, muted] { worker->setMuted(muted); }, Qt::QueuedConnection);
    Q_EMIT switchesChanged();
    refreshParticipants();
    reportMedia();
}

void CallModel::setCameraOn(bool on)
{
    if (cameraOn_ == on)
        return;
    cameraOn_ = on;
    if (worker_)
        QMetaObject::invokeMethod(
            worker_, [worker = worker_, on] { worker->setCameraOn(on); }, Qt::QueuedConnection);
    Q_EMIT switchesChanged();
    refreshParticipants();
    reportMedia();
}

void CallModel::setAudioOnly(bool on)
{
    if (audioOnly_ == on)
        return;
    audioOnly_ = on;
    if (worker_)
        QMetaObject::invokeMethod(
            worker_, [worker = worker_, on] { worker->setAudioOnly(on); }, Qt::QueuedConnection);
    Q_EMIT switchesChanged();
    refreshParticipants();
    reportMedia();
}

void CallModel::setReceiveVideo(bool on)
{
    if (receiveVideo_ == on)
        return;
    receiveVideo_ = on;
    if (worker_)
        QMetaObject::invokeMethod(
            worker_, [worker = worker_, on] { worker->setReceiveVideo(on); }, Qt::QueuedConnection);
    Q_EMIT switchesChanged();
    refreshParticipants();
}

// Our switches as the hub shows them to everyone (POST …/media), in order
// on the sync thread; only while in a hub session's call.
void CallModel::reportMedia()
{
    if (!sync_ || hubSessionId_ <= 0 || !worker_ || state_ == State::Connecting)
        return;
    const bool audioMuted = muted_;
    const bool videoOff = !cameraOn_;
    const bool audioOnly = audioOnly_;
    sync_->live(hubSessionId_, [=](sync::LiveSessionClient* client) -> sync::SyncWorker::LiveAnswer {
        if (!client)
            return [] {};
        const auto answer = client->reportMedia(audioMuted, videoOff, audioOnly);
        if (!answer)
            qInfo("media state not reported: %s", qPrintable(answer.error().detail));
        return [] {};
    });
}

void CallModel::applyHubMedia(const sync::HubMediaState& media)
{
    if (media.sessionId != hubSessionId_ || hubSessionId_ <= 0)
        return;
    auto& known = hubMedia_[media.accountId];
    if (known.atMs <= media.atMs) // events may cross; the newest word wins
        known = media;
    refreshParticipants();
}

void CallModel::applyModeration(const sync::HubModeration& moderation)
{
    if (moderation.sessionId != hubSessionId_ || hubSessionId_ <= 0)
        return;
    if (!sync_ || moderation.accountId != sync_->account().accountId) {
        chairMuted_[moderation.accountId] = moderation.audioMutedByChair;
        refreshParticipants();
        return;
    }
    mutedByChair_ = moderation.audioMutedByChair;
    if (mutedByChair_) {
        chairNotice_ = tr("The chair has muted you. Raise your hand to ask to speak.");
        setMuted(true); // our switch says what Janus does
    } else {
        // Our own mute stays on: speaking again is the user's choice.
        chairNotice_ = tr("The chair has let you speak. Unmute when you are ready.");
    }
    Q_EMIT switchesChanged();
    refreshParticipants();
}

void CallModel::applyRemoval(const sync::HubRemoval& removal)
{
    if (removal.sessionId != hubSessionId_ || hubSessionId_ <= 0 || !sync_
        || removal.accountId != sync_->account().accountId)
        return;
    removed_ = true;
    if (inCall()) {
        leave();
        return;
    }
    // Janus' kick may have ended the call before the hub's event came:
    // the reason is the chair's, not the network's.
    if (state_ == State::Error || state_ == State::Left)
        setState(State::Error, tr("The chair removed you from this session."));
}

QString CallModel::dataUsedText() const
{
    // Decimal megabytes, as a mobile operator bills them.
    return tr("%1 MB used this session").arg(formatDecimal(static_cast<double>(bytesUsed()) / 1e6, 1));
}

QString CallModel::dataRateText() const
{
    return tr("%1 kbit/s now").arg(formatInteger((last_.sendBps + last_.receiveBps) / 1000));
}

QString CallModel::feedQualityText(qint64 feedId) const
{
    const auto it = feedQuality_.find(static_cast<quint64>(feedId));
    return it == feedQuality_.end() ? QString() : it->second;
}

void CallModel::attachView(const QString& feedId, VideoView* view)
{
    bool ok = false;
    const quint64 id = feedId.toULongLong(&ok);
    if (view && ok)
        router_->attach(id, view);
}

void CallModel::detachView(const QString& feedId, VideoView* view)
{
    bool ok = false;
    const quint64 id = feedId.toULongLong(&ok);
    if (view && ok)
        router_->detach(id, view);
}

void CallModel::onFailed(CallWorker::Failure kind, const call::CallFailure& why)
{
    stopThread();
    // A token Janus does not take (the hub re-created the room, or ours
    // was replaced): fresh join info once, then the truth.
    if (kind == CallWorker::Failure::NotAuthorized && hubSessionId_ > 0 && sync_ && !tokenRetried_) {
        qInfo("call: Janus refused our token (%s); asking the hub again", qPrintable(call::describeCallFailure(why)));
        tokenRetried_ = true;
        ++joinAttempt_;
        setState(State::Connecting);
        requestJoinInfo();
        return;
    }
    QString message;
    switch (kind) {
    case CallWorker::Failure::NotAuthorized:
        message = hubSessionId_ > 0 ? tr("The session room did not accept this laptop's pass, even a fresh one from "
                                         "the hub. Tell the chair or the hub's coordinator.")
                                    : tr("The session room is protected and this laptop has no pass for it.");
        break;
    case CallWorker::Failure::IceServers:
        message = tr("The hub's relay server for calls could not be found. Check your network connection and try "
                     "again.");
        break;
    case CallWorker::Failure::Unreachable:
        message = hubSessionId_ > 0
                      ? tr("The session's media server cannot be reached. Check your network connection and try "
                           "again.")
                      : tr("The session server at %1 cannot be reached. Check your network connection, or ask your "
                           "hub whether the session address is right.")
                            .arg(serverUrl_.toString());
        break;
    case CallWorker::Failure::RoomRefused:
        if (hubSessionId_ > 0) {
            message = tr("The media server has no room for this session. The session may have ended; try again in "
                         "a minute.");
            break;
        }
        message = CallEventText::describe(why);
        break;
    case CallWorker::Failure::Lost: message = CallEventText::describe(why); break;
    }
    qInfo("call failed (%s): %s", call::callFailureName(why.kind), qPrintable(call::describeCallFailure(why)));
    setState(State::Error, message);
    refreshParticipants();
}

void CallModel::onSnapshot(const CallSnapshot& snapshot)
{
    last_ = snapshot;
    const std::int64_t nowMs = util::steadyNowMs();
    window_.push_back({nowMs, snapshot});
    while (window_.size() > 1 && nowMs - window_.front().atMs > kQualityWindowMs)
        window_.pop_front();
    refreshQuality();
    refreshParticipants();
}

void CallModel::refreshParticipants()
{
    std::vector<ParticipantModel::Participant> rows;
    if (!inCall()) {
        participants_.update(rows);
        return;
    }
    const std::int64_t nowMs = util::steadyNowMs();
    ParticipantModel::Participant self;
    self.feedId = CallMediaRouter::kSelf;
    self.name = displayName_;
    self.isSelf = true;
    self.muted = muted();
    self.cameraOn = cameraOn() && !audioOnly_;
    const auto own = router_->activity(CallMediaRouter::kSelf);
    self.speaking = !self.muted && recent(own.lastLoudMs, nowMs, kSpeakingHoldMs);
    self.level = self.muted ? 0 : own.level;
    rows.push_back(self);

    bool anyMedia = false;
    bool anyRecent = false;
    for (const CallFeedSnapshot& feed : last_.feeds) {
        const auto a = router_->activity(feed.feedId);
        ParticipantModel::Participant p;
        p.feedId = static_cast<qint64>(feed.feedId);
        p.name = feed.display.isEmpty() ? tr("Participant %1").arg(feed.feedId) : feed.display;
        p.muted = !recent(a.lastAudibleMs, nowMs, kSilentMutedMs);
        p.cameraOn = recent(a.lastVideoMs, nowMs, kNoPictureMs);
        // In a hub session each feed names its account, and the account's
        // own report (or the chair's mute) says what the media cannot.
        if (hubSessionId_ > 0) {
            const auto account = static_cast<std::int64_t>(feed.feedId / kFeedsPerAccount);
            if (const auto it = hubMedia_.find(account); it != hubMedia_.end()) {
                p.muted = it->second.audioMuted;
                p.cameraOn = !it->second.videoOff && !it->second.audioOnly;
            }
            if (const auto it = chairMuted_.find(account); it != chairMuted_.end() && it->second)
                p.muted = true;
        }
        p.speaking = recent(a.lastLoudMs, nowMs, kSpeakingHoldMs);
        p.level = p.muted ? 0 : a.level;
        p.screenShare = feed.screenShare;
        rows.push_back(p);
        const std::int64_t lastMs = std::max(a.lastAudioMs, a.lastVideoMs);
        anyMedia = anyMedia || lastMs >= 0;
        anyRecent = anyRecent || recent(lastMs, nowMs, kStallMs);
    }
    participants_.update(rows);

    // Everyone silent on the wire at once is our link, not theirs.
    mediaStalled_ = anyMedia && !anyRecent;
    if (state_ == State::InSession && mediaStalled_)
        setState(State::Reconnecting);
    else if (state_ == State::Reconnecting && !mediaStalled_ && !signallingDown_)
        setState(State::InSession);
}

void CallModel::refreshQuality()
{
    CallQualityInputs in;
    in.windowSeconds = static_cast<int>(kQualityWindowMs / 1000);
    in.sendingVideo = cameraOn() && !audioOnly_;
    in.sendBitrateBps = last_.sendBitrateBps;
    const CallSnapshot& oldest = window_.front().snapshot;
    const CallSnapshot& newest = window_.back().snapshot;
    std::uint64_t packets = 0;
    std::uint64_t lost = 0;
    feedQuality_.clear();
    for (const CallFeedSnapshot& now : newest.feeds) {
        const auto before = std::find_if(oldest.feeds.begin(), oldest.feeds.end(),
                                         [&](const CallFeedSnapshot& f) { return f.feedId == now.feedId; });
        const CallFeedSnapshot zero;
        const CallFeedSnapshot& then = before == oldest.feeds.end() ? zero : *before;
        auto delta = [](std::uint64_t a, std::uint64_t b) { return a > b ? a - b : 0; };
        const std::uint64_t feedPackets =
            delta(now.videoPackets, then.videoPackets) + delta(now.audioPackets, then.audioPackets);
        const std::uint64_t feedLost = delta(now.videoLost, then.videoLost) + delta(now.audioLost, then.audioLost);
        // Each participant's own verdict from what arrived from them (the
        // People panel): the same thresholds, without our send rate.
        CallQualityInputs feedIn;
        feedIn.windowSeconds = in.windowSeconds;
        feedIn.sendingVideo = false;
        feedIn.delayMs = now.delayMs;
        feedIn.freezes = static_cast<int>(delta(now.freezes, then.freezes));
        if (feedPackets + feedLost > 0) {
            const double percent = 100.0 * static_cast<double>(feedLost) / static_cast<double>(feedPackets + feedLost);
            in.lossPercent = std::max(in.lossPercent, percent);
            feedIn.lossPercent = percent;
            const CallQualityVerdict feedVerdict = judgeCallQuality(feedIn);
            // Good shows its loss; Fair and Poor show what made them so.
            feedQuality_[now.feedId] =
                feedVerdict.level == CallQualityLevel::Good
                    ? tr("%1 (%2 % lost)").arg(levelText(feedVerdict.level), formatDecimal(percent, 1))
                    : tr("%1 (%2)").arg(levelText(feedVerdict.level), feedVerdict.reason);
        }
        packets += feedPackets;
        lost += feedLost;
        in.freezes += static_cast<int>(delta(now.freezes, then.freezes));
        in.delayMs = std::max(in.delayMs, now.delayMs);
    }
    verdict_ = judgeCallQuality(in);

    QStringList lines;
    lines << (packets + lost > 0 ? tr("Packets lost: %1 % (worst participant, last %2 s)")
                                       .arg(formatDecimal(in.lossPercent, 1))
                                       .arg(in.windowSeconds)
                                 : tr("Packets lost: nothing received yet"));
    lines << (in.delayMs >= 0 ? tr("Picture delay: %1 ms").arg(formatInteger(static_cast<std::int64_t>(in.delayMs)))
                              : tr("Picture delay: not measured"));
    lines << tr("Picture freezes: %1 in the last %2 s").arg(in.freezes).arg(in.windowSeconds);
    lines << (in.sendBitrateBps >= 0 ? tr("Sending: %1 kbit/s").arg(formatInteger(in.sendBitrateBps / 1000))
                                     : tr("Sending: starting"));
    qualityDetails_ = lines.join(QLatin1Char('\n'));
    Q_EMIT qualityChanged();
}

void CallModel::stopThread()
{
    if (!thread_)
        return;
    if (worker_ && thread_->isRunning())
        QMetaObject::invokeMethod(worker_, &CallWorker::shutdown, Qt::BlockingQueuedConnection);
    thread_->quit();
    thread_->wait();
    delete worker_;
    worker_ = nullptr;
    delete thread_;
    thread_ = nullptr;
}

} // namespace spoke::ui
