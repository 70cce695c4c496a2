#include "media/AudioFrame.h"
#include "media/audio/AudioProcessor.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <deque>
#include <random>

using namespace spoke::media;

namespace {

// Speech-like far end: a voiced source (harmonics of a gliding 100-220 Hz
// pitch) through two formant-like resonances, in 4 Hz syllables with
// pauses between phrases. Deterministic.
std::vector<std::int16_t> speechLike(int samples)
{
    std::vector<std::int16_t> out(static_cast<std::size_t>(samples));
    std::mt19937 random(7);
    std::normal_distribution<double> noise(0.0, 1.0);
    double phase = 0;
    double y1 = 0;
    double y2 = 0;
    double z1 = 0;
    double z2 = 0;
    for (int i = 0; i < samples; ++i) {
        const double t = i / 48000.0;
        const double pitchHz = 160 + 60 * std::sin(2 * M_PI * 0.7 * t);
        phase += 2 * M_PI * pitchHz / 48000.0;
        double voiced = 0;
        for (int h = 1; h <= 12; ++h)
            voiced += std::sin(h * phase) / h;
        const double excitation = voiced + 0.1 * noise(random);
        // Two resonators (~700 Hz and ~1800 Hz).
        const double r = 0.995;
        const double a1 = 2 * r * std::cos(2 * M_PI * 700 / 48000.0);
        const double y = excitation + a1 * y1 - r * r * y2;
        y2 = y1;
        y1 = y;
        const double b1 = 2 * r * std::cos(2 * M_PI * 1800 / 48000.0);
        const double z = excitation + b1 * z1 - r * r * z2;
        z2 = z1;
        z1 = z;
        const double syllable = std::max(0.0, std::sin(2 * M_PI * 4 * t));
        const bool phrasePause = std::fmod(t, 3.0) > 2.4;
        const double value = (phrasePause ? 0.0 : syllable) * (0.004 * y + 0.003 * z) * 32767 * 0.3;
        out[static_cast<std::size_t>(i)] = static_cast<std::int16_t>(std::clamp(value, -32000.0, 32000.0));
    }
    return out;
}

// The room: 60 ms delay (sound card out + in), -8 dB, a low-pass from the
// laptop speaker and a reflection 9 ms later.
std::vector<std::int16_t> echoPath(const std::vector<std::int16_t>& farEnd)
{
    constexpr int kDelay = 48 * 60;
    constexpr int kReflection = 48 * 9;
    std::vector<std::int16_t> mic(farEnd.size());
    double lowPass = 0;
    for (std::size_t i = 0; i < farEnd.size(); ++i) {
        double direct = i >= kDelay ? farEnd[i - kDelay] : 0.0;
        lowPass = 0.6 * lowPass + 0.4 * direct;
        const double reflected = i >= kDelay + kReflection ? farEnd[i - kDelay - kReflection] * 0.15 : 0.0;
        mic[i] = static_cast<std::int16_t>(0.4 * lowPass + reflected);
    }
    return mic;
}

double energy(const std::vector<std::int16_t>& samples, std::size_t from, std::size_t to)
{
    double sum = 0;
    for (std::size_t i = from; i < to; ++i)
        sum += static_cast<double>(samples[i]) * samples[i];
    return sum;
}

std::vector<std::int16_t> runCanceller(const std::vector<std::int16_t>& farEnd, const std::vector<std::int16_t>& mic,
                                       bool echoCancellation)
{
    AudioProcessor processor({echoCancellation, false, false}); // NS and AGC off: measure the canceller alone
    processor.setStreamDelayMs(60);
    std::vector<std::int16_t> out;
    for (std::size_t start = 0; start + 960 <= mic.size(); start += 960) {
        processor.processFarEnd(std::span(farEnd).subspan(start, 960));
        AudioFrame frame = AudioFrame::allocate(960);
        const auto samples = frame.mutableSamples();
        std::copy_n(mic.begin() + static_cast<std::ptrdiff_t>(start), 960, samples.begin());
        processor.processNearEnd(frame);
        out.insert(out.end(), frame.samples().begin(), frame.samples().end());
    }
    return out;
}

} // namespace

TEST_CASE("Echo cancellation removes at least 20 dB of echo after convergence", "[media][aec]")
{
    constexpr int kSeconds = 12;
    const auto farEnd = speechLike(48000 * kSeconds);
    const auto mic = echoPath(farEnd);
    const auto cleaned = runCanceller(farEnd, mic, true);
    const auto bypassed = runCanceller(farEnd, mic, false);

    // The last 4 s, after the filter has converged.
    const std::size_t from = 48000 * 8;
    const std::size_t to = cleaned.size();
    const double micEnergy = energy(mic, from, to);
    REQUIRE(micEnergy > 0);
    const double erleDb = 10 * std::log10(micEnergy / std::max(1.0, energy(cleaned, from, to)));
    const double bypassDb = 10 * std::log10(micEnergy / std::max(1.0, energy(bypassed, from, to)));
    INFO("ERLE " << erleDb << " dB with AEC, " << bypassDb << " dB with it switched off");
    CHECK(erleDb >= 20.0);
    CHECK(bypassDb < 3.0); // the reduction is the canceller's, not the high-pass filter's
}

TEST_CASE("Noise suppression and gain control switch on and off while running", "[media][aec]")
{
    AudioProcessor processor({false, true, true});
    AudioFrame frame = AudioFrame::allocate(960);
    std::mt19937 random(3);
    std::normal_distribution<double> noise(0.0, 800.0);
    double before = 0;
    double after = 0;
    for (int i = 0; i < 200; ++i) {
        auto samples = frame.mutableSamples();
        for (auto& s : samples)
            s = static_cast<std::int16_t>(noise(random));
        if (i >= 150)
            for (auto s : samples)
                before += static_cast<double>(s) * s;
        processor.processNearEnd(frame);
        if (i >= 150)
            for (auto s : frame.samples())
                after += static_cast<double>(s) * s;
    }
    INFO("stationary noise: " << 10 * std::log10(before / std::max(1.0, after)) << " dB removed");
    CHECK(after < before / 2); // stationary noise is what NS removes

    processor.setSwitches({false, false, false});
    CHECK_FALSE(processor.switches().noiseSuppression);
    auto samples = frame.mutableSamples();
    for (std::size_t i = 0; i < samples.size(); ++i)
        samples[i] = static_cast<std::int16_t>(1000 * std::sin(2 * M_PI * 440 * static_cast<double>(i) / 48000));
    double in = 0;
    for (const auto s : samples)
        in += static_cast<double>(s) * s;
    double out = 0;
    for (int i = 0; i < 5; ++i) { // past the band-split filter's delay
        processor.processNearEnd(frame);
        out = 0;
        for (const auto s : frame.samples())
            out += static_cast<double>(s) * s;
        auto refill = frame.mutableSamples();
        for (std::size_t k = 0; k < refill.size(); ++k)
            refill[k] = static_cast<std::int16_t>(1000 * std::sin(2 * M_PI * 440 * static_cast<double>(k) / 48000));
    }
    INFO("440 Hz tone level change with everything off: " << 10 * std::log10(out / in) << " dB");
    CHECK(std::abs(10 * std::log10(out / in)) < 1.5); // only the high-pass filter is left, far below 440 Hz
}
