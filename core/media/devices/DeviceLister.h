#pragma once

#include "media/devices/DeviceInfo.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace spoke::media {

class DeviceRegistry;

// Lists the registry's devices off the caller's thread: asking PulseAudio
// and v4l2 for their lists can take a moment, and a UI thread must not wait
// on it. refresh() asks for a fresh list and returns at once; requests that
// arrive while a listing runs fold into one more listing after it, so a
// burst of hot-plug events costs at most two.
//
// Threading: one lister thread, started by the first refresh() and blocked
// on a condition variable between requests (no polling). `listed` runs on
// it with each list. refresh() is thread-safe. The destructor waits for a
// listing in progress, joins, and `listed` never runs after it returns.
class DeviceLister {
public:
    using ListedFn = std::function<void(std::vector<DeviceInfo> devices)>;

    DeviceLister(std::shared_ptr<const DeviceRegistry> registry, ListedFn listed);
    ~DeviceLister();
    DeviceLister(const DeviceLister&) = delete;
    DeviceLister& operator=(const DeviceLister&) = delete;

    void refresh();

private:
    void run();

    std::shared_ptr<const DeviceRegistry> registry_;
    ListedFn listed_;
    std::mutex mutex_; // guards the members below
    std::condition_variable wake_;
    bool requested_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace spoke::media
