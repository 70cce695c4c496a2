#include "viewmodels/CallModel.h"

#include "call/Publisher.h"
#include "util/Clock.h"
#include "viewmodels/VideoView.h"

#include <QNetworkInterface>
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

bool recent(std::int64_t atMs, std::int64_t nowMs, std::int64_t withinMs)
{
    return atMs >= 0 && nowMs - atMs <= withinMs;
}

} // namespace

CallModel::CallModel(QObject* parent) : QObject(parent), router_(std::make_shared<CallMediaRouter>())
{
    qRegisterMetaType<spoke::ui::CallSnapshot>();
    serverUrl_ = QUrl(qEnvironmentVariable("SPOKE_JANUS_WS"));
    if (serverUrl_.isEmpty())
        serverUrl_ = QSettings().value(QStringLiteral("call/serverUrl")).toUrl();
    bool ok = false;
    const quint64 room = qEnvironmentVariable("SPOKE_JANUS_ROOM").toULongLong(&ok);
    if (ok && room > 0)
        room_ = room;
    iceInterface_ = qEnvironmentVariable("SPOKE_ICE_IFACE");
    displayName_ = qEnvironmentVariable("SPOKE_DISPLAY_NAME", tr("Rural clinic"));
    practice_ = qEnvironmentVariable("SPOKE_PRACTICE") == QLatin1String("1") && serverUrl_.isValid();
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
    switch (verdict_.level) {
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
    state_ = state;
    errorText_ = error;
    if (inCall())
        tick_.start();
    else
        tick_.stop();
    Q_EMIT stateChanged();
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
    Q_EMIT qualityChanged();
    if (!serverUrl_.isValid() || !serverUrl_.scheme().startsWith(QLatin1String("ws"))) {
        setState(State::Error, tr("No session server is set up on this laptop. Ask your hub for the session "
                                  "address (it starts with wss://)."));
        return;
    }
    QString iface = iceInterface_.isEmpty() ? defaultIceInterface() : iceInterface_;
    if (iface.isEmpty()) {
        setState(State::Error, tr("This laptop has no network connection to carry the call. Connect to a network "
                                  "and try again."));
        return;
    }

    call::CallOptions options;
    options.janusUrl = serverUrl_;
    options.room = room_;
    options.display = displayName_;
    options.iceInterface = iface.toStdString();
    // Plain ws:// beyond loopback only for a practice session (CallOptions::allowPlainWs).
    options.allowPlainWs = practice_;
    options.tap = router_;
    options.startMuted = muted_;
    options.startCameraOn = cameraOn_;
    options.audioOnly = audioOnly_;
    options.receiveVideo = receiveVideo_;

    thread_ = new QThread;
    thread_->setObjectName(QStringLiteral("call"));
    if (!mediaNotice_.isEmpty()) {
        mediaNotice_.clear();
        Q_EMIT mediaNoticeChanged();
    }
    worker_ = new CallWorker(std::move(options), preferences_.load());
    worker_->moveToThread(thread_);
    connect(worker_, &CallWorker::inSession, this, [this] {
        if (state_ == State::Connecting || state_ == State::Reconnecting)
            setState(State::InSession);
    });
    // A laptop with neither microphone nor speaker has two things to say;
    // the second must not hide the first. Each is said once.
    connect(worker_, &CallWorker::mediaWarning, this, [this](const QString& why) {
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
    if (!worker_) {
        if (inCall())
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
    if (muted_ == muted)
        return;
    muted_ = muted;
    if (worker_)
        QMetaObject::invokeMethod(
            worker_, [worker = worker_, muted] { worker->setMuted(muted); }, Qt::QueuedConnection);
    Q_EMIT switchesChanged();
    refreshParticipants();
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

QString CallModel::dataUsedText() const
{
    // Decimal megabytes, as a mobile operator bills them.
    return tr("%1 MB used this session").arg(static_cast<double>(bytesUsed()) / 1e6, 0, 'f', 1);
}

QString CallModel::dataRateText() const
{
    return tr("%1 kbit/s now").arg((last_.sendBps + last_.receiveBps) / 1000);
}

QString CallModel::feedQualityText(qint64 feedId) const
{
    const auto it = feedLossPercent_.find(static_cast<quint64>(feedId));
    if (it == feedLossPercent_.end())
        return {};
    return tr("%1 % lost").arg(it->second, 0, 'f', 1);
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

void CallModel::onFailed(CallWorker::Failure kind, const QString& detail)
{
    stopThread();
    QString message;
    switch (kind) {
    case CallWorker::Failure::Unreachable:
        message = tr("The session server at %1 cannot be reached. Check your network connection, or ask your hub "
                     "whether the session address is right.")
                      .arg(serverUrl_.toString());
        break;
    case CallWorker::Failure::RoomRefused:
        message = detail.contains(QLatin1String("No such room"), Qt::CaseInsensitive)
                      ? tr("The session room %1 does not exist on the server. The session may have ended, or the "
                           "address may be out of date.")
                            .arg(room_)
                      : tr("The server did not let us into session room %1.").arg(room_);
        break;
    case CallWorker::Failure::Lost:
        message = tr("The connection to the session was lost and could not be restored.");
        break;
    }
    qInfo("call failed: %s", qPrintable(detail));
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
    feedLossPercent_.clear();
    for (const CallFeedSnapshot& now : newest.feeds) {
        const auto before = std::find_if(oldest.feeds.begin(), oldest.feeds.end(),
                                         [&](const CallFeedSnapshot& f) { return f.feedId == now.feedId; });
        const CallFeedSnapshot zero;
        const CallFeedSnapshot& then = before == oldest.feeds.end() ? zero : *before;
        auto delta = [](std::uint64_t a, std::uint64_t b) { return a > b ? a - b : 0; };
        const std::uint64_t feedPackets =
            delta(now.videoPackets, then.videoPackets) + delta(now.audioPackets, then.audioPackets);
        const std::uint64_t feedLost = delta(now.videoLost, then.videoLost) + delta(now.audioLost, then.audioLost);
        if (feedPackets + feedLost > 0) {
            const double percent = 100.0 * static_cast<double>(feedLost) / static_cast<double>(feedPackets + feedLost);
            in.lossPercent = std::max(in.lossPercent, percent);
            feedLossPercent_[now.feedId] = percent;
        }
        packets += feedPackets;
        lost += feedLost;
        in.freezes += static_cast<int>(delta(now.freezes, then.freezes));
        in.delayMs = std::max(in.delayMs, now.delayMs);
    }
    verdict_ = judgeCallQuality(in);

    QStringList lines;
    lines << (packets + lost > 0 ? tr("Packets lost: %1 % (worst participant, last %2 s)")
                                       .arg(in.lossPercent, 0, 'f', 1)
                                       .arg(in.windowSeconds)
                                 : tr("Packets lost: nothing received yet"));
    lines << (in.delayMs >= 0 ? tr("Picture delay: %1 ms").arg(static_cast<int>(in.delayMs))
                              : tr("Picture delay: not measured"));
    lines << tr("Picture freezes: %1 in the last %2 s").arg(in.freezes).arg(in.windowSeconds);
    lines << (in.sendBitrateBps >= 0 ? tr("Sending: %1 kbit/s").arg(in.sendBitrateBps / 1000)
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
