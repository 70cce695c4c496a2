#pragma once

#include "session/JanusMessage.h"
#include "session/SessionError.h"
#include "session/TransactionTable.h"
#include "util/ThreadAffinity.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QWebSocket;

namespace spoke::session {

// One Janus session over one WebSocket (subprotocol "janus-protocol").
//
// open() connects and creates the session; requests are matched to answers by
// transaction and fail with a typed SessionError on timeout, refusal or a lost
// socket. Keepalives hold the session open (Janus drops silent sessions after
// its session_timeout). A socket that drops, or goes silent for
// silenceLimitMs (WebSocket pings go unanswered), is replaced: the connection
// reconnects with backoff and "claim"s the same session, which Janus keeps for
// its reclaim_session_timeout; handles and room membership survive. Requests in
// flight at the drop fail with ConnectionLost, because Janus may or may not have
// seen them. close() destroys the session on the server.
//
// Threading: lives on the thread that creates it (normally the signalling
// thread), which must run a Qt event loop. Every method must be called, and
// every signal and callback arrives, on that thread; this is asserted. Do not
// delete the connection from inside one of its callbacks (use deleteLater()).
class JanusConnection : public QObject {
    Q_OBJECT
public:
    struct Options {
        QUrl url; // wss://host:8989, or ws:// where checkSignallingUrl allows it
        // PEM file of the CAs to trust instead of the system's (a self-signed
        // hub's own CA); empty: the system's CA store. The host name is
        // always checked against the certificate.
        QString caCertificatesPath;
        bool allowPlainWs = false; // ws:// to a host other than loopback (practice)
        int requestTimeoutMs = 10000;
        int keepaliveIntervalMs = 25000; // Janus' default session_timeout is 60 s
        int pingIntervalMs = 5000; // WebSocket ping, to notice a dead link
        int silenceLimitMs = 15000; // nothing heard for this long = dead socket
        int reconnectDelayMs = 250; // first retry; doubles up to the max
        int maxReconnectDelayMs = 4000;
        int reconnectWindowMs = 30000; // give up (sessionLost) after this long
    };

    // Why `url` must not be used, or nothing: only ws:// and wss://; ws:// only
    // to a loopback host unless `allowPlainWs` (the join-info contract, docs/hub-api.md).
    static std::optional<QString> checkSignallingUrl(const QUrl& url, bool allowPlainWs);

    enum class State {
        Idle, // not opened yet
        Connecting, // socket opening, then "create"
        Ready, // session exists, requests flow
        Reconnecting, // socket lost; retrying and claiming the session
        Closing, // "destroy" sent
        Closed, // closed on purpose or lost for good
    };
    Q_ENUM(State)

    using AttachHandler = std::function<void(quint64 handleId, const std::optional<SessionError>& error)>;

    explicit JanusConnection(Options options, QObject* parent = nullptr);
    ~JanusConnection() override;

    JanusConnection(const JanusConnection&) = delete;
    JanusConnection& operator=(const JanusConnection&) = delete;

    void open();
    void close(); // destroys the session (bounded wait), then closes; emits closed()

    State state() const;
    quint64 sessionId() const;
    const Options& options() const { return options_; }

    void attach(const QString& plugin, AttachHandler handler);
    void detach(quint64 handleId, ReplyHandler handler);
    // A plugin "message": body plus an optional JSEP. timeoutMs < 0 uses the default.
    void sendMessage(quint64 handleId, const QJsonObject& body, const std::optional<Jsep>& jsep, ReplyHandler handler,
                     int timeoutMs = -1);
    // One ICE candidate ({"candidate","sdpMid","sdpMLineIndex"}) for a handle.
    void trickle(quint64 handleId, const QJsonObject& candidate, ReplyHandler handler);
    void trickleCompleted(quint64 handleId, ReplyHandler handler);

Q_SIGNALS:
    void stateChanged(spoke::session::JanusConnection::State state);
    void ready(quint64 sessionId);
    void connectionInterrupted(const spoke::session::SessionError& reason);
    void reclaimed(quint64 sessionId);
    void sessionLost(const spoke::session::SessionError& reason);
    void closed();
    // Everything Janus sends about one handle: plugin events (solicited or not),
    // webrtcup, media, slowlink, hangup, detached, trickle.
    void handleEvent(quint64 handleId, const spoke::session::JanusMessage& message);
    // A message that could not be parsed or did not belong to us; ignored.
    void protocolWarning(const QString& what);

private:
    void setState(State state);
    void connectSocket();
    void dropSocket();
    void onConnected();
    void onDisconnected();
    void onText(const QString& text);
    void onTick();
    void onSocketLost(const QString& why);
    void scheduleReconnect();
    void loseSession(const SessionError& reason);
    void finishClose();
    void createSession();
    void claimSession();
    void sendKeepalive();
    // Sends a request with the session id (and handle id) filled in.
    void send(QJsonObject request, const QString& name, Completion completion, ReplyHandler handler, int timeoutMs = -1,
              quint64 handleId = 0);
    void failLater(ReplyHandler handler, SessionError error);
    std::optional<SessionError> prepareTls();
    qint64 nowMs() const { return clock_.elapsed(); }

    struct SocketDeleter {
        void operator()(QWebSocket* socket) const;
    };

    ThreadAffinity affinity_;
    Options options_;
    State state_ = State::Idle;
    quint64 sessionId_ = 0;
    std::unique_ptr<QWebSocket, SocketDeleter> socket_;
    std::optional<QSslConfiguration> tls_; // set by open() for a wss:// URL
    QString tlsFailure_; // the certificate problem of the last connect, if any
    TransactionTable transactions_;
    QElapsedTimer clock_;
    qint64 lastHeardMs_ = 0;
    qint64 lostAtMs_ = 0;
    int nextReconnectDelayMs_ = 0;
    QTimer tickTimer_;
    QTimer pingTimer_;
    QTimer keepaliveTimer_;
    QTimer reconnectTimer_;
};

} // namespace spoke::session
