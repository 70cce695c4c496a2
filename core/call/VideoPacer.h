#pragma once

#include "rtc/RtpPacket.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>

namespace spoke::call {

// Spreads video packets over time at a multiple of the bandwidth estimate,
// so a keyframe of three simulcast layers does not land on a thin link as
// one burst: the burst would sit in the bottleneck's queue in front of the
// audio packets (which bypass the pacer) and read as congestion to the
// delay-based estimator. The budget refills at `rateBps`, may bank at most
// one 10 ms burst, and the queue is drained oldest first.
// Clock-free: the time comes in as `nowUs`. Owned by the publisher's send
// queue (asserted).
class VideoPacer {
public:
    static constexpr double kPacingFactor = 1.5; // of the estimate; libwebrtc uses 2.5 with a finer clock
    static constexpr std::int64_t kBurstMs = 10;

    void setRateBps(std::int64_t rateBps) { rateBps_ = rateBps; }
    void enqueue(rtc::RtpPacket&& packet);
    // Sends what the budget allows since the last call; returns packets sent.
    std::size_t process(std::int64_t nowUs, const std::function<void(rtc::RtpPacket&)>& send);
    // When process() can send the next queued packet (the budget has refilled
    // to above zero); nothing while the queue is empty, so an idle pacer
    // asks for no wakeup.
    std::optional<std::int64_t> nextSendUs() const;

    std::size_t queuedPackets() const { return queue_.size(); }
    std::int64_t queuedBytes() const { return queuedBytes_; }
    // How long the queue takes to drain at the current rate.
    std::int64_t queueDelayMs() const { return rateBps_ > 0 ? queuedBytes_ * 8 * 1000 / rateBps_ : 0; }

private:
    ThreadAffinity affinity_;
    std::deque<rtc::RtpPacket> queue_;
    std::int64_t queuedBytes_ = 0;
    std::int64_t rateBps_ = 300'000;
    double budgetBytes_ = 0;
    std::int64_t lastUs_ = -1;
};

} // namespace spoke::call
