#pragma once

#include "rtc/DelayHistogram.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <vector>

namespace spoke::rtc {

// What to play for one 20 ms tick of the audio device.
struct PlayoutDecision {
    enum class Kind {
        Silence, // nothing received yet, or still filling the initial delay
        Decode, // `payload` is the packet due now
        Fec, // the packet due now is missing; `payload` is the next one: decode its in-band FEC
        Conceal, // nothing to decode: run the decoder's packet-loss concealment
    };
    Kind kind = Kind::Silence;
    std::vector<std::uint8_t> payload;
    std::uint32_t rtpTimestamp = 0; // of the 20 ms played (Decode, Fec, Conceal)
};

// Receive buffer for one Opus stream of 20 ms packets (RFC 7587, 48 kHz RTP
// clock). Packets are keyed by RTP timestamp; the audio device pulls one
// decision every 20 ms. The playout delay adapts like NetEq's: each packet's
// delay relative to the fastest recent one goes into a histogram that
// forgets (DelayHistogram), and the target is its 95th percentile, plus one
// packet when losses are seen so that the next packet (carrying the FEC of a
// lost one) is usually there in time. Delay grows at once when the due
// packet is missing and the buffer is below target or empty (a tick of
// concealment without moving on, so the late packet still plays; never
// while the packet is there, which would add a gap of our own), and
// shrinks by dropping one packet while the buffer is comfortably above
// target: at most one per `shrinkIntervalMs` when it is a little above,
// faster the further above it is (down to one per `minShrinkIntervalMs`),
// so the delay that early underruns piled up drains in seconds, not
// minutes; less than two packets over (but more than one and a half), one
// packet goes once that has lasted two intervals. Like NetEq's accelerate it prefers quiet audio: a drop waits
// for a packet no larger than the recent median (Opus spends fewer bytes
// on quieter sound), unless the excess has lasted `shrinkIntervalMs`.
// Decoding stays in core/media; this class only decides. Owned by the
// thread that receives the stream and pulls playout (asserted).
class AudioJitterBuffer {
public:
    static constexpr std::int64_t kPacketMs = 20;
    static constexpr std::uint32_t kTimestampsPerPacket = 960; // 20 ms at 48 kHz

    struct Config {
        std::int64_t initialDelayMs = 60;
        std::int64_t minDelayMs = 20;
        std::int64_t maxDelayMs = 500; // G.114: past this, talking over each other beats waiting
        std::int64_t shrinkIntervalMs = 1000;
        std::int64_t minShrinkIntervalMs = 100;
        std::int64_t minDelayWindowMs = 2000; // how far back the "fastest packet" is looked for
        std::size_t maxPackets = 200;
    };
    struct Counters {
        std::int64_t packetsReceived = 0;
        std::int64_t packetsLate = 0; // arrived after their tick
        std::int64_t packetsDuplicate = 0;
        std::int64_t packetsDiscarded = 0; // overflow or shrinking
        std::int64_t decodedMs = 0;
        std::int64_t fecMs = 0;
        std::int64_t concealedMs = 0; // ticks that played concealment (loss, lateness or delay growth)
        std::int64_t longestGapMs = 0; // longest run of consecutive concealment
        std::int64_t dtxMs = 0; // the sender sent nothing (Opus DTX): concealment that is not a loss
        std::int64_t stretchedMs = 0; // concealment played to build lip sync's extra delay
    };

    AudioJitterBuffer() : AudioJitterBuffer(Config{}) { }
    explicit AudioJitterBuffer(Config config);

    void insert(std::uint16_t sequenceNumber, std::uint32_t rtpTimestamp, std::vector<std::uint8_t> payload,
                std::int64_t arrivalMs);
    // The 20 ms to play now. Call once per device tick.
    PlayoutDecision pull(std::int64_t nowMs);

    std::int64_t targetDelayMs() const;
    // Delay on top of the buffer's own target: lip sync holding audio back
    // for slower video (rtc::AvSync::audioDelayNeededMs). Clamped so the
    // target stays within maxDelayMs.
    void setExtraDelayMs(std::int64_t delayMs);
    std::int64_t extraDelayMs() const { return extraDelayMs_; }
    // How long the packet played last waited, relative to the fastest recent packet.
    std::int64_t currentDelayMs() const { return currentDelayMs_; }
    std::int64_t currentGapMs() const { return gapMs_; }
    std::size_t bufferedPackets() const { return packets_.size(); }
    const Counters& counters() const { return counters_; }

private:
    std::int64_t unwrapTimestamp(std::uint32_t rtpTimestamp);
    std::int64_t minTransitMs() const;
    PlayoutDecision concealTick(std::int64_t timestamp);
    bool quietEnoughToDrop(std::size_t payloadBytes) const;

    ThreadAffinity affinity_;
    Config config_;
    DelayHistogram histogram_;
    struct Packet {
        std::uint16_t sequenceNumber = 0;
        std::vector<std::uint8_t> payload;
    };
    std::map<std::int64_t, Packet> packets_; // by unwrapped RTP timestamp
    std::optional<std::int64_t> lastTimestamp_; // for unwrapping
    // (arrival time, transit) of recent packets, transit = arrival - timestamp in ms.
    // Kept increasing in transit, so the front is the window's minimum.
    std::deque<std::pair<std::int64_t, double>> transits_;
    std::optional<std::int64_t> nextTimestamp_; // unwrapped; set once playout starts
    std::optional<std::uint16_t> lastPlayedSequence_;
    std::optional<std::int64_t> lastShrinkMs_;
    std::optional<std::int64_t> aboveTargetSinceMs_; // the buffer has been comfortably above target since
    std::deque<std::size_t> recentSizes_; // payload bytes of the last packets played, for the "quiet" test
    std::int64_t extraDelayMs_ = 0;
    double lossRate_ = 0; // exponential average over played ticks
    std::int64_t currentDelayMs_ = 0;
    std::int64_t gapMs_ = 0;
    Counters counters_;
};

} // namespace spoke::rtc
