#pragma once

#include "util/ThreadAffinity.h"

#include <cstdint>

namespace spoke::media {

// Tells a sender that its encoder no longer keeps up with the camera on this
// machine, or has room again: the share of each frame interval spent
// encoding (wall time, so a CPU busy with other work counts too), smoothed
// over about a second and checked every `checkIntervalUs`. A clinic laptop
// two to four times slower than a developer's, or one throttling when its
// battery runs low, then sends a smaller picture instead of dropping frames
// in bursts. The thresholds and the back-off follow libwebrtc's overuse
// detector: step down after two overused checks in a row, step up only
// after a long calm, and wait twice as long after a step up that had to be
// undone. Owned by the encode thread (asserted).
class EncodeLoadMonitor {
public:
    enum class Advice { Keep, ScaleDown, ScaleUp };

    struct Config {
        double overuseShare = 0.85; // of the frame interval
        double underuseShare = 0.42;
        std::int64_t checkIntervalUs = 2'000'000;
        int overusedChecksToAct = 2;
        std::int64_t initialRampUpDelayUs = 10'000'000;
        std::int64_t maxRampUpDelayUs = 240'000'000;
    };

    EncodeLoadMonitor() : EncodeLoadMonitor(Config{}) { }
    explicit EncodeLoadMonitor(const Config& config);

    // One picture: its capture time and how long encoding it took;
    // `scaledDown`: the sender is below its full size, so ScaleUp means
    // something. Advice other than Keep means "act now"; the monitor then
    // starts afresh at the new size.
    Advice onFrameEncoded(std::int64_t captureTimeUs, std::int64_t encodeWallUs, bool scaledDown);

    // Smoothed share of the frame interval spent encoding; 0 until measured.
    double usage() const { return usage_; }
    void moveToCurrentThread() { affinity_.rebindToCurrentThread(); }

private:
    void restart(std::int64_t nowUs);

    ThreadAffinity affinity_;
    Config config_;
    std::int64_t lastCaptureUs_ = -1;
    double smoothedEncodeUs_ = 0;
    double smoothedIntervalUs_ = 0;
    double usage_ = 0;
    std::int64_t nextCheckUs_ = -1;
    std::int64_t calmSinceUs_ = -1;
    int overusedChecks_ = 0;
    std::int64_t rampUpDelayUs_;
    bool lastStepWasUp_ = false;
    std::int64_t lastStepUpUs_ = -1;
};

} // namespace spoke::media
