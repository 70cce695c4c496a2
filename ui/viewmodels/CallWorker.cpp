#include "viewmodels/CallWorker.h"

#include "call/CallStats.h"
#include "media/devices/DeviceRegistry.h"
#include "sync/CallJoin.h"

#include <algorithm>

namespace spoke::ui {

namespace {

// Janus answers a TCP connect at once; an address nobody answers at (a wrong
// host, a dead link) is given this long before the view says so.
constexpr int kConnectTimeoutMs = 8000;
// Closing the Janus session waits for its answer; never longer than this.
constexpr int kLeaveTimeoutMs = 3000;
constexpr int kSnapshotIntervalMs = 500;

// "Picture delay": glass-to-glass when the sender stamps its pictures (every
// client on one machine shares the clock), otherwise measured in parts: half
// the NACK round trip (when a retransmission has timed one; a clean link has
// none, and then the path's own delay is left out), the queue standing on
// the path (from RTP timestamps) and what this receiver holds a picture for
// (frame buffer, decode, lip-sync wait). -1 before the first picture.
double pictureDelayMs(const call::RemoteVideoStats& video)
{
    if (video.recentLatencyMs)
        return *video.recentLatencyMs;
    if (video.receiveBufferMs < 0)
        return -1;
    const double pathMs = video.rttMs >= 0 ? static_cast<double>(video.rttMs) / 2 : 0.0;
    return pathMs + video.queueDelayMs + video.receiveBufferMs;
}

} // namespace

CallWorker::CallWorker(call::CallOptions options, std::optional<MediaChoice> chosen, std::optional<sync::JoinInfo> join)
    : options_(std::move(options))
    , chosen_(std::move(chosen))
    , join_(std::move(join))
{
    qRegisterMetaType<spoke::ui::CallSnapshot>();
    qRegisterMetaType<spoke::call::CallEvent>(); // mediaWarning crosses to the UI thread
    qRegisterMetaType<spoke::call::CallFailure>(); // and failed
}

CallWorker::~CallWorker() = default;

void CallWorker::start()
{
    if (chosen_) {
        const MediaChoice devices = MediaPreferences::resolve(*chosen_, media::DeviceRegistry().enumerate());
        options_.videoDeviceId = devices.cameraId.toStdString();
        options_.audioDeviceId = devices.microphoneId.toStdString();
        options_.speakerDeviceId = devices.speakerId.toStdString(); // empty: the call plays nothing, and says so
        options_.audioProcessing = devices.switches;
    }
    if (join_) {
        if (auto error = sync::applyJoinInfo(*join_, options_)) {
            over_ = true;
            QMetaObject::invokeMethod(
                this,
                [this, why = QString::fromStdString(error->message)] {
                    Q_EMIT failed(Failure::IceServers,
                                  {call::CallFailure::Kind::IceServersUnusable, {}, options_.room, why});
                },
                Qt::QueuedConnection);
            return;
        }
    }
    // Built here, on the call thread: the session and its timers belong to it.
    session_ = std::make_unique<call::CallSession>(options_);
    connect(session_.get(), &call::CallSession::mediaWarning, this, &CallWorker::mediaWarning);
    snapshotTimer_ = std::make_unique<QTimer>();
    deadline_ = std::make_unique<QTimer>();
    deadline_->setSingleShot(true);
    connect(session_.get(), &call::CallSession::connected, this, [this] {
        connected_ = true;
        deadline_->stop();
        Q_EMIT connected();
    });
    connect(session_.get(), &call::CallSession::joined, this, [this] { joined_ = true; });
    connect(session_.get(), &call::CallSession::joinRefused, this,
            [this](session::videoroom::JoinRefusal why, const QString&) {
                notAuthorized_ = why == session::videoroom::JoinRefusal::NotAuthorized;
            });
    connect(session_.get(), &call::CallSession::published, this, [this] { Q_EMIT inSession(); });
    connect(session_.get(), &call::CallSession::signallingInterrupted, this, &CallWorker::reconnecting);
    connect(session_.get(), &call::CallSession::signallingRestored, this, &CallWorker::reconnected);
    connect(session_.get(), &call::CallSession::failed, this, &CallWorker::onFailed);
    connect(session_.get(), &call::CallSession::finished, this, &CallWorker::finish);
    connect(session_.get(), &call::CallSession::screenShareStarted, this, &CallWorker::screenShareStarted);
    connect(session_.get(), &call::CallSession::screenShareStopped, this, &CallWorker::screenShareStopped);
    connect(snapshotTimer_.get(), &QTimer::timeout, this, &CallWorker::takeSnapshot);
    connect(deadline_.get(), &QTimer::timeout, this, [this] {
        if (!connected_)
            onFailed({call::CallFailure::Kind::NoAnswer, {}, options_.room, options_.janusUrl.toString()});
    });
    snapshotTimer_->start(kSnapshotIntervalMs);
    deadline_->start(kConnectTimeoutMs);
    session_->start();
}

void CallWorker::onFailed(const call::CallFailure& why)
{
    if (over_)
        return;
    over_ = true;
    const Failure kind = !connected_      ? Failure::Unreachable
                         : notAuthorized_ ? Failure::NotAuthorized
                         : !joined_       ? Failure::RoomRefused
                                          : Failure::Lost;
    // Later, not here: this may run inside one of the session's own callbacks.
    QMetaObject::invokeMethod(
        this,
        [this, kind, why] {
            shutdown();
            Q_EMIT failed(kind, why);
        },
        Qt::QueuedConnection);
}

void CallWorker::setMuted(bool muted)
{
    options_.startMuted = muted;
    if (session_)
        session_->setMuted(muted);
}

void CallWorker::setCameraOn(bool on)
{
    options_.startCameraOn = on;
    if (session_)
        session_->setCameraOn(on);
}

void CallWorker::setAudioOnly(bool on)
{
    options_.audioOnly = on;
    if (session_)
        session_->setAudioOnly(on);
}

void CallWorker::setReceiveVideo(bool on)
{
    options_.receiveVideo = on;
    if (session_)
        session_->setReceiveVideo(on);
}

void CallWorker::startScreenShare(const QString& deviceId)
{
    if (!session_) {
        Q_EMIT screenShareStopped(QStringLiteral("not in a call"));
        return;
    }
    session_->startScreenShare(deviceId.toStdString());
}

void CallWorker::stopScreenShare()
{
    if (session_)
        session_->stopScreenShare();
}

void CallWorker::leave()
{
    if (!session_ || over_ || !deadline_) {
        finish();
        return;
    }
    over_ = true;
    snapshotTimer_->stop();
    deadline_->stop();
    disconnect(deadline_.get(), nullptr, this, nullptr);
    connect(deadline_.get(), &QTimer::timeout, this, &CallWorker::finish);
    deadline_->start(kLeaveTimeoutMs);
    session_->stop();
}

void CallWorker::finish()
{
    if (left_)
        return;
    left_ = true;
    // Later, not here: this may run inside one of the session's own callbacks.
    QMetaObject::invokeMethod(
        this,
        [this] {
            shutdown();
            Q_EMIT left();
        },
        Qt::QueuedConnection);
}

void CallWorker::shutdown()
{
    if (snapshotTimer_)
        snapshotTimer_->stop();
    if (deadline_)
        deadline_->stop();
    // The destructor stops every media thread; the socket closes with it.
    if (session_) {
        session_->disconnect(this);
        session_.reset();
    }
    // Timers die on the thread that runs them.
    snapshotTimer_.reset();
    deadline_.reset();
}

void CallWorker::takeSnapshot()
{
    if (!session_)
        return;
    const call::CallStats stats = session_->stats();
    CallSnapshot snap;
    snap.sendBitrateBps = stats.local.sendBitrateBps; // last second, -1 before the first
    snap.videoFramesSent = stats.local.videoFramesSent;
    snap.audioPacketsSent = stats.local.audioPacketsSent;
    snap.bytesSent = stats.bytesSent;
    snap.bytesReceived = stats.bytesReceived;
    snap.sendBps = stats.sendBps;
    snap.receiveBps = stats.receiveBps;
    // A participant whose feed was dropped and subscribed again appears
    // twice in the stats; the live feed is the one not yet gone.
    for (const auto& remote : stats.remote) {
        if (remote.goneAtMs >= 0)
            continue;
        CallFeedSnapshot feed;
        feed.feedId = remote.feedId;
        feed.display = remote.display;
        feed.videoPackets = remote.video.packets;
        feed.videoLost = remote.video.lost;
        feed.audioPackets = remote.audio.packets;
        feed.audioLost = remote.audio.lost;
        feed.framesDecoded = remote.video.framesDecoded;
        feed.freezes = remote.video.freezes;
        feed.delayMs = pictureDelayMs(remote.video);
        feed.screenShare = remote.screenShare;
        snap.feeds.push_back(std::move(feed));
    }
    Q_EMIT snapshot(snap);
}

} // namespace spoke::ui
