#include "media/AudioFrame.h"
#include "media/MediaError.h"
#include "media/audio/OpusVoiceDecoder.h"
#include "media/audio/OpusVoiceEncoder.h"
#include "media/audio/ToneMarker.h"
#include "media/audio/ToneSource.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace spoke::media;

namespace {

std::vector<AudioFrame> toneFrames(int count)
{
    ToneSource source({false, 0.25});
    std::vector<AudioFrame> frames;
    for (int i = 0; i < count; ++i)
        frames.push_back(source.read());
    return frames;
}

void append(std::vector<std::int16_t>& out, const AudioFrame& frame)
{
    const auto samples = frame.samples();
    out.insert(out.end(), samples.begin(), samples.end());
}

} // namespace

TEST_CASE("Tone markers decode from the raw synthetic microphone", "[media][tone]")
{
    const auto frames = toneFrames(130);
    for (const auto& frame : frames) {
        const auto code = ToneMarker::detect(frame.samples());
        REQUIRE(code);
        CHECK(*code == frame.sequence() % ToneMarker::kModulus);
    }
    std::vector<std::int16_t> silence(960, 0);
    CHECK_FALSE(ToneMarker::detect(silence));
}

TEST_CASE("Tone markers survive Opus at 16 kbit/s and arrive in order", "[media][tone][opus]")
{
    const auto frames = toneFrames(150);
    OpusVoiceEncoder encoder({16'000, 0, false, false, 10});
    OpusVoiceDecoder decoder;
    std::vector<std::int16_t> decoded;
    for (const auto& frame : frames)
        append(decoded, decoder.decode(encoder.encode(frame)));
    const int offset = ToneMarker::findBlockOffset(decoded);
    const auto codes = ToneMarker::detectAll(decoded, offset);
    REQUIRE(codes.size() >= 148);
    // Block i must carry (first code + i) mod 64: nothing skipped or repeated.
    int base = -1;
    int found = 0;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (!codes[i])
            continue;
        if (base < 0)
            base = (*codes[i] - static_cast<int>(i % ToneMarker::kModulus) + ToneMarker::kModulus) % ToneMarker::kModulus;
        CHECK(*codes[i] == (base + static_cast<int>(i)) % ToneMarker::kModulus);
        ++found;
    }
    CHECK(found >= 147); // the first block is split by the codec delay
}

TEST_CASE("Opus in-band FEC rebuilds a lost frame that PLC can only guess", "[media][opus]")
{
    const auto frames = toneFrames(60);
    OpusVoiceEncoder encoder({24'000, 20, true, false, 10});
    std::vector<std::vector<std::uint8_t>> packets;
    for (const auto& frame : frames)
        packets.push_back(encoder.encode(frame));

    // Lose every 10th packet; one receiver uses FEC from the next packet,
    // the other only conceals.
    auto receive = [&](bool useFec) {
        OpusVoiceDecoder decoder;
        std::vector<std::int16_t> out;
        for (std::size_t i = 0; i < packets.size(); ++i) {
            const bool lost = i % 10 == 5;
            if (!lost)
                append(out, decoder.decode(packets[i]));
            else if (useFec && i + 1 < packets.size())
                append(out, decoder.recoverFromNext(packets[i + 1]));
            else
                append(out, decoder.conceal());
        }
        return out;
    };
    const auto withFec = receive(true);
    const auto plcOnly = receive(false);
    const int offsetFec = ToneMarker::findBlockOffset(withFec);
    const int offsetPlc = ToneMarker::findBlockOffset(plcOnly);
    int rebuilt = 0;
    int guessed = 0;
    for (std::size_t i = 5; i + 1 < packets.size(); i += 10) {
        const auto start = static_cast<std::size_t>(offsetFec) + i * 960;
        const auto code = ToneMarker::detect(std::span(withFec).subspan(start, 960));
        if (code && *code == static_cast<int>(i % 64))
            ++rebuilt;
        const auto startPlc = static_cast<std::size_t>(offsetPlc) + i * 960;
        const auto guess = ToneMarker::detect(std::span(plcOnly).subspan(startPlc, 960));
        if (guess && *guess == static_cast<int>(i % 64))
            ++guessed;
    }
    INFO("FEC rebuilt " << rebuilt << ", PLC guessed " << guessed << " of 5 lost frames");
    CHECK(rebuilt >= 4);
    CHECK(guessed <= 1); // PLC repeats the previous pitch: the marker tells it apart
}

TEST_CASE("Opus DTX sends tiny packets through silence, and bitrate changes on the fly", "[media][opus]")
{
    OpusVoiceEncoder encoder({24'000, 10, true, true, 10});
    AudioFrame silence = AudioFrame::allocate(960);
    const auto zeros = silence.mutableSamples();
    std::fill(zeros.begin(), zeros.end(), std::int16_t{0});
    int dtx = 0;
    for (int i = 0; i < 100; ++i) {
        encoder.encode(silence);
        if (encoder.lastWasDtx())
            ++dtx;
    }
    CHECK(dtx > 80);

    const auto frames = toneFrames(100);
    auto averageBytes = [&](int from, int to) {
        std::size_t bytes = 0;
        for (int i = from; i < to; ++i)
            bytes += encoder.encode(frames[static_cast<std::size_t>(i)]).size();
        return static_cast<double>(bytes) / (to - from);
    };
    encoder.setBitrateBps(32'000);
    const double high = averageBytes(0, 50);
    encoder.setBitrateBps(8'000);
    const double low = averageBytes(50, 100);
    INFO("32 kbit/s: " << high << " B/frame, 8 kbit/s: " << low << " B/frame");
    CHECK(low < high / 2);
    CHECK(encoder.bitrateBps() == 8'000);

    CHECK_THROWS_AS(encoder.encode(AudioFrame::allocate(480)), MediaError);
}

TEST_CASE("The Opus decoder conceals damaged packets instead of throwing", "[media][opus]")
{
    OpusVoiceDecoder decoder;
    const std::vector<std::uint8_t> garbage{0xFF, 0xFF, 0xFF, 0x01};
    const AudioFrame frame = decoder.decode(garbage);
    CHECK(frame.sampleCount() == 960);
    CHECK(decoder.errorCount() == 1);
    CHECK_FALSE(decoder.lastError().empty());
}

TEST_CASE("The Opus encoder reports its look-ahead for the container's pre-skip", "[media][opus]")
{
    // libopus in VoIP mode at 48 kHz: 2.5 ms of analysis plus 4 ms of
    // delay compensation, whatever the bitrate or FEC setting.
    OpusVoiceEncoder voice;
    CHECK(voice.lookaheadSamples() == 312);
    OpusVoiceEncoder file({.bitrateBps = 64'000, .expectedLossPercent = 0, .inbandFec = false, .dtx = false});
    CHECK(file.lookaheadSamples() == 312);
}
