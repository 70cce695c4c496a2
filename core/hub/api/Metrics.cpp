#include "hub/api/Metrics.h"

namespace spoke::hub::api {

QByteArray escapeLabelValue(const QString& value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

void Metrics::recordRequest(const QString& route, int status, double seconds)
{
    ++requests_[{route, status}];
    Histogram& histogram = latency_[route];
    for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i)
        if (seconds <= kBucketsSeconds[i])
            ++histogram.buckets[i];
    ++histogram.count;
    histogram.sum += seconds;
}

quint64 Metrics::requestCount(const QString& route, int status) const
{
    const auto found = requests_.find({route, status});
    return found == requests_.end() ? 0 : found->second;
}

QByteArray Metrics::render(const QMap<QString, qint64>& casesByStatus) const
{
    QByteArray out;
    out += "# HELP spoke_hub_requests_total HTTP requests answered, by route pattern and status.\n"
           "# TYPE spoke_hub_requests_total counter\n";
    for (const auto& [key, count] : requests_)
        out += "spoke_hub_requests_total{route=\"" + escapeLabelValue(key.first) + "\",status=\""
               + QByteArray::number(key.second) + "\"} " + QByteArray::number(count) + '\n';

    out += "# HELP spoke_hub_request_seconds Time from a complete request to its answer, by route pattern.\n"
           "# TYPE spoke_hub_request_seconds histogram\n";
    for (const auto& [route, histogram] : latency_) {
        const QByteArray label = "route=\"" + escapeLabelValue(route) + "\"";
        for (std::size_t i = 0; i < kBucketsSeconds.size(); ++i)
            out += "spoke_hub_request_seconds_bucket{" + label + ",le=\"" + QByteArray::number(kBucketsSeconds[i])
                   + "\"} " + QByteArray::number(histogram.buckets[i]) + '\n';
        out +=
            "spoke_hub_request_seconds_bucket{" + label + ",le=\"+Inf\"} " + QByteArray::number(histogram.count) + '\n';
        out += "spoke_hub_request_seconds_sum{" + label + "} " + QByteArray::number(histogram.sum, 'g', 9) + '\n';
        out += "spoke_hub_request_seconds_count{" + label + "} " + QByteArray::number(histogram.count) + '\n';
    }

    out += "# HELP spoke_hub_event_sockets Open event WebSockets (signed in or still authenticating).\n"
           "# TYPE spoke_hub_event_sockets gauge\n"
           "spoke_hub_event_sockets "
           + QByteArray::number(eventSockets_) + '\n';

    out += "# HELP spoke_hub_cases_total Cases held by the hub, by lifecycle status.\n"
           "# TYPE spoke_hub_cases_total gauge\n";
    for (auto it = casesByStatus.begin(); it != casesByStatus.end(); ++it)
        out += "spoke_hub_cases_total{status=\"" + escapeLabelValue(it.key()) + "\"} " + QByteArray::number(it.value())
               + '\n';
    return out;
}

} // namespace spoke::hub::api
