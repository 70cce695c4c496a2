#pragma once

#include "call/CallMediaTap.h"

#include <cstdint>
#include <map>
#include <mutex>

namespace spoke::ui {

class VideoView;

// The call engine's CallMediaTap for the call view: hands each decoded
// remote picture (and our own camera picture, feed 0) to the VideoView tiles
// registered for that feed, and keeps per-feed loudness and the time the
// last picture and sound arrived, which the call model turns into
// "speaking", "muted" and "camera off". Called on the engine's media
// threads; attach/detach on the UI thread. A tile is registered through its
// VideoView::sink(), a gate the view closes in its destructor, so a tile
// that detaches or is destroyed while a picture is on its way is safe, and
// no lock is held while a picture is handed over (call::FeedVideoSinks).
class CallMediaRouter final : public call::CallMediaTap {
public:
    static constexpr quint64 kSelf = 0; // Janus never gives out feed id 0

    struct FeedActivity {
        double level = 0.0; // smoothed RMS, 0..1
        std::int64_t lastAudioMs = -1; // steady clock
        std::int64_t lastLoudMs = -1; // last frame above the speaking threshold
        std::int64_t lastAudibleMs = -1; // last frame that was not (near) digital silence
        std::int64_t lastVideoMs = -1;
        std::uint64_t pictures = 0;
    };

    void attach(quint64 feedId, VideoView* view);
    void detach(quint64 feedId, VideoView* view);
    void detachAll();
    FeedActivity activity(quint64 feedId) const;

    void localVideo(const media::VideoFrame& frame) override;
    void localAudio(const media::AudioFrame& frame) override;
    void remoteVideo(quint64 feedId, const media::VideoFrame& frame) override;
    void remoteAudio(quint64 feedId, const media::AudioFrame& frame) override;

    // Louder than this (RMS of full scale, about -40 dBFS) counts as speaking.
    static constexpr double kSpeakingLevel = 0.01;
    // Quieter than any microphone's noise floor (about -66 dBFS): what a
    // muted sender's silence decodes to.
    static constexpr double kSilenceLevel = 0.0005;

private:
    void onPicture(quint64 feedId, const media::VideoFrame& frame);
    void onSound(quint64 feedId, const media::AudioFrame& frame);

    call::FeedVideoSinks tiles_;
    mutable std::mutex activityMutex_;
    std::map<quint64, FeedActivity> activity_;
};

} // namespace spoke::ui
