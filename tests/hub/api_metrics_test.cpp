// The Prometheus text and the request log: what an operator reads.

#include "hub/api/Metrics.h"
#include "hub/api/RequestLog.h"

#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QJsonObject>

using namespace spoke::hub::api;

TEST_CASE("metrics: counters by route and status, a latency histogram, sockets and cases", "[hub][api]")
{
    Metrics metrics;
    metrics.recordRequest(QStringLiteral("/api/v1/cases/{id}"), 200, 0.004);
    metrics.recordRequest(QStringLiteral("/api/v1/cases/{id}"), 200, 0.2);
    metrics.recordRequest(QStringLiteral("/api/v1/cases/{id}"), 403, 0.001);
    metrics.setEventSockets(3);
    const QByteArray text = metrics.render({{QStringLiteral("submitted"), 4}, {QStringLiteral("returned"), 1}});

    CHECK(metrics.requestCount(QStringLiteral("/api/v1/cases/{id}"), 200) == 2);
    CHECK(text.contains("spoke_hub_requests_total{route=\"/api/v1/cases/{id}\",status=\"200\"} 2\n"));
    CHECK(text.contains("spoke_hub_requests_total{route=\"/api/v1/cases/{id}\",status=\"403\"} 1\n"));
    CHECK(text.contains("spoke_hub_request_seconds_bucket{route=\"/api/v1/cases/{id}\",le=\"0.005\"} 2\n"));
    CHECK(text.contains("spoke_hub_request_seconds_bucket{route=\"/api/v1/cases/{id}\",le=\"0.25\"} 3\n"));
    CHECK(text.contains("spoke_hub_request_seconds_bucket{route=\"/api/v1/cases/{id}\",le=\"+Inf\"} 3\n"));
    CHECK(text.contains("spoke_hub_request_seconds_count{route=\"/api/v1/cases/{id}\"} 3\n"));
    CHECK(text.contains("spoke_hub_event_sockets 3\n"));
    CHECK(text.contains("spoke_hub_cases_total{status=\"submitted\"} 4\n"));
    CHECK(text.contains("# TYPE spoke_hub_request_seconds histogram\n"));
    CHECK(escapeLabelValue(QStringLiteral("a\"b\\c\nd")) == "a\\\"b\\\\c\\nd");
}

TEST_CASE("request log: one JSON line with the route pattern, never the path or a body", "[hub][api]")
{
    const QByteArray line =
        requestLogLine({1'780'000'000'123, "POST", QStringLiteral("/api/v1/cases/{id}/return"), 200, 3.14159, 42});
    REQUIRE(line.endsWith('\n'));
    CHECK(line.count('\n') == 1);
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    CHECK(object.value(QStringLiteral("method")).toString() == QLatin1String("POST"));
    CHECK(object.value(QStringLiteral("route")).toString() == QLatin1String("/api/v1/cases/{id}/return"));
    CHECK(object.value(QStringLiteral("status")).toInt() == 200);
    CHECK(object.value(QStringLiteral("ms")).toDouble() == Approx(3.142));
    CHECK(object.value(QStringLiteral("account")).toInt() == 42);
    CHECK(object.value(QStringLiteral("time")).toString() == QLatin1String("2026-05-28T20:26:40.123Z"));

    const QByteArray junk = requestLogLine({0, "G\nET\"", QStringLiteral("unmatched"), 404, 0.1, std::nullopt});
    CHECK(QJsonDocument::fromJson(junk).object().value(QStringLiteral("method")).toString() == QLatin1String("OTHER"));
    CHECK_FALSE(QJsonDocument::fromJson(junk).object().contains(QStringLiteral("account")));
}
