#include "bench/MediaBench.h"

#include "bench/ReplayCamera.h"

#include "media/MediaClock.h"
#include "media/MediaError.h"
#include "media/audio/OpusVoiceDecoder.h"
#include "media/audio/OpusVoiceEncoder.h"
#include "media/audio/ToneSource.h"
#include "media/devices/FfmpegVideoSource.h"
#include "media/pipeline/VideoSendPipeline.h"
#include "media/video/FrameStamp.h"
#include "media/video/Psnr.h"
#include "media/video/TestPatternSource.h"
#include "media/video/VideoConverter.h"
#include "media/video/VpxDecoder.h"
#include "media/video/VpxEncoder.h"
#include "media/video/Y4mWriter.h"
#include "rtc/BitrateLadder.h"
#include "util/ThreadCpu.h"

#include <sys/resource.h>

#include <chrono>
#include <thread>

namespace spoke::bench {

using namespace spoke::media;

namespace {

double threadCpuSeconds()
{
    return static_cast<double>(threadCpuUs()) / 1e6;
}

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& tv) {
        return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int defaultBitrateBps(int height)
{
    if (height <= 180)
        return 150'000;
    if (height <= 360)
        return 500'000;
    if (height <= 720)
        return 1'200'000;
    return 2'500'000;
}

int writeTestPatternY4m(const std::filesystem::path& path, int width, int height, int fps, int seconds)
{
    TestPatternSource source({width, height, fps, false, AV_PIX_FMT_YUV420P});
    Y4mWriter writer(path, width, height, fps);
    const int frames = fps * seconds;
    for (int i = 0; i < frames; ++i)
        writer.write(source.render(i, static_cast<std::int64_t>(i) * 1'000'000 / fps));
    return frames;
}

EncodeBenchResult runEncodeBench(const EncodeBenchConfig& config)
{
    VpxEncoderConfig encoderConfig;
    encoderConfig.codec = config.codec;
    encoderConfig.width = config.width;
    encoderConfig.height = config.height;
    encoderConfig.fps = config.fps;
    encoderConfig.bitrateBps = config.bitrateBps > 0 ? config.bitrateBps : defaultBitrateBps(config.height);
    encoderConfig.threads = config.threads;
    encoderConfig.cpuUsed = config.cpuUsed;
    encoderConfig.staticThresholdSse = config.staticThresholdSse;
    encoderConfig.allowFrameDrop = false; // like vpxenc --drop-frame=0: every frame costs its encode
    VpxEncoder encoder(encoderConfig);
    VpxDecoder decoder(config.codec);

    // Frames come from the Y4M file or the test pattern; the file is read
    // twice (encode pass, then PSNR pass) rather than held in memory.
    std::unique_ptr<FfmpegVideoSource> file;
    std::unique_ptr<VideoConverter> toI420;
    TestPatternSource pattern({config.width, config.height, config.fps, false, AV_PIX_FMT_YUV420P});
    auto openInput = [&] {
        if (!config.inputY4m)
            return;
        file = std::make_unique<FfmpegVideoSource>(
            DeviceInfo{"file:" + config.inputY4m->string(), "bench input", "file", DeviceKind::Camera, false, false},
            "", config.inputY4m->string(), VideoCaptureFormat{}, false);
        toI420 = std::make_unique<VideoConverter>(AV_PIX_FMT_YUV420P, config.width, config.height);
    };
    auto frameAt = [&](int i) {
        const std::int64_t ptsUs = static_cast<std::int64_t>(i) * 1'000'000 / config.fps;
        if (!file)
            return pattern.render(i, ptsUs);
        VideoFrame frame = file->read();
        if (frame.isNull())
            return frame; // end of file
        frame = toI420->convert(frame);
        frame.setCaptureTimeUs(ptsUs);
        frame.setSequence(i);
        return frame;
    };

    EncodeBenchResult result;
    result.bitrateBps = encoderConfig.bitrateBps;
    const int maxFrames = config.fps * config.seconds;
    std::vector<EncodedFrame> packets;
    std::size_t bytes = 0;
    openInput();
    for (int i = 0; i < maxFrames; ++i) {
        const VideoFrame frame = frameAt(i);
        if (frame.isNull())
            break;
        // Only the encoder call is timed, as vpxenc times it; decoding for
        // PSNR happens in a second pass so it does not evict the encoder's
        // reference frames from the cache between calls.
        const auto wallStart = std::chrono::steady_clock::now();
        const double cpuStart = threadCpuSeconds();
        auto encoded = encoder.encode(frame);
        result.encodeWallSeconds += since(wallStart);
        result.cpuMsPerFrame += (threadCpuSeconds() - cpuStart) * 1000;
        ++result.frames;
        for (auto& out : encoded) {
            bytes += out.data.size();
            ++result.encodedFrames;
            result.keyframes += out.keyframe ? 1 : 0;
            packets.push_back(std::move(out));
        }
    }
    if (result.frames == 0)
        throw MediaError(MediaErrorKind::InvalidArgument, "The input has no frames");

    double psnrSum = 0;
    openInput();
    std::size_t next = 0;
    for (int i = 0; i < result.frames && next < packets.size(); ++i) {
        const VideoFrame frame = frameAt(i);
        if (frame.isNull() || packets[next].sequence != i)
            continue;
        if (const auto picture = decoder.decode(packets[next].data))
            psnrSum += psnrDb(frame, *picture);
        ++next;
    }
    result.fps = result.frames / result.encodeWallSeconds;
    result.cpuMsPerFrame /= result.frames;
    result.achievedKbps = static_cast<double>(bytes) * 8 / (static_cast<double>(result.frames) / config.fps) / 1000;
    result.psnrDb = result.encodedFrames ? psnrSum / result.encodedFrames : 0;
    return result;
}

LiveBenchResult runLiveBench(const LiveBenchConfig& config)
{
    VideoSendPipeline::Config pipelineConfig;
    pipelineConfig.encoder.sourceWidth = config.width;
    pipelineConfig.encoder.sourceHeight = config.height;
    pipelineConfig.encoder.maxFps = config.fps;
    pipelineConfig.encoder.totalBitrateBps = config.bitrateBps;
    pipelineConfig.encoder.layerCount = config.layers;
    const AVPixelFormat cameraFormat = config.cameraYuyv ? AV_PIX_FMT_YUYV422 : AV_PIX_FMT_YUV420P;
    // With a file, every picture is held in memory twice: as I420 for the
    // encoder-only reference and in the camera's format for the camera.
    std::vector<VideoFrame> filePictures;
    std::unique_ptr<VideoSource> source;
    if (config.inputFile) {
        filePictures =
            loadVideoFile(*config.inputFile, config.width, config.height, std::min(config.fps * config.seconds, 600));
        VideoConverter toCamera(cameraFormat, config.width, config.height);
        std::vector<VideoFrame> cameraPictures;
        cameraPictures.reserve(filePictures.size());
        for (const auto& picture : filePictures)
            cameraPictures.push_back(toCamera.convert(picture));
        source = std::make_unique<ReplayCamera>(std::move(cameraPictures), config.fps);
    } else {
        source = std::make_unique<TestPatternSource>(
            TestPatternSource::Config{config.width, config.height, config.fps, true, cameraFormat});
    }
    VideoSendPipeline pipeline(std::move(source), nullptr, pipelineConfig);

    const double cpuStart = processCpuSeconds();
    const auto wallStart = std::chrono::steady_clock::now();
    pipeline.start();
    std::size_t bytes = 0;
    const auto end = wallStart + std::chrono::seconds(config.seconds);
    while (std::chrono::steady_clock::now() < end)
        if (auto frame = pipeline.output().pop(std::chrono::milliseconds(50)))
            bytes += frame->data.size(); // what the RTP sender would take
    pipeline.stop();
    LiveBenchResult result;
    result.wallSeconds = since(wallStart);
    result.cpuSeconds = processCpuSeconds() - cpuStart;
    result.cpuPercentOfOneCore = 100.0 * result.cpuSeconds / result.wallSeconds;
    const auto stats = pipeline.stats();
    result.framesCaptured = stats.framesCaptured;
    result.framesEncoded = stats.framesEncoded;
    result.framesDropped = stats.captureQueueDropped + stats.encoderDropped;
    result.captureThreadCpuPercent = 100.0 * static_cast<double>(stats.captureCpuUs) / 1e6 / result.wallSeconds;
    result.encodeThreadCpuPercent = 100.0 * static_cast<double>(stats.encodeCpuUs) / 1e6 / result.wallSeconds;
    result.encodeUsage = stats.encodeUsage;
    result.cpuScaleSteps = stats.cpuScaleSteps;
    while (auto frame = pipeline.output().tryPop())
        bytes += frame->data.size();
    result.achievedKbps = static_cast<double>(bytes) * 8 / result.wallSeconds / 1000;
    if (!stats.lastError.empty())
        throw MediaError(MediaErrorKind::DeviceLost, stats.lastError);

    const auto plan = rtc::BitrateLadder::planFor(config.bitrateBps, config.width, config.height, config.fps);
    VpxEncoderConfig encoderConfig;
    encoderConfig.width = plan.width;
    encoderConfig.height = plan.height;
    encoderConfig.fps = plan.fps;
    encoderConfig.bitrateBps = config.bitrateBps;
    VpxEncoder encoder(encoderConfig);
    TestPatternSource pattern({plan.width, plan.height, plan.fps, false, AV_PIX_FMT_YUV420P});
    VideoConverter toPlan(AV_PIX_FMT_YUV420P, plan.width, plan.height);
    auto referencePicture = [&](int i) {
        const std::int64_t ptsUs = static_cast<std::int64_t>(i) * 1'000'000 / plan.fps;
        if (filePictures.empty())
            return pattern.render(i, ptsUs);
        VideoFrame frame = toPlan.convert(filePictures[static_cast<std::size_t>(i) % filePictures.size()]);
        frame.setCaptureTimeUs(ptsUs);
        return frame;
    };
    double encoderCpu = 0;
    const int frames = static_cast<int>(result.framesCaptured);
    for (int i = 0; i < frames; ++i) {
        const VideoFrame frame = referencePicture(i);
        const double t0 = threadCpuSeconds();
        encoder.encode(frame);
        encoderCpu += threadCpuSeconds() - t0;
    }
    result.encoderOnlyCpuPercent = frames ? 100.0 * encoderCpu / (static_cast<double>(frames) / plan.fps) : 0;
    // The same encoder again, but fed in real time: between pictures the
    // thread sleeps and its caches go cold, which costs a live sender
    // whatever its pipeline does. This, not the back-to-back loop above, is
    // what the pipeline's own overhead is measured against.
    VpxEncoder pacedEncoder(encoderConfig);
    double pacedCpu = 0;
    const auto pacedStart = std::chrono::steady_clock::now();
    for (int i = 0; i < frames; ++i) {
        std::this_thread::sleep_until(pacedStart
                                      + std::chrono::microseconds(static_cast<std::int64_t>(i) * 1'000'000 / plan.fps));
        const VideoFrame frame = referencePicture(i);
        const double t0 = threadCpuSeconds();
        pacedEncoder.encode(frame);
        pacedCpu += threadCpuSeconds() - t0;
    }
    result.pacedEncoderOnlyCpuPercent = frames ? 100.0 * pacedCpu / (static_cast<double>(frames) / plan.fps) : 0;

    // A replayed file costs the camera thread a reference count, like a
    // webcam's DMA buffer: nothing to take off.
    if (filePictures.empty()) {
        TestPatternSource camera({config.width, config.height, config.fps, false, cameraFormat});
        const double cameraStart = threadCpuSeconds();
        for (int i = 0; i < frames; ++i)
            camera.read();
        const double cameraCpu = threadCpuSeconds() - cameraStart;
        result.syntheticCameraCpuPercent = 100.0 * cameraCpu / result.wallSeconds;
    }
    result.cameraPathCpuPercent = result.cpuPercentOfOneCore - result.syntheticCameraCpuPercent;
    return result;
}

LoopbackBenchResult runLoopbackBench(const LoopbackBenchConfig& config)
{
    VideoSendPipeline::Config pipelineConfig;
    pipelineConfig.encoder.sourceWidth = config.width;
    pipelineConfig.encoder.sourceHeight = config.height;
    pipelineConfig.encoder.maxFps = config.fps;
    pipelineConfig.encoder.totalBitrateBps = config.bitrateBps;
    // The size must stay the source's so PSNR compares like with like.
    pipelineConfig.encoder.layerCount = 1;
    // "None missing" is the check: rate control must not skip pictures here
    // (a live sender may, and the stamps would show it).
    pipelineConfig.encoder.allowFrameDrop = false;
    auto source = std::make_unique<TestPatternSource>(
        TestPatternSource::Config{config.width, config.height, config.fps, true, AV_PIX_FMT_YUV420P});
    const TestPatternSource reference({config.width, config.height, config.fps, false, AV_PIX_FMT_YUV420P});
    VideoSendPipeline pipeline(std::move(source), nullptr, pipelineConfig);
    VpxDecoder decoder(VideoCodec::Vp8);

    LoopbackBenchResult result;
    std::vector<double> latencies;
    double psnrSum = 0;
    int psnrCount = 0;
    std::size_t bytes = 0;
    std::int64_t lastSequence = -1;
    auto consume = [&](const EncodedFrame& frame) {
        bytes += frame.data.size();
        const auto picture = decoder.decode(frame.data, frame.captureTimeUs, frame.sequence);
        if (!picture)
            return;
        const auto stamp = FrameStamp::read(*picture);
        const std::int64_t nowMs = MediaClock::nowMs();
        ++result.framesReceived;
        if (!stamp.value) {
            ++result.unreadableStamps;
            return;
        }
        const auto sequence = static_cast<std::int64_t>(stamp.value->sequence);
        if (sequence <= lastSequence)
            ++result.outOfOrder;
        else
            result.framesMissing += static_cast<int>(sequence - lastSequence - 1);
        lastSequence = std::max(lastSequence, sequence);
        latencies.push_back(static_cast<double>(nowMs - static_cast<std::int64_t>(stamp.value->captureTimeMs)));
        if (picture->width() == config.width && picture->height() == config.height) {
            psnrSum += psnrDb(reference.render(frame.sequence, frame.captureTimeUs), *picture);
            ++psnrCount;
        }
    };

    pipeline.start();
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(config.seconds);
    while (std::chrono::steady_clock::now() < end)
        if (auto frame = pipeline.output().pop(std::chrono::milliseconds(50)))
            consume(*frame);
    pipeline.stop();
    while (auto frame = pipeline.output().tryPop())
        consume(*frame);

    const auto stats = pipeline.stats();
    result.framesSent = static_cast<int>(stats.framesCaptured);
    // Pictures captured after the last one received (rate-control drops
    // at the end) count as missing too.
    result.framesMissing += static_cast<int>(static_cast<std::int64_t>(stats.framesCaptured) - 1 - lastSequence);
    result.psnrDb = psnrCount ? psnrSum / psnrCount : 0;
    result.achievedKbps =
        static_cast<double>(bytes) * 8 / (static_cast<double>(stats.framesCaptured) / config.fps) / 1000;
    result.latencyMs = summarize(latencies);
    return result;
}

OpusBenchResult runOpusBench(int seconds)
{
    ToneSource source({false, 0.25});
    OpusVoiceEncoder encoder(OpusVoiceConfig{}); // the call settings: 24 kbit/s, FEC, DTX
    OpusVoiceDecoder decoder;
    OpusBenchResult result;
    std::size_t bytes = 0;
    const int frames = seconds * 50;
    for (int i = 0; i < frames; ++i) {
        const AudioFrame frame = source.read();
        double t0 = threadCpuSeconds();
        const auto packet = encoder.encode(frame);
        const double t1 = threadCpuSeconds();
        const AudioFrame decoded = decoder.decode(packet);
        const double t2 = threadCpuSeconds();
        result.encodeCpuSeconds += t1 - t0;
        result.decodeCpuSeconds += t2 - t1;
        bytes += packet.size() + static_cast<std::size_t>(decoded.sampleCount() == 0);
    }
    result.audioSeconds = seconds;
    result.cpuPercentOfOneCore = 100.0 * (result.encodeCpuSeconds + result.decodeCpuSeconds) / result.audioSeconds;
    result.achievedKbps = static_cast<double>(bytes) * 8 / seconds / 1000;
    return result;
}

} // namespace spoke::bench
