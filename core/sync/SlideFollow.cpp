#include "sync/SlideFollow.h"

namespace spoke::sync {

SlideFollow::Action SlideFollow::onTurn(const HubSlideTurn& turn)
{
    // Ids rise with every turn the hub stores; 0 is an event without one.
    if (turn.id != 0 && turn.id <= lastTurnId_)
        return {};
    if (turn.id != 0)
        lastTurnId_ = turn.id;
    if (presenting_ && turn.deck == deck_)
        return {}; // our own turn, echoed
    if (turn.deck != deck_ || state_ == DeckState::Failed) {
        // A new deck, or one that failed to arrive: each turn is a new chance.
        presenting_ = false;
        deck_ = turn.deck;
        state_ = DeckState::Fetching;
        pending_ = turn;
        return {Action::Kind::Fetch, deck_, 0, 0};
    }
    if (state_ == DeckState::Fetching) {
        pending_ = turn;
        return {};
    }
    return {Action::Kind::Show, deck_, turn.page, turn.id};
}

SlideFollow::Action SlideFollow::onDeckReady(const QString& sha256)
{
    if (sha256 != deck_ || state_ != DeckState::Fetching)
        return {}; // a deck nobody shows any more
    state_ = DeckState::Ready;
    return {Action::Kind::Show, deck_, pending_.page, pending_.id};
}

void SlideFollow::onDeckFailed(const QString& sha256)
{
    if (sha256 == deck_ && state_ == DeckState::Fetching)
        state_ = DeckState::Failed;
}

void SlideFollow::present(const QString& sha256)
{
    deck_ = sha256;
    state_ = DeckState::Ready;
    presenting_ = true;
}

} // namespace spoke::sync
