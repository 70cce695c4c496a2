#pragma once

#include "media/AudioFrame.h"
#include "media/devices/DeviceInfo.h"

#include <cstdint>
#include <optional>

namespace spoke::media {

// A speaker or headset, taking 48 kHz mono 16-bit audio (backends convert).
// Owned by one playout thread; write() blocks about as long as the sound
// card needs to play what it was given, so the writer is paced by the
// device. interrupt() may be called from any thread.
class AudioSink {
public:
    virtual ~AudioSink() = default;

    virtual const DeviceInfo& device() const = 0;

    // Queues the samples for playing. Throws MediaError(DeviceLost) if the
    // device went away; returns false once interrupted.
    virtual bool write(const AudioFrame& frame) = 0;

    // Plays out what is queued (bounded by the queued length) before close.
    virtual void drain() = 0;

    virtual void interrupt() = 0;

    // How many samples the device has really played so far (written minus
    // what still waits in its buffer), when the backend can tell; the
    // offline player's clock follows it. Called on the writing thread.
    virtual std::optional<std::int64_t> samplesPlayed() { return std::nullopt; }
};

} // namespace spoke::media
