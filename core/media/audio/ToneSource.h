#pragma once

#include "media/devices/AudioSource.h"
#include "util/ThreadAffinity.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace spoke::media {

// The synthetic microphone: 20 ms blocks, each carrying its ToneMarker, so
// a receiver can count lost and concealed audio frames and line audio up
// with the video stamps (both use MediaClock capture times). Paced sources
// deliver in real time like a sound card; unpaced ones as fast as read.
// Owned by the thread that first calls read() (asserted from then on);
// interrupt() is thread-safe.
class ToneSource final : public AudioSource {
public:
    struct Config {
        bool paced = true;
        double amplitude = 0.25; // of full scale, per tone
        // "synthetic:silence": digital silence at the same pace, a room where
        // nobody talks (what DTX and the idle-call benchmark need).
        bool silent = false;
    };

    explicit ToneSource(Config config);

    static DeviceInfo deviceInfo();
    static DeviceInfo silenceDeviceInfo();

    const DeviceInfo& device() const override { return info_; }
    AudioFrame read() override;
    void interrupt() override;

private:
    Config config_;
    DeviceInfo info_;
    ThreadAffinity affinity_;
    bool bound_ = false;
    std::int64_t sequence_ = 0;
    std::int64_t startUs_ = -1;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::atomic<bool> interrupted_{false};
};

} // namespace spoke::media
