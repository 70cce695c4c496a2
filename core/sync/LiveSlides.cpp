#include "sync/LiveSlides.h"

#include "slides/DeckCache.h"
#include "sync/HubProtocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace spoke::sync {

namespace {

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

SyncError deckError(const QString& detail)
{
    return SyncError{SyncErrorKind::BadResponse, 0, {}, detail};
}

} // namespace

QString LiveSlides::path(const char* tail) const
{
    return QStringLiteral("api/v1/sessions/%1/%2").arg(sessionId_).arg(QLatin1String(tail));
}

HubExpected<HubDeck> LiveSlides::uploadDeck(const QByteArray& pdf, const QString& title)
{
    const QString query = QStringLiteral("?title=") + QString::fromLatin1(QUrl::toPercentEncoding(title));
    auto reply = client_.sendBytes("POST", path("decks") + query, pdf, "application/pdf", "application/json");
    if (!reply)
        return reply.error();
    if (reply->status < 200 || reply->status > 299)
        return errorForReply(*reply);
    return parseDeckAnswer(reply->body);
}

HubExpected<QList<HubDeck>> LiveSlides::listDecks()
{
    auto body = client_.call("GET", path("decks"));
    if (!body)
        return body.error();
    return parseDecksAnswer(*body);
}

HubExpected<LiveSlides::FetchedDeck> LiveSlides::fetchDeck(const QString& sha256, std::int64_t nowMs)
{
    // Only a hex name may become a file name or a path on the hub.
    if (!isDeckSha256(sha256))
        return deckError(QStringLiteral("a deck name is not 64 lower-case hex digits"));
    const std::string name = sha256.toStdString();
    slides::DeckCache::Loaded cached = cache_.load(name, nowMs);
    if (cached.bytes)
        return FetchedDeck{std::move(*cached.bytes), false};
    auto reply = client_.sendBytes("GET", QStringLiteral("api/v1/decks/") + sha256, {}, {}, "application/pdf");
    if (!reply)
        return reply.error();
    if (reply->status != 200)
        return errorForReply(*reply);
    ++downloads_;
    std::vector<char> bytes(reply->body.begin(), reply->body.end());
    auto stored = cache_.store(bytes, name, nowMs);
    if (!stored) {
        if (stored.error().kind == slides::DeckErrorKind::Corrupt)
            return deckError(QStringLiteral("the deck downloaded does not hash to its name"));
        return SyncError{SyncErrorKind::LocalStore, 0, {}, QString::fromStdString(stored.error().message)};
    }
    return FetchedDeck{std::move(bytes), true};
}

HubExpected<HubSlideTurn> LiveSlides::turnPage(const QString& deck, int page)
{
    auto body = client_.call("POST", path("slides"),
                             compact(QJsonObject{{QStringLiteral("deck"), deck}, {QStringLiteral("page"), page}}));
    if (!body)
        return body.error();
    return parseSlideTurnAnswer(*body);
}

HubExpected<HubSlideTurns> LiveSlides::fetchTurns(std::int64_t afterId)
{
    auto body = client_.call("GET", path("slides") + QStringLiteral("?after=%1").arg(afterId));
    if (!body)
        return body.error();
    return parseSlideTurnsAnswer(*body);
}

HubExpected<HubMediaState> LiveSlides::reportMedia(bool audioMuted, bool videoOff, bool audioOnly)
{
    auto body = client_.call("POST", path("media"),
                             compact(QJsonObject{{QStringLiteral("audio_muted"), audioMuted},
                                                 {QStringLiteral("video_off"), videoOff},
                                                 {QStringLiteral("audio_only"), audioOnly}}));
    if (!body)
        return body.error();
    return parseMediaAnswer(*body, sessionId_);
}

HubExpected<QList<HubMediaState>> LiveSlides::fetchMedia()
{
    auto body = client_.call("GET", path("media"));
    if (!body)
        return body.error();
    return parseMediaListAnswer(*body, sessionId_);
}

} // namespace spoke::sync
