#include "Commands.h"

#include "demo/DemoSeed.h"

#include <cstdio>

namespace spoke::cli {

int runDemoSeed(CliContext& context, const QStringList& args)
{
    if (!args.isEmpty()) {
        CliContext::printError(QStringLiteral("demo seed takes no arguments"));
        return kBadInput;
    }
    auto cache = context.openCache();
    const auto counts = demo::seedDemoProgramme(cache, store::currentTimeMs(), context.dataDir());
    if (counts.alreadySeeded) {
        std::printf("The demo programme is already in %s; nothing written.\n", context.dataDir().c_str());
        return kOk;
    }
    std::printf("Demo programme written to %s: %d programmes, %d sessions, %d cases, %d recommendations, "
                "%d chat messages, %d recordings (%d playable here).\n",
                context.dataDir().c_str(), counts.programmes, counts.sessions, counts.cases, counts.recommendations,
                counts.chatMessages, counts.recordings, counts.playableRecordings);
    return kOk;
}

} // namespace spoke::cli
