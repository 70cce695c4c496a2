#include "media/video/SimulcastEncoder.h"

#include "media/MediaError.h"

#include <algorithm>
#include <array>

namespace spoke::media {

namespace {

// The sizes a sender steps through when the CPU cannot keep up: the
// ladder's heights, so each is a size receivers already see on thin links.
constexpr std::array kCpuStepHeights{1080, 720, 540, 360, 270, 180};

// The source's size `steps` steps below it (never below 180 lines).
std::pair<int, int> cpuScaledSource(int width, int height, int steps)
{
    const auto below = std::find_if(kCpuStepHeights.begin(), kCpuStepHeights.end(), [&](int h) { return h < height; });
    if (steps <= 0 || below == kCpuStepHeights.end())
        return {width, height};
    const auto first = static_cast<std::size_t>(std::distance(kCpuStepHeights.begin(), below));
    const int h = kCpuStepHeights[std::min(first + static_cast<std::size_t>(steps) - 1, kCpuStepHeights.size() - 1)];
    return {std::max(2, static_cast<int>(static_cast<long long>(h) * width / height) & ~1), h};
}

} // namespace

struct SimulcastEncoder::Layer {
    VideoConverter converter{AV_PIX_FMT_YUV420P, 2, 2};
    std::unique_ptr<VpxEncoder> encoder;
    rtc::VideoLayerPlan plan;
    std::int64_t lastEncodedUs = -1;
    bool paused = false;
};

SimulcastEncoder::SimulcastEncoder(const SimulcastConfig& config) : config_(config)
{
    if (config_.layerCount < 1 || config_.layerCount > 3)
        throw MediaError(MediaErrorKind::InvalidArgument,
                         "Simulcast takes 1 to 3 layers, not " + std::to_string(config_.layerCount));
    if (config_.sourceWidth < 2 || config_.sourceHeight < 2 || config_.maxFps <= 0)
        throw MediaError(MediaErrorKind::InvalidArgument, "Simulcast needs a source size and frame rate");
    if (config_.screenContent)
        config_.layerCount = 1; // a share is one stream: receivers have no smaller layer to pick
    for (int i = 0; i < config_.layerCount; ++i)
        layers_.push_back(std::make_unique<Layer>());
    replan();
}

void SimulcastEncoder::replan()
{
    const bool topRunning = plans_.size() > 1 && plans_.back().bitrateBps > 0;
    const auto [width, height] = cpuScaledSource(config_.sourceWidth, config_.sourceHeight, cpuSteps_);
    if (config_.screenContent) {
        // Text must stay at the source's size to stay readable: a share
        // spends a thin link on fewer pictures, not on smaller ones.
        plans_ = {rtc::VideoLayerPlan{width, height, config_.maxFps, config_.totalBitrateBps}};
    } else {
        plans_ = rtc::BitrateLadder::simulcast(config_.totalBitrateBps, width, height, config_.maxFps,
                                               config_.layerCount, topRunning);
    }
    applyPlan();
}

bool SimulcastEncoder::scaleDownForCpu()
{
    affinity_.assertOwner();
    if (cpuScaledSource(config_.sourceWidth, config_.sourceHeight, cpuSteps_ + 1)
        == cpuScaledSource(config_.sourceWidth, config_.sourceHeight, cpuSteps_))
        return false;
    ++cpuSteps_;
    replan();
    return true;
}

bool SimulcastEncoder::scaleUpForCpu()
{
    affinity_.assertOwner();
    if (cpuSteps_ == 0)
        return false;
    --cpuSteps_;
    replan();
    return true;
}

SimulcastEncoder::~SimulcastEncoder() = default;

void SimulcastEncoder::moveToCurrentThread()
{
    affinity_.rebindToCurrentThread();
    for (auto& layer : layers_) {
        layer->converter = VideoConverter(AV_PIX_FMT_YUV420P, layer->plan.width, layer->plan.height);
        if (layer->encoder)
            layer->encoder->moveToCurrentThread();
    }
}

void SimulcastEncoder::applyPlan()
{
    for (std::size_t i = 0; i < layers_.size(); ++i) {
        Layer& layer = *layers_[i];
        const rtc::VideoLayerPlan& plan = plans_[i];
        layer.plan = plan;
        if (plan.bitrateBps <= 0) {
            layer.paused = true;
            continue;
        }
        layer.converter.setOutputSize(plan.width, plan.height);
        if (!layer.encoder) {
            VpxEncoderConfig encoderConfig;
            encoderConfig.codec = config_.codec;
            encoderConfig.width = plan.width;
            encoderConfig.height = plan.height;
            encoderConfig.fps = plan.fps;
            encoderConfig.bitrateBps = plan.bitrateBps;
            encoderConfig.threads = config_.threads;
            encoderConfig.allowFrameDrop = config_.allowFrameDrop;
            if (config_.screenContent)
                encoderConfig = screenContentProfile(encoderConfig);
            layer.encoder = std::make_unique<VpxEncoder>(encoderConfig);
        } else {
            layer.encoder->setResolution(plan.width, plan.height);
            layer.encoder->setFrameRate(plan.fps);
            layer.encoder->setBitrateBps(plan.bitrateBps);
        }
        if (layer.paused)
            layer.encoder->requestKeyframe(); // a receiver switching to it needs one
        layer.paused = false;
    }
}

std::vector<EncodedFrame> SimulcastEncoder::encode(const VideoFrame& picture)
{
    affinity_.assertOwner();
    std::vector<EncodedFrame> out;
    for (std::size_t i = 0; i < layers_.size(); ++i) {
        Layer& layer = *layers_[i];
        if (layer.paused)
            continue;
        // Frame-rate decimation by capture time, with 10 % slack so a 30 fps
        // camera with jitter still gives a 15 fps layer every second frame.
        const std::int64_t intervalUs = 1'000'000 / layer.plan.fps;
        if (layer.lastEncodedUs >= 0 && picture.captureTimeUs() - layer.lastEncodedUs < intervalUs * 9 / 10)
            continue;
        layer.lastEncodedUs = picture.captureTimeUs();
        const VideoFrame scaled = layer.converter.convert(picture);
        for (auto& frame : layer.encoder->encode(scaled, static_cast<int>(i)))
            out.push_back(std::move(frame));
    }
    return out;
}

void SimulcastEncoder::setTotalBitrateBps(int bitrateBps)
{
    affinity_.assertOwner();
    if (bitrateBps <= 0)
        throw MediaError(MediaErrorKind::InvalidArgument, "A bitrate must be positive");
    config_.totalBitrateBps = bitrateBps;
    replan();
}

void SimulcastEncoder::requestKeyframe()
{
    affinity_.assertOwner();
    for (auto& layer : layers_)
        if (layer->encoder)
            layer->encoder->requestKeyframe();
}

void SimulcastEncoder::requestKeyframe(int layerIndex)
{
    affinity_.assertOwner();
    if (layerIndex >= 0 && layerIndex < static_cast<int>(layers_.size())
        && layers_[static_cast<std::size_t>(layerIndex)]->encoder)
        layers_[static_cast<std::size_t>(layerIndex)]->encoder->requestKeyframe();
}

std::uint64_t SimulcastEncoder::droppedFrames() const
{
    std::uint64_t total = 0;
    for (const auto& layer : layers_)
        if (layer->encoder)
            total += layer->encoder->droppedFrames();
    return total;
}

} // namespace spoke::media
