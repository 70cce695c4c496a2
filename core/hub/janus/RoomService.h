#pragma once

#include "hub/api/Router.h"
#include "hub/janus/MediaConfig.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <functional>
#include <vector>

namespace spoke::hub {
class HubDatabase;
}

namespace spoke::hub::janus {

struct RoomRecord;
struct RoomSpec;

// Carries out the room routes' RoomRequests (api/RoomRequest.h) on the
// session's Janus room: the database work first (short, on the hub's one
// connection, idempotent), then the Janus call, asynchronously (JanusCall),
// and the answer when Janus has answered, with the live event for the
// programme's sockets (moderation, removed). A Janus that fails or does not
// answer within JanusCall::kTimeoutMs is 503 `media_unavailable`.
// Thread: the hub's event loop, with the database it was given.
class RoomService : public QObject {
    Q_OBJECT

public:
    using Done = std::function<void(api::HttpResponse, std::vector<api::ProgrammeChange>)>;

    RoomService(HubDatabase& db, MediaConfig config, QObject* parent = nullptr);
    // Drops the Janus calls in flight (their `done` is not called) before
    // the network manager their replies belong to goes.
    ~RoomService() override;

    // `done` is called once: at once when the database refuses, otherwise
    // when Janus has answered (or failed to).
    void run(const api::RoomRequest& request, qint64 nowMs, Done done);

    // The join for the hub's own recorder (docs/hub-api.md, Recording):
    // the session's room as it is (a recorder never makes one: nobody is
    // there to record), its own token (recorderToken) added to the room's
    // `allowed` list and the display name "Recording". 200 {"join":{
    // "janus_url","room","pin","token","display"}}; 409 when the session has
    // no room, 503 as for a join. No feed ids: the supervisor gives each
    // part its own (recorderFeedId).
    void joinRecorder(qint64 sessionId, qint64 programmeId, Done done);

private:
    void join(const api::RoomRequest& request, qint64 nowMs, Done done);
    void moderate(const api::RoomRequest& request, qint64 nowMs, Done done);
    void remove(const api::RoomRequest& request, qint64 nowMs, Done done);
    void participants(const api::RoomRequest& request, Done done);
    void destroy(const api::RoomRequest& request, qint64 nowMs);
    RoomSpec roomSpec(const RoomRecord& room, qint64 programmeId);
    // Starts `plan` on the room's instance; `then` gets the plan back when
    // it succeeded, and a failure is answered 503 here.
    template <typename Plan>
    void call(const RoomRecord& room, std::unique_ptr<Plan> plan, Done done,
              std::function<void(Plan&, const Done&)> then);

    HubDatabase& db_;
    const MediaConfig config_;
    QNetworkAccessManager network_;
};

// 503 media_unavailable with the reason (logged, not sent: it names hosts).
api::HttpResponse mediaUnavailable(const QString& reason);

} // namespace spoke::hub::janus
