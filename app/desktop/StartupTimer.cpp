#include "StartupTimer.h"

#include <QCoreApplication>
#include <QFile>
#include <QQuickWindow>

#include <cstdio>
#include <unistd.h>

namespace spoke::app {

StartupTimer::StartupTimer(QObject* parent) : QObject(parent) { }

double StartupTimer::processAgeMs()
{
    // Field 22 of /proc/self/stat is the start time in clock ticks since boot;
    // /proc/uptime is seconds since boot.
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray statText = stat.readAll();
    const auto afterName = statText.lastIndexOf(')');
    const QList<QByteArray> fields = statText.mid(afterName + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields[19].toDouble(); // field 22 counted from field 3
    const double uptimeSeconds = uptime.readAll().split(' ').value(0).toDouble();
    return uptimeSeconds * 1000.0 - startTicks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

void StartupTimer::watch(QQuickWindow* window)
{
    window_ = window;
    connect(window, &QQuickWindow::frameSwapped, this, [this]() {
        if (firstFrameMs_ < 0)
            firstFrameMs_ = processAgeMs();
        if (contentReady_)
            finish();
    });
}

void StartupTimer::markContentReady()
{
    contentReady_ = true;
    if (window_)
        window_->update(); // make sure a frame with the content follows
}

void StartupTimer::finish()
{
    if (done_)
        return;
    done_ = true;
    std::printf("{\"main_entered_ms\": %.1f, \"first_frame_ms\": %.1f, \"interactive_ms\": %.1f}\n", mainEnteredMs_,
                firstFrameMs_, processAgeMs());
    std::fflush(stdout);
    QCoreApplication::quit();
}

} // namespace spoke::app
