#pragma once

#include "sync/HubTypes.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <cstdint>

namespace spoke::sync {

// The hub's event socket (`/api/v1/events`, docs/hub-api.md): sends the
// token as the first message, then reports each `{"event":"changed"}` as a
// hint to pull, and a live session's `chat`, `hands`, `agenda`, `slide`, `media`,
// `moderation` and `removed` events
// (docs/hub-api.md "Live session") with their data. Nothing is trusted from
// it: every message is read by parseHubEvent (HubProtocol); a malformed one
// is logged and dropped, an unknown event type ignored. When the socket drops it reconnects after a capped,
// jittered back-off; a close with code 4401 (token refused) stops it until
// start() is called again with another token.
// Lives on, and is used only on, the sync thread.
class EventListener : public QObject {
    Q_OBJECT
public:
    explicit EventListener(QObject* parent = nullptr);
    ~EventListener() override;

    void start(const QUrl& hubUrl, const QString& token);
    void stop();
    // The socket connects through `proxy` (as HubClient::setProxy); takes
    // effect at the next connect.
    void setProxy(const QNetworkProxy& proxy) { socket_.setProxy(proxy); }
    bool isOpen() const { return open_; }

    // 1 s, 2 s, 4 s ... up to 60 s after `failures` failed attempts in a row,
    // before jitter: a hub restarting for an update is back within seconds,
    // and a thousand laptops must not all knock at the same moment.
    static int reconnectDelayMs(int failures);
    // "ws://host:port/api/v1/events" for "http://host:port" (wss for https).
    static QUrl eventsUrl(const QUrl& hubUrl);

    // One text message as it came off the socket (public so that tests can
    // feed the listener without a hub).
    void handleMessage(const QString& message);
    // Messages dropped as malformed or too large since construction.
    int droppedEvents() const { return dropped_; }

Q_SIGNALS:
    void changed(qint64 cursor);
    void chatReceived(const spoke::sync::HubChatMessage& message);
    void handsChanged(const spoke::sync::HubHands& hands);
    void agendaChanged(const spoke::sync::HubAgenda& agenda);
    // A page turn (`slide`) and a member's mute/camera report (`media`).
    void slideTurned(const spoke::sync::HubSlideTurn& turn);
    void mediaChanged(const spoke::sync::HubMediaState& state);
    // The case panel's presenter showed a section (`case_view`).
    void caseViewed(const spoke::sync::HubCaseView& view);
    // The chair's mute or unmute of a member (`moderation`), and a removal (`removed`).
    void moderated(const spoke::sync::HubModeration& moderation);
    void removed(const spoke::sync::HubRemoval& removal);
    void openChanged(bool open);
    void tokenRefused();

private:
    void connectNow();
    void onDisconnected();
    void setOpen(bool open);

    QWebSocket socket_;
    QTimer reconnect_;
    QUrl url_;
    QString token_;
    int failures_ = 0;
    int dropped_ = 0;
    bool running_ = false;
    bool open_ = false;
};

} // namespace spoke::sync
