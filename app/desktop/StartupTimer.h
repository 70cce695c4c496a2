#pragma once

#include <QObject>

class QQuickWindow;

namespace spoke::app {

// Measures `spoke --bench-startup`: from the moment the kernel started this
// process to the first frame drawn after the cache answered (the window shows
// real content and takes input). Prints one JSON line and quits.
class StartupTimer : public QObject {
    Q_OBJECT
public:
    explicit StartupTimer(QObject* parent = nullptr);

    // The process's age in ms, from /proc/self/stat; -1 where unavailable.
    static double processAgeMs();

    void markMainEntered() { mainEnteredMs_ = processAgeMs(); }
    // Call once the window exists. The first frame drawn after markContentReady()
    // counts as interactive.
    void watch(QQuickWindow* window);
    void markContentReady();

private:
    void finish();

    QQuickWindow* window_ = nullptr;
    double mainEnteredMs_ = -1;
    double firstFrameMs_ = -1;
    bool contentReady_ = false;
    bool done_ = false;
};

} // namespace spoke::app
