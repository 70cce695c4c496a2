#pragma once

#include "hub/janus/JanusAnswers.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace spoke::hub::janus {

// What the hub asks Janus' VideoRoom plugin, as sequences of synchronous
// requests on one handle ("plans"): each step is decided from the previous
// answer, with no network and no clock, so the unit tests drive a plan with
// made-up answers and JanusCall runs it against a real Janus.

// A session's room as Janus must have it.
struct RoomSpec {
    qint64 room = 0;
    QString pin;
    QString secret;
    QString adminKey;
    QString description;
    QStringList allowed; // every token of the session, removed accounts excluded
    int publishers = 6;
};

// The VideoRoom "create" request for a session's room: private (not in
// "list"), pin, secret, `allowed` tokens (so only the hub's tokens publish),
// Opus, VP8 for cameras and VP9 for a screen-share helper, audio levels (so
// that listparticipants says who is talking), and everyone told of joins.
QJsonObject createRoomRequest(const RoomSpec& spec);

// The number of publishers a room needs: a camera and a screen per member,
// at least 6, at most 200 (a bound on what one room may take from Janus).
int publishersFor(int members);

// The m-line of a camera publisher's audio: Spoke's publisher offers audio
// first with mid "0" (core/rtc/JsepBuilder.cpp), as browsers do with their
// first transceiver; VideoRoom's moderate names the stream by mid.
inline constexpr const char* kCameraAudioMid = "0";

struct Step {
    std::optional<QJsonObject> request; // send this next
    std::optional<JanusError> failure; // or stop with this; neither: done
};

class RoomPlan {
public:
    virtual ~RoomPlan() = default;
    virtual Step start() = 0;
    virtual Step next(const PluginAnswer& answer) = 0;
};

// Join: "exists"; "create" when Janus lost the room or never had it (a
// concurrent create's 427 is success); then "allowed" add this device's
// token, which Janus keeps once however often it is added.
class EnsureRoomPlan : public RoomPlan {
public:
    EnsureRoomPlan(RoomSpec spec, QStringList addTokens);
    Step start() override;
    Step next(const PluginAnswer& answer) override;
    bool created() const { return created_; }

private:
    enum class Stage { Exists, Create, Allow, Done };
    Step allow();
    RoomSpec spec_;
    QStringList addTokens_;
    Stage stage_ = Stage::Exists;
    bool created_ = false;
};

// The chair's mute: "listparticipants", then "moderate" the audio of each
// camera feed of the account in the room (a feed that has not offered its
// audio yet answers 428 and is skipped).
class ModeratePlan : public RoomPlan {
public:
    ModeratePlan(qint64 room, QString secret, qint64 accountId, bool mute);
    Step start() override;
    Step next(const PluginAnswer& answer) override;
    const std::vector<qint64>& feeds() const { return moderated_; }

private:
    Step moderateNext();
    qint64 room_;
    QString secret_;
    qint64 accountId_;
    bool mute_;
    bool listed_ = false;
    std::vector<qint64> pending_;
    std::vector<qint64> moderated_;
};

// The chair's remove: the account's tokens leave `allowed` (so it cannot
// join again), then each of its feeds in the room is kicked. A room Janus
// does not have (426) has nobody to kick.
class RemovePlan : public RoomPlan {
public:
    RemovePlan(qint64 room, QString secret, qint64 accountId, QStringList tokens);
    Step start() override;
    Step next(const PluginAnswer& answer) override;
    const std::vector<qint64>& feeds() const { return kicked_; }

private:
    enum class Stage { Disallow, List, Kick, Done };
    Step kickNext();
    qint64 room_;
    QString secret_;
    qint64 accountId_;
    QStringList tokens_;
    Stage stage_ = Stage::Disallow;
    std::vector<qint64> pending_;
    std::vector<qint64> kicked_;
};

// Who is in the room now; an empty list when Janus has no such room.
class ListPlan : public RoomPlan {
public:
    explicit ListPlan(qint64 room) : room_(room) { }
    Step start() override;
    Step next(const PluginAnswer& answer) override;
    const std::vector<JanusParticipant>& participants() const { return participants_; }

private:
    qint64 room_;
    std::vector<JanusParticipant> participants_;
};

// The session ended: "destroy" (a room already gone is fine).
class DestroyPlan : public RoomPlan {
public:
    DestroyPlan(qint64 room, QString secret) : room_(room), secret_(std::move(secret)) { }
    Step start() override;
    Step next(const PluginAnswer& answer) override;

private:
    qint64 room_;
    QString secret_;
};

// The feeds in `participants` that belong to `accountId` (MediaConfig.h,
// feed ids), cameras only when asked.
std::vector<qint64> feedsOf(const std::vector<JanusParticipant>& participants, qint64 accountId, bool camerasOnly,
                            bool publishersOnly);

} // namespace spoke::hub::janus
