#pragma once

#include "call/CallStats.h"
#include "media/BoundedQueue.h"
#include "media/pipeline/AudioSendPipeline.h"
#include "media/pipeline/VideoSendPipeline.h"
#include "transport/MediaTransport.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace spoke::call {

struct PublisherConfig {
    bool video = true;
    bool audio = true;
    int width = 640;
    int height = 360;
    int fps = 30;
    int maxVideoBitrateBps = 800'000;
    std::uint32_t audioSsrc = 0;
    std::uint32_t videoSsrc = 0;
};

// The send side of one call: the core/media pipelines (capture + encode on
// their own threads), and one send thread that packetises their output into
// RTP (RFC 7741 VP8, RFC 7587 Opus), keeps a RetransmissionBuffer and
// answers NACKs from it, forces a keyframe on PLI/FIR (at most every
// 300 ms), sends SRs, and follows the receiver reports: the bitrate starts
// at the REMB cap Janus sends (a cap, not an estimate) and backs off on the
// loss fraction in its RRs (audio is never touched: it is 24 kbit/s).
//
// Threading: construct, start and stop on one thread (the signalling
// thread). onRtcp() is called on the transport's network thread and only
// queues. Counters are read under a lock from any thread.
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
    void onRtcp(std::vector<std::uint8_t>&& rtcp); // network thread: queues only

    LocalStats stats() const;

private:
    void run();

    ThreadAffinity affinity_;
    PublisherConfig config_;
    transport::MediaTransport* transport_ = nullptr;
    std::unique_ptr<media::VideoSendPipeline> video_;
    std::unique_ptr<media::AudioSendPipeline> audio_;
    media::BoundedQueue<std::vector<std::uint8_t>> rtcpIn_{256};
    std::thread thread_;
    std::atomic<bool> stopping_{false};
    std::int64_t callStartMs_ = 0;

    mutable std::mutex statsMutex_;
    LocalStats stats_;
};

// steady_clock milliseconds: the one clock every process on this machine shares.
std::int64_t steadyNowMs();

} // namespace spoke::call
