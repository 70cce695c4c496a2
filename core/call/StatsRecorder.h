#pragma once

#include <QJsonArray>
#include <QtGlobal>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace spoke::call {

// Per-sample series (the send rate each second, each feed's downlink, the
// jitter buffer's delay each second) for a run that wants to plot them:
// `spoke-cli join --stats` attaches one. The call's own stats keep only
// counters and bounded distributions, so a 90-minute call's memory stays
// flat whether or not anyone records.
//
// Threading: record() is called on the engine's media threads (the send
// thread, each feed's receive thread), at most a few times a second per
// series; implementations must be thread-safe and quick.
class StatsRecorder {
public:
    static constexpr quint64 kLocal = 0; // the feed id of our own send side (Janus never gives out 0)

    virtual ~StatsRecorder() = default;
    virtual void record(const char* series, quint64 feedId, std::int64_t callMs,
                        std::initializer_list<std::int64_t> values) = 0;
};

// Keeps every point in memory: for a CLI run or a test of minutes, not for
// the desktop app. Thread-safe.
class MemoryStatsRecorder final : public StatsRecorder {
public:
    void record(const char* series, quint64 feedId, std::int64_t callMs,
                std::initializer_list<std::int64_t> values) override;

    // Each point as [call ms, values...], in the order recorded.
    std::vector<std::vector<std::int64_t>> points(const std::string& series, quint64 feedId) const;
    // The same as JSON arrays, for the stats file.
    QJsonArray toJson(const std::string& series, quint64 feedId) const;

private:
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, quint64>, std::vector<std::vector<std::int64_t>>> series_;
};

} // namespace spoke::call
