#pragma once

#include "bench/Stats.h"
#include "media/video/EncodedFrame.h"
#include "media/video/VpxEncoder.h"

#include <filesystem>
#include <optional>
#include <string>

namespace spoke::bench {

struct EncodeBenchConfig {
    media::VideoCodec codec = media::VideoCodec::Vp8;
    int width = 640;
    int height = 360;
    int fps = 30;
    int seconds = 10;
    int bitrateBps = 0; // 0: 150k@180p, 500k@360p, 1.2M@720p, 2.5M@1080p (docs/codec-anchors.md)
    int threads = 1;
    int cpuUsed = 0; // 0: the real-time default (VP8 -6, VP9 8)
    int staticThresholdSse = media::VpxEncoderConfig{}.staticThresholdSse;
    std::optional<std::filesystem::path> inputY4m; // encode this file instead of the test pattern
};

struct EncodeBenchResult {
    int frames = 0;
    int encodedFrames = 0;
    int keyframes = 0;
    double encodeWallSeconds = 0; // inside vpx_codec_encode only, like vpxenc's own figure
    double fps = 0;
    double cpuMsPerFrame = 0; // thread CPU time inside the encoder
    double achievedKbps = 0;
    double psnrDb = 0; // mean per-frame PSNR against the source, all planes
    int bitrateBps = 0;
};

// Encodes `seconds` of the test pattern (or a Y4M file) as fast as possible.
// Frames are read or rendered outside the timed region; decoding for PSNR
// happens after each frame, also untimed. Throws media::MediaError.
EncodeBenchResult runEncodeBench(const EncodeBenchConfig& config);

// Writes the test pattern as Y4M, for vpxenc and friends. Returns frames written.
int writeTestPatternY4m(const std::filesystem::path& path, int width, int height, int fps, int seconds);

int defaultBitrateBps(int height);

struct LiveBenchConfig {
    int width = 1280;
    int height = 720;
    int fps = 30;
    int seconds = 10;
    int bitrateBps = 1'200'000;
    bool cameraYuyv = true; // deliver YUYV like a webcam, so conversion is paid for
    int layers = 1; // simulcast layers; the 15 % budget is for one 720p stream
    // Play this file (Y4M or anything FFmpeg reads) as the camera, looping,
    // instead of the test pattern: the same pictures a reference encoder is
    // timed on in the same script (bench/live-720p.sh).
    std::optional<std::filesystem::path> inputFile;
};

struct LiveBenchResult {
    std::uint64_t framesCaptured = 0;
    std::uint64_t framesEncoded = 0;
    std::uint64_t framesDropped = 0; // queue + rate control
    double wallSeconds = 0;
    double cpuSeconds = 0; // whole process: capture, convert, encode, both threads
    double cpuPercentOfOneCore = 0;
    double achievedKbps = 0;
    // Reference in the same process: the bare VpxEncoder on the same number
    // of pre-rendered I420 pictures, CPU time scaled to the same duration.
    double encoderOnlyCpuPercent = 0;
    // The same, fed one picture per frame interval (sleeping between them),
    // so its caches are as cold as a live sender's.
    double pacedEncoderOnlyCpuPercent = 0;
    // Reference in the same process: the synthetic camera alone (drawing the
    // pattern and its stamp, and converting to YUYV) on the same number of
    // pictures. A real webcam hands over YUYV by DMA, so the camera path's
    // cost is the process's minus this.
    double syntheticCameraCpuPercent = 0;
    double cameraPathCpuPercent = 0;
    // Per pipeline thread, from the pipeline's own counters.
    double captureThreadCpuPercent = 0;
    double encodeThreadCpuPercent = 0;
    double encodeUsage = 0; // share of the frame interval spent encoding (wall)
    int cpuScaleSteps = 0; // sizes stepped down because encoding did not keep up
};

// Runs the real send pipeline in real time with the test pattern as the
// camera and measures the process's CPU time.
LiveBenchResult runLiveBench(const LiveBenchConfig& config);

struct LoopbackBenchConfig {
    int width = 640;
    int height = 360;
    int fps = 30;
    int seconds = 10;
    int bitrateBps = 500'000;
};

struct LoopbackBenchResult {
    int framesSent = 0;
    int framesReceived = 0;
    int framesMissing = 0; // stamped numbers that never arrived
    int outOfOrder = 0;
    int unreadableStamps = 0;
    double psnrDb = 0;
    double achievedKbps = 0;
    Summary latencyMs; // capture → decoded picture, per frame
};

// Test pattern (paced, live) → send pipeline → VP8 → decoder, reading each
// picture's stamp back. In-process: latency is capture, queueing, encode
// and decode, without a network.
LoopbackBenchResult runLoopbackBench(const LoopbackBenchConfig& config);

struct OpusBenchResult {
    double audioSeconds = 0;
    double encodeCpuSeconds = 0;
    double decodeCpuSeconds = 0;
    double cpuPercentOfOneCore = 0; // (encode + decode) / audio duration
    double achievedKbps = 0;
};

// Encodes and decodes `seconds` of the marked tone at 24 kbit/s with FEC (10 %
// loss hint) and DTX, timing the codec calls with thread CPU time.
OpusBenchResult runOpusBench(int seconds);

} // namespace spoke::bench
