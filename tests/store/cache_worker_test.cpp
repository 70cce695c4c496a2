#include "store/CacheWorker.h"

#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <fstream>
#include <thread>

using namespace spoke::store;

namespace {

// Spins the event loop until `done` or 10 s.
template <class Predicate> bool waitFor(Predicate done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < 10'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return done();
}

} // namespace

TEST_CASE("CacheWorker runs jobs off the calling thread and answers on it", "[store][worker]")
{
    spoke::test::TempDir dir;
    CacheWorker worker(dir / "cache.sqlite");
    QObject receiver;
    const auto callingThread = std::this_thread::get_id();
    std::thread::id jobThread;
    std::thread::id answerThread;
    std::optional<Outcome<std::int64_t>> answer;

    worker.run<std::int64_t>(
        &receiver,
        [&](Cache& cache) {
            jobThread = std::this_thread::get_id();
            return cache.sessions().addProgramme({0, "P", "Programme", "Hub", ""});
        },
        [&](Outcome<std::int64_t> outcome) {
            answerThread = std::this_thread::get_id();
            answer = outcome;
        });
    REQUIRE(waitFor([&] { return answer.has_value(); }));
    CHECK(answer->ok());
    CHECK(*answer->value == 1);
    CHECK(jobThread != callingThread);
    CHECK(answerThread == callingThread);
}

TEST_CASE("CacheWorker reports errors instead of throwing across threads", "[store][worker]")
{
    spoke::test::TempDir dir;
    CacheWorker worker(dir / "cache.sqlite");
    QObject receiver;
    std::optional<Outcome<int>> answer;
    worker.run<int>(
        &receiver,
        [](Cache& cache) -> int {
            cache.db().exec("NOT SQL");
            return 0;
        },
        [&](Outcome<int> outcome) { answer = outcome; });
    REQUIRE(waitFor([&] { return answer.has_value(); }));
    CHECK_FALSE(answer->ok());
    CHECK_FALSE(answer->error.isEmpty());
}

TEST_CASE("CacheWorker reports a cache it cannot open", "[store][worker]")
{
    spoke::test::TempDir dir;
    const auto file = dir / "cache.sqlite";
    std::ofstream(file) << "not a database at all, just words that go on for a while";
    CacheWorker worker(file);
    QString failure;
    QObject::connect(&worker, &CacheWorker::openFailed, [&](const QString& message) { failure = message; });
    QObject receiver;
    std::optional<Outcome<int>> answer;
    worker.run<int>(
        &receiver, [](Cache&) { return 1; }, [&](Outcome<int> outcome) { answer = outcome; });
    REQUIRE(waitFor([&] { return answer.has_value() && !failure.isEmpty(); }));
    CHECK_FALSE(answer->ok());
    CHECK(failure.contains(QStringLiteral("not an SQLite database")));
}

TEST_CASE("CacheWorker drops answers for receivers that are gone", "[store][worker]")
{
    spoke::test::TempDir dir;
    CacheWorker worker(dir / "cache.sqlite");
    bool called = false;
    {
        QObject receiver;
        worker.run<int>(
            &receiver, [](Cache&) { return 1; }, [&](Outcome<int>) { called = true; });
        worker.drain();
    }
    QCoreApplication::processEvents();
    CHECK_FALSE(called);
}
