#pragma once

#include "media/AudioFrame.h"
#include "media/BoundedQueue.h"
#include "media/VideoFrame.h"
#include "recording/Chapters.h"
#include "recording/WebmWriter.h"
#include "util/ThreadAffinity.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace spoke::recording {

struct RecorderConfig {
    std::filesystem::path file;
    std::string title;
    bool video = true;
    WebmVideoCodec codec = WebmVideoCodec::Vp8;
    int width = 1280;
    int height = 720;
    int fps = 30;
    int videoBitrateBps = 1'500'000;
    int audioBitrateBps = 48'000;
    // Keyframes this often make seeking fast and bound what a damaged
    // cluster can spoil; live calls use PLI instead, a file cannot.
    int keyframeIntervalMs = 2000;
    // Recording stops cleanly before free space on the file's disk falls
    // below this; below twice this, video is dropped and audio goes on.
    std::int64_t diskMarginBytes = 256ll << 20;
    // Share of the frame interval encoding may take on average before the
    // recorder steps down (smaller picture, then fewer frames, then audio only).
    double maxEncodeLoad = 0.8;
};

enum class StopReason { None = 0, Requested, DiskFull, WriteFailed };

struct RecorderStatus {
    bool recording = false;
    bool audioOnly = false;
    std::string fallbackReason; // why video stopped or shrank, for a person
    StopReason stopReason = StopReason::None;
    std::string stopMessage;
    std::int64_t durationMs = 0;
    std::int64_t bytesWritten = 0;
    std::int64_t videoFramesEncoded = 0;
    std::int64_t audioFramesEncoded = 0;
    std::uint64_t packetsDropped = 0; // the writer fell behind (slow disk)
    int width = 0;
    int height = 0;
    int fps = 0;
};

// Records what one participant sees and hears into a crash-safe WebM file
// (WebmWriter). Video is composed at a steady rate from the latest picture
// of the active speaker, or the shared screen with the speaker inset in a
// corner; audio is the mix of every speaker in 20 ms steps. A compose+encode
// thread, a mix+encode thread and a writer thread are joined by bounded
// queues. The writer syncs every second and checks free space; the video
// thread watches its own encode time. When either runs short the recording
// falls back (smaller, slower, then audio only) and says so in status().
//
// push*() and setActive*() are thread-safe (decoders and capture threads
// call them); addChapter(), status() and stop() belong to the thread that
// created the recorder (asserted).
class Recorder {
public:
    explicit Recorder(const RecorderConfig& config); // throws RecordingError (DiskFull, CannotOpen…)
    ~Recorder();
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    void pushVideo(const std::string& participant, const media::VideoFrame& frame);
    void pushAudio(const std::string& participant, const media::AudioFrame& frame);
    void setActiveSpeaker(const std::string& participant);
    void setScreenShare(std::optional<std::string> participant);

    // Marks a chapter starting now; it goes into the file when it closes.
    ChapterMark addChapter(const std::string& title);
    std::int64_t elapsedMs() const;
    RecorderStatus status() const;
    bool isRecording() const { return !stopped_; }
    // Blocks until the recording stopped on its own (disk full) or the timeout.
    bool waitUntilStopped(std::chrono::milliseconds timeout);
    // Finishes the file (cues, duration, chapters). Idempotent.
    RecorderStatus stop();

private:
    struct MuxItem {
        enum class Kind { Video = 1, Audio, Chapter } kind = Kind::Audio;
        std::vector<std::uint8_t> data;
        std::int64_t ptsMs = 0;
        bool keyframe = false;
        std::string title;
    };
    struct Composition;

    void videoLoop();
    void audioLoop();
    void muxLoop();
    void checkDisk();
    void fallBackToAudioOnly(const std::string& reason);
    void finishWith(StopReason reason, const std::string& message);

    ThreadAffinity affinity_;
    RecorderConfig config_;
    std::int64_t startUs_ = 0;

    mutable std::mutex inputMutex_;
    std::map<std::string, media::VideoFrame> latestVideo_;
    std::map<std::string, std::unique_ptr<media::BoundedQueue<media::AudioFrame>>> audioIn_;
    std::string activeSpeaker_;
    std::optional<std::string> screenShare_;

    media::BoundedQueue<MuxItem> mux_{1024};
    std::unique_ptr<WebmWriter> writer_; // used by the mux thread only once started

    mutable std::mutex statusMutex_;
    std::condition_variable stoppedChanged_;
    RecorderStatus status_;

    std::atomic<bool> stopping_{false};
    std::atomic<bool> stopped_{false};
    std::atomic<bool> videoOn_{true};
    std::thread videoThread_;
    std::thread audioThread_;
    std::thread muxThread_;
};

} // namespace spoke::recording
