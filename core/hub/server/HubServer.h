#pragma once

#include "hub/api/Metrics.h"
#include "hub/api/RequestLog.h"
#include "hub/api/Router.h"
#include "hub/janus/MediaConfig.h"
#include "hub/server/AnswerQueue.h"
#include "hub/server/EventHub.h"
#include "hub/server/SignInWorkers.h"
#include "util/Expected.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

namespace spoke::hub::janus {
class RoomService;
}

namespace spoke::hub::server {

// The hub's HTTP(S) front: Qt HttpServer frames each request, HubServer turns
// it into an api::HttpRequest, asks the api::Router, writes the answer,
// counts it in the metrics, logs one line, and tells the EventHub what
// changed. WebSocket upgrades go to the EventHub. The sign-in routes
// (Argon2id) go to SignInWorkers and are answered when a worker is done; a
// connection's answers still leave in the order its requests came. See
// docs/architecture.md ("The hub") for why Qt HttpServer and its threads.
// Thread: the Qt event loop it was created on; the database, the router,
// the event sockets, the metrics and the log all live there. Only the
// sign-in workers' own connections live elsewhere.
class HubServer : public QAbstractHttpServer {
    Q_OBJECT

public:
    // `requestLog` gets one JSON line per request (stderr in spoke-hub
    // serve); null for none.
    HubServer(HubDatabase& db, Identity& identity, std::FILE* requestLog, QObject* parent = nullptr);
    ~HubServer() override;

    // HTTPS with a PEM certificate (chain) and private key (RSA or EC);
    // call before listen(). The error is a sentence naming the file.
    Expected<bool, QString> useTls(const QString& certificateFile, const QString& keyFile);
    bool usesTls() const { return tls_; }

    // Gives sessions Janus rooms (docs/hub-api.md, Media): the room routes
    // are then answered by a janus::RoomService when Janus has answered,
    // in their connection's order, without blocking the event loop. Without
    // it they answer 503 media_unavailable. Call before listen().
    void useMedia(janus::MediaConfig config);
    // Where uploaded slide decks are kept (DATA_DIR/decks); without one the
    // deck routes answer 503.
    void setDeckDirectory(const QString& directory) { router_.setDeckDirectory(directory); }
    // Where recordings are kept (DATA_DIR/recordings); without one a
    // recording's file route answers 503.
    void setRecordingDirectory(const QString& directory) { router_.setRecordingDirectory(directory); }
    // Takes Janus' events (POST /api/v1/janus/events) from a client that
    // signs in with HTTP Basic "janus" and this secret; without it, 404.
    void setJanusEventsSecret(const QByteArray& secret) { router_.setJanusEventsSecret(secret); }
    // serve runs the session recorder (Janus and a data dir); without it
    // POST .../recording refuses to switch recording on (Router).
    void setRecorderAvailable(bool available) { router_.setRecorderAvailable(available); }
    // Behind nginx: file answers become X-Accel-Redirect (Router).
    void setAccelRedirectPrefix(const QByteArray& prefix) { router_.setAccelRedirectPrefix(prefix); }

    // Called with every committed change after the programme's sockets got
    // it: serve's RecorderSupervisor watches the recording and agenda events.
    using ChangeObserver = std::function<void(const std::vector<api::ProgrammeChange>&)>;
    void setChangeObserver(ChangeObserver observer) { changeObserver_ = std::move(observer); }
    // The sessions' rooms, when useMedia() was called; null otherwise.
    janus::RoomService* rooms() const { return rooms_.get(); }

    api::Metrics& metrics() { return metrics_; }
    EventHub& events() { return events_; }

    // For SIGTERM: stops listening and taking sign-ins, then calls `then`
    // once every sign-in in flight has been answered, or after `timeoutMs`,
    // whichever comes first. A second call calls `then` at once.
    void drain(int timeoutMs, const std::function<void()>& then);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    struct Received {
        qint64 nowMs = 0;
        QByteArray method;
        QElapsedTimer timer;
    };

    void runRoom(api::RouteOutcome outcome, const Received& received, QTcpSocket* socket);
    void offload(api::HttpRequest request, const QString& route, const Received& received, QTcpSocket* socket);
    void answer(QTcpSocket* socket, const api::RouteOutcome& outcome, const Received& received,
                std::optional<std::uint64_t> slot);
    void record(const api::RouteOutcome& outcome, const Received& received);

    api::Metrics metrics_;
    std::optional<api::RequestLog> log_;
    api::Router router_;
    EventHub events_;
    SignInWorkers signIns_;
    HubDatabase& db_;
    // Each connection's answers in its requests' order, files streamed
    // from disk (a sign-in, a room call or a file in flight holds the
    // answers behind it).
    AnswerQueue answers_;
    bool tls_ = false;
    bool draining_ = false;
    ChangeObserver changeObserver_;
    // Last: destroyed first, so no Janus answer arrives into a half-gone server.
    std::unique_ptr<janus::RoomService> rooms_;
};

// The router's view of a request Qt HttpServer parsed.
api::HttpRequest toHttpRequest(const QHttpServerRequest& request);

} // namespace spoke::hub::server
