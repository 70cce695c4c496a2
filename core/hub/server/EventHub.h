#pragma once

#include "hub/api/Router.h"

#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>
#include <vector>

class QWebSocket;

namespace spoke::hub {
class HubDatabase;
class Identity;
} // namespace spoke::hub

namespace spoke::hub::api {
class Metrics;
}

namespace spoke::hub::server {

// The GET /api/v1/events WebSockets (docs/hub-api.md, Endpoints). A client's
// first text message is {"token":"..."}; a wrong one, anything else, or none
// within kAuthTimeoutMs closes the socket with code 4401. A signed-in socket
// first gets {"event":"changed","cursor":N} with the current cursor (so the
// client knows it is listening and pulls what it missed), and then one such
// event after each committed write in a programme its account belongs to.
// `changed` events are hints to pull: they carry no data, so a member learns
// only that something in their programme changed. A live session's writes
// (agenda, chat, hands) also send their own event with its data to the
// programme's members, before the `changed` hint, because a pull is too slow
// for a conversation (docs/hub-api.md, Live session). Sockets are pinged every
// kPingIntervalMs; one that has not answered the previous ping, or whose
// token has since expired or been revoked, is closed.
// Thread: the hub's one event-loop thread (with HubServer).
class EventHub : public QObject {
    Q_OBJECT

public:
    static constexpr int kAuthTimeoutMs = 10'000;
    static constexpr int kPingIntervalMs = 30'000;
    static constexpr int kUnauthenticatedCloseCode = 4401;
    static constexpr int kNotFoundCloseCode = 4404;
    static constexpr qint64 kMaxIncomingMessageBytes = 4096;

    EventHub(HubDatabase& db, Identity& identity, api::Metrics& metrics, QObject* parent = nullptr);
    ~EventHub() override;

    // Takes over a socket the HTTP server upgraded.
    void adopt(std::unique_ptr<QWebSocket> socket);
    // Tells the members of each changed programme to pull, after sending them
    // the changes' live events.
    void notify(const std::vector<api::ProgrammeChange>& changes);

    int socketCount() const { return int(clients_.size()); }
    int signedInCount() const;
    // Closes every socket (the hub is stopping).
    void closeAll();

private:
    struct Client {
        QString token; // kept to re-check on every ping; never logged
        std::optional<qint64> accountId;
        QSet<qint64> programmes;
        bool awaitingPong = false;
    };

    void onTextMessage(QWebSocket* socket, const QString& message);
    void onAuthTimeout(QWebSocket* socket);
    void onPingTick();
    void forget(QWebSocket* socket);
    void close(QWebSocket* socket, int code, const QString& reason);
    void updateGauge();

    HubDatabase& db_;
    Identity& identity_;
    api::Metrics& metrics_;
    std::map<QWebSocket*, Client> clients_;
    QTimer pingTimer_;
};

} // namespace spoke::hub::server
