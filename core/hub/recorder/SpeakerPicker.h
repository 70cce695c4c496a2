#pragma once

#include <QtGlobal>

#include <cstdint>
#include <map>
#include <optional>

namespace spoke::hub::recorder {

// Whose picture the hub's recording shows (SessionRecorder): the camera of
// whoever speaks, held for a while so that a cough does not cut away, and
// the screen share instead whenever one is live (the recorder then insets
// the speaker, core/recording/Recorder.h). Feed ids follow the hub's fixed
// scheme (docs/hub-api.md, Media): a camera's is even, its screen's is the
// next odd number. Clock-free: every call takes the time, so the tests can
// step it. Not thread-safe; SessionRecorder guards it.
class SpeakerPicker {
public:
    struct Config {
        // RMS over full scale (call::rmsLevel) above which a smoothed level counts as speech.
        double speakingRms = 0.01;
        // The shown speaker stays at least this long before another takes over.
        std::int64_t holdMs = 1500;
        // A feed whose last picture is older than this is gone (left, stopped sharing).
        std::int64_t staleMs = 3000;
    };
    struct Choice {
        std::optional<quint64> speaker;
        std::optional<quint64> screen;
        bool operator==(const Choice&) const = default;
    };

    SpeakerPicker() : SpeakerPicker(Config{}) { }
    explicit SpeakerPicker(const Config& config) : config_(config) { }

    static bool isScreenFeed(quint64 feedId) { return feedId % 2 == 1; }

    // One 20 ms frame's loudness (the level is smoothed over ~100 ms).
    void audioLevel(quint64 feedId, double rms, std::int64_t nowMs);
    void videoFrame(quint64 feedId, std::int64_t nowMs);
    Choice choose(std::int64_t nowMs);

private:
    struct Feed {
        double level = 0;
        std::int64_t lastVideoMs = -1;
        std::int64_t firstVideoMs = -1; // of the current run of pictures
    };
    bool live(const Feed& feed, std::int64_t nowMs) const;

    Config config_;
    std::map<quint64, Feed> feeds_;
    std::optional<quint64> speaker_;
    std::int64_t speakerSinceMs_ = 0;
};

} // namespace spoke::hub::recorder
