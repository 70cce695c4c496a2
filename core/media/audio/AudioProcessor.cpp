#include "media/audio/AudioProcessor.h"

#include "media/MediaError.h"

#include <webrtc/modules/audio_processing/include/audio_processing.h>

#include <algorithm>
#include <array>
#include <string>

namespace spoke::media {

namespace {

constexpr int kChunkSamples = AudioFrame::kSampleRateHz / 100; // the module works in 10 ms chunks

void check(int rc, const char* what)
{
    if (rc != webrtc::AudioProcessing::kNoError)
        throw MediaError(MediaErrorKind::Codec,
                         std::string("Audio processing refused ") + what + " (error " + std::to_string(rc) + ")");
}

// The float interface is the one that takes 48 kHz in this version (the
// AudioFrame one refuses 48 kHz far-end audio); it wants [-1, 1].
void toFloat(const std::int16_t* in, float* out)
{
    for (int i = 0; i < kChunkSamples; ++i)
        out[i] = static_cast<float>(in[i]) / 32768.0f;
}

void toInt16(const float* in, std::int16_t* out)
{
    for (int i = 0; i < kChunkSamples; ++i)
        out[i] = static_cast<std::int16_t>(std::clamp(in[i] * 32768.0f, -32768.0f, 32767.0f));
}

} // namespace

struct AudioProcessor::Module {
    std::unique_ptr<webrtc::AudioProcessing> apm;
    webrtc::StreamConfig stream{AudioFrame::kSampleRateHz, 1};
    std::array<float, kChunkSamples> far{};
    std::array<float, kChunkSamples> farOut{};
    std::array<float, kChunkSamples> nearIn{};
    std::array<float, kChunkSamples> nearOut{};
};

AudioProcessor::AudioProcessor(const AudioProcessingSwitches& switches)
    : module_(std::make_unique<Module>())
{
    webrtc::Config config;
    // The extended filter covers longer echo tails (laptops in bare clinic
    // rooms); delay-agnostic mode copes with sound cards whose reported
    // latency is wrong, which on Linux is most of them.
    config.Set<webrtc::ExtendedFilter>(new webrtc::ExtendedFilter(true));
    config.Set<webrtc::DelayAgnostic>(new webrtc::DelayAgnostic(true));
    module_->apm.reset(webrtc::AudioProcessing::Create(config));
    if (!module_->apm)
        throw MediaError(MediaErrorKind::Codec, "Could not start the audio processing module");
    check(module_->apm->high_pass_filter()->Enable(true), "the high-pass filter");
    check(module_->apm->echo_cancellation()->set_suppression_level(webrtc::EchoCancellation::kHighSuppression),
          "the echo suppression level");
    check(module_->apm->noise_suppression()->set_level(webrtc::NoiseSuppression::kHigh), "the noise level");
    check(module_->apm->gain_control()->set_mode(webrtc::GainControl::kAdaptiveDigital), "the gain mode");
    setSwitches(switches);
}

AudioProcessor::~AudioProcessor() = default;

void AudioProcessor::setSwitches(const AudioProcessingSwitches& switches)
{
    affinity_.assertOwner();
    webrtc::AudioProcessing& apm = *module_->apm;
    check(apm.echo_cancellation()->Enable(switches.echoCancellation), "to switch echo cancellation");
    check(apm.noise_suppression()->Enable(switches.noiseSuppression), "to switch noise suppression");
    check(apm.gain_control()->Enable(switches.gainControl), "to switch gain control");
    switches_ = switches;
}

void AudioProcessor::setStreamDelayMs(int delayMs)
{
    affinity_.assertOwner();
    streamDelayMs_ = std::clamp(delayMs, 0, 500);
}

void AudioProcessor::processFarEnd(std::span<const std::int16_t> samples)
{
    for (std::size_t start = 0; start + kChunkSamples <= samples.size(); start += kChunkSamples) {
        toFloat(samples.data() + start, module_->far.data());
        const float* in[] = {module_->far.data()};
        float* out[] = {module_->farOut.data()};
        check(module_->apm->ProcessReverseStream(in, module_->stream, module_->stream, out), "a far-end frame");
    }
}

void AudioProcessor::processNearEnd(AudioFrame& frame)
{
    affinity_.assertOwner();
    auto samples = frame.mutableSamples();
    for (std::size_t start = 0; start + kChunkSamples <= samples.size(); start += kChunkSamples) {
        toFloat(samples.data() + start, module_->nearIn.data());
        const float* in[] = {module_->nearIn.data()};
        float* out[] = {module_->nearOut.data()};
        module_->apm->set_stream_delay_ms(streamDelayMs_);
        check(module_->apm->ProcessStream(in, module_->stream, module_->stream, out), "a microphone frame");
        toInt16(module_->nearOut.data(), samples.data() + start);
    }
}

} // namespace spoke::media
