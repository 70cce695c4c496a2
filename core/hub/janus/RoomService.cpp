#include "hub/janus/RoomService.h"

#include "hub/db/HubDatabase.h"
#include "hub/janus/JanusCall.h"
#include "hub/janus/RoomStore.h"

#include <QJsonArray>

#include <map>

namespace spoke::hub::janus {

namespace {

using api::HttpResponse;

QJsonObject byJson(const api::RoomRequest& request)
{
    return QJsonObject{{QStringLiteral("id"), double(request.callerId)}, {QStringLiteral("name"), request.callerName}};
}

QJsonArray idsJson(const std::vector<qint64>& ids)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(double(id));
    return array;
}

// The live event for the programme's sockets: {"event":KIND,"session_id":N,...}.
api::ProgrammeChange liveEvent(const api::RoomRequest& request, const QString& kind, QJsonObject fields)
{
    fields.insert(QStringLiteral("event"), kind);
    fields.insert(QStringLiteral("session_id"), double(request.sessionId));
    return {request.programmeId, 0, fields};
}

HttpResponse databaseUnavailable(const HubDbError& error)
{
    qWarning("spoke-hub: room: database error (%s): %s", toString(error.code()), error.what());
    return HttpResponse::error(503, QStringLiteral("unavailable"),
                               QStringLiteral("the hub's database cannot be reached; try again later"));
}

QJsonObject participantsJson(const std::vector<JanusParticipant>& inRoom, const QMap<qint64, Member>& members)
{
    std::map<qint64, QJsonArray> feedsByAccount;
    for (const JanusParticipant& participant : inRoom) {
        const std::optional<FeedOwner> owner = ownerOfFeed(participant.id);
        if (!owner || !members.contains(owner->accountId))
            continue; // not a feed id the hub issued to a member
        QJsonObject feed{{QStringLiteral("id"), double(participant.id)},
                         {QStringLiteral("kind"), owner->screen ? QStringLiteral("screen") : QStringLiteral("camera")},
                         {QStringLiteral("publisher"), participant.publisher}};
        if (participant.talking)
            feed.insert(QStringLiteral("talking"), *participant.talking);
        feedsByAccount[owner->accountId].append(feed);
    }
    QJsonArray list;
    for (const auto& [accountId, feeds] : feedsByAccount) {
        const Member& member = members[accountId];
        list.append(QJsonObject{{QStringLiteral("account_id"), double(accountId)},
                                {QStringLiteral("name"), member.name},
                                {QStringLiteral("role"), QLatin1String(toString(member.role))},
                                {QStringLiteral("feeds"), feeds}});
    }
    return QJsonObject{{QStringLiteral("participants"), list}};
}

} // namespace

HttpResponse mediaUnavailable(const QString& reason)
{
    qWarning("spoke-hub: room: %s", qPrintable(reason));
    return HttpResponse::error(503, QStringLiteral("media_unavailable"),
                               QStringLiteral("the media server does not answer; try again in a moment"));
}

RoomService::RoomService(HubDatabase& db, MediaConfig config, QObject* parent)
    : QObject(parent)
    , db_(db)
    , config_(std::move(config))
{
}

RoomService::~RoomService()
{
    qDeleteAll(findChildren<JanusCall*>(Qt::FindDirectChildrenOnly));
}

void RoomService::run(const api::RoomRequest& request, qint64 nowMs, Done done)
{
    try {
        switch (request.kind) {
        case api::RoomRequest::Kind::Join: join(request, nowMs, std::move(done)); return;
        case api::RoomRequest::Kind::Moderate: moderate(request, nowMs, std::move(done)); return;
        case api::RoomRequest::Kind::Remove: remove(request, nowMs, std::move(done)); return;
        case api::RoomRequest::Kind::Participants: participants(request, std::move(done)); return;
        case api::RoomRequest::Kind::Destroy: destroy(request, nowMs); return;
        }
    } catch (const HubDbError& error) {
        if (done)
            done(databaseUnavailable(error), {});
    } catch (const std::exception& error) { // a bug, as in the router
        qWarning("spoke-hub: room: unexpected failure: %s", error.what());
        if (done)
            done(HttpResponse::error(500, QStringLiteral("internal"), QStringLiteral("the hub failed; this is a bug")),
                 {});
    }
}

template <typename Plan>
void RoomService::call(const RoomRecord& room, std::unique_ptr<Plan> plan, Done done,
                       std::function<void(Plan&, const Done&)> then)
{
    const JanusInstance* instance = config_.instance(room.instance);
    if (!instance) {
        done(mediaUnavailable(QStringLiteral("session %1's room is on Janus instance \"%2\", which --janus no longer "
                                             "names")
                                  .arg(room.sessionId)
                                  .arg(room.instance)),
             {});
        return;
    }
    Plan* running = plan.get();
    auto* janusCall = new JanusCall(
        network_, instance->httpApi, std::move(plan),
        [running, done, then, name = instance->name](const std::optional<JanusError>& failure) {
            if (failure)
                done(
                    mediaUnavailable(
                        QStringLiteral("Janus instance \"%1\": %2 (%3)").arg(name, failure->reason).arg(failure->code)),
                    {});
            else
                then(*running, done);
        },
        this);
    janusCall->start();
}

void RoomService::join(const api::RoomRequest& request, qint64 nowMs, Done done)
{
    const std::optional<RoomRecord> room = ensureRoom(db_, config_, request.sessionId, request.janusRoom, nowMs);
    const std::optional<DeviceToken> token =
        ensureDeviceToken(db_, request.sessionId, request.callerId, request.deviceId, nowMs);
    if (!room || !token) {
        done(room ? api::conflict(QStringLiteral("this account already joined from %1 devices").arg(kMaxDeviceSlots))
                        .response()
                  : mediaUnavailable(QStringLiteral("no Janus instance is configured")),
             {});
        return;
    }
    const RoomSpec spec = roomSpec(*room, request.programmeId);
    const JanusInstance* instance = config_.instance(room->instance);
    QJsonObject join{
        {QStringLiteral("janus_url"), instance ? instance->publicWs.toString() : QString()},
        {QStringLiteral("room"), double(room->janusRoom)},
        {QStringLiteral("pin"), room->pin},
        {QStringLiteral("token"), token->token},
        {QStringLiteral("display"), request.callerName},
        {QStringLiteral("role"), QLatin1String(toString(request.callerRole))},
    };
    const FeedIds feeds = feedIdsFor(request.callerId, token->slot);
    join.insert(QStringLiteral("feeds"), QJsonObject{{QStringLiteral("camera"), double(feeds.camera)},
                                                     {QStringLiteral("screen"), double(feeds.screen)}});
    std::optional<TurnCredential> credential;
    if (!config_.turnSecret.isEmpty())
        credential = turnCredential(config_.turnSecret, request.callerId, nowMs, config_.turnTtlS);
    join.insert(QStringLiteral("ice_servers"), iceServersJson(config_, credential));
    join.insert(QStringLiteral("expires_ms"),
                double(credential ? credential->expiresMs : nowMs + config_.turnTtlS * 1000));
    call<EnsureRoomPlan>(*room, std::make_unique<EnsureRoomPlan>(spec, QStringList{token->token}), std::move(done),
                         [join](EnsureRoomPlan&, const Done& answer) {
                             answer(HttpResponse::json(200, QJsonObject{{QStringLiteral("join"), join}}), {});
                         });
}

// The room as Janus must have it, should it have lost it (a restart).
RoomSpec RoomService::roomSpec(const RoomRecord& room, qint64 programmeId)
{
    return RoomSpec{room.janusRoom,
                    room.pin,
                    room.secret,
                    config_.adminKey,
                    QStringLiteral("Spoke session %1").arg(room.sessionId),
                    allowedTokens(db_, room.sessionId),
                    publishersFor(memberCount(db_, programmeId))};
}

void RoomService::joinRecorder(qint64 sessionId, qint64 programmeId, Done done)
{
    try {
        const std::optional<RoomRecord> room = findRoom(db_, sessionId);
        if (!room) {
            done(api::conflict(QStringLiteral("session %1 has no room yet").arg(sessionId)).response(), {});
            return;
        }
        const QString token = recorderToken(*room);
        const JanusInstance* instance = config_.instance(room->instance);
        const QJsonObject join{{QStringLiteral("janus_url"), instance ? instance->publicWs.toString() : QString()},
                               {QStringLiteral("room"), double(room->janusRoom)},
                               {QStringLiteral("pin"), room->pin},
                               {QStringLiteral("token"), token},
                               {QStringLiteral("display"), QStringLiteral("Recording")}};
        call<EnsureRoomPlan>(*room, std::make_unique<EnsureRoomPlan>(roomSpec(*room, programmeId), QStringList{token}),
                             std::move(done), [join](EnsureRoomPlan&, const Done& answer) {
                                 answer(HttpResponse::json(200, QJsonObject{{QStringLiteral("join"), join}}), {});
                             });
    } catch (const HubDbError& error) {
        done(databaseUnavailable(error), {});
    }
}

void RoomService::moderate(const api::RoomRequest& request, qint64 nowMs, Done done)
{
    const std::optional<RoomRecord> room = findRoom(db_, request.sessionId);
    const auto notInRoom = [&request] {
        return HttpResponse::error(
            409, QStringLiteral("not_in_room"),
            QStringLiteral("account %1 has no camera feed with audio in the room now").arg(request.targetAccountId));
    };
    if (!room) {
        done(notInRoom(), {});
        return;
    }
    auto plan =
        std::make_unique<ModeratePlan>(room->janusRoom, room->secret, request.targetAccountId, request.muteAudio);
    call<ModeratePlan>(*room, std::move(plan), std::move(done),
                       [request, nowMs, notInRoom](ModeratePlan& finished, const Done& answer) {
                           if (finished.feeds().empty()) {
                               answer(notInRoom(), {});
                               return;
                           }
                           const QJsonObject fields{{QStringLiteral("account_id"), double(request.targetAccountId)},
                                                    {QStringLiteral("audio_muted_by_chair"), request.muteAudio},
                                                    {QStringLiteral("by"), byJson(request)},
                                                    {QStringLiteral("at_ms"), double(nowMs)}};
                           QJsonObject body = fields;
                           body.insert(QStringLiteral("feeds"), idsJson(finished.feeds()));
                           answer(HttpResponse::json(200, QJsonObject{{QStringLiteral("moderation"), body}}),
                                  {liveEvent(request, QStringLiteral("moderation"), fields)});
                       });
}

void RoomService::remove(const api::RoomRequest& request, qint64 nowMs, Done done)
{
    db_.transaction([&] { recordRemoval(db_, request.sessionId, request.targetAccountId, request.callerId, nowMs); });
    const QJsonObject fields{{QStringLiteral("account_id"), double(request.targetAccountId)},
                             {QStringLiteral("by"), byJson(request)},
                             {QStringLiteral("at_ms"), double(nowMs)}};
    const auto answerWith = [request, fields](const std::vector<qint64>& kicked, const Done& answer) {
        QJsonObject body = fields;
        body.insert(QStringLiteral("kicked_feeds"), idsJson(kicked));
        answer(HttpResponse::json(200, QJsonObject{{QStringLiteral("removed"), body}}),
               {liveEvent(request, QStringLiteral("removed"), fields)});
    };
    const std::optional<RoomRecord> room = findRoom(db_, request.sessionId);
    const QStringList tokens = tokensOf(db_, request.sessionId, request.targetAccountId);
    if (!room) { // nobody has joined yet: the removal alone keeps the account out
        answerWith({}, done);
        return;
    }
    auto plan = std::make_unique<RemovePlan>(room->janusRoom, room->secret, request.targetAccountId, tokens);
    call<RemovePlan>(*room, std::move(plan), std::move(done),
                     [answerWith](RemovePlan& finished, const Done& answer) { answerWith(finished.feeds(), answer); });
}

void RoomService::participants(const api::RoomRequest& request, Done done)
{
    const std::optional<RoomRecord> room = findRoom(db_, request.sessionId);
    if (!room) {
        done(HttpResponse::json(200, QJsonObject{{QStringLiteral("participants"), QJsonArray()}}), {});
        return;
    }
    call<ListPlan>(*room, std::make_unique<ListPlan>(room->janusRoom), std::move(done),
                   [this, request](ListPlan& finished, const Done& answer) {
                       QList<qint64> accounts;
                       for (const JanusParticipant& participant : finished.participants()) {
                           if (const std::optional<FeedOwner> owner = ownerOfFeed(participant.id))
                               accounts.append(owner->accountId);
                       }
                       try {
                           const QMap<qint64, Member> members = membersAmong(db_, request.programmeId, accounts);
                           answer(HttpResponse::json(200, participantsJson(finished.participants(), members)), {});
                       } catch (const HubDbError& error) {
                           answer(databaseUnavailable(error), {});
                       }
                   });
}

void RoomService::destroy(const api::RoomRequest& request, qint64 nowMs)
{
    const std::optional<RoomRecord> room = findRoom(db_, request.sessionId);
    if (!room)
        return;
    markDestroyed(db_, request.sessionId, nowMs);
    call<DestroyPlan>(
        *room, std::make_unique<DestroyPlan>(room->janusRoom, room->secret),
        [](const HttpResponse& response, const std::vector<api::ProgrammeChange>&) {
            if (response.status != 200)
                qWarning("spoke-hub: room: the ended session's room was not destroyed");
        },
        [](DestroyPlan&, const Done&) {});
}

} // namespace spoke::hub::janus
