#include "sync/EventListener.h"

#include "sync/HubProtocol.h"

#include <QDebug>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>

namespace spoke::sync {

namespace {

// The hub closes with this code when the token is wrong (docs/hub-api.md).
constexpr int kTokenRefusedCloseCode = 4401;
// A `changed` hint is a few dozen bytes, but an `agenda` event carries the
// whole Session (docs/hub-api.md "Live session"): 20 items whose titles the
// hub does not cap, plus who started each, passes 4 KiB easily; a chat event
// holds up to 2000 characters. 64 Ki characters leaves room for all of that
// while still refusing a runaway message before it is parsed.
constexpr qsizetype kMaxEventChars = 64 * 1024;

template <class... Ts> struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

EventListener::EventListener(QObject* parent) : QObject(parent)
{
    reconnect_.setSingleShot(true);
    connect(&reconnect_, &QTimer::timeout, this, &EventListener::connectNow);
    connect(&socket_, &QWebSocket::connected, this, [this] {
        socket_.sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("token"), token_}}).toJson(QJsonDocument::Compact)));
        failures_ = 0;
        setOpen(true);
    });
    connect(&socket_, &QWebSocket::textMessageReceived, this, &EventListener::handleMessage);
    connect(&socket_, &QWebSocket::disconnected, this, &EventListener::onDisconnected);
}

EventListener::~EventListener()
{
    running_ = false;
    socket_.abort();
}

int EventListener::reconnectDelayMs(int failures)
{
    const int exponent = std::clamp(failures, 0, 6);
    return std::min(60'000, 1'000 << exponent);
}

QUrl EventListener::eventsUrl(const QUrl& hubUrl)
{
    QUrl url = hubUrl;
    url.setScheme(hubUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/api/v1/events"));
    return url;
}

void EventListener::start(const QUrl& hubUrl, const QString& token)
{
    stop();
    url_ = eventsUrl(hubUrl);
    token_ = token;
    running_ = true;
    failures_ = 0;
    connectNow();
}

void EventListener::stop()
{
    running_ = false;
    reconnect_.stop();
    socket_.abort();
    setOpen(false);
}

void EventListener::connectNow()
{
    if (running_)
        socket_.open(url_);
}

void EventListener::handleMessage(const QString& message)
{
    if (message.size() > kMaxEventChars) {
        ++dropped_;
        qWarning("spoke.sync: event of %lld characters dropped", static_cast<long long>(message.size()));
        return;
    }
    const auto event = parseHubEvent(message.toUtf8());
    if (!event) {
        // The detail names the field, never its content (chat text is the members').
        ++dropped_;
        qWarning("spoke.sync: malformed event dropped: %s", qUtf8Printable(event.error().detail));
        return;
    }
    std::visit(Overloaded{
                   [this](const ChangedEvent& changedEvent) { Q_EMIT changed(changedEvent.cursor); },
                   [this](const HubChatMessage& chat) { Q_EMIT chatReceived(chat); },
                   [this](const HubHands& hands) { Q_EMIT handsChanged(hands); },
                   [this](const HubAgenda& agenda) { Q_EMIT agendaChanged(agenda); },
                   [this](const HubSlideTurn& turn) { Q_EMIT slideTurned(turn); },
                   [this](const HubMediaState& state) { Q_EMIT mediaChanged(state); },
                   [this](const HubCaseView& view) { Q_EMIT caseViewed(view); },
                   [this](const HubModeration& moderation) { Q_EMIT moderated(moderation); },
                   [this](const HubRemoval& removal) { Q_EMIT removed(removal); },
                   [](const UnknownEvent&) {},
               },
               *event);
}

void EventListener::onDisconnected()
{
    setOpen(false);
    if (static_cast<int>(socket_.closeCode()) == kTokenRefusedCloseCode) {
        running_ = false;
        Q_EMIT tokenRefused();
        return;
    }
    if (!running_)
        return;
    const int base = reconnectDelayMs(failures_++);
    // Up to a quarter more, so clients that lost the hub together come back apart.
    reconnect_.start(base + static_cast<int>(QRandomGenerator::global()->bounded(base / 4 + 1)));
}

void EventListener::setOpen(bool open)
{
    if (open_ == open)
        return;
    open_ = open;
    Q_EMIT openChanged(open);
}

} // namespace spoke::sync
