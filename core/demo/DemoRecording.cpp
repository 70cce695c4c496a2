#include "demo/DemoRecording.h"

#include "media/audio/OpusVoiceEncoder.h"
#include "media/audio/ToneMarker.h"
#include "media/video/TestPatternSource.h"
#include "media/video/VideoConverter.h"
#include "media/video/VpxEncoder.h"
#include "recording/WebmWriter.h"
#include "slides/Deck.h"

#include <cstring>
#include <map>
#include <stdexcept>

namespace spoke::demo {

namespace {

// Small enough to encode two minutes in a few seconds on an old laptop,
// large enough that a slide's text reads on replay.
constexpr int kWidth = 640;
constexpr int kHeight = 360;
constexpr int kFps = 10;
constexpr int kFrameMs = 1000 / kFps;
constexpr int kInsetWidth = 160;
constexpr int kInsetHeight = 90;
constexpr int kInsetMargin = 12;
constexpr int kAudioFrameSamples = 960; // 20 ms at 48 kHz
constexpr int kAudioFrameMs = 20;

int pageAt(const DemoRecordingPlan& plan, std::int64_t atMs)
{
    int page = 0;
    for (const auto& turn : plan.turns)
        if (turn.atMs <= atMs)
            page = turn.page;
    return page;
}

// Copies the camera picture into the bottom-right corner of the slide (both I420).
void insetCamera(media::VideoFrame& picture, const media::VideoFrame& camera)
{
    picture.makeWritable();
    const int left = kWidth - kInsetWidth - kInsetMargin;
    const int top = kHeight - kInsetHeight - kInsetMargin;
    for (int plane = 0; plane < 3; ++plane) {
        const int shift = plane == 0 ? 0 : 1;
        const int rows = kInsetHeight >> shift;
        const int bytes = kInsetWidth >> shift;
        for (int row = 0; row < rows; ++row)
            std::memcpy(picture.mutablePlane(plane) + ((top >> shift) + row) * picture.stride(plane) + (left >> shift),
                        camera.plane(plane) + row * camera.stride(plane), static_cast<std::size_t>(bytes));
    }
}

// Each page rendered and converted once; frames copy it.
class PagePictures {
public:
    explicit PagePictures(const slides::Deck& deck) : deck_(deck) { }

    const media::VideoFrame& page(int index)
    {
        auto found = pages_.find(index);
        if (found != pages_.end())
            return found->second;
        auto rendered = deck_.renderPage(index, kWidth);
        if (!rendered)
            throw std::runtime_error("The demo deck's page " + std::to_string(index + 1)
                                     + " cannot be rendered: " + rendered.error().message);
        return pages_.emplace(index, converter_.convert(*rendered)).first->second;
    }

private:
    const slides::Deck& deck_;
    media::VideoConverter converter_{AV_PIX_FMT_YUV420P, kWidth, kHeight};
    std::map<int, media::VideoFrame> pages_;
};

recording::WebmWriterConfig writerConfig(const std::filesystem::path& file, const std::string& title, bool video)
{
    recording::WebmWriterConfig config;
    config.file = file;
    config.video = video;
    config.width = kWidth;
    config.height = kHeight;
    config.fps = kFps;
    config.title = title;
    return config;
}

} // namespace

DemoRecordingFiles writeDemoRecording(const DemoRecordingPlan& plan, const slides::Deck& deck,
                                      const std::filesystem::path& fullFile,
                                      const std::filesystem::path& audioSlidesFile)
{
    recording::WebmWriter full(writerConfig(fullFile, plan.title, true));
    recording::WebmWriter audioOnly(writerConfig(audioSlidesFile, plan.title, false));
    PagePictures pages(deck);
    media::TestPatternSource camera({kInsetWidth, kInsetHeight, kFps, false});
    media::VpxEncoderConfig vpx;
    vpx.width = kWidth;
    vpx.height = kHeight;
    vpx.fps = kFps;
    vpx.bitrateBps = 400'000;
    vpx.screenContent = true;
    vpx.allowFrameDrop = false; // a file has time to spare; every frame keeps its place
    vpx.maxKeyframeIntervalFrames = 2 * kFps; // seeking lands within two seconds
    // Every changed block is coded: with a static threshold, faint
    // remnants of the previous slide's text stay on the white page.
    vpx.staticThresholdSse = 0;
    media::VpxEncoder video(vpx);
    media::OpusVoiceEncoder voice({32'000, 0, false, false, 5});
    media::AudioFrame sound = media::AudioFrame::allocate(kAudioFrameSamples);

    std::size_t nextChapter = 0;
    std::int64_t audioSequence = 0;
    int shownPage = -1;
    for (std::int64_t atMs = 0; atMs < plan.durationMs; atMs += kFrameMs) {
        while (nextChapter < plan.chapters.size() && plan.chapters[nextChapter].atMs <= atMs) {
            full.addChapter(plan.chapters[nextChapter].atMs, plan.chapters[nextChapter].title);
            audioOnly.addChapter(plan.chapters[nextChapter].atMs, plan.chapters[nextChapter].title);
            ++nextChapter;
        }
        const int page = pageAt(plan, atMs);
        if (page != shownPage) // a new slide starts clean, as a keyframe
            video.requestKeyframe();
        shownPage = page;
        media::VideoFrame picture = pages.page(page);
        insetCamera(picture, camera.render(atMs / kFrameMs, atMs * 1000));
        for (const auto& encoded : video.encode(picture))
            full.writeVideo(encoded.data, atMs, encoded.keyframe);
        for (std::int64_t audioMs = atMs; audioMs < atMs + kFrameMs; audioMs += kAudioFrameMs) {
            media::ToneMarker::synthesize(audioSequence++, sound.mutableSamples(), 0.08);
            const auto packet = voice.encode(sound);
            full.writeAudio(packet, audioMs, kAudioFrameSamples);
            audioOnly.writeAudio(packet, audioMs, kAudioFrameSamples);
        }
    }
    full.finish();
    audioOnly.finish();
    return {fullFile, audioSlidesFile, plan.durationMs};
}

} // namespace spoke::demo
