#pragma once

#include "sync/HubClient.h"
#include "sync/HubTypes.h"

#include <cstdint>
#include <vector>

namespace spoke::slides {
class DeckCache;
}

namespace spoke::sync {

// A live session's slides and media state (docs/hub-api.md "Live session"):
// upload a deck, fetch a deck once into core/slides' DeckCache, turn a page,
// read the turns, report this member's mute and camera state.
//
// A deck is fetched at most once per cache: fetchDeck() looks in the cache
// first (which re-hashes the file), and only a miss or a damaged file goes to
// the hub; the download is kept only if it hashes to the SHA-256 the hub
// named, so a second client or a second call never downloads it again and a
// bad download is never shown. Clock-free: `nowMs` is the time of use the
// cache records. Uses `client` and `cache` on their thread (the sync thread,
// the CLI's main thread); both must outlive this object. A deck can be up to
// 64 MiB: give `client` a timeout that fits the link.
class LiveSlides {
public:
    LiveSlides(HubClient& client, std::int64_t sessionId, slides::DeckCache& cache)
        : client_(client)
        , cache_(cache)
        , sessionId_(sessionId)
    {
    }

    std::int64_t sessionId() const { return sessionId_; }

    // `POST …/decks`: the PDF's bytes; the hub's Deck (200 or 201 alike).
    HubExpected<HubDeck> uploadDeck(const QByteArray& pdf, const QString& title);
    // `GET …/decks`: the decks shown in the session.
    HubExpected<QList<HubDeck>> listDecks();

    struct FetchedDeck {
        std::vector<char> bytes; // the PDF, its SHA-256 checked
        bool downloaded = false; // false: it came from the cache
    };
    // The deck's bytes from the cache, or `GET /decks/{sha256}` once.
    HubExpected<FetchedDeck> fetchDeck(const QString& sha256, std::int64_t nowMs);
    // Downloads done by this object (for tests and the CLI's stats).
    int downloads() const { return downloads_; }

    // `POST …/slides`: show page `page` (from 0) of `deck`.
    HubExpected<HubSlideTurn> turnPage(const QString& deck, int page);
    // `GET …/slides?after=ID`; `current` is the page shown now.
    HubExpected<HubSlideTurns> fetchTurns(std::int64_t afterId);

    // `POST …/media`: this member's own state, as the call has it.
    HubExpected<HubMediaState> reportMedia(bool audioMuted, bool videoOff, bool audioOnly);
    // `GET …/media`: every reporting member's latest state.
    HubExpected<QList<HubMediaState>> fetchMedia();

private:
    QString path(const char* tail) const;

    HubClient& client_;
    slides::DeckCache& cache_;
    std::int64_t sessionId_;
    int downloads_ = 0;
};

} // namespace spoke::sync
