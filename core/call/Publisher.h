#pragma once

#include "call/CallEvent.h"
#include "call/CallMediaTap.h"
#include "call/CallStats.h"
#include "call/StatsRecorder.h"
#include "media/pipeline/AudioSendPipeline.h"
#include "media/pipeline/VideoSendPipeline.h"
#include "transport/MediaTransport.h"
#include "util/TaskQueue.h"
#include "util/ThreadAffinity.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

namespace spoke::call {

struct PublisherConfig {
    bool video = true;
    bool audio = true;
    // DeviceRegistry ids. A camera or screen that is missing or refuses the
    // format falls back to the test pattern, a microphone to silence; the
    // reason is in deviceEvents(), so the call still starts.
    std::string videoDeviceId = "synthetic:test-pattern";
    std::string audioDeviceId = "synthetic:tone";
    // Echo cancelling, noise suppression and gain for a real microphone
    // (synthetic tones are sent raw).
    media::AudioProcessingSwitches audioProcessing;
    // When set, opens the microphone instead of audioDeviceId, processed
    // like a real one (a test's room: what the speaker played, as echo).
    std::function<std::unique_ptr<media::AudioSource>()> openMicrophone;
    int width = 640;
    int height = 360;
    int fps = 30;
    int maxVideoBitrateBps = 800'000;
    // The call view's hooks (self-view, mute, camera off); both optional.
    std::shared_ptr<CallMediaTap> tap;
    std::shared_ptr<SendSwitches> switches;
    std::uint32_t audioSsrc = 0;
    std::uint32_t videoSsrc = 0; // the single layer's, when videoLayerSsrcs is empty
    // VP8 simulcast: one SSRC per layer, lowest resolution first (Janus'
    // substream 0, 1, 2, announced with a=ssrc-group:SIM). Empty: one layer.
    std::vector<std::uint32_t> videoLayerSsrcs;
    std::shared_ptr<StatsRecorder> statsRecorder; // optional per-sample series (CallOptions::statsRecorder)
    // A screen share (ScreenShare): the encoder's screen-content profile,
    // one layer at the source's size, `fps` a few a second.
    bool screenContent = false;
};

// The send side of one call: the core/media pipelines (capture + encode on
// their own threads; video as up to three VP8 simulcast layers) and one
// send queue (util::TaskQueue "send") that wires the clock-free stages of
// core/call/send: the RTP sender (packetise, pace, retransmit), the RTCP
// feedback handler (PLI/FIR keyframes, NACK answers, REMB, transport-cc,
// RR loss and RTT), the rate control (estimator, allocator, encoder
// overshoot) and the SR schedule. The queue wakes only for work: a
// pipeline's output-ready notification, RTCP from the network thread, and
// one delayed task at the earliest time a stage asked for (the pacer's next
// packet, the next rate-control step or SR, the once-a-second stats).
//
// Threading: construct, start and stop on one thread (the signalling
// thread). onRtcp() is called on the transport's network thread and only
// posts (bounded: a full queue drops and counts). The stages live on the
// send queue and only its tasks touch them; the pipelines' callbacks post
// there too. stats() is read under a lock from any thread.
class Publisher {
public:
    explicit Publisher(PublisherConfig config);
    ~Publisher();
    Publisher(const Publisher&) = delete;
    Publisher& operator=(const Publisher&) = delete;

    // `transport` must be Ready and outlive stop(). `callStartMs`: the
    // steady-clock ms the call's timeline counts from.
    void start(transport::MediaTransport& transport, std::int64_t callStartMs);
    void stop();
    void onRtcp(std::vector<std::uint8_t>&& rtcp); // network thread: posts only

    LocalStats stats() const;
    // The speaker's sound as the echo canceller's reference, and the device
    // latency behind it (ms, -1: unknown); from the playout thread.
    void processFarEnd(std::span<const std::int16_t> samples, int echoDelayMs);

    // Why a chosen device is not the one being sent (it was missing or
    // refused), one event each; empty when every device opened.
    const std::vector<CallEvent>& deviceEvents() const { return deviceEvents_; }

private:
    struct SendState; // the stages; send queue only

    void openVideo();
    void openAudio();
    // Tasks on the send queue.
    void buildStages();
    void handleRtcp(const std::vector<std::uint8_t>& rtcp);
    void drainVideo();
    void drainAudio();
    void runDue();
    void scheduleWake(std::int64_t nowUs);
    void applyRate(std::int64_t nowMs);
    void sendReports(std::int64_t nowMs);
    void publishSecond(std::int64_t nowMs);
    void fillStats(LocalStats& stats) const;

    ThreadAffinity affinity_;
    PublisherConfig config_;
    std::vector<CallEvent> deviceEvents_;
    transport::MediaTransport* transport_ = nullptr;
    std::unique_ptr<media::VideoSendPipeline> video_;
    std::unique_ptr<media::AudioSendPipeline> audio_;
    std::unique_ptr<util::TaskQueue> queue_;
    std::unique_ptr<SendState> state_;
    // One drain task waiting per pipeline is enough: it takes all there is.
    std::atomic<bool> videoDrainPosted_{false};
    std::atomic<bool> audioDrainPosted_{false};
    std::atomic<std::uint64_t> rtcpDropped_{0};
    std::int64_t callStartMs_ = 0;

    mutable std::mutex statsMutex_;
    LocalStats stats_;
};

} // namespace spoke::call
