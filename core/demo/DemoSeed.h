#pragma once

#include <cstdint>
#include <filesystem>

namespace spoke::store {
class Cache;
}

namespace spoke::demo {

struct SeedCounts {
    int programmes = 0;
    int sessions = 0;
    int cases = 0;
    int recommendations = 0;
    int chatMessages = 0;
    int recordings = 0;
    int playableRecordings = 0; // rows whose file was made on this machine
    bool alreadySeeded = false;
};

// Writes the demo programme into the cache in one transaction, with session
// times relative to `nowMs`. Seeding twice is harmless: the second call finds
// the demo programmes and writes nothing.
//
// With a `dataDir`, one recording is made for real before the transaction
// (DemoRecording: about two minutes of video, encoded faster than real time)
// into `dataDir/recordings/`, with its audio+slides rendition beside it, and
// its deck goes into slides::DeckCache under `dataDir`; both rows then play,
// with chapters, chat, slide turns, hands and the case form in their
// timeline. Without one (tests of the rows alone) the same timeline is
// written and the rows say their file is not on this laptop.
SeedCounts seedDemoProgramme(store::Cache& cache, std::int64_t nowMs, const std::filesystem::path& dataDir = {});

} // namespace spoke::demo
