#include "transport/MediaTransport.h"

#include "transport/PacketClassifier.h"

#include <glib.h>

#include <algorithm>
#include <cassert>
#include <future>

namespace spoke::transport {

// A one-shot GLib timeout on the network thread's context; start() replaces
// any pending one. Created, used and destroyed on the network thread only.
class MediaTransport::Timer {
public:
    explicit Timer(GMainContext* context) : context_(context) { }
    ~Timer() { cancel(); }
    Timer(const Timer&) = delete;
    Timer& operator=(const Timer&) = delete;

    void start(std::int64_t delayMs, std::function<void()> task)
    {
        cancel();
        task_ = std::move(task);
        dueUs_ = g_get_monotonic_time() + delayMs * 1000;
        source_ = g_timeout_source_new(static_cast<guint>(std::max<std::int64_t>(delayMs, 0)));
        g_source_set_callback(source_, &Timer::fire, this, nullptr);
        g_source_attach(source_, context_);
    }
    void cancel()
    {
        if (!source_)
            return;
        g_source_destroy(source_);
        g_source_unref(source_);
        source_ = nullptr;
    }
    bool active() const { return source_ != nullptr; }
    std::int64_t dueUs() const { return dueUs_; }

private:
    static gboolean fire(gpointer data)
    {
        auto* self = static_cast<Timer*>(data);
        g_source_unref(self->source_); // GLib holds its own reference while dispatching
        self->source_ = nullptr;
        auto task = std::move(self->task_);
        task(); // may start the timer again
        return G_SOURCE_REMOVE;
    }

    GMainContext* context_;
    GSource* source_ = nullptr;
    std::function<void()> task_;
    std::int64_t dueUs_ = 0;
};

struct MediaTransport::Counters {
    std::atomic<std::uint64_t> datagramsSent{0}, bytesSent{0}, datagramsReceived{0}, bytesReceived{0};
    std::atomic<std::uint64_t> rtpSent{0}, rtcpSent{0}, rtpReceived{0}, rtcpReceived{0};
    std::atomic<std::uint64_t> dtlsDatagramsReceived{0}, unknownReceived{0}, droppedNotReady{0};
    std::atomic<std::uint64_t> srtpAuthFailures{0}, srtpReplays{0}, srtpOtherFailures{0};
    std::atomic<std::uint64_t> sendImpairmentDrops{0}, receiveImpairmentDrops{0};
    std::atomic<int> dtlsState{static_cast<int>(DtlsState::New)};
};

const char* toString(MediaTransportState state)
{
    switch (state) {
    case MediaTransportState::New: return "new";
    case MediaTransportState::Connecting: return "connecting";
    case MediaTransportState::Securing: return "securing";
    case MediaTransportState::Ready: return "ready";
    case MediaTransportState::Failed: return "failed";
    case MediaTransportState::Closed: return "closed";
    }
    return "unknown";
}

MediaTransport::MediaTransport(MediaTransportConfig config, Callbacks callbacks)
    : config_(std::move(config))
    , callbacks_(std::move(callbacks))
    , counters_(std::make_unique<Counters>())
{
}

Expected<std::unique_ptr<MediaTransport>> MediaTransport::create(MediaTransportConfig config, Callbacks callbacks)
{
    std::unique_ptr<MediaTransport> transport(new MediaTransport(std::move(config), std::move(callbacks)));
    transport->certificate_ = transport->config_.certificate;
    if (!transport->certificate_) {
        auto shared = DtlsCertificate::processCertificate();
        if (!shared)
            return shared.error();
        transport->certificate_ = *shared;
    }
    MediaTransport* self = transport.get();
    IceAgent::Callbacks ice;
    ice.localCandidate = [self](const std::string& candidate) {
        if (self->callbacks_.localCandidate)
            self->callbacks_.localCandidate(candidate);
    };
    ice.gatheringDone = [self] {
        if (self->callbacks_.localCandidatesDone)
            self->callbacks_.localCandidatesDone();
    };
    ice.stateChanged = [self](IceState state) { self->onIceState(state); };
    ice.datagram = [self](std::span<const std::uint8_t> datagram) { self->onDatagram(datagram); };
    auto agent = IceAgent::create(transport->config_.ice, std::move(ice));
    if (!agent)
        return agent.error();
    transport->ice_ = std::move(*agent);

    // Objects of the network thread are born there, so their thread
    // assertions name the right owner.
    std::promise<void> ready;
    transport->ice_->post([self, &ready] {
        GMainContext* context = self->ice_->context();
        self->dtlsTimer_ = std::make_unique<Timer>(context);
        self->sendTimer_ = std::make_unique<Timer>(context);
        self->receiveTimer_ = std::make_unique<Timer>(context);
        const std::int64_t now = nowUs();
        if (const auto& c = self->config_.sendImpairment; c.enabled())
            self->sendImpairment_ = std::make_unique<Impairment>(c, std::min(now, c.outageClockStartUs.value_or(now)));
        if (const auto& c = self->config_.receiveImpairment; c.enabled())
            self->receiveImpairment_ =
                std::make_unique<Impairment>(c, std::min(now, c.outageClockStartUs.value_or(now)));
        ready.set_value();
    });
    ready.get_future().wait();
    return transport;
}

MediaTransport::~MediaTransport()
{
    if (!ice_)
        return;
    // Tear down the network thread's objects on it, then stop the thread.
    std::promise<void> done;
    ice_->post([this, &done] {
        stopped_ = true;
        dtlsTimer_.reset();
        sendTimer_.reset();
        receiveTimer_.reset();
        dtls_.reset();
        srtp_.reset();
        sendImpairment_.reset();
        receiveImpairment_.reset();
        done.set_value();
    });
    done.get_future().wait();
    ice_.reset();
}

rtc::LocalTransportParameters MediaTransport::localParameters() const
{
    rtc::LocalTransportParameters local;
    const auto credentials = ice_->localCredentials();
    local.iceUfrag = credentials.ufrag;
    local.icePwd = credentials.pwd;
    local.fingerprint = certificate_->fingerprint();
    return local;
}

void MediaTransport::start()
{
    ice_->post([this] {
        if (state_ == MediaTransportState::New)
            setState(MediaTransportState::Connecting);
    });
    ice_->gather();
}

void MediaTransport::setRemote(RemoteTransportParameters remote)
{
    ice_->setRemoteCredentials(remote.ice);
    for (auto& candidate : remote.candidates)
        ice_->addRemoteCandidate(std::move(candidate));
    if (remote.endOfCandidates)
        ice_->remoteCandidatesDone();
    ice_->post([this, role = remote.localRole, fingerprint = remote.fingerprint] {
        if (stopped_ || dtls_)
            return;
        DtlsTransport::Callbacks callbacks;
        callbacks.sendDatagram = [this](std::span<const std::uint8_t> datagram) {
            sendDatagram(std::vector<std::uint8_t>(datagram.begin(), datagram.end()));
        };
        callbacks.stateChanged = [this](DtlsState state, const std::optional<TransportError>& error) {
            onDtlsState(state, error);
        };
        dtls_ = std::make_unique<DtlsTransport>(certificate_, role, fingerprint, std::move(callbacks), config_.dtls);
        if (dtls_->state() == DtlsState::Failed)
            return; // onDtlsState already failed us
        if (iceConnected_) {
            dtls_->start();
            armDtlsTimer();
        }
    });
}

void MediaTransport::addRemoteCandidate(std::string candidate)
{
    ice_->addRemoteCandidate(std::move(candidate));
}

void MediaTransport::remoteCandidatesDone()
{
    ice_->remoteCandidatesDone();
}

void MediaTransport::sendRtp(std::vector<std::uint8_t> packet)
{
    ice_->post([this, packet = std::move(packet)]() mutable { sendMedia(std::move(packet), false); });
}

void MediaTransport::sendRtcp(std::vector<std::uint8_t> packet)
{
    ice_->post([this, packet = std::move(packet)]() mutable { sendMedia(std::move(packet), true); });
}

void MediaTransport::close()
{
    ice_->post([this] {
        if (stopped_)
            return;
        if (dtls_)
            dtls_->close();
        srtp_.reset();
        setState(MediaTransportState::Closed);
    });
}

MediaTransportStats MediaTransport::stats() const
{
    const Counters& c = *counters_;
    MediaTransportStats s;
    s.datagramsSent = c.datagramsSent;
    s.bytesSent = c.bytesSent;
    s.datagramsReceived = c.datagramsReceived;
    s.bytesReceived = c.bytesReceived;
    s.rtpSent = c.rtpSent;
    s.rtcpSent = c.rtcpSent;
    s.rtpReceived = c.rtpReceived;
    s.rtcpReceived = c.rtcpReceived;
    s.dtlsDatagramsReceived = c.dtlsDatagramsReceived;
    s.unknownReceived = c.unknownReceived;
    s.droppedNotReady = c.droppedNotReady;
    s.srtpAuthFailures = c.srtpAuthFailures;
    s.srtpReplays = c.srtpReplays;
    s.srtpOtherFailures = c.srtpOtherFailures;
    s.sendImpairmentDrops = c.sendImpairmentDrops;
    s.receiveImpairmentDrops = c.receiveImpairmentDrops;
    s.dtlsState = static_cast<DtlsState>(c.dtlsState.load());
    return s;
}

std::optional<SelectedPair> MediaTransport::selectedPair() const
{
    return ice_ ? ice_->selectedPair() : std::nullopt;
}

std::optional<SrtpProfile> MediaTransport::srtpProfile() const
{
    const int profile = srtpProfile_.load();
    if (profile < 0)
        return std::nullopt;
    return static_cast<SrtpProfile>(profile);
}

void MediaTransport::assertNetworkThread() const
{
    // ice_ is already null while ~MediaTransport resets it: the agent's
    // thread may still deliver a datagram then, on the network thread.
    assert((!ice_ || ice_->onNetworkThread()) && "MediaTransport internals run on its network thread only");
}

std::int64_t MediaTransport::nowUs()
{
    return g_get_monotonic_time();
}

void MediaTransport::onIceState(IceState state)
{
    assertNetworkThread();
    if (stopped_)
        return;
    if (state == IceState::Connected && !iceConnected_) {
        iceConnected_ = true;
        if (state_ == MediaTransportState::New || state_ == MediaTransportState::Connecting)
            setState(MediaTransportState::Securing);
        if (dtls_) {
            dtls_->start();
            armDtlsTimer();
        }
    } else if (state == IceState::Failed) {
        fail({TransportErrorKind::Ice, "no candidate pair worked: the peer is unreachable on every address we tried "
                                       "(check the ICE interface, firewalls, and STUN/TURN settings)"});
    }
}

void MediaTransport::onDatagram(std::span<const std::uint8_t> datagram)
{
    assertNetworkThread();
    if (stopped_)
        return;
    if (receiveImpairment_) {
        const auto& stats = receiveImpairment_->stats();
        const bool kept = receiveImpairment_->push({datagram.begin(), datagram.end()}, nowUs());
        if (!kept)
            counters_->receiveImpairmentDrops = stats.droppedByLoss + stats.droppedByOutage + stats.droppedByQueue;
        armImpairmentTimer(*receiveImpairment_, *receiveTimer_, false);
        return;
    }
    deliver({datagram.begin(), datagram.end()});
}

void MediaTransport::deliver(std::vector<std::uint8_t> datagram)
{
    assertNetworkThread();
    ++counters_->datagramsReceived;
    counters_->bytesReceived += datagram.size();
    switch (classifyPacket(datagram)) {
    case PacketKind::Dtls:
        ++counters_->dtlsDatagramsReceived;
        if (dtls_) {
            dtls_->receive(datagram);
            armDtlsTimer();
        }
        return;
    case PacketKind::Rtp:
    case PacketKind::Rtcp: {
        if (!srtp_)
            return; // keys not there yet: the peer was faster than our DTLS, drop
        const bool rtcp = classifyPacket(datagram) == PacketKind::Rtcp;
        const SrtpStatus status = rtcp ? srtp_->unprotectRtcp(datagram) : srtp_->unprotectRtp(datagram);
        const auto& srtpStats = srtp_->stats();
        counters_->srtpAuthFailures = srtpStats.authFailures;
        counters_->srtpReplays = srtpStats.replays;
        counters_->srtpOtherFailures = srtpStats.otherFailures;
        if (status != SrtpStatus::Ok)
            return;
        if (rtcp) {
            ++counters_->rtcpReceived;
            if (callbacks_.rtcp)
                callbacks_.rtcp(std::move(datagram));
        } else {
            ++counters_->rtpReceived;
            if (callbacks_.rtp)
                callbacks_.rtp(std::move(datagram));
        }
        return;
    }
    case PacketKind::Stun:
    case PacketKind::Unknown: ++counters_->unknownReceived; return;
    }
}

void MediaTransport::sendMedia(std::vector<std::uint8_t> packet, bool rtcp)
{
    assertNetworkThread();
    if (stopped_ || !srtp_ || state_ != MediaTransportState::Ready) {
        ++counters_->droppedNotReady;
        return;
    }
    const SrtpStatus status = rtcp ? srtp_->protectRtcp(packet) : srtp_->protectRtp(packet);
    if (status != SrtpStatus::Ok) {
        counters_->srtpOtherFailures = srtp_->stats().otherFailures;
        return;
    }
    ++(rtcp ? counters_->rtcpSent : counters_->rtpSent);
    sendDatagram(std::move(packet));
}

void MediaTransport::sendDatagram(std::vector<std::uint8_t> datagram)
{
    assertNetworkThread();
    if (sendImpairment_) {
        const bool kept = sendImpairment_->push(std::move(datagram), nowUs());
        if (!kept) {
            const auto& stats = sendImpairment_->stats();
            counters_->sendImpairmentDrops = stats.droppedByLoss + stats.droppedByOutage + stats.droppedByQueue;
        }
        armImpairmentTimer(*sendImpairment_, *sendTimer_, true);
        return;
    }
    if (ice_->send(datagram)) {
        ++counters_->datagramsSent;
        counters_->bytesSent += datagram.size();
    }
}

void MediaTransport::armImpairmentTimer(Impairment& impairment, Timer& timer, bool sendDirection)
{
    const auto next = impairment.nextReleaseUs();
    if (!next) {
        timer.cancel();
        return;
    }
    if (timer.active() && timer.dueUs() <= *next)
        return;
    const std::int64_t delayUs = std::max<std::int64_t>(*next - nowUs(), 0);
    timer.start((delayUs + 999) / 1000, [this, sendDirection] { releaseImpaired(sendDirection); });
}

void MediaTransport::releaseImpaired(bool sendDirection)
{
    assertNetworkThread();
    if (stopped_)
        return;
    Impairment& impairment = sendDirection ? *sendImpairment_ : *receiveImpairment_;
    for (auto& datagram : impairment.takeDue(nowUs())) {
        if (sendDirection) {
            if (ice_->send(datagram)) {
                ++counters_->datagramsSent;
                counters_->bytesSent += datagram.size();
            }
        } else {
            deliver(std::move(datagram));
        }
    }
    armImpairmentTimer(impairment, sendDirection ? *sendTimer_ : *receiveTimer_, sendDirection);
}

void MediaTransport::armDtlsTimer()
{
    if (!dtls_ || !dtlsTimer_)
        return;
    const auto next = dtls_->timeoutIn();
    if (!next) {
        dtlsTimer_->cancel();
        return;
    }
    dtlsTimer_->start(next->count(), [this] {
        if (stopped_ || !dtls_)
            return;
        dtls_->handleTimeout();
        armDtlsTimer();
    });
}

void MediaTransport::onDtlsState(DtlsState state, const std::optional<TransportError>& error)
{
    assertNetworkThread();
    counters_->dtlsState = static_cast<int>(state);
    if (state == DtlsState::Connected) {
        auto session = SrtpSession::create(*dtls_->keyingMaterial());
        if (!session) {
            fail(session.error());
            return;
        }
        srtp_ = std::move(*session);
        srtpProfile_ = static_cast<int>(srtp_->profile());
        setState(MediaTransportState::Ready);
    } else if (state == DtlsState::Failed) {
        fail(error.value_or(TransportError{TransportErrorKind::Dtls, "the handshake failed"}));
    } else if (state == DtlsState::Closed) {
        srtp_.reset();
        setState(MediaTransportState::Closed);
    }
}

void MediaTransport::fail(TransportError error)
{
    setState(MediaTransportState::Failed, error);
}

void MediaTransport::setState(MediaTransportState state, const std::optional<TransportError>& error)
{
    const MediaTransportState previous = state_.load();
    if (previous == state || previous == MediaTransportState::Failed || previous == MediaTransportState::Closed)
        return;
    state_ = state;
    if (callbacks_.stateChanged)
        callbacks_.stateChanged(state, error);
}

} // namespace spoke::transport
