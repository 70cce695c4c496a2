#include "call/StatsRecorder.h"

namespace spoke::call {

void MemoryStatsRecorder::record(const char* series, quint64 feedId, std::int64_t callMs,
                                 std::initializer_list<std::int64_t> values)
{
    std::vector<std::int64_t> point;
    point.reserve(values.size() + 1);
    point.push_back(callMs);
    point.insert(point.end(), values.begin(), values.end());
    const std::lock_guard lock(mutex_);
    series_[{series, feedId}].push_back(std::move(point));
}

std::vector<std::vector<std::int64_t>> MemoryStatsRecorder::points(const std::string& series, quint64 feedId) const
{
    const std::lock_guard lock(mutex_);
    const auto found = series_.find({series, feedId});
    return found == series_.end() ? std::vector<std::vector<std::int64_t>>{} : found->second;
}

QJsonArray MemoryStatsRecorder::toJson(const std::string& series, quint64 feedId) const
{
    QJsonArray array;
    for (const auto& point : points(series, feedId)) {
        QJsonArray entry;
        for (const auto value : point)
            entry.append(static_cast<qint64>(value));
        array.append(entry);
    }
    return array;
}

} // namespace spoke::call
