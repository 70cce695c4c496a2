#pragma once

#include "hub/api/Metrics.h"
#include "hub/api/RequestLog.h"
#include "hub/api/Router.h"
#include "hub/server/EventHub.h"
#include "util/Expected.h"

#include <QAbstractHttpServer>
#include <QString>

#include <cstdio>

namespace spoke::hub::server {

// The hub's HTTP(S) front: Qt HttpServer frames each request, HubServer turns
// it into an api::HttpRequest, asks the api::Router, writes the answer,
// counts it in the metrics, logs one line, and tells the EventHub what
// changed. WebSocket upgrades go to the EventHub. See docs/architecture.md
// ("The hub") for why Qt HttpServer and why one thread.
// Thread: one, the Qt event loop it was created on; the database, the router
// and the event sockets all live there.
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

    api::Metrics& metrics() { return metrics_; }
    EventHub& events() { return events_; }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    static void write(QHttpServerResponder& responder, const api::HttpResponse& response);

    api::Metrics metrics_;
    std::optional<api::RequestLog> log_;
    api::Router router_;
    EventHub events_;
    bool tls_ = false;
};

// The router's view of a request Qt HttpServer parsed.
api::HttpRequest toHttpRequest(const QHttpServerRequest& request);

} // namespace spoke::hub::server
