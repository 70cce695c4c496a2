// The receive stages (core/call/receive) driven with scripted packets and a
// fake clock, no network: NACK timing against Janus' repeat floor, the PLI
// after the frame buffer's deadline, lip sync's audio steps, the audio
// ticks' decode/FEC/conceal choices, the queue-delay signal, and stats that
// stay bounded over a 90-minute call. Real VP8 and Opus (core/media's
// encoders) wherever a decode has to succeed.

#include "call/StatsRecorder.h"
#include "call/receive/AudioReceiveStream.h"
#include "call/receive/FeedReceiver.h"
#include "call/receive/LipSync.h"
#include "call/receive/QueueDelayEstimator.h"
#include "call/receive/ReceiveStatsCollector.h"
#include "call/receive/VideoReceiveStream.h"
#include "media/AudioFrame.h"
#include "media/audio/OpusVoiceEncoder.h"
#include "media/video/VpxEncoder.h"
#include "rtc/JsepBuilder.h"
#include "rtc/NtpTime.h"
#include "rtc/RtcpCompound.h"
#include "rtc/Rtx.h"
#include "rtc/Vp8Packetizer.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

extern "C" {
#include <libavutil/pixfmt.h>
}

using namespace spoke;
using namespace spoke::call;
using namespace spoke::call::receive;

namespace {

constexpr std::uint32_t kVideoSsrc = 0x1111;
constexpr std::uint32_t kRtxSsrc = 0x2222;

// A publisher's video as RTP: core/media's VP8 encoder on a moving picture,
// RFC 7741 packets of at most 400 bytes, 30 fps.
class VideoSender {
public:
    VideoSender() : encoder_(config()) { }

    // The packets of frame `index` (a keyframe when asked or first).
    std::vector<rtc::RtpPacket> frame(bool keyframe = false)
    {
        auto picture = media::VideoFrame::allocate(AV_PIX_FMT_YUV420P, 320, 180);
        for (int y = 0; y < 180; ++y)
            for (int x = 0; x < 320; ++x)
                picture.mutablePlane(0)[y * picture.stride(0) + x] =
                    static_cast<std::uint8_t>((x * 7 + y * 3 + index_ * 5) ^ (x * y));
        for (int p = 1; p < 3; ++p)
            for (int y = 0; y < 90; ++y)
                std::fill_n(picture.mutablePlane(p) + y * picture.stride(p), 160, static_cast<std::uint8_t>(128));
        if (keyframe)
            encoder_.requestKeyframe();
        const auto encoded = encoder_.encode(picture);
        REQUIRE(encoded.size() == 1);
        rtc::Vp8Descriptor descriptor;
        descriptor.pictureId = static_cast<std::uint16_t>(index_ & 0x7fff);
        const auto payloads = rtc::Vp8Packetizer(400).packetize(encoded.front().data, descriptor);
        std::vector<rtc::RtpPacket> packets;
        for (std::size_t i = 0; i < payloads.size(); ++i) {
            rtc::RtpPacket p;
            p.payloadType = rtc::jsep::kVp8PayloadType;
            p.ssrc = kVideoSsrc;
            p.timestamp = static_cast<std::uint32_t>(index_ * 3000);
            p.sequenceNumber = sequence_++;
            p.marker = i + 1 == payloads.size();
            p.payload = payloads[i];
            packets.push_back(std::move(p));
        }
        ++index_;
        return packets;
    }

    rtc::RtpPacket rtx(const rtc::RtpPacket& original)
    {
        return rtc::wrapRtx(original, rtc::jsep::kVp8RtxPayloadType, kRtxSsrc, rtxSequence_++);
    }

private:
    static media::VpxEncoderConfig config()
    {
        media::VpxEncoderConfig c;
        c.width = 320;
        c.height = 180;
        c.bitrateBps = 600'000;
        c.allowFrameDrop = false; // every scripted frame must exist
        return c;
    }

    media::VpxEncoder encoder_;
    int index_ = 0;
    std::uint16_t sequence_ = 1000;
    std::uint16_t rtxSequence_ = 5000;
};

// Runs a VideoReceiveStream the way FeedReceiver does, waking only at packet
// arrivals and at the stream's own nextWakeMs(): the fake clock jumps.
struct VideoHarness {
    ReceiveStatsCollector stats{1, 0, nullptr};
    VideoReceiveStream stream{VideoReceiveStream::Config{}, stats};
    LipSync lipSync{false};
    std::multimap<std::int64_t, rtc::RtpPacket> arrivals; // by ms
    std::map<std::int64_t, std::vector<std::uint16_t>> nacksAtMs;
    std::vector<std::int64_t> plisAtMs;
    std::vector<std::uint16_t> recovered;
    std::size_t pictures = 0;
    std::int64_t nowMs = 0;
    int wakeups = 0;

    void runUntil(std::int64_t endMs)
    {
        while (true) {
            std::int64_t next = endMs;
            if (!arrivals.empty())
                next = std::min(next, arrivals.begin()->first);
            if (const auto wake = stream.nextWakeMs(nowMs))
                next = std::min(next, *wake);
            REQUIRE(next >= nowMs);
            nowMs = next;
            if (nowMs >= endMs)
                return;
            ++wakeups;
            while (!arrivals.empty() && arrivals.begin()->first <= nowMs) {
                const auto arrival = stream.onRtp(arrivals.begin()->second, nowMs * 1000, nowMs);
                if (arrival.recovered)
                    recovered.push_back(*arrival.recovered);
                arrivals.erase(arrivals.begin());
            }
            stream.process(nowMs, lipSync);
            pictures += stream.takeDuePictures(nowMs).size();
            auto feedback = stream.takeFeedback(nowMs);
            if (!feedback.nacks.empty())
                nacksAtMs[nowMs] = feedback.nacks;
            if (feedback.pli)
                plisAtMs.push_back(nowMs);
        }
    }

    void send(std::vector<rtc::RtpPacket> packets, std::int64_t atMs, std::optional<std::size_t> dropIndex = {})
    {
        for (std::size_t i = 0; i < packets.size(); ++i) {
            if (i != dropIndex)
                arrivals.emplace(atMs, std::move(packets[i]));
        }
    }
};

std::vector<std::int64_t> timesOf(const std::map<std::int64_t, std::vector<std::uint16_t>>& nacks, std::uint16_t seq)
{
    std::vector<std::int64_t> times;
    for (const auto& [ms, list] : nacks) {
        if (std::find(list.begin(), list.end(), seq) != list.end())
            times.push_back(ms);
    }
    return times;
}

} // namespace

TEST_CASE("receive video: a gap is NACKed once past the reorder window, not again within Janus' 200 ms floor, "
          "and an RTX copy recovers it",
          "[call][receive]")
{
    VideoHarness h;
    VideoSender sender;
    h.send(sender.frame(true), 0);
    auto second = sender.frame();
    REQUIRE(second.size() >= 3);
    const rtc::RtpPacket lost = second[1];
    h.send(second, 33, 1);
    h.runUntil(300);

    const auto asked = timesOf(h.nacksAtMs, lost.sequenceNumber);
    REQUIRE(asked.size() == 2);
    // Detected at 33 ms (the next packet), asked for after NackGenerator's 10 ms reorder window.
    CHECK(asked[0] == 33 + 10);
    // Then not before Janus would answer again: its floor plus our margin.
    CHECK(asked[1] - asked[0] >= VideoReceiveStream::kJanusNackRepeatFloorMs);
    CHECK(asked[1] - asked[0]
          <= VideoReceiveStream::kJanusNackRepeatFloorMs + 20 + VideoReceiveStream::kPendingCheckMs);
    CHECK(h.pictures == 1); // the second frame waits for its hole

    h.arrivals.emplace(310, sender.rtx(lost));
    h.runUntil(700);
    REQUIRE(h.recovered == std::vector<std::uint16_t>{lost.sequenceNumber});
    CHECK(timesOf(h.nacksAtMs, lost.sequenceNumber).size() == 2); // never again once it came
    CHECK(h.pictures == 2);
    const auto& v = h.stats.video();
    CHECK(v.retransmitted == 1);
    CHECK(v.lost == 0);
    CHECK(v.nacked == 2);
    CHECK(v.framesDecoded == 2);
    CHECK(h.plisAtMs.empty());
}

TEST_CASE("receive video: a hole that never fills costs a PLI once the frame buffer's wait is over, repeated "
          "while no keyframe comes, never faster than every 500 ms",
          "[call][receive]")
{
    SECTION("a lost packet, never resent")
    {
        VideoHarness h;
        VideoSender sender;
        h.send(sender.frame(true), 0);
        auto second = sender.frame();
        h.send(second, 33, 0);
        for (int i = 2; i < 60; ++i)
            h.send(sender.frame(), i * 33);
        h.runUntil(2000);
        REQUIRE(!h.plisAtMs.empty());
        // The wait is twice Janus' NACK floor (a second NACK round), from
        // when the hole was seen (the frame after it arrived at 66 ms).
        CHECK(h.plisAtMs.front() >= 33 + 2 * VideoReceiveStream::kJanusNackRepeatFloorMs);
        CHECK(h.plisAtMs.front() <= 66 + 2 * VideoReceiveStream::kJanusNackRepeatFloorMs + 50);
        CHECK(h.pictures == 1);
        CHECK(h.stats.video().keyframeRequests == h.plisAtMs.size());
        // A keyframe ends it.
        const auto asked = h.plisAtMs.size();
        h.send(sender.frame(true), 2000);
        h.runUntil(4000);
        CHECK(h.plisAtMs.size() == asked);
        CHECK(h.pictures == 2);
    }
    SECTION("no keyframe yet")
    {
        VideoHarness h;
        VideoSender sender;
        (void)sender.frame(true); // lost whole
        for (int i = 1; i < 120; ++i)
            h.send(sender.frame(), i * 33);
        h.runUntil(33 + 3500);
        // The PLI or its answer may be lost, so it repeats: at
        // VideoFrameBuffer's 500 ms pace (the stream's own once-a-second
        // rule is the backstop), checked every kKeyframeCheckMs.
        REQUIRE(h.plisAtMs.size() >= 6);
        CHECK(h.plisAtMs.front() <= 33 + VideoReceiveStream::kPliRepeatMs);
        for (std::size_t i = 1; i < h.plisAtMs.size(); ++i) {
            CHECK(h.plisAtMs[i] - h.plisAtMs[i - 1] >= 500);
            CHECK(h.plisAtMs[i] - h.plisAtMs[i - 1] <= 500 + VideoReceiveStream::kKeyframeCheckMs);
        }
        CHECK(h.pictures == 0);
    }
}

TEST_CASE("receive video: an idle stream asks for no wakeups", "[call][receive]")
{
    VideoHarness h;
    VideoSender sender;
    for (int i = 0; i < 30; ++i)
        h.send(sender.frame(i == 0), i * 33);
    h.runUntil(1000);
    CHECK(h.pictures == 30);
    const int busy = h.wakeups;
    // The sender went quiet: nothing is due, so the driver may sleep for ever.
    CHECK_FALSE(h.stream.nextWakeMs(h.nowMs).has_value());
    h.runUntil(60'000);
    CHECK(h.wakeups == busy);
}

namespace {

// Drives LipSync with SRs that map both streams to one capture clock, sound
// heard `audioLatencyMs` (+ the delay lip sync adds) after capture and
// pictures decoded `videoLatencyMs` after capture; one scripted second at a time.
struct LipSyncScript {
    LipSync sync{true};
    std::int64_t nowMs = 0;
    std::vector<std::int64_t> audioDelayEachSecondMs;

    void run(int seconds, std::int64_t audioLatencyMs, std::int64_t videoLatencyMs)
    {
        for (int s = 0; s < seconds; ++s) {
            for (int ms = 0; ms < 1000; ms += 10) {
                const std::int64_t captureMs = nowMs + ms;
                const auto unixUs = captureMs * 1000 + 1'700'000'000'000'000;
                if (ms == 0) {
                    sync.onSenderReport(rtc::AvSync::Stream::Audio, rtc::ntp::fromUnixMicros(unixUs),
                                        static_cast<std::uint32_t>(captureMs * 48));
                    sync.onSenderReport(rtc::AvSync::Stream::Video, rtc::ntp::fromUnixMicros(unixUs),
                                        static_cast<std::uint32_t>(captureMs * 90));
                }
                if (ms % 20 == 0)
                    (void)sync.onAudioHeard(static_cast<std::uint32_t>(captureMs * 48),
                                            captureMs + audioLatencyMs + sync.audioDelayMs(), 0);
                if (ms % 30 == 0)
                    (void)sync.onPictureDecoded(static_cast<std::uint32_t>(captureMs * 90), captureMs + videoLatencyMs);
            }
            nowMs += 1000;
            (void)sync.updateAudioDelay(nowMs);
            audioDelayEachSecondMs.push_back(sync.audioDelayMs());
        }
    }
};

} // namespace

TEST_CASE("receive lip sync: slower video holds the sound back 40 ms a second, up to 300 ms, and lets go again",
          "[call][receive]")
{
    LipSyncScript script;
    (void)script.sync.updateAudioDelay(0); // the step clock starts
    SECTION("video 120 ms slower: steps to the dead band, then stays put")
    {
        script.run(8, 80, 200);
        const auto& d = script.audioDelayEachSecondMs;
        CHECK(d[0] == 40);
        CHECK(d[1] == 80);
        for (std::size_t i = 1; i < d.size(); ++i)
            CHECK(d[i] - d[i - 1] <= LipSync::kAudioStepMs);
        // Within 20 ms of matching (the dead band), nothing moves.
        CHECK(std::abs(d.back() - 120) <= LipSync::kAudioDeadbandMs);
        CHECK(d[d.size() - 1] == d[d.size() - 2]);
        CHECK(d[d.size() - 2] == d[d.size() - 3]);
    }
    SECTION("video 600 ms slower: capped at 300 ms")
    {
        script.run(12, 80, 680);
        const auto& d = script.audioDelayEachSecondMs;
        for (std::size_t i = 0; i < 7; ++i)
            CHECK(d[i] == std::min<std::int64_t>(40 * static_cast<std::int64_t>(i + 1), 300));
        CHECK(d.back() == LipSync::kMaxAudioDelayMs);

        // Video catches up: the sound comes back down, as stepwise.
        script.run(10, 80, 80);
        const auto& after = script.audioDelayEachSecondMs;
        for (std::size_t i = 13; i < after.size(); ++i)
            CHECK(after[i - 1] - after[i] <= LipSync::kAudioStepMs);
        CHECK(after.back() <= LipSync::kAudioDeadbandMs);
    }
    SECTION("the step rule alone")
    {
        CHECK(LipSync::stepAudioDelayMs(0, -100, 100) == 40);
        CHECK(LipSync::stepAudioDelayMs(0, -30, 30) == 30);
        CHECK(LipSync::stepAudioDelayMs(280, -100, 100) == 300);
        CHECK(LipSync::stepAudioDelayMs(100, -15, 15) == 100);
        CHECK(LipSync::stepAudioDelayMs(100, 15, 0) == 100);
        CHECK(LipSync::stepAudioDelayMs(100, 25, 0) == 75);
        CHECK(LipSync::stepAudioDelayMs(30, 200, 0) == 0);
    }
}

TEST_CASE("receive lip sync: disabled, it measures and applies nothing", "[call][receive]")
{
    LipSync sync(false);
    const auto unixUs = std::int64_t{1'700'000'000'000'000};
    sync.onSenderReport(rtc::AvSync::Stream::Video, rtc::ntp::fromUnixMicros(unixUs), 0);
    sync.onSenderReport(rtc::AvSync::Stream::Audio, rtc::ntp::fromUnixMicros(unixUs), 0);
    (void)sync.onAudioHeard(48 * 100, 300, 1'700'000'000'000); // heard 200 ms after capture
    CHECK(sync.onPictureDecoded(90 * 100, 150) == 0);
    CHECK(sync.offsetMs().has_value());
    CHECK(sync.wantedVideoDelayMs() > 0);
    CHECK_FALSE(sync.updateAudioDelay(5000).has_value());
}

TEST_CASE("receive audio: each 20 ms tick decodes, rebuilds from FEC or conceals as the scripted loss dictates",
          "[call][receive]")
{
    media::OpusVoiceConfig config;
    config.dtx = false;
    config.expectedLossPercent = 20;
    media::OpusVoiceEncoder encoder(config);
    ReceiveStatsCollector stats(1, 0, nullptr);
    AudioReceiveStream audio(AudioReceiveStream::Config{}, stats);

    constexpr int kPackets = 120;
    const std::set<int> lost{30, 50, 51, 52, 53};
    std::map<std::int64_t, rtc::RtpPacket> arrivals;
    for (int i = 0; i < kPackets; ++i) {
        auto frame = media::AudioFrame::allocate(media::AudioFrame::kSamplesPer20Ms);
        auto samples = frame.mutableSamples();
        for (std::size_t n = 0; n < samples.size(); ++n)
            samples[n] = static_cast<std::int16_t>(5000 * std::sin(2 * M_PI * 330 * (i * 960.0 + n) / 48000));
        rtc::RtpPacket p;
        p.payloadType = rtc::jsep::kOpusPayloadType;
        p.ssrc = 0x3333;
        p.sequenceNumber = static_cast<std::uint16_t>(65500 + i); // wraps on the way
        p.timestamp = static_cast<std::uint32_t>(7 + i * 960 + (i % 3)); // capture time: a little off the grid
        p.payload = encoder.encode(frame);
        if (!lost.count(i))
            arrivals.emplace(1000 + i * 20 + 3, std::move(p));
    }

    std::map<int, rtc::PlayoutDecision::Kind> played; // packet index → what its tick did
    std::int64_t nowMs = 1000;
    while (nowMs < 1000 + kPackets * 20 + 200) {
        std::int64_t next = nowMs + 1000;
        if (!arrivals.empty())
            next = std::min(next, arrivals.begin()->first);
        if (const auto tick = audio.nextWakeMs())
            next = std::min(next, *tick);
        nowMs = next;
        while (!arrivals.empty() && arrivals.begin()->first <= nowMs) {
            audio.onRtp(arrivals.begin()->second, nowMs);
            arrivals.erase(arrivals.begin());
        }
        for (const auto& tick : audio.tick(nowMs)) {
            if (tick.kind == rtc::PlayoutDecision::Kind::Silence)
                continue;
            CHECK(tick.pcm.samples().size() == static_cast<std::size_t>(media::AudioFrame::kSamplesPer20Ms));
            const auto index = static_cast<int>((tick.playedTimestamp - 7) / 960);
            played.emplace(index, tick.kind);
            if (tick.kind == rtc::PlayoutDecision::Kind::Decode)
                CHECK(tick.sentTimestamp == static_cast<std::uint32_t>(7 + index * 960 + (index % 3)));
        }
    }
    using Kind = rtc::PlayoutDecision::Kind;
    // A lone loss: the next packet's in-band FEC rebuilds it.
    CHECK(played.at(30) == Kind::Fec);
    // A run of four: concealment until the last, which its successor's FEC covers.
    CHECK(played.at(50) == Kind::Conceal);
    CHECK(played.at(51) == Kind::Conceal);
    CHECK(played.at(52) == Kind::Conceal);
    CHECK(played.at(53) == Kind::Fec);
    // Every packet that arrived is decoded in its own slot, unless the
    // buffer let it go while shrinking its delay back (counted).
    int skipped = 0;
    for (int i = 0; i < kPackets - 5; ++i) {
        INFO("packet " << i);
        if (lost.count(i))
            continue;
        if (!played.count(i))
            ++skipped;
        else
            CHECK(played.at(i) == Kind::Decode);
    }
    CHECK(skipped <= audio.jitterBuffer().counters().packetsDiscarded);
    CHECK(skipped <= 3);
    const auto& a = stats.audio();
    CHECK(a.packets == kPackets - lost.size());
    CHECK(a.lost == lost.size());
    CHECK(a.concealedMs == 60); // the wire's view: 20 ms per missing packet past the first of a run
    CHECK(a.longestGapMs == 60);
    CHECK(a.playoutFecMs == 40);
    CHECK(a.playoutConcealedMs >= 60);
    CHECK(a.decodeErrors == 0);
}

TEST_CASE("receive queue delay: ~0 on a clean link, rises with a growing queue, falls when it drains",
          "[call][receive]")
{
    QueueDelayEstimator estimator;
    std::int64_t frame = 0;
    auto send = [&](int frames, auto extraDelayMs) {
        for (int i = 0; i < frames; ++i, ++frame) {
            const std::int64_t sentUs = frame * 33'333;
            const std::int64_t jitterUs = (frame * 7919) % 3000; // 0-3 ms of scheduling noise
            estimator.onFrame(static_cast<std::uint32_t>(123456 + frame * 3000),
                              5'000'000'000 + sentUs + 40'000 + jitterUs + extraDelayMs(i) * 1000);
        }
    };
    send(300, [](int) { return 0; }); // 10 s clean
    CHECK(estimator.queueDelayMs() < 5);
    // A link at its cap: each frame waits 4 ms longer than the one before, for 2 s.
    send(60, [](int i) { return 4 * i; });
    CHECK(estimator.queueDelayMs() > 200);
    send(90, [](int) { return 240; }); // the queue stands
    CHECK(estimator.queueDelayMs() > 200);
    send(150, [](int) { return 0; }); // drained
    CHECK(estimator.queueDelayMs() < 5);
    // Bounded: the window keeps a monotonic run of the last 10 s at most.
    CHECK(estimator.heldEntries() <= 301);
}

TEST_CASE("receive stats: a 90-minute call keeps a fixed-size snapshot; series go to the recorder", "[call][receive]")
{
    auto recorder = std::make_shared<MemoryStatsRecorder>();
    ReceiveStatsCollector stats(42, 1'000, recorder);
    constexpr std::int64_t kCallMs = 90 * 60 * 1000;
    std::uint64_t frames = 0;
    for (std::int64_t ms = 1'000; ms < 1'000 + kCallMs; ms += 20) {
        stats.onPlayoutTick(ms, 60 + (ms / 1000) % 20);
        stats.onAudioPlayLatencyMs(120);
        if (ms == 1'000 + 30 * 60 * 1000)
            ms += 2'000; // a 2 s outage half an hour in
        if ((ms / 20) % 3 != 0)
            continue;
        ++frames;
        stats.onFrameDecoded(ms);
        stats.onGlassToGlassMs(static_cast<double>(50 + frames % 21));
        stats.onPictureRendered(ms, ms - 90);
    }
    const RemoteStats snapshot = stats.snapshot();
    CHECK(snapshot.video.framesDecoded == frames);
    CHECK(snapshot.video.latencyMs.count == frames);
    CHECK(snapshot.video.latencyMs.p50 == 60);
    CHECK(snapshot.video.latencyMs.min == 50);
    CHECK(snapshot.video.latencyMs.max == 70);
    CHECK(snapshot.video.renderLatencyMs.p95 == 90);
    CHECK(snapshot.audio.playLatencyMs.p50 == 120);
    CHECK(snapshot.avSkewMs.p50 == 30); // sound 120 ms after capture, picture 90 ms
    CHECK(snapshot.video.stalls == 1);
    REQUIRE(snapshot.video.recentLatencyMs.has_value());
    CHECK(stats.recentLatencyCount() == ReceiveStatsCollector::kRecentLatencies);

    // The snapshot is what stats() copies a few times a second: its JSON
    // stays a few KB however long the call ran.
    const auto bytes = QJsonDocument(toJson(snapshot)).toJson(QJsonDocument::Compact).size();
    CHECK(bytes < 3000);
    // The per-second and per-event series went to the recorder instead.
    const auto delays = recorder->points(kAudioPlayoutDelaySeries, 42);
    CHECK(delays.size() >= 5398);
    CHECK(delays.size() <= 5400);
    const auto stalls = recorder->points(kVideoStallsSeries, 42);
    REQUIRE(stalls.size() == 1);
    CHECK(stalls[0][1] - stalls[0][0] > 2000);
    const auto json = toJson(snapshot, recorder.get());
    CHECK(json.value(QLatin1String("video")).toObject().value(QLatin1String("stalls_ms")).toArray().size() == 1);
}

TEST_CASE("receive feed: FeedReceiver wires the stages: bytes in, an RR, a NACK behind an RR, and pictures out",
          "[call][receive]")
{
    std::vector<std::vector<rtc::RtcpPacket>> sent;
    std::size_t pictures = 0;
    std::size_t sounds = 0;
    FeedReceiver::Outputs outputs;
    outputs.sendRtcp = [&](std::vector<std::uint8_t> bytes) {
        auto parsed = rtc::parseRtcpCompound(bytes);
        REQUIRE(parsed.ok());
        sent.push_back(*parsed);
    };
    outputs.picture = [&](const media::VideoFrame& picture) {
        CHECK(picture.width() == 320);
        ++pictures;
    };
    outputs.sound = [&](const media::AudioFrame&) { ++sounds; };
    FeedReceiver::Config config;
    config.feedId = 7;
    config.ourSsrc = 0x5555;
    FeedReceiver feed(config, outputs);

    VideoSender sender;
    std::multimap<std::int64_t, std::vector<std::uint8_t>> arrivals;
    for (const auto& p : sender.frame(true))
        arrivals.emplace(0, p.serialize());
    auto second = sender.frame();
    const std::uint16_t lostSeq = second[1].sequenceNumber;
    for (std::size_t i = 0; i < second.size(); ++i) {
        if (i != 1)
            arrivals.emplace(33, second[i].serialize());
    }
    for (int i = 2; i < 10; ++i) {
        for (const auto& p : sender.frame())
            arrivals.emplace(i * 33, p.serialize());
    }
    std::int64_t nowMs = 0;
    int wakeups = 0;
    while (nowMs < 3000) {
        std::int64_t next = feed.nextWakeMs(nowMs).value_or(3000);
        if (!arrivals.empty())
            next = std::min(next, arrivals.begin()->first);
        nowMs = std::max(next, nowMs);
        if (nowMs >= 3000)
            break;
        ++wakeups;
        while (!arrivals.empty() && arrivals.begin()->first <= nowMs) {
            feed.onRtp(arrivals.begin()->second, nowMs * 1000, nowMs);
            arrivals.erase(arrivals.begin());
        }
        feed.process(nowMs * 1000, 0);
        // Whatever was due has run: the next wake lies ahead (a driver that
        // posts its wake with delay 0 would spin otherwise).
        REQUIRE(feed.nextWakeMs(nowMs).value_or(3000) > nowMs);
    }

    bool reportFirst = false;
    bool nacked = false;
    for (const auto& compound : sent) {
        REQUIRE(!compound.empty());
        // Every compound leads with an RR for the video stream (Janus routes by it).
        const auto* rr = std::get_if<rtc::ReceiverReport>(&compound.front());
        REQUIRE(rr != nullptr);
        reportFirst = true;
        for (const auto& packet : compound) {
            if (const auto* nack = std::get_if<rtc::Nack>(&packet)) {
                CHECK(nack->mediaSsrc == kVideoSsrc);
                nacked = nacked
                         || std::find(nack->sequenceNumbers.begin(), nack->sequenceNumbers.end(), lostSeq)
                                != nack->sequenceNumbers.end();
            }
        }
    }
    CHECK(reportFirst);
    CHECK(nacked);
    CHECK(pictures == 1); // the keyframe; the rest wait behind the hole, then a PLI
    CHECK(sounds == 0);
    const RemoteStats stats = feed.snapshot();
    CHECK(stats.feedId == 7);
    CHECK(stats.video.packets > 10);
    CHECK(stats.video.nacked >= 1);
    CHECK(stats.video.keyframeRequests >= 1);
    // Asleep between events: far fewer wakeups than a 10 ms poll's 300.
    CHECK(wakeups < 150);
}
