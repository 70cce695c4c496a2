#include "slides/PageTurns.h"

#include <catch2/catch.hpp>

using spoke::slides::PageTurn;
using spoke::slides::PageTurns;
using Outcome = spoke::slides::PageTurns::Outcome;

namespace {

// A deck's identity as PageTurns sees it (any 64-character string).
constexpr const char* kDeck = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

PageTurn turn(int page, std::int64_t seq, std::int64_t atMs = 0)
{
    return PageTurn{kDeck, page, seq, atMs};
}

} // namespace

TEST_CASE("a follower shows the presenter's newest page", "[slides][turns]")
{
    PageTurns turns(kDeck, 10);
    CHECK(turns.presenterPage() == -1);
    CHECK(turns.shownPage() == 0);
    CHECK(turns.following());
    CHECK(turns.apply(turn(1, 1, 5000)) == Outcome::Moved);
    CHECK(turns.apply(turn(2, 2, 9000)) == Outcome::Moved);
    CHECK(turns.presenterPage() == 2);
    CHECK(turns.shownPage() == 2);
    CHECK(turns.lastSeq() == 2);
    CHECK(turns.presenterAtMs() == 9000);
    // Going back is a turn like any other.
    CHECK(turns.apply(turn(0, 7, 12000)) == Outcome::Moved);
    CHECK(turns.shownPage() == 0);
}

TEST_CASE("late, repeated, foreign and out-of-range turns change nothing", "[slides][turns]")
{
    PageTurns turns(kDeck, 5);
    REQUIRE(turns.apply(turn(3, 10)) == Outcome::Moved);

    // Scripted arrival: a resend, an old turn after a reconnect, a turn for
    // the previous deck, a page the deck lacks, then a good one.
    CHECK(turns.apply(turn(3, 10)) == Outcome::Duplicate);
    CHECK(turns.apply(turn(1, 9)) == Outcome::Stale);
    CHECK(turns.apply(PageTurn{std::string(64, 'b'), 2, 11, 0}) == Outcome::OtherDeck);
    CHECK(turns.apply(turn(5, 12)) == Outcome::OutOfRange);
    CHECK(turns.apply(turn(-1, 13)) == Outcome::OutOfRange);
    CHECK(turns.presenterPage() == 3);
    CHECK(turns.lastSeq() == 10);
    // A bad page did not use up its seq: the next turn after it still applies.
    CHECK(turns.apply(turn(4, 11)) == Outcome::Moved);
    CHECK(turns.presenterPage() == 4);
}

TEST_CASE("turns arriving out of order settle on the newest seq", "[slides][turns]")
{
    PageTurns turns(kDeck, 20);
    const PageTurn arrival[] = {turn(1, 1), turn(4, 4), turn(2, 2), turn(3, 3), turn(5, 5)};
    const Outcome expected[] = {Outcome::Moved, Outcome::Moved, Outcome::Stale, Outcome::Stale, Outcome::Moved};
    for (std::size_t i = 0; i < std::size(arrival); ++i)
        CHECK(turns.apply(arrival[i]) == expected[i]);
    CHECK(turns.presenterPage() == 5);
}

TEST_CASE("a detached follower pages freely and re-follows to the presenter's page", "[slides][turns]")
{
    PageTurns turns(kDeck, 8);
    REQUIRE(turns.apply(turn(2, 1)) == Outcome::Moved);
    turns.detachTo(6);
    CHECK_FALSE(turns.following());
    CHECK(turns.shownPage() == 6);
    // The presenter goes on; the detached follower stays where they are.
    CHECK(turns.apply(turn(3, 2)) == Outcome::Moved);
    CHECK(turns.presenterPage() == 3);
    CHECK(turns.shownPage() == 6);
    turns.detachTo(99); // paging past the end stops at the last page
    CHECK(turns.shownPage() == 7);
    turns.detachTo(-4);
    CHECK(turns.shownPage() == 0);
    turns.follow();
    CHECK(turns.following());
    CHECK(turns.shownPage() == 3);
    CHECK(turns.apply(turn(4, 3)) == Outcome::Moved);
    CHECK(turns.shownPage() == 4);
}
