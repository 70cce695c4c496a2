#pragma once

#include "media/AudioFrame.h"
#include "media/VideoFrame.h"

#include <QtGlobal>

#include <atomic>

namespace spoke::call {

// Where a call's pictures and sound surface for whoever shows them (the
// desktop app's call view): our own camera picture as it goes into the
// encoder, each remote participant's decoded pictures and sound, keyed by
// Janus feed id. The engine calls these on its media threads (the capture
// thread, each RemoteFeed's receive thread), so an implementation must be
// thread-safe and quick: copy or convert, never wait on the UI. Held by
// shared_ptr by every path that calls it, so it outlives them all.
class CallMediaTap {
public:
    virtual ~CallMediaTap() = default;

    virtual void localVideo(const media::VideoFrame& frame) = 0;
    virtual void localAudio(const media::AudioFrame& frame) = 0;
    virtual void remoteVideo(quint64 feedId, const media::VideoFrame& frame) = 0;
    virtual void remoteAudio(quint64 feedId, const media::AudioFrame& frame) = 0;
};

// The user's send switches, shared by the UI-facing CallSession and the
// capture threads that honour them; plain atomics, any thread.
struct SendSwitches {
    std::atomic<bool> audioMuted{false}; // the microphone sends silence
    std::atomic<bool> videoMuted{false}; // no pictures leave (camera off)
};

// Loudness of one frame as RMS over full scale, 0..1: enough to light a
// "speaking" ring, not a meter.
double rmsLevel(const media::AudioFrame& frame);

} // namespace spoke::call
