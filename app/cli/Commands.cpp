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
    Command{"cases check", "FILE... [--json]",
            "Check echo-case/1.0 files for identifiers (exit 3 if any file has findings)", runCasesCheck},
    Command{"cases validate", "FILE [--json]", "Check a case file against its programme's form schema",
            runCasesValidate},
    Command{"cases clean-attachment", "IN OUT",
            "Re-encode a PNG/JPEG photo without metadata, or refuse it with the reason (exit 3)",
            runCasesCleanAttachment},
    Command{"bench deid", "[--iterations N] [--json]", "Time the de-identification gate on a full case", runBenchDeid},
};

} // namespace

std::span<const Command> allCommands()
{
    return kCommands;
}

} // namespace spoke::cli
