#include "sync/EventListener.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>

namespace spoke::sync {

namespace {

// The hub closes with this code when the token is wrong (docs/hub-api.md).
constexpr int kTokenRefusedCloseCode = 4401;
// An event is a few dozen bytes; anything far larger is not one.
constexpr qsizetype kMaxEventChars = 4096;

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
    connect(&socket_, &QWebSocket::textMessageReceived, this, &EventListener::onMessage);
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

void EventListener::onMessage(const QString& message)
{
    if (message.size() > kMaxEventChars)
        return;
    const QJsonObject event = QJsonDocument::fromJson(message.toUtf8()).object();
    if (event.value(QLatin1String("event")).toString() != QLatin1String("changed"))
        return;
    const QJsonValue cursor = event.value(QLatin1String("cursor"));
    Q_EMIT changed(cursor.isDouble() ? static_cast<qint64>(cursor.toDouble()) : 0);
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
