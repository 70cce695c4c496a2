#pragma once

#include "media/AudioFrame.h"
#include "media/VideoFrame.h"
#include "media/VideoSink.h"

#include <QtGlobal>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>

namespace spoke::call {

// Where a call's pictures and sound surface for whoever shows them (the
// desktop app's call view): our own camera picture as it goes into the
// encoder, each remote participant's decoded pictures and sound, keyed by
// Janus feed id. The engine calls these on its media threads (the capture
// thread, each RemoteFeed's receive thread), so an implementation must be
// thread-safe and quick. Pictures follow media::VideoSink's contract (they
// pass as references and are never converted on these threads); a tap
// usually hands them to the sinks registered for the feed (FeedVideoSinks).
// Held by shared_ptr by every path that calls it, so it outlives them all.
class CallMediaTap {
public:
    virtual ~CallMediaTap() = default;

    virtual void localVideo(const media::VideoFrame& frame) = 0;
    virtual void localAudio(const media::AudioFrame& frame) = 0;
    virtual void remoteVideo(quint64 feedId, const media::VideoFrame& frame) = 0;
    virtual void remoteAudio(quint64 feedId, const media::AudioFrame& frame) = 0;
};

// Which media::VideoSinks show each feed's pictures (a call tile per feed,
// our own camera as feed 0). Sinks are held by shared_ptr, so one removed
// while a picture is on its way to it is still alive when the picture
// arrives; a sink whose view may go away is a media::VideoSinkGate.
//
// Threading: add/remove/clear from any thread (the UI thread in the app);
// deliver() from the media threads. The registrations are copied on write:
// deliver() takes a reference to the current set under a mutex held for that
// copy only, and calls the sinks with no lock held.
class FeedVideoSinks {
public:
    void add(quint64 feedId, std::shared_ptr<media::VideoSink> sink);
    // Removes one registration of `sink` for the feed (matched by address).
    void remove(quint64 feedId, const media::VideoSink* sink);
    void clear();

    // Hands the picture to every sink of the feed; returns how many.
    std::size_t deliver(quint64 feedId, const media::VideoFrame& frame) const;

private:
    using Sinks = std::multimap<quint64, std::shared_ptr<media::VideoSink>>;
    std::shared_ptr<const Sinks> snapshot() const;

    mutable std::mutex mutex_; // guards sinks_ (the pointer), never held while a sink runs
    std::shared_ptr<const Sinks> sinks_ = std::make_shared<const Sinks>();
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
