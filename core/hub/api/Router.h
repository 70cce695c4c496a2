#pragma once

#include "hub/api/HttpTypes.h"
#include "hub/api/RoomRequest.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace spoke::hub {
class HubDatabase;
class Identity;
struct Principal;
} // namespace spoke::hub

namespace spoke::hub::api {

class Metrics;

// A committed write that members of a programme may want to pull: the hub's
// event sockets turn it into {"event":"changed","cursor":N}. A live
// session's writes (agenda, chat, hands) also carry `event`, sent as it is to
// the programme's signed-in sockets, so that everyone sees them at once
// instead of after a pull (docs/hub-api.md, Live session); their cursor is 0
// when the write changed nothing that sync carries.
struct ProgrammeChange {
    qint64 programmeId = 0;
    qint64 cursor = 0;
    QJsonObject event;
};

// What a handler works with. Handlers are plain functions of it: no socket,
// no clock (nowMs is given), so tests and the fuzzer call them directly.
struct RequestContext {
    const HttpRequest& request;
    qint64 nowMs;
    HubDatabase& db;
    Identity& identity;
    Metrics& metrics;
    QMap<QString, QString> pathParams; // {id} -> "7"
    const Principal* principal = nullptr; // set on SignedIn routes
    QJsonObject body; // set on routes that take a JSON object
    // Filled by handlers after their transaction committed.
    std::vector<ProgrammeChange> changes;
    // Set by the room routes: what the session's Janus room must do next.
    std::optional<RoomRequest> room;
    // Where slide decks live (DATA_DIR/decks); empty when the hub has no
    // data dir, and then the deck routes answer 503.
    QString deckDirectory;
    // Where recordings live (DATA_DIR/recordings); empty without a data dir,
    // and then a recording's file route answers 503.
    QString recordingDirectory;
    // The password Janus' event handler signs in with (serve
    // --janus-events-secret-file); empty when the hub takes no Janus events.
    QByteArray janusEventsSecret;
    // Whether serve runs the session recorder (--janus and a data dir): if
    // not, switching recording on is refused (docs/hub-api.md, Recording).
    bool recorderAvailable = false;
};

using Handler = std::function<HttpResponse(RequestContext&)>;

enum class Access { Anyone, SignedIn };
enum class BodyKind { None, JsonObject };
// PasswordHashing routes spend one Argon2id hash or verification (64 MiB,
// hundreds of ms): the server runs them on its sign-in workers, never on
// the event loop (core/hub/server/SignInWorkers.h).
enum class Work { Quick, PasswordHashing };

struct Route {
    QByteArray method;
    QString pattern; // "/api/v1/cases/{id}": a {name} segment matches one non-empty segment, and
                     // "{name}.pdf" one that ends with ".pdf" after a non-empty name
    Access access = Access::SignedIn;
    BodyKind body = BodyKind::None;
    Handler handler;
    Work work = Work::Quick;
    // The largest body this route takes; the router answers 413 above it.
    // Only a deck upload (a PDF) needs more than the default.
    qsizetype maxBodyBytes = qsizetype(4) * 1024 * 1024;
};

// The router's answer, with what the server needs besides the response: the
// route pattern for metrics and the log, who asked, and what changed.
struct RouteOutcome {
    HttpResponse response;
    QString route; // the matched pattern, or "unmatched"
    std::optional<qint64> accountId;
    std::vector<ProgrammeChange> changes;
    std::optional<RoomRequest> room; // see RoomRequest.h
};

// Dispatches requests to the hub's handlers (docs/hub-api.md, Endpoints) and
// applies the rules every route shares, in this order: unknown path 404,
// known path with another method 405 (with Allow), body over the route's
// limit (4 MiB; 64 MiB for a deck upload) 413,
// missing or dead token 401, body not a JSON object 400 `bad_json`. No
// exception leaves handle(): a database that cannot be reached is 503, and
// anything unexpected is 500 and logged, and only a bug can cause that.
// Thread: the thread that owns the HubDatabase: the hub's event loop, or a
// sign-in worker with its own database and router (SignInWorkers).
class Router {
public:
    static constexpr qsizetype kMaxBodyBytes = qsizetype(4) * 1024 * 1024;

    // Registers every route of the API, /healthz and /metrics included.
    Router(HubDatabase& db, Identity& identity, Metrics& metrics);

    RouteOutcome handle(const HttpRequest& request, qint64 nowMs);

    // The pattern of the PasswordHashing route this request would be
    // dispatched to, or none (any other route, 404, 405).
    std::optional<QString> passwordRoute(const HttpRequest& request) const;

    const std::vector<Route>& routes() const { return routes_; }

    // Where uploaded slide decks are stored (spoke-hub serve: DATA_DIR/decks).
    void setDeckDirectory(const QString& directory) { deckDirectory_ = directory; }
    // Where recordings are stored (spoke-hub serve: DATA_DIR/recordings).
    void setRecordingDirectory(const QString& directory) { recordingDirectory_ = directory; }
    // serve runs the session recorder (RequestContext::recorderAvailable).
    void setRecorderAvailable(bool available) { recorderAvailable_ = available; }
    // Enables POST /api/v1/janus/events with this HTTP Basic password.
    void setJanusEventsSecret(const QByteArray& secret) { janusEventsSecret_ = secret; }
    // Behind nginx (serve --accel-redirect PREFIX): answers whose body is a
    // file become `X-Accel-Redirect: PREFIX/<path in the data dir>` with no
    // body, and nginx sends the file (FileRanges.h, docs/hub-deploy.md).
    void setAccelRedirectPrefix(const QByteArray& prefix) { accelRedirectPrefix_ = prefix; }

private:
    HttpResponse dispatch(const Route& route, RequestContext& context, std::optional<qint64>& accountId);
    std::optional<Principal> authenticate(const HttpRequest& request, qint64 nowMs);

    HubDatabase& db_;
    Identity& identity_;
    Metrics& metrics_;
    std::vector<Route> routes_;
    QString deckDirectory_;
    QString recordingDirectory_;
    QByteArray janusEventsSecret_;
    QByteArray accelRedirectPrefix_;
    bool recorderAvailable_ = false;
};

// Route registration, one function per handler file.
void addAuthRoutes(std::vector<Route>& routes);
void addSessionRoutes(std::vector<Route>& routes);
void addAgendaRoutes(std::vector<Route>& routes);
void addChatRoutes(std::vector<Route>& routes);
void addAttendanceRoutes(std::vector<Route>& routes);
void addCertificateRoutes(std::vector<Route>& routes);
void addCaseRoutes(std::vector<Route>& routes);
void addReviewRoutes(std::vector<Route>& routes);
void addSyncRoutes(std::vector<Route>& routes);
void addOperationsRoutes(std::vector<Route>& routes);
void addRoomRoutes(std::vector<Route>& routes);
void addLiveMediaRoutes(std::vector<Route>& routes);
void addJanusEventRoutes(std::vector<Route>& routes);
void addRecordingRoutes(std::vector<Route>& routes);
void addRecordingControlRoutes(std::vector<Route>& routes);

// Builds the de-identification gate's detectors and reads the form schemas
// now, so the first submission after a start does not pay for it (about
// 200 ms in a debug build, all of it blocking the hub's one thread).
void prepareCaseChecks();

// Matches a path against a route pattern; the {name} segments' values on
// success.
std::optional<QMap<QString, QString>> matchPattern(const QString& pattern, const QString& path);

} // namespace spoke::hub::api
