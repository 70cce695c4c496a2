// Writes chat messages one committed transaction at a time and prints each
// id after its COMMIT returned, so the test knows exactly what was promised
// durable before it kills this process.

#include "store/Cache.h"

#include <cstdio>
#include <string>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: store_crash_writer CACHE_FILE\n");
        return 2;
    }
    auto cache = spoke::store::Cache::open(argv[1]);
    auto sessions = cache.sessions();
    std::int64_t sessionId = 0;
    {
        spoke::store::Transaction tx(cache.db());
        auto programme = sessions.programmeByCode("CRASH");
        const auto programmeId =
            programme ? programme->id : sessions.addProgramme({0, "CRASH", "Crash test", "hub", ""});
        spoke::store::Session session;
        session.programmeId = programmeId;
        session.title = "crash session";
        session.hub = "hub";
        sessionId = sessions.addSession(session);
        tx.commit();
    }
    const std::string filler(400, 'x');
    for (long i = 0;; ++i) {
        spoke::store::Transaction tx(cache.db());
        const auto id = sessions.addChatMessage({0, sessionId, "writer", i, "message " + std::to_string(i) + filler});
        tx.commit();
        std::printf("%lld\n", static_cast<long long>(id));
        std::fflush(stdout);
    }
}
