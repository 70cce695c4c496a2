#pragma once

// Two DtlsTransports wired back to back in memory, with an optional filter
// that may drop datagrams in either direction, pumped until both settle.

#include "transport/DtlsTransport.h"

#include <chrono>
#include <deque>
#include <functional>
#include <thread>
#include <vector>

namespace spoke::test {

struct DtlsPair {
    using Datagram = std::vector<std::uint8_t>;
    // Return false to drop the n-th datagram (counted per direction from 0).
    std::function<bool(bool towardsB, int index)> keep = [](bool, int) { return true; };
    std::deque<Datagram> toA, toB;
    int sentToA = 0, sentToB = 0;
    std::unique_ptr<transport::DtlsTransport> a, b;

    DtlsPair(std::shared_ptr<const transport::DtlsCertificate> certA, transport::DtlsRole roleA,
             rtc::SdpFingerprint aExpects, std::shared_ptr<const transport::DtlsCertificate> certB,
             transport::DtlsRole roleB, rtc::SdpFingerprint bExpects, transport::DtlsTransport::Options options = {})
    {
        transport::DtlsTransport::Callbacks callbacksA;
        callbacksA.sendDatagram = [this](std::span<const std::uint8_t> d) {
            if (keep(true, sentToB++))
                toB.emplace_back(d.begin(), d.end());
        };
        transport::DtlsTransport::Callbacks callbacksB;
        callbacksB.sendDatagram = [this](std::span<const std::uint8_t> d) {
            if (keep(false, sentToA++))
                toA.emplace_back(d.begin(), d.end());
        };
        a = std::make_unique<transport::DtlsTransport>(certA, roleA, aExpects, callbacksA, options);
        b = std::make_unique<transport::DtlsTransport>(certB, roleB, bExpects, callbacksB, options);
    }

    static bool settled(const transport::DtlsTransport& t)
    {
        return t.state() == transport::DtlsState::Connected || t.state() == transport::DtlsState::Failed
               || t.state() == transport::DtlsState::Closed;
    }

    // Runs the handshake (timers included) until both ends settle or the bound passes.
    void run(std::chrono::milliseconds bound = std::chrono::milliseconds(10000))
    {
        a->start();
        b->start();
        const auto end = std::chrono::steady_clock::now() + bound;
        while (std::chrono::steady_clock::now() < end) {
            bool moved = false;
            while (!toB.empty()) {
                Datagram d = std::move(toB.front());
                toB.pop_front();
                b->receive(d);
                moved = true;
            }
            while (!toA.empty()) {
                Datagram d = std::move(toA.front());
                toA.pop_front();
                a->receive(d);
                moved = true;
            }
            if (settled(*a) && settled(*b) && toA.empty() && toB.empty())
                return;
            if (moved)
                continue;
            for (auto* t : {a.get(), b.get()}) {
                const auto due = t->timeoutIn();
                if (due && due->count() == 0)
                    t->handleTimeout();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
};

} // namespace spoke::test
