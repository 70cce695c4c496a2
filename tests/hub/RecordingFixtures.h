#pragma once

// Real small WebM files for the recording catalogue's tests: the synthetic
// camera and microphone (core/media) through the real VP8 and Opus encoders
// into core/recording's WebmWriter, and a renditions maker that writes the
// light and audio-slides renditions the same way, so every file the
// catalogue probes is one FFmpeg really reads.

#include "hub/recordings/RecordingCatalogue.h"
#include "media/AudioFrame.h"
#include "media/audio/OpusVoiceEncoder.h"
#include "media/audio/ToneMarker.h"
#include "media/video/TestPatternSource.h"
#include "media/video/VpxEncoder.h"
#include "recording/WebmWriter.h"

#include <QCryptographicHash>
#include <QFile>

#include <filesystem>
#include <optional>

namespace spoke::test {

// `seconds` of picture (unless width is 0; at least 160x90, the test
// pattern's smallest) and tone, 10 fps.
inline std::filesystem::path writeSyntheticWebm(const std::filesystem::path& file, int seconds, int width = 320,
                                                int height = 180)
{
    constexpr int kFps = 10;
    recording::WebmWriterConfig config;
    config.file = file;
    config.video = width > 0;
    config.width = width > 0 ? width : 320;
    config.height = height;
    config.fps = kFps;
    recording::WebmWriter writer(config);
    std::optional<media::TestPatternSource> camera;
    std::optional<media::VpxEncoder> video;
    if (config.video) {
        camera.emplace(media::TestPatternSource::Config{width, height, kFps, false});
        media::VpxEncoderConfig vpx;
        vpx.width = width;
        vpx.height = height;
        vpx.fps = kFps;
        vpx.maxKeyframeIntervalFrames = 20;
        video.emplace(vpx);
    }
    media::OpusVoiceEncoder audio({48'000, 0, false, false, 10});
    constexpr int kFrameMs = 1000 / kFps;
    for (int frame = 0; frame < seconds * kFps; ++frame) {
        if (video) {
            media::VideoFrame picture = camera->render(frame, std::int64_t(frame) * kFrameMs * 1000);
            for (const auto& encoded : video->encode(picture))
                writer.writeVideo(encoded.data, frame * kFrameMs, encoded.keyframe);
        }
        for (int block = 0; block < kFrameMs / 20; ++block) {
            media::AudioFrame sound = media::AudioFrame::allocate(960);
            media::ToneMarker::synthesize(frame * (kFrameMs / 20) + block, sound.mutableSamples());
            writer.writeAudio(audio.encode(sound), frame * kFrameMs + block * 20, 960);
        }
    }
    writer.finish();
    return file;
}

// Stands in for core/recording's Renditions: one light file (smaller
// picture) and one audio-slides file (no picture) per call, each as long as
// the full parts together.
inline hub::recordings::RenditionMaker syntheticRenditions(int seconds)
{
    return [seconds](const std::vector<std::filesystem::path>& fullParts, const std::filesystem::path& outputDir)
               -> Expected<std::vector<hub::recordings::MadeRendition>, QString> {
        if (fullParts.empty())
            return QStringLiteral("no parts");
        return std::vector<hub::recordings::MadeRendition>{
            {hub::recordings::kLight, {writeSyntheticWebm(outputDir / "made-light.webm", seconds, 160, 90)}},
            {hub::recordings::kAudioSlides, {writeSyntheticWebm(outputDir / "made-audio.webm", seconds, 0)}},
        };
    };
}

inline QString sha256Of(const std::filesystem::path& file)
{
    QFile in(QString::fromStdString(file.string()));
    REQUIRE(in.open(QIODevice::ReadOnly));
    return QString::fromLatin1(QCryptographicHash::hash(in.readAll(), QCryptographicHash::Sha256).toHex());
}

} // namespace spoke::test
