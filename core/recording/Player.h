#pragma once

#include "media/AvHandles.h"
#include "media/VideoFrame.h"
#include "media/VideoSink.h"
#include "recording/BlockingQueue.h"
#include "recording/PlaybackClock.h"
#include "recording/RecordingProbe.h"
#include "util/ThreadAffinity.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace spoke::recording {

class AudioOutput;

struct PlayerConfig {
    AudioOutput* audio = nullptr; // not owned; null plays the file silently on the steady clock
    // Not owned; may be null. Each frame's captureTimeUs() is its time in the file.
    media::VideoSink* video = nullptr;
    double speed = 1.0; // 0.5–2.0
    std::int64_t startMs = 0; // where to begin (a resume position)
    // A frame later than this behind the clock is dropped rather than shown.
    std::int64_t lateFrameToleranceMs = 60;
};

enum class PlayerState { Paused = 1, Playing, Finished };

struct PlayerStats {
    std::int64_t framesDecoded = 0;
    std::int64_t framesPresented = 0;
    std::int64_t droppedFrames = 0; // decoded but too late to show
    std::int64_t decodeErrors = 0; // packets a decoder refused (damage)
    double maxAvDriftMs = 0; // |clock − frame time| at presentation, audio-driven playback only
    std::int64_t audioFramesWritten = 0;
    std::int64_t readableUntilMs = 0; // end of the last packet the demuxer read
    std::string problem; // why reading stopped before the end, for a person
};

// The replay engine. A demux thread reads packets (held a bounded distance
// ahead), a decode thread per track turns them into frames, and a
// presentation thread shows each picture when the audio clock reaches it
// (audio is the master: pictures wait for sound, never the other way
// round). Seeks are frame-accurate: decoding restarts at the keyframe before
// the target and pictures before it are decoded but not shown. Speed
// 0.5×–2× goes through atempo, so voices keep their pitch. A damaged or
// truncated file plays as far as it can be read; stats().problem says why
// it stopped.
//
// Control methods belong to the thread that created the player (asserted);
// the sink and the audio output are called from the player's own threads.
class Player {
public:
    // Opens the file (headers only, so the first frame is quick) and starts
    // paused at config.startMs; the first picture is presented while paused.
    // Throws RecordingError if the file cannot be opened.
    Player(const std::filesystem::path& file, const PlayerConfig& config);
    ~Player();
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;

    const ProbeResult& info() const { return info_; }

    void play();
    void pause();
    void seek(std::int64_t positionMs);
    void setSpeed(double speed); // clamped to 0.5–2.0
    void nextChapter();
    void previousChapter(); // to the start of this chapter, or the one before if just started

    std::int64_t positionMs() const;
    std::optional<std::size_t> currentChapter() const;
    PlayerState state() const;
    PlayerStats stats() const;

    bool waitUntilFinished(std::chrono::milliseconds timeout);
    // Waits until the first picture after the latest open or seek is shown.
    bool waitForPicture(std::chrono::milliseconds timeout);

private:
    enum class ItemKind { Data, Flush, End };
    struct PacketItem {
        ItemKind kind = ItemKind::Data;
        int serial = 0;
        media::AvPacketPtr packet;
    };
    struct FrameItem {
        bool end = false;
        int serial = 0;
        std::int64_t ptsUs = 0;
        media::VideoFrame frame;
    };

    void openDecoders();
    void start();
    void stop();
    void demuxLoop();
    void videoDecodeLoop();
    void presentLoop();
    void audioLoop();
    bool presentFrame(FrameItem& item);
    void markEnded(bool video);
    void noteProblem(const std::string& problem);
    std::int64_t ptsUs(std::int64_t pts, int streamIndex) const;

    ThreadAffinity affinity_;
    PlayerConfig config_;
    ProbeResult info_;
    media::AvInputContextPtr format_;
    media::AvCodecContextPtr videoDecoder_;
    media::AvCodecContextPtr audioDecoder_;
    int videoStream_ = -1;
    int audioStream_ = -1;
    std::int64_t startOffsetUs_ = 0;
    std::int64_t frameDurationUs_ = 33'333;

    PlaybackClock clock_;
    BlockingQueue<PacketItem> videoPackets_{64};
    BlockingQueue<PacketItem> audioPackets_{128};
    BlockingQueue<FrameItem> frames_{4};

    std::atomic<bool> stopping_{false};
    std::atomic<bool> paused_{true};
    std::atomic<int> serial_{0};
    std::atomic<std::int64_t> discardBeforeUs_{0};
    std::atomic<int> forceShowSerial_{0}; // show one picture of this serial even while paused
    std::atomic<double> speed_{1.0};

    std::mutex seekMutex_; // orders seeks against the demuxer's reads
    bool seekPending_ = false;
    std::int64_t seekTargetUs_ = 0;
    std::condition_variable demuxWake_;

    mutable std::mutex stateMutex_;
    std::condition_variable stateChanged_;
    PlayerStats stats_;
    bool videoEnded_ = false;
    bool audioEnded_ = false;
    int presentedSerial_ = -1;

    std::thread demuxThread_;
    std::thread videoThread_;
    std::thread presentThread_;
    std::thread audioThread_;
};

} // namespace spoke::recording
