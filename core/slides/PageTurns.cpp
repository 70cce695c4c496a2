#include "slides/PageTurns.h"

#include <algorithm>

namespace spoke::slides {

PageTurns::PageTurns(std::string deckSha256, int pageCount)
    : deckSha256_(std::move(deckSha256))
    , pageCount_(std::max(pageCount, 0))
{
}

PageTurns::Outcome PageTurns::apply(const PageTurn& turn)
{
    if (turn.deckSha256 != deckSha256_)
        return Outcome::OtherDeck;
    if (turn.seq == lastSeq_)
        return Outcome::Duplicate;
    if (turn.seq < lastSeq_)
        return Outcome::Stale;
    // Checked after the seq, and without taking the seq: a bad page must not
    // make the next good turn look stale.
    if (turn.page < 0 || turn.page >= pageCount_)
        return Outcome::OutOfRange;
    lastSeq_ = turn.seq;
    presenterPage_ = turn.page;
    presenterAtMs_ = turn.atMs;
    return Outcome::Moved;
}

int PageTurns::shownPage() const
{
    if (!following_)
        return ownPage_;
    return std::max(presenterPage_, 0);
}

void PageTurns::detachTo(int page)
{
    following_ = false;
    ownPage_ = std::clamp(page, 0, std::max(pageCount_ - 1, 0));
}

const char* toString(PageTurns::Outcome outcome)
{
    switch (outcome) {
    case PageTurns::Outcome::Moved: return "moved";
    case PageTurns::Outcome::Duplicate: return "duplicate";
    case PageTurns::Outcome::Stale: return "stale";
    case PageTurns::Outcome::OtherDeck: return "other-deck";
    case PageTurns::Outcome::OutOfRange: return "out-of-range";
    }
    return "unknown";
}

} // namespace spoke::slides
