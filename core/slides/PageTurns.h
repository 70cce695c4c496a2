#pragma once

#include <cstdint>
#include <string>

namespace spoke::slides {

// One page turn as the presenter's client sends it: a few dozen bytes, which
// is what lets a 64 kbit/s clinic follow a talk the video could not carry.
// `page` counts from 0. `seq` rises by at least one per turn from one
// presenter; `atMs` is the presenter's clock, kept for the record and never
// compared with this machine's.
struct PageTurn {
    std::string deckSha256;
    int page = 0;
    std::int64_t seq = 0;
    std::int64_t atMs = 0;
};

// Which page the presenter is on, and which page this follower shows. A turn
// names an absolute page, so the newest seq wins and older ones that arrive
// late (a reconnect, a resend) are dropped: nothing is buffered or replayed.
// A follower may detach and page freely; the presenter's page goes on
// updating, and follow() jumps back to it.
//
// Clock-free and single-threaded: the caller applies events on one thread.
class PageTurns {
public:
    enum class Outcome {
        Moved, // the presenter's page is now this event's
        Duplicate, // the same seq again
        Stale, // an older seq than one already applied
        OtherDeck, // for a deck other than this one (a switch is a new PageTurns)
        OutOfRange, // a page the deck does not have
    };

    PageTurns(std::string deckSha256, int pageCount);

    Outcome apply(const PageTurn& turn);

    // -1 until the first turn arrives.
    int presenterPage() const { return presenterPage_; }
    // What to show: the presenter's page while following (page 0 before any
    // turn), the follower's own page while detached.
    int shownPage() const;
    bool following() const { return following_; }
    // The newest applied seq, -1 before any; what a resync asks the hub from.
    std::int64_t lastSeq() const { return lastSeq_; }
    std::int64_t presenterAtMs() const { return presenterAtMs_; }

    // Stop following and show `page` (clamped into the deck).
    void detachTo(int page);
    // Follow the presenter again; shows their current page at once.
    void follow() { following_ = true; }

    const std::string& deckSha256() const { return deckSha256_; }
    int pageCount() const { return pageCount_; }

private:
    std::string deckSha256_;
    int pageCount_ = 0;
    int presenterPage_ = -1;
    int ownPage_ = 0;
    bool following_ = true;
    std::int64_t lastSeq_ = -1;
    std::int64_t presenterAtMs_ = 0;
};

const char* toString(PageTurns::Outcome outcome);

} // namespace spoke::slides
