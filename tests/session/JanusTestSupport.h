#pragma once

// Shared helpers for the tests that run against the real Janus started by
// tests/janus/janus-netns (which sets the SPOKE_JANUS_* variables).

#include "session/JanusConnection.h"
#include "session/VideoRoomHandle.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStringList>

#include <functional>
#include <memory>

namespace spoke::test {

inline bool waitUntil(const std::function<bool()>& condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return condition();
}

// Processes events for a fixed time (to prove something does NOT happen).
inline void pumpFor(int durationMs)
{
    waitUntil([] { return false; }, durationMs);
}

inline QString env(const char* name)
{
    const QString value = qEnvironmentVariable(name);
    if (value.isEmpty())
        FAIL(name << " is not set: run this test through tests/janus/janus-netns (ctest -L janus)");
    return value;
}

inline int envInt(const char* name)
{
    return env(name).toInt();
}

inline quint64 practiceRoom()
{
    return env("SPOKE_JANUS_ROOM").toULongLong();
}

// A minimal WebRTC publisher offer a browser could have written: BUNDLE,
// rtcp-mux, Opus 111 + VP8 96, sendonly, our ICE credentials and one host
// candidate on the ICE interface. The fingerprint is the SHA-256 of a
// throwaway value: no DTLS happens (there is no media stack here), Janus only
// checks its format when it answers.
inline QString publisherOffer(const QString& iceIp)
{
    const QByteArray digest = QCryptographicHash::hash("spoke throwaway certificate", QCryptographicHash::Sha256);
    QStringList hexPairs;
    for (char byte : digest)
        hexPairs << QStringLiteral("%1").arg(static_cast<unsigned char>(byte), 2, 16, QLatin1Char('0')).toUpper();
    const QString fingerprint = hexPairs.join(QLatin1Char(':'));
    const QString candidate = QStringLiteral("a=candidate:1 1 udp 2122260223 %1 40000 typ host\r\n").arg(iceIp);
    const QString transport = QStringLiteral("c=IN IP4 %1\r\n").arg(iceIp)
                              + QStringLiteral("a=rtcp:9 IN IP4 0.0.0.0\r\n") + candidate
                              + QStringLiteral("a=end-of-candidates\r\n"
                                               "a=ice-ufrag:spk1\r\n"
                                               "a=ice-pwd:spokeicepassword0123456789\r\n"
                                               "a=ice-options:trickle\r\n"
                                               "a=fingerprint:sha-256 ")
                              + fingerprint + QStringLiteral("\r\na=setup:actpass\r\n");
    return QStringLiteral("v=0\r\n"
                          "o=- 4611731400430051336 2 IN IP4 %1\r\n"
                          "s=-\r\n"
                          "t=0 0\r\n"
                          "a=group:BUNDLE 0 1\r\n"
                          "a=msid-semantic: WMS spoke\r\n"
                          "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n")
               .arg(iceIp)
           + transport
           + QStringLiteral("a=mid:0\r\n"
                            "a=sendonly\r\n"
                            "a=rtcp-mux\r\n"
                            "a=rtpmap:111 opus/48000/2\r\n"
                            "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
                            "a=ssrc:11111111 cname:spoke\r\n"
                            "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n")
           + transport
           + QStringLiteral("a=mid:1\r\n"
                            "a=sendonly\r\n"
                            "a=rtcp-mux\r\n"
                            "a=rtpmap:96 VP8/90000\r\n"
                            "a=rtcp-fb:96 nack\r\n"
                            "a=rtcp-fb:96 nack pli\r\n"
                            "a=rtcp-fb:96 ccm fir\r\n"
                            "a=rtcp-fb:96 goog-remb\r\n"
                            "a=ssrc:22222222 cname:spoke\r\n");
}

// One client: a connection plus one VideoRoom handle, opened and attached.
struct Client {
    std::unique_ptr<session::JanusConnection> connection;
    std::unique_ptr<session::VideoRoomHandle> handle;
    QStringList warnings;

    static session::JanusConnection::Options defaults(const QUrl& url)
    {
        session::JanusConnection::Options options;
        options.url = url;
        options.requestTimeoutMs = 3000;
        options.keepaliveIntervalMs = 2000; // well inside the test config's session_timeout
        options.pingIntervalMs = 500;
        options.silenceLimitMs = 2000;
        options.reconnectDelayMs = 100;
        options.maxReconnectDelayMs = 500;
        options.reconnectWindowMs = 15000;
        return options;
    }

    explicit Client(session::JanusConnection::Options options)
        : connection(std::make_unique<session::JanusConnection>(std::move(options)))
        , handle(std::make_unique<session::VideoRoomHandle>(*connection))
    {
        QObject::connect(connection.get(), &session::JanusConnection::protocolWarning,
                         [this](const QString& w) { warnings << w; });
    }

    explicit Client(const QUrl& url = QUrl(env("SPOKE_JANUS_WS"))) : Client(defaults(url)) { }

    void openAndAttach()
    {
        bool ready = false;
        std::optional<session::SessionError> lost;
        auto readyLink =
            QObject::connect(connection.get(), &session::JanusConnection::ready, [&](quint64) { ready = true; });
        auto lostLink = QObject::connect(connection.get(), &session::JanusConnection::sessionLost,
                                         [&](const session::SessionError& e) { lost = e; });
        connection->open();
        REQUIRE(waitUntil([&] { return ready || lost; }, 5000));
        QObject::disconnect(readyLink);
        QObject::disconnect(lostLink);
        if (lost)
            FAIL("could not open a Janus session: " << lost->describe().toStdString());
        bool attached = false;
        std::optional<session::SessionError> error;
        handle->attach([&](const std::optional<session::SessionError>& e) {
            error = e;
            attached = true;
        });
        REQUIRE(waitUntil([&] { return attached; }, 5000));
        if (error)
            FAIL("attach failed: " << error->describe().toStdString());
    }

    // Runs a request to completion and returns its outcome.
    session::Outcome call(const std::function<void(session::ReplyHandler)>& start)
    {
        std::optional<session::Outcome> result;
        start([&](const session::Outcome& outcome) { result = outcome; });
        REQUIRE(waitUntil([&] { return result.has_value(); }, 6000));
        return *result;
    }

    session::SdpResult callSdp(const std::function<void(session::SdpHandler)>& start)
    {
        std::optional<session::SdpResult> result;
        start([&](const session::SdpResult& r) { result = r; });
        REQUIRE(waitUntil([&] { return result.has_value(); }, 6000));
        return *result;
    }

    quint64 joinPublisher(const QString& display)
    {
        const auto outcome = call([&](session::ReplyHandler done) {
            handle->joinAsPublisher({practiceRoom(), display, 0, {}, {}}, std::move(done));
        });
        if (!outcome.ok())
            FAIL("join failed: " << outcome.error->describe().toStdString());
        REQUIRE(handle->room().ownId() != 0);
        return handle->room().ownId();
    }
};

// Sends one Admin API request (HTTP, loopback) and returns the JSON answer.
inline QJsonObject adminRequest(QJsonObject request)
{
    request.insert(QStringLiteral("transaction"), QStringLiteral("admin"));
    request.insert(QStringLiteral("admin_secret"), env("SPOKE_JANUS_ADMIN_SECRET"));
    QNetworkAccessManager network;
    QNetworkRequest http(QUrl(env("SPOKE_JANUS_ADMIN")));
    http.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = network.post(http, QJsonDocument(request).toJson(QJsonDocument::Compact));
    REQUIRE(waitUntil([reply] { return reply->isFinished(); }, 5000));
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

inline bool janusHasSession(quint64 sessionId)
{
    const QJsonObject answer = adminRequest(QJsonObject{{QStringLiteral("janus"), QStringLiteral("list_sessions")}});
    REQUIRE(answer.value(QStringLiteral("janus")).toString() == QStringLiteral("success"));
    const auto sessions = answer.value(QStringLiteral("sessions")).toArray();
    for (const auto& value : sessions) {
        if (static_cast<quint64>(value.toInteger()) == sessionId)
            return true;
    }
    return false;
}

} // namespace spoke::test
