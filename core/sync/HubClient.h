#pragma once

#include "sync/HubProtocol.h"
#include "sync/SyncError.h"

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QString>
#include <QUrl>

#include <memory>

namespace spoke::sync {

// One HTTP answer from the hub, whatever its status.
struct HubReply {
    int status = 0;
    QByteArray body;
};

// The hub's HTTP API (docs/hub-api.md) over QNetworkAccessManager, with the
// bearer token, a timeout per request and HTTP failures turned into a
// SyncError. Each call waits for its answer in a local event loop, so it is
// meant for a thread that does nothing else meanwhile (the sync thread, the
// CLI's main thread).
// Lives on, and is used only on, the thread that created it.
class HubClient {
public:
    HubClient(QUrl baseUrl, int timeoutMs);
    ~HubClient();

    const QUrl& baseUrl() const { return baseUrl_; }
    void setToken(const QString& token) { token_ = token; }
    const QString& token() const { return token_; }
    // Every request through `proxy` (a HubLinkRelay's, for a client on an
    // impaired link); by default none.
    void setProxy(const QNetworkProxy& proxy);
    // How long a request may go without a byte moving either way before it
    // is given up: a dead hub is noticed, while a deck that keeps coming
    // down a slow link is never cut off for its size.
    void setTimeoutMs(int timeoutMs) { timeoutMs_ = timeoutMs; }

    // Any answer that arrived is a HubReply (check its status); a transport
    // failure (refused, timeout, TLS) is a SyncError.
    HubExpected<HubReply> send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body = {},
                               const QString& idempotencyKey = {});
    HubExpected<HubReply> get(const QString& pathAndQuery) { return send("GET", pathAndQuery); }
    // Like send, with a body that is not JSON (a PDF deck) and any answer
    // type: `contentType` goes with the body, `accept` asks for the answer.
    HubExpected<HubReply> sendBytes(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                                    const QByteArray& contentType, const QByteArray& accept);

    // Like send, but an answer outside 2xx is a SyncError as well.
    HubExpected<QByteArray> call(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body = {},
                                 const QString& idempotencyKey = {});

    // Where the hub's API lives: "http://host:port/" + "api/v1/...".
    QUrl urlFor(const QString& pathAndQuery) const;

private:
    HubExpected<HubReply> exchange(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body,
                                   const QString& idempotencyKey, const QByteArray& contentType,
                                   const QByteArray& accept);

    QUrl baseUrl_;
    int timeoutMs_;
    QString token_;
    std::unique_ptr<QNetworkAccessManager> network_;
};

// The SyncError for a non-2xx answer (docs/hub-api.md "Errors").
SyncError errorForReply(const HubReply& reply);

// "https://hub.example.org" with a trailing slash removed and a scheme
// required; an empty QUrl when `text` is not an http(s) address.
QUrl normaliseHubUrl(const QString& text);

} // namespace spoke::sync
