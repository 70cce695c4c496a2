#include "Commands.h"

#include <array>

namespace spoke::cli {

namespace {

constexpr std::array kCommands{
    Command{"sessions list", "[--when upcoming|past|all] [--json]", "List sessions in the cache", runSessionsList},
    Command{"search", "QUERY [--limit N] [--json]", "Search sessions, cases, recommendations, notes and chat",
            runSearch},
    Command{"demo seed", "", "Write the demo programme into the cache", runDemoSeed},
    Command{"bench search", "[--sessions N] [--cases N] [--queries N] [--json]",
            "Benchmark search over a generated cache", runBenchSearch},
};

} // namespace

std::span<const Command> allCommands()
{
    return kCommands;
}

} // namespace spoke::cli
