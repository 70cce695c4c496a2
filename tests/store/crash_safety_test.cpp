#include "store/Cache.h"

#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QProcess>

#include <csignal>
#include <set>

using namespace spoke::store;

// The writer prints an id only after its COMMIT returned. Whatever moment the
// SIGKILL lands, every printed id must be in the file, and the file must pass
// SQLite's integrity check.
TEST_CASE("Killing a writer with SIGKILL loses no committed change", "[store][crash]")
{
    spoke::test::TempDir dir;
    const auto file = dir / "cache.sqlite";
    std::set<std::int64_t> promised;

    for (int round = 0; round < 3; ++round) {
        QProcess writer;
        writer.start(QStringLiteral(CRASH_WRITER_PATH), {QString::fromStdString(file.string())});
        REQUIRE(writer.waitForStarted(10'000));
        const int killAfter = 50 + round * 70;
        int seen = 0;
        while (seen < killAfter) {
            REQUIRE(writer.waitForReadyRead(20'000));
            while (writer.canReadLine()) {
                promised.insert(writer.readLine().trimmed().toLongLong());
                ++seen;
            }
        }
        ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
        REQUIRE(writer.waitForFinished(10'000));
        // Lines written before the kill but not yet read are promises too.
        for (const auto& line : writer.readAllStandardOutput().split('\n'))
            if (!line.trimmed().isEmpty())
                promised.insert(line.trimmed().toLongLong());
    }

    auto cache = Cache::open(file);
    CHECK(cache.db().queryText("PRAGMA integrity_check") == "ok");
    std::set<std::int64_t> stored;
    auto stmt = cache.db().prepare("SELECT id FROM chat_messages");
    while (stmt.step())
        stored.insert(stmt.int64(0));
    std::vector<std::int64_t> lost;
    for (const auto id : promised)
        if (!stored.count(id))
            lost.push_back(id);
    CHECK(lost.empty());
    CHECK(promised.size() >= 50 + 120 + 190);
}
