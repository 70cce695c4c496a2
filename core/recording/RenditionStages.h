#pragma once

// The stages makeRendition() (Renditions.h) chains, one file each way:
// PartReader demuxes and decodes one input part, RenditionVideo scales and
// encodes pictures, RenditionAudio resamples and encodes sound. All of them
// belong to the thread that runs the conversion.

#include "media/AvHandles.h"
#include "media/video/VideoConverter.h"
#include "media/video/VpxEncoder.h"
#include "recording/Chapters.h"
#include "recording/WebmWriter.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace spoke::recording {

// One input part, opened through media::openLocalInput. Frames come out with
// their time in milliseconds from the part's first packet. Reading stops at
// the end or at the first damage (a crash-cut or truncated file), which is
// then described in problem().
class PartReader {
public:
    struct Sinks {
        std::function<void(const AVFrame& picture, std::int64_t ptsMs)> video; // empty: video is not decoded
        std::function<void(const AVFrame& sound, std::int64_t ptsMs)> audio;
    };

    // Throws RecordingError when the file cannot be opened as a recording.
    PartReader(const std::filesystem::path& file, bool decodeVideo);

    // Reads and decodes one packet. False once the part is over (end or
    // damage); the decoders have then been drained into `sinks`.
    bool step(const Sinks& sinks);

    bool hasVideo() const { return videoStream_ >= 0; }
    bool hasAudio() const { return audioStream_ >= 0; }
    int width() const;
    int height() const;
    int fps() const; // the stated frame rate, 30 when the file does not say
    std::string title() const;
    // The file's chapters, or the crash journal's when it has none (open ends).
    std::vector<ChapterMark> chapters() const;
    // How far the packets read so far play: the end of the latest one.
    std::int64_t playedMs() const { return playedMs_; }
    std::int64_t bytesRead() const;
    const std::string& problem() const { return problem_; }

private:
    void decode(AVCodecContext* decoder, const AVPacket* packet, bool isVideo, const Sinks& sinks);
    void finishPart(const Sinks& sinks);

    std::filesystem::path file_;
    media::AvInputContextPtr context_;
    media::AvCodecContextPtr videoDecoder_;
    media::AvCodecContextPtr audioDecoder_;
    media::AvPacketPtr packet_;
    media::AvFramePtr frame_;
    int videoStream_ = -1;
    int audioStream_ = -1;
    std::int64_t startMs_ = 0;
    std::int64_t playedMs_ = 0;
    std::string problem_;
    bool done_ = false;
};

// Scales every picture to the rendition's size (swscale) and encodes it with
// the project's VP8 encoder (core/media VpxEncoder, the one Recorder uses),
// straight into the writer.
class RenditionVideo {
public:
    RenditionVideo(WebmWriter& writer, int width, int height, int fps, int bitrateBps);
    // `ptsMs` is on the output's timeline.
    void encode(const AVFrame& picture, std::int64_t ptsMs);
    std::int64_t framesEncoded() const { return frames_; }

private:
    WebmWriter& writer_;
    media::VideoConverter converter_;
    media::VpxEncoder encoder_;
    std::int64_t frames_ = 0;
};

// Turns decoded sound of any layout and rate into 48 kHz mono (swresample),
// lines it up on the output's timeline (silence fills gaps, such as the
// seconds a crashed recorder took to come back), and encodes it with
// libavcodec's libopus in fixed-length packets.
class RenditionAudio {
public:
    RenditionAudio(int bitrateBps, int packetMs);
    ~RenditionAudio();
    RenditionAudio(const RenditionAudio&) = delete;
    RenditionAudio& operator=(const RenditionAudio&) = delete;

    // Samples of encoder delay, which the container's Opus pre-skip must state.
    int preSkipSamples() const;
    void attach(WebmWriter& writer) { writer_ = &writer; }

    // `ptsMs` is on the output's timeline.
    void push(const AVFrame& sound, std::int64_t ptsMs);
    // Silence up to `ptsMs` (the end of a part whose sound stopped early).
    void padTo(std::int64_t ptsMs);
    // Encodes what is left and drains the encoder.
    void finish();

private:
    void pushSamples(const std::int16_t* samples, int count);
    void encodeFrames(bool flush);
    void drainPackets();

    media::AvCodecContextPtr encoder_;
    media::SwrContextPtr resampler_;
    AVChannelLayout inLayout_{};
    int inFormat_ = -1;
    int inRateHz_ = 0;
    WebmWriter* writer_ = nullptr;
    std::vector<std::int16_t> pending_; // resampled, not yet a whole packet
    std::int64_t samplesQueued_ = 0; // on the output's timeline, 48 kHz
    std::int64_t samplesSent_ = 0;
    media::AvFramePtr frame_;
    media::AvPacketPtr packet_;
};

} // namespace spoke::recording
