#pragma once

#include "media/devices/DeviceInfo.h"
#include "util/TaskQueue.h"

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace spoke::media {

class DeviceRegistry;

// Lists the registry's devices off the caller's thread: asking PulseAudio
// and v4l2 for their lists can take a moment, and a UI thread must not wait
// on it. refresh() asks for a fresh list and returns at once; requests that
// arrive while a listing runs fold into one more listing after it, so a
// burst of hot-plug events costs at most two.
//
// Threading: one util::TaskQueue named "devices", asleep between requests
// (no polling). `listed` runs on it with each list. refresh() is
// thread-safe. The destructor waits for a listing in progress, drops one
// still waiting, and `listed` never runs after it returns.
class DeviceLister {
public:
    using ListedFn = std::function<void(std::vector<DeviceInfo> devices)>;

    DeviceLister(std::shared_ptr<const DeviceRegistry> registry, ListedFn listed);
    ~DeviceLister();
    DeviceLister(const DeviceLister&) = delete;
    DeviceLister& operator=(const DeviceLister&) = delete;

    void refresh();

private:
    std::shared_ptr<const DeviceRegistry> registry_;
    ListedFn listed_;
    // A listing is posted and has not started: later requests ride on it.
    std::atomic<bool> waiting_{false};
    util::TaskQueue queue_{"devices"}; // last: stopped before the members its task reads
};

} // namespace spoke::media
