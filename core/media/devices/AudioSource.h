#pragma once

#include "media/AudioFrame.h"
#include "media/devices/DeviceInfo.h"

namespace spoke::media {

// A microphone or a synthetic signal, delivering 48 kHz mono 20 ms frames
// (backends resample). Same threading contract as VideoSource: one reader
// thread; interrupt() from anywhere.
class AudioSource {
public:
    virtual ~AudioSource() = default;

    virtual const DeviceInfo& device() const = 0;

    // Next 20 ms frame; throws MediaError(DeviceLost); null once interrupted.
    virtual AudioFrame read() = 0;

    virtual void interrupt() = 0;
};

} // namespace spoke::media
