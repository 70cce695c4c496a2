#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>

namespace spoke::test {

// Spins the event loop until `done()` or the timeout.
template <class Predicate> bool waitUntil(Predicate done, int timeoutMs = 10'000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return done();
}

} // namespace spoke::test
