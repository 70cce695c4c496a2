#include "media/devices/DeviceLister.h"

#include "media/devices/DeviceRegistry.h"

namespace spoke::media {

DeviceLister::DeviceLister(std::shared_ptr<const DeviceRegistry> registry, ListedFn listed)
    : registry_(std::move(registry))
    , listed_(std::move(listed))
{
}

DeviceLister::~DeviceLister()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable())
        thread_.join();
}

void DeviceLister::refresh()
{
    {
        std::lock_guard lock(mutex_);
        requested_ = true;
        if (!thread_.joinable())
            thread_ = std::thread([this] { run(); });
    }
    wake_.notify_one();
}

void DeviceLister::run()
{
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return requested_ || stopping_; });
        if (stopping_)
            return;
        requested_ = false;
        lock.unlock();
        auto devices = registry_->enumerate();
        listed_(std::move(devices));
        lock.lock();
    }
}

} // namespace spoke::media
