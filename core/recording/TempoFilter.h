#pragma once

#include "media/AvHandles.h"
#include "recording/AvOutputHandles.h"
#include "util/ThreadAffinity.h"

#include <functional>

namespace spoke::recording {

// Decoded audio in any format → 48 kHz s16 interleaved at the output's
// channel count, played `speed` times faster with the pitch kept
// (libavfilter's atempo, which works by overlap-add of waveform-similar
// segments rather than resampling). Owned by the audio thread (asserted).
class TempoFilter {
public:
    TempoFilter(const AVCodecContext& decoder, int outputChannels, double speed);

    // Feeds one decoded frame (or nullptr at the end) and hands each filtered
    // frame to `out`. Throws RecordingError(Codec).
    void push(AVFrame* frame, const std::function<void(const AVFrame&)>& out);

    double speed() const { return speed_; }

private:
    ThreadAffinity affinity_;
    double speed_;
    AvFilterGraphPtr graph_;
    AVFilterContext* source_ = nullptr;
    AVFilterContext* sink_ = nullptr;
    media::AvFramePtr filtered_;
};

} // namespace spoke::recording
