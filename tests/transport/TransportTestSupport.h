#pragma once

// Helpers for the tests that run real MediaTransports inside a network
// namespace (tests/transport/netns-run or tests/janus/janus-netns).

#include "transport/MediaTransport.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace spoke::test {

inline std::string iceInterface()
{
    const char* iface = std::getenv("SPOKE_ICE_IFACE");
    if (!iface || !*iface)
        FAIL("SPOKE_ICE_IFACE is not set: run this test through tests/transport/netns-run (ctest -L transport)");
    return iface;
}

// Waits for a condition that other threads make true, processing Qt events
// meanwhile (signalling lives on this thread).
inline bool waitFor(const std::function<bool()>& condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return condition();
}

// Everything one MediaTransport reports, collected under a lock (callbacks
// come from its network thread).
struct TransportProbe {
    mutable std::mutex mutex;
    std::vector<std::string> candidates;
    bool candidatesDone = false;
    std::vector<transport::MediaTransportState> states;
    std::optional<transport::TransportError> error;
    std::vector<std::vector<std::uint8_t>> rtp;
    std::vector<std::chrono::steady_clock::time_point> rtpArrivals;
    std::vector<std::vector<std::uint8_t>> rtcp;

    transport::MediaTransport::Callbacks callbacks()
    {
        transport::MediaTransport::Callbacks c;
        c.localCandidate = [this](const std::string& candidate) {
            const std::lock_guard lock(mutex);
            candidates.push_back(candidate);
        };
        c.localCandidatesDone = [this] {
            const std::lock_guard lock(mutex);
            candidatesDone = true;
        };
        c.stateChanged = [this](transport::MediaTransportState state,
                                const std::optional<transport::TransportError>& e) {
            const std::lock_guard lock(mutex);
            states.push_back(state);
            if (e)
                error = e;
        };
        c.rtp = [this](std::vector<std::uint8_t>&& packet) {
            const std::lock_guard lock(mutex);
            rtp.push_back(std::move(packet));
            rtpArrivals.push_back(std::chrono::steady_clock::now());
        };
        c.rtcp = [this](std::vector<std::uint8_t>&& packet) {
            const std::lock_guard lock(mutex);
            rtcp.push_back(std::move(packet));
        };
        return c;
    }

    template <typename F> auto read(F f) const
    {
        const std::lock_guard lock(mutex);
        return f(*this);
    }
    bool gathered() const
    {
        return read([](const TransportProbe& p) { return p.candidatesDone; });
    }
    std::size_t rtpCount() const
    {
        return read([](const TransportProbe& p) { return p.rtp.size(); });
    }
    std::string describeError() const
    {
        return read([](const TransportProbe& p) { return p.error ? p.error->describe() : std::string("none"); });
    }
};

} // namespace spoke::test
