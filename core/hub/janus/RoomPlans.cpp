#include "hub/janus/RoomPlans.h"

#include "hub/janus/MediaConfig.h"

#include <QJsonArray>

#include <algorithm>

namespace spoke::hub::janus {

namespace {

Step send(QJsonObject request)
{
    return Step{std::move(request), std::nullopt};
}

Step fail(const JanusError& error)
{
    return Step{std::nullopt, error};
}

Step done()
{
    return {};
}

QJsonObject request(const char* name, qint64 room)
{
    return QJsonObject{{QStringLiteral("request"), QLatin1String(name)}, {QStringLiteral("room"), double(room)}};
}

} // namespace

int publishersFor(int members)
{
    return std::clamp(2 * members, 6, 200);
}

QJsonObject createRoomRequest(const RoomSpec& spec)
{
    QJsonObject create = request("create", spec.room);
    create.insert(QStringLiteral("permanent"), false);
    create.insert(QStringLiteral("description"), spec.description);
    create.insert(QStringLiteral("is_private"), true);
    create.insert(QStringLiteral("secret"), spec.secret);
    create.insert(QStringLiteral("pin"), spec.pin);
    create.insert(QStringLiteral("allowed"), QJsonArray::fromStringList(spec.allowed));
    if (!spec.adminKey.isEmpty())
        create.insert(QStringLiteral("admin_key"), spec.adminKey);
    create.insert(QStringLiteral("publishers"), spec.publishers);
    // The same caps as the practice room (resources/janus/janus.plugin.videoroom.jcfg.in).
    create.insert(QStringLiteral("bitrate"), 512000);
    create.insert(QStringLiteral("bitrate_cap"), true);
    create.insert(QStringLiteral("fir_freq"), 10);
    create.insert(QStringLiteral("audiocodec"), QStringLiteral("opus"));
    create.insert(QStringLiteral("videocodec"), QStringLiteral("vp8,vp9"));
    create.insert(QStringLiteral("opus_fec"), true);
    create.insert(QStringLiteral("audiolevel_ext"), true);
    create.insert(QStringLiteral("audiolevel_event"), true);
    create.insert(QStringLiteral("notify_joining"), true);
    create.insert(QStringLiteral("transport_wide_cc_ext"), true);
    create.insert(QStringLiteral("record"), false);
    create.insert(QStringLiteral("lock_record"), true);
    return create;
}

std::vector<qint64> feedsOf(const std::vector<JanusParticipant>& participants, qint64 accountId, bool camerasOnly,
                            bool publishersOnly)
{
    std::vector<qint64> feeds;
    for (const JanusParticipant& participant : participants) {
        const std::optional<FeedOwner> owner = ownerOfFeed(participant.id);
        if (!owner || owner->accountId != accountId || (camerasOnly && owner->screen)
            || (publishersOnly && !participant.publisher))
            continue;
        feeds.push_back(participant.id);
    }
    std::sort(feeds.begin(), feeds.end());
    return feeds;
}

EnsureRoomPlan::EnsureRoomPlan(RoomSpec spec, QStringList addTokens)
    : spec_(std::move(spec))
    , addTokens_(std::move(addTokens))
{
}

Step EnsureRoomPlan::start()
{
    stage_ = Stage::Exists;
    return send(request("exists", spec_.room));
}

Step EnsureRoomPlan::allow()
{
    stage_ = Stage::Allow;
    QJsonObject allowed = request("allowed", spec_.room);
    allowed.insert(QStringLiteral("secret"), spec_.secret);
    allowed.insert(QStringLiteral("action"), QStringLiteral("add"));
    allowed.insert(QStringLiteral("allowed"), QJsonArray::fromStringList(addTokens_));
    return send(allowed);
}

Step EnsureRoomPlan::next(const PluginAnswer& answer)
{
    switch (stage_) {
    case Stage::Exists: {
        if (!answer)
            return fail(answer.error());
        auto exists = parseExists(*answer);
        if (!exists)
            return fail(exists.error());
        if (*exists)
            return allow();
        stage_ = Stage::Create;
        return send(createRoomRequest(spec_));
    }
    case Stage::Create:
        if (!answer && answer.error().code != kRoomExists)
            return fail(answer.error());
        created_ = answer.ok();
        return allow();
    case Stage::Allow: stage_ = Stage::Done; return answer ? done() : fail(answer.error());
    case Stage::Done: break;
    }
    return done();
}

ModeratePlan::ModeratePlan(qint64 room, QString secret, qint64 accountId, bool mute)
    : room_(room)
    , secret_(std::move(secret))
    , accountId_(accountId)
    , mute_(mute)
{
}

Step ModeratePlan::start()
{
    return send(request("listparticipants", room_));
}

Step ModeratePlan::moderateNext()
{
    if (pending_.empty())
        return done();
    QJsonObject moderate = request("moderate", room_);
    moderate.insert(QStringLiteral("secret"), secret_);
    moderate.insert(QStringLiteral("id"), double(pending_.front()));
    moderate.insert(QStringLiteral("mid"), QLatin1String(kCameraAudioMid));
    moderate.insert(QStringLiteral("mute"), mute_);
    return send(moderate);
}

Step ModeratePlan::next(const PluginAnswer& answer)
{
    if (!listed_) {
        listed_ = true;
        if (!answer)
            return answer.error().code == kNoSuchRoom ? done() : fail(answer.error());
        auto participants = parseParticipants(*answer);
        if (!participants)
            return fail(participants.error());
        // Not only the feeds already publishing: a feed whose offer Janus has
        // but whose media is not up yet starts muted.
        pending_ = feedsOf(*participants, accountId_, true, false);
        return moderateNext();
    }
    if (answer)
        moderated_.push_back(pending_.front());
    else if (answer.error().code != kNoSuchFeed)
        return fail(answer.error());
    pending_.erase(pending_.begin());
    return moderateNext();
}

RemovePlan::RemovePlan(qint64 room, QString secret, qint64 accountId, QStringList tokens)
    : room_(room)
    , secret_(std::move(secret))
    , accountId_(accountId)
    , tokens_(std::move(tokens))
{
}

Step RemovePlan::start()
{
    stage_ = Stage::Disallow;
    QJsonObject allowed = request("allowed", room_);
    allowed.insert(QStringLiteral("secret"), secret_);
    allowed.insert(QStringLiteral("action"), QStringLiteral("remove"));
    allowed.insert(QStringLiteral("allowed"), QJsonArray::fromStringList(tokens_));
    return send(allowed);
}

Step RemovePlan::kickNext()
{
    if (pending_.empty()) {
        stage_ = Stage::Done;
        return done();
    }
    QJsonObject kick = request("kick", room_);
    kick.insert(QStringLiteral("secret"), secret_);
    kick.insert(QStringLiteral("id"), double(pending_.front()));
    return send(kick);
}

Step RemovePlan::next(const PluginAnswer& answer)
{
    switch (stage_) {
    case Stage::Disallow:
        if (!answer)
            return answer.error().code == kNoSuchRoom ? done() : fail(answer.error());
        stage_ = Stage::List;
        return send(request("listparticipants", room_));
    case Stage::List: {
        if (!answer)
            return fail(answer.error());
        auto participants = parseParticipants(*answer);
        if (!participants)
            return fail(participants.error());
        pending_ = feedsOf(*participants, accountId_, false, false);
        stage_ = Stage::Kick;
        return kickNext();
    }
    case Stage::Kick:
        if (answer)
            kicked_.push_back(pending_.front());
        else if (answer.error().code != kNoSuchFeed) // left meanwhile
            return fail(answer.error());
        pending_.erase(pending_.begin());
        return kickNext();
    case Stage::Done: break;
    }
    return done();
}

Step ListPlan::start()
{
    return send(request("listparticipants", room_));
}

Step ListPlan::next(const PluginAnswer& answer)
{
    if (!answer)
        return answer.error().code == kNoSuchRoom ? done() : fail(answer.error());
    auto participants = parseParticipants(*answer);
    if (!participants)
        return fail(participants.error());
    participants_ = std::move(*participants);
    return done();
}

Step DestroyPlan::start()
{
    QJsonObject destroy = request("destroy", room_);
    destroy.insert(QStringLiteral("secret"), secret_);
    destroy.insert(QStringLiteral("permanent"), false);
    return send(destroy);
}

Step DestroyPlan::next(const PluginAnswer& answer)
{
    if (!answer && answer.error().code != kNoSuchRoom)
        return fail(answer.error());
    return done();
}

} // namespace spoke::hub::janus
