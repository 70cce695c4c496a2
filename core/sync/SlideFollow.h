#pragma once

#include "sync/HubTypes.h"

#include <QString>

#include <cstdint>

namespace spoke::sync {

// Which deck the slides panel shows, decided from the hub's page turns
// (`slide` events and GET …/slides' `current`, docs/hub-api.md "Live
// session") without a clock or a network, so tests drive it exactly.
//
// A turn names a deck by SHA-256 and a page. The first turn for a deck asks
// for it to be fetched (once: LiveSlides::fetchDeck, the DeckCache); turns
// that arrive while it downloads are kept, and the newest is shown once the
// deck is there. A turn older than one already seen (a resync, an event that
// crossed GET …/slides) is dropped by its id. While this client presents a
// deck itself, the hub's echo of its own turns is not followed; a turn for
// another deck means someone else presents now, and this client follows.
// Paging alone and following again within one deck is slides::PageTurns'.
//
// Single-threaded: the caller applies everything on one thread.
class SlideFollow {
public:
    enum class DeckState { None, Fetching, Ready, Failed };
    struct Action {
        enum class Kind { None, Fetch, Show } kind = Kind::None;
        QString deck; // sha256, for Fetch and Show
        int page = 0; // for Show, from 0
        std::int64_t turnId = 0; // for Show: the turn's id (its order)
    };

    Action onTurn(const HubSlideTurn& turn);
    // The deck `sha256` is in the cache now, or failed to arrive.
    Action onDeckReady(const QString& sha256);
    void onDeckFailed(const QString& sha256);
    // This client shares `sha256`: it is shown from the start, and the
    // hub's echo of our own turns is not followed.
    void present(const QString& sha256);
    void reset() { *this = SlideFollow{}; }

    const QString& deck() const { return deck_; }
    DeckState deckState() const { return state_; }
    bool presenting() const { return presenting_; }
    std::int64_t lastTurnId() const { return lastTurnId_; }

private:
    QString deck_;
    DeckState state_ = DeckState::None;
    bool presenting_ = false;
    std::int64_t lastTurnId_ = 0;
    HubSlideTurn pending_; // the newest turn for deck_ while it is fetched
};

} // namespace spoke::sync
