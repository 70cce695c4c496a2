#pragma once

#include "hub/recordings/RecordingCatalogue.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace spoke::hub::recordings {

// How long a programme keeps its recordings (docs/hub-api.md, Recordings):
// `recording_retention`, one row per programme; a programme without one
// keeps them for ever.
struct RetentionRule {
    std::int64_t programmeId = 0;
    int keepDays = 0;
    std::optional<std::int64_t> setBy; // the coordinator; none when set from the CLI
    std::int64_t setMs = 0;
};

struct PruneReport {
    std::vector<std::int64_t> deleted; // recording ids
    int failed = 0; // recordings whose files could not be moved aside: rows kept, tried again next time
    int swept = 0; // leftover dirs removed (RecordingCatalogue::sweep)
};

// Sets and applies retention. prune() is what `spoke-hub admin recording
// prune` and serve (hourly) run. Clock-free: now is a parameter.
// Thread: the thread that owns the catalogue's HubDatabase.
class Retention {
public:
    static constexpr int kMaxKeepDays = 36500;

    Retention(HubDatabase& db, RecordingCatalogue& catalogue) : db_(db), catalogue_(catalogue) { }

    // BadArgument outside 1..kMaxKeepDays, NotFound for an unknown programme.
    Expected<RetentionRule, CatalogueError> set(std::int64_t programmeId, int keepDays,
                                                std::optional<std::int64_t> setBy, std::int64_t nowMs);
    std::optional<RetentionRule> get(std::int64_t programmeId);

    // Deletes every recording recorded more than its programme's keep_days
    // before nowMs, each in its own transaction (files and rows together:
    // RecordingCatalogue::remove), then sweeps what earlier deletes left.
    // A failure is logged and counted, and the next prune tries again.
    PruneReport prune(std::int64_t nowMs);

private:
    HubDatabase& db_;
    RecordingCatalogue& catalogue_;
};

} // namespace spoke::hub::recordings
