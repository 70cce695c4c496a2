// sync::SlideFollow: which deck the slides panel fetches and which page it
// shows, from the hub's page turns alone (no hub, no clock).
#include "sync/SlideFollow.h"

#include <catch2/catch.hpp>

using spoke::sync::HubSlideTurn;
using spoke::sync::SlideFollow;
using Kind = SlideFollow::Action::Kind;

namespace {

const QString kDeckA = QString(64, QLatin1Char('a'));
const QString kDeckB = QString(64, QLatin1Char('b'));

HubSlideTurn turn(std::int64_t id, const QString& deck, int page)
{
    HubSlideTurn t;
    t.id = id;
    t.sessionId = 4;
    t.deck = deck;
    t.page = page;
    t.atMs = 1000 + id;
    return t;
}

} // namespace

TEST_CASE("Slide follow: the first turn fetches the deck once, the newest turn meanwhile is shown when it is there",
          "[sync][slides]")
{
    SlideFollow follow;
    auto action = follow.onTurn(turn(1, kDeckA, 0));
    CHECK(action.kind == Kind::Fetch);
    CHECK(action.deck == kDeckA);
    CHECK(follow.deckState() == SlideFollow::DeckState::Fetching);

    // Two more turns while it downloads: no second fetch, nothing shown yet.
    CHECK(follow.onTurn(turn(2, kDeckA, 1)).kind == Kind::None);
    CHECK(follow.onTurn(turn(3, kDeckA, 2)).kind == Kind::None);

    // A deck nobody shows does not count as this one.
    CHECK(follow.onDeckReady(kDeckB).kind == Kind::None);
    action = follow.onDeckReady(kDeckA);
    CHECK(action.kind == Kind::Show);
    CHECK(action.page == 2);
    CHECK(action.turnId == 3);
    CHECK(follow.deckState() == SlideFollow::DeckState::Ready);

    // From now on every turn is shown at once.
    action = follow.onTurn(turn(4, kDeckA, 1));
    CHECK(action.kind == Kind::Show);
    CHECK(action.page == 1);
    // A second "ready" (a late answer) changes nothing.
    CHECK(follow.onDeckReady(kDeckA).kind == Kind::None);
}

TEST_CASE("Slide follow: an old turn after a newer one is dropped, one without an id is taken", "[sync][slides]")
{
    SlideFollow follow;
    follow.onTurn(turn(5, kDeckA, 0));
    follow.onDeckReady(kDeckA);
    CHECK(follow.onTurn(turn(7, kDeckA, 3)).page == 3);
    // GET …/slides' current that crossed the event of turn 7.
    CHECK(follow.onTurn(turn(6, kDeckA, 2)).kind == Kind::None);
    CHECK(follow.onTurn(turn(7, kDeckA, 3)).kind == Kind::None);
    CHECK(follow.lastTurnId() == 7);
    const auto action = follow.onTurn(turn(0, kDeckA, 1));
    CHECK(action.kind == Kind::Show);
    CHECK(action.page == 1);
}

TEST_CASE("Slide follow: a deck that failed to arrive is fetched again at the next turn", "[sync][slides]")
{
    SlideFollow follow;
    CHECK(follow.onTurn(turn(1, kDeckA, 0)).kind == Kind::Fetch);
    follow.onDeckFailed(kDeckB); // not ours: still fetching
    CHECK(follow.deckState() == SlideFollow::DeckState::Fetching);
    follow.onDeckFailed(kDeckA);
    CHECK(follow.deckState() == SlideFollow::DeckState::Failed);
    const auto again = follow.onTurn(turn(2, kDeckA, 1));
    CHECK(again.kind == Kind::Fetch);
    const auto shown = follow.onDeckReady(kDeckA);
    CHECK(shown.kind == Kind::Show);
    CHECK(shown.page == 1);
}

TEST_CASE("Slide follow: a presenter ignores the echo of its own turns and follows another presenter's deck",
          "[sync][slides]")
{
    SlideFollow follow;
    follow.present(kDeckA);
    CHECK(follow.presenting());
    CHECK(follow.deckState() == SlideFollow::DeckState::Ready);
    // Our turns come back from the hub after we moved on: never followed.
    CHECK(follow.onTurn(turn(10, kDeckA, 1)).kind == Kind::None);
    CHECK(follow.onTurn(turn(11, kDeckA, 2)).kind == Kind::None);
    // Someone else shares deck B: we follow it.
    const auto action = follow.onTurn(turn(12, kDeckB, 4));
    CHECK(action.kind == Kind::Fetch);
    CHECK(action.deck == kDeckB);
    CHECK_FALSE(follow.presenting());
    CHECK(follow.onDeckReady(kDeckB).page == 4);
    follow.reset();
    CHECK(follow.deck().isEmpty());
    CHECK(follow.lastTurnId() == 0);
}
