#pragma once

#include "recording/AvOutputHandles.h"
#include "recording/ChapterJournal.h"
#include "recording/Chapters.h"
#include "util/ThreadAffinity.h"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace spoke::recording {

enum class WebmVideoCodec { Vp8 = 1, Vp9 };

struct WebmWriterConfig {
    std::filesystem::path file;
    bool video = true;
    WebmVideoCodec videoCodec = WebmVideoCodec::Vp8;
    int width = 1280;
    int height = 720;
    int fps = 30;
    bool audio = true;
    int audioChannels = 1; // 48 kHz Opus
    // The encoder's look-ahead (OpusVoiceEncoder::lookaheadSamples(); 312 in
    // libopus' VoIP mode at 48 kHz).
    int opusPreSkipSamples = 312;
    // A cluster is written to the file only when it closes; its length is
    // what a crash can lose. One second keeps the loss small at the cost of
    // ~0.1 % overhead from cluster headers.
    int clusterTimeLimitMs = 1000;
    std::string title;
};

// Writes Opus and VP8/VP9 packets into a WebM file that stays playable if
// the process dies: the Segment is opened with an unknown size, clusters are
// flushed as they close and sync() pushes them to the disk, so a reader sees
// every closed cluster. finish() adds what only a clean stop can: Cues,
// Duration, the real Segment size and the chapters added during recording.
// Owned by one thread, the mux thread (asserted).
class WebmWriter {
public:
    explicit WebmWriter(const WebmWriterConfig& config); // throws RecordingError
    ~WebmWriter(); // finishes if finish() was not called, swallowing errors
    WebmWriter(const WebmWriter&) = delete;
    WebmWriter& operator=(const WebmWriter&) = delete;

    // Timestamps are milliseconds from the start of the recording and must
    // not go backwards per track (a late packet is moved up to the last).
    void writeVideo(std::span<const std::uint8_t> data, std::int64_t ptsMs, bool keyframe);
    void writeAudio(std::span<const std::uint8_t> data, std::int64_t ptsMs, int durationSamples);

    // Stored in the file by finish(); until then a journal beside the file
    // (ChapterJournal) keeps them across a crash.
    void addChapter(std::int64_t startMs, const std::string& title);

    // Hands everything written so far to the kernel and waits for the disk.
    void sync();

    // Closes the file with Cues, Duration and chapters. Idempotent.
    void finish();

    std::int64_t bytesWritten() const;
    std::int64_t lastPtsMs() const { return lastPtsMs_; }
    const WebmWriterConfig& config() const { return config_; }
    bool finished() const { return finished_; }

    void moveToCurrentThread() { affinity_.rebindToCurrentThread(); }

private:
    void write(int streamIndex, std::span<const std::uint8_t> data, std::int64_t ptsMs, std::int64_t durationMs,
               bool keyframe);

    ThreadAffinity affinity_;
    WebmWriterConfig config_;
    AvOutputContextPtr context_;
    int videoStream_ = -1;
    int audioStream_ = -1;
    std::vector<std::int64_t> lastStreamPtsMs_;
    std::vector<ChapterMark> chapters_;
    ChapterJournal journal_;
    std::int64_t lastPtsMs_ = 0;
    int syncFd_ = -1; // a second descriptor on the file, for fdatasync()
    bool finished_ = false;
};

} // namespace spoke::recording
