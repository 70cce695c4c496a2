#pragma once

#include "support/TempDir.h"
#include "sync/SyncWorker.h"
#include "viewmodels/AppController.h"

#include <QString>

#include <filesystem>

namespace spoke::test {

// The hub worker as the app makes it, for a data dir of a test. No account
// is there until a test signs in, so it sends nothing.
inline sync::SyncWorker::Options syncOptionsFor(const std::filesystem::path& dataDir)
{
    sync::SyncWorker::Options options;
    options.dataDir = dataDir;
    options.requestTimeoutMs = 5'000;
    return options;
}

// The desktop app's controller over a temporary data dir, with the hub
// worker it needs, as app/desktop/main.cpp wires them. `seedDemo` is what
// scripts/run's --seed-demo-if-empty does.
struct TestApp {
    explicit TestApp(bool seedDemo = true)
        : app(dir.path(), QStringLiteral("test"), sync,
              ui::AppController::StartOptions{.seedDemoIfEmpty = seedDemo, .demoRecordings = false})
    {
    }

    TempDir dir;
    sync::SyncWorker sync{syncOptionsFor(dir.path())};
    ui::AppController app;
};

} // namespace spoke::test
