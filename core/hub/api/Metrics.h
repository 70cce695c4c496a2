#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <array>
#include <map>
#include <utility>

namespace spoke::hub::api {

// The hub's Prometheus metrics (docs/hub-api.md, GET /metrics), kept as
// counters and fixed-bucket histograms so memory does not grow with traffic.
// Requests are labelled by route pattern ("/api/v1/cases/{id}"), never by
// raw path, so a scanner probing random URLs adds one "unmatched" series,
// not thousands.
// Thread: the hub's one event-loop thread (HubServer); not thread-safe.
class Metrics {
public:
    // Upper bounds in seconds; p99 < 100 ms is the target (issue 11), so the
    // buckets are finest around it.
    static constexpr std::array kBucketsSeconds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

    void recordRequest(const QString& route, int status, double seconds);
    void setEventSockets(int count) { eventSockets_ = count; }
    int eventSockets() const { return eventSockets_; }
    quint64 requestCount(const QString& route, int status) const;

    // The exposition text (format 0.0.4). casesByStatus comes from the
    // database at scrape time, so it is right after a restart too.
    QByteArray render(const QMap<QString, qint64>& casesByStatus) const;

private:
    struct Histogram {
        std::array<quint64, kBucketsSeconds.size()> buckets{};
        quint64 count = 0;
        double sum = 0;
    };
    std::map<std::pair<QString, int>, quint64> requests_;
    std::map<QString, Histogram> latency_;
    int eventSockets_ = 0;
};

// A Prometheus label value with \, " and newline escaped.
QByteArray escapeLabelValue(const QString& value);

} // namespace spoke::hub::api
