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
    queue_.stop();
}

void DeviceLister::refresh()
{
    // One listing waiting to start will already see whatever changed; one
    // running now may have read the devices before the change, so a request
    // during it queues exactly one more.
    if (waiting_.exchange(true))
        return;
    queue_.post([this] {
        waiting_ = false;
        listed_(registry_->enumerate());
    });
}

} // namespace spoke::media
