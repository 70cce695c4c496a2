#include "sync/OutboxDelivery.h"

#include "store/Cache.h"
#include "sync/HubProtocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>
#include <set>

namespace spoke::sync {

namespace {

QJsonObject payloadOf(const store::OutboxItem& item)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(item.payloadJson)).object();
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::int64_t positive(const QJsonObject& object, const char* key)
{
    const qint64 value = object.value(QLatin1String(key)).toInteger(0);
    return value > 0 ? value : 0;
}

QString findingsJson(const QByteArray& body)
{
    QJsonArray list;
    for (const cases::Finding& f : findingsOf(body))
        list.append(QJsonObject{{QStringLiteral("path"), f.path},
                                {QStringLiteral("start"), f.start},
                                {QStringLiteral("end"), f.end},
                                {QStringLiteral("category"), QString(QLatin1Char(f.category))},
                                {QStringLiteral("reason"), f.reason}});
    return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
}

} // namespace

std::optional<OutboxDelivery::Request> OutboxDelivery::requestFor(const store::OutboxItem& item)
{
    const QJsonObject payload = payloadOf(item);
    if (item.kind == "case.submit") {
        const std::int64_t programme = positive(payload, "programme_hub_id");
        const QJsonObject document = payload.value(QLatin1String("document")).toObject();
        if (!programme || document.isEmpty())
            return std::nullopt;
        return Request{"POST", QStringLiteral("api/v1/cases?programme=%1").arg(programme), compact(document)};
    }
    if (item.kind == "recommendation.create") {
        const std::int64_t hubCase = positive(payload, "case_hub_id");
        if (!hubCase)
            return std::nullopt;
        const QJsonObject body{{QStringLiteral("items"), payload.value(QLatin1String("items")).toArray()},
                               {QStringLiteral("text"), payload.value(QLatin1String("text")).toString()}};
        return Request{"POST", QStringLiteral("api/v1/cases/%1/recommendations").arg(hubCase), compact(body)};
    }
    if (item.kind == "case.return") {
        const std::int64_t hubCase = positive(payload, "case_hub_id");
        if (!hubCase)
            return std::nullopt;
        const QJsonObject body{{QStringLiteral("question"), payload.value(QLatin1String("question")).toString()}};
        return Request{"POST", QStringLiteral("api/v1/cases/%1/return").arg(hubCase), compact(body)};
    }
    if (item.kind == "attendance.register") {
        const std::int64_t session = positive(payload, "session_hub_id");
        if (!session)
            return std::nullopt;
        return Request{"POST", QStringLiteral("api/v1/sessions/%1/attendance").arg(session), QByteArray("{}")};
    }
    return std::nullopt;
}

DeliveryReport OutboxDelivery::deliver(std::int64_t nowMs, bool ignoreBackoff, std::int64_t (*clock)())
{
    DeliveryReport report;
    auto outbox = cache_.outbox();
    const std::int64_t dueAt = ignoreBackoff ? std::numeric_limits<std::int64_t>::max() : nowMs;
    // In batches, so a long queue does not hold every payload in memory; an
    // entry is tried at most once per pass.
    std::set<std::int64_t> tried;
    for (;;) {
        bool progressed = false;
        for (const store::OutboxItem& item : outbox.due(dueAt, 50)) {
            if (!tried.insert(item.id).second)
                continue;
            progressed = true;
            switch (deliverOne(item, clock, report)) {
            case Outcome::Sent: ++report.sent; break;
            case Outcome::Stopped: ++report.stopped; break;
            case Outcome::Retry: ++report.retrying; break;
            case Outcome::EndPass: ++report.retrying; return report;
            }
        }
        if (!progressed)
            return report;
    }
}

OutboxDelivery::Outcome OutboxDelivery::deliverOne(const store::OutboxItem& item, std::int64_t (*clock)(),
                                                   DeliveryReport& report)
{
    auto outbox = cache_.outbox();
    const auto request = requestFor(item);
    if (!request) {
        // A payload this version cannot send will never succeed; keep it for the user.
        outbox.markStopped(item.id, 0, "unknown kind or malformed payload", clock());
        return Outcome::Stopped;
    }
    const auto reply =
        client_.send(request->method, request->path, request->body, QString::fromStdString(item.idempotencyKey));
    if (!reply) {
        report.error = reply.error();
        outbox.markFailed(item.id, toString(reply.error().kind).toStdString(), clock());
        return Outcome::EndPass; // the hub cannot be reached: the next entries would fail the same way
    }
    report.reachedHub = true;
    if (reply->status >= 200 && reply->status <= 299) {
        const auto unreadable = recordAnswer(item, reply->body, clock());
        if (!unreadable)
            return Outcome::Sent;
        // The hub committed but its answer is unreadable; a retry gets the stored answer again.
        report.error = *unreadable;
        outbox.markFailed(item.id, unreadable->detail.toStdString(), clock());
        return Outcome::Retry;
    }
    const SyncError error = errorForReply(*reply);
    report.error = error;
    if (error.kind == SyncErrorKind::Unauthenticated)
        return Outcome::EndPass;
    if (error.isTransient()) {
        outbox.markFailed(item.id, error.detail.toStdString(), clock());
        return Outcome::EndPass;
    }
    recordRefusal(item, error, *reply, clock());
    return Outcome::Stopped;
}

std::optional<SyncError> OutboxDelivery::recordAnswer(const store::OutboxItem& item, const QByteArray& body,
                                                      std::int64_t nowMs)
{
    auto hub = cache_.hub();
    store::Transaction tx(cache_.db());
    if (item.kind == "case.submit") {
        auto answer = parseCaseAnswer(body);
        if (!answer)
            return answer.error();
        const std::int64_t localCase = positive(payloadOf(item), "case_local_id");
        if (localCase && cache_.cases().byId(localCase))
            hub.markDelivered(localCase, hubUrl_, toRow(answer->summary), nowMs);
    } else if (item.kind == "recommendation.create") {
        auto answer = parseRecommendationAnswer(body);
        if (!answer)
            return answer.error();
        store::PulledRows rows;
        rows.cases.push_back(toRow(answer->second));
        const HubRecommendation& r = answer->first;
        store::HubRecommendationRow rec{r.id,       r.caseId, r.authorName.toStdString(), {}, r.text.toStdString(),
                                        r.createdMs};
        for (const QString& text : r.items)
            rec.items.push_back(text.toStdString());
        rows.recommendations.push_back(std::move(rec));
        hub.applyPull(hubUrl_, rows, nowMs); // cursor 0: the pull cursor does not move
    } else if (item.kind == "case.return") {
        auto answer = parseCaseAnswer(body);
        if (!answer)
            return answer.error();
        store::PulledRows rows;
        rows.cases.push_back(toRow(answer->summary));
        hub.applyPull(hubUrl_, rows, nowMs);
    }
    // attendance.register: the next pull brings the row; nothing to record but the send.
    cache_.outbox().markSent(item.id, nowMs);
    tx.commit();
    return std::nullopt;
}

void OutboxDelivery::recordRefusal(const store::OutboxItem& item, const SyncError& error, const HubReply& reply,
                                   std::int64_t nowMs)
{
    store::Transaction tx(cache_.db());
    if (item.kind == "case.submit") {
        const std::int64_t localCase = positive(payloadOf(item), "case_local_id");
        if (localCase && cache_.cases().byId(localCase)) {
            cache_.hub().markRefused(localCase, error.httpStatus, error.hubCode.toStdString(),
                                     error.detail.toStdString(), findingsJson(reply.body).toStdString(), nowMs);
        }
    }
    cache_.outbox().markStopped(item.id, error.httpStatus,
                                (toString(error.kind) + QLatin1Char(' ') + error.detail).toStdString(), nowMs);
    tx.commit();
}

} // namespace spoke::sync
