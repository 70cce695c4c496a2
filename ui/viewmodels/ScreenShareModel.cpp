#include "viewmodels/ScreenShareModel.h"

#include "media/devices/ScreenSources.h"
#include "viewmodels/CallModel.h"
#include "viewmodels/CallWorker.h"

#include <QCoreApplication>
#include <QThreadPool>
#include <QVariantMap>

#include <algorithm>
#include <memory>

namespace spoke::ui {

ScreenShareModel::ScreenShareModel(CallModel& call, QObject* parent) : QObject(parent), call_(call)
{
    // The worker goes with the call: so does the share.
    connect(&call_, &CallModel::stateChanged, this, [this] {
        if (!call_.inCall() && (sharing_ || starting_))
            setState(false, false, {});
    });
}

void ScreenShareModel::refresh()
{
    if (listing_)
        return;
    listing_ = true;
    Q_EMIT sourcesChanged();
    // A few X round trips per window: off the UI thread all the same.
    QPointer<ScreenShareModel> self(this);
    QThreadPool::globalInstance()->start([self] {
        auto list = std::make_shared<media::ScreenSourceList>(media::listScreenSources());
        QMetaObject::invokeMethod(
            qApp,
            [self, list] {
                if (self)
                    self->applyList(*list);
            },
            Qt::QueuedConnection);
    });
}

void ScreenShareModel::applyList(const media::ScreenSourceList& list)
{
    listing_ = false;
    sources_.clear();
    using P = media::ScreenCaptureProblem;
    switch (list.problem) {
    case P::None: unavailableReason_.clear(); break;
    case P::NoDisplay:
        unavailableReason_ = tr("Screen sharing is unavailable: this computer has no X display to capture.");
        break;
    case P::Wayland:
        unavailableReason_ = tr("Screen sharing is unavailable in a Wayland session: Spoke captures the screen "
                                "through X11 only. Log in with an X11 session (\"GNOME on Xorg\") to share it, or "
                                "share your slides as a PDF.");
        break;
    case P::CannotConnect:
        unavailableReason_ = tr("Screen sharing is unavailable: the X display %1 does not answer.")
                                 .arg(QString::fromStdString(list.display));
        break;
    }
    const bool several =
        std::count_if(list.sources.begin(), list.sources.end(),
                      [](const media::ScreenSource& s) { return s.kind == media::ScreenSource::Kind::Screen; })
        > 1;
    for (const media::ScreenSource& source : list.sources) {
        const bool screen = source.kind == media::ScreenSource::Kind::Screen;
        QVariantMap row;
        row[QStringLiteral("deviceId")] = QString::fromStdString(source.deviceId);
        row[QStringLiteral("isScreen")] = screen;
        row[QStringLiteral("title")] =
            screen ? (several ? tr("Screen %1").arg(source.screenNumber + 1) : tr("Your whole screen"))
                   : QString::fromStdString(source.title);
        row[QStringLiteral("detail")] = screen
                                            ? tr("Everything on it, %1 × %2").arg(source.widthPx).arg(source.heightPx)
                                            : tr("One window, %1 × %2").arg(source.widthPx).arg(source.heightPx);
        sources_.push_back(row);
    }
    Q_EMIT sourcesChanged();
}

void ScreenShareModel::follow(CallWorker* worker)
{
    if (followed_ == worker)
        return;
    followed_ = worker;
    connect(worker, &CallWorker::screenShareStarted, this, [this] {
        setState(false, true, tr("Sharing %1. Everyone sees it as a tile of its own.").arg(shownTitle_));
    });
    connect(worker, &CallWorker::screenShareStopped, this, [this](const QString& why) {
        // The engine's detail, in parentheses: it names the failing step.
        setState(false, false,
                 why.isEmpty() ? QString()
                               : tr("Screen sharing stopped: it could not be captured or sent (%1).").arg(why));
    });
}

void ScreenShareModel::start(const QString& deviceId, const QString& title)
{
    CallWorker* worker = call_.worker();
    if (!worker || !call_.inCall()) {
        setState(false, false, tr("Join the call first, then share your screen."));
        return;
    }
    follow(worker);
    shownTitle_ = title;
    setState(true, false, tr("Starting to share %1…").arg(title));
    QMetaObject::invokeMethod(
        worker, [worker, deviceId] { worker->startScreenShare(deviceId); }, Qt::QueuedConnection);
}

void ScreenShareModel::stop()
{
    if (CallWorker* worker = call_.worker())
        QMetaObject::invokeMethod(worker, &CallWorker::stopScreenShare, Qt::QueuedConnection);
    setState(false, false, {});
}

void ScreenShareModel::setState(bool starting, bool sharing, const QString& status)
{
    if (starting == starting_ && sharing == sharing_ && status == statusText_)
        return;
    starting_ = starting;
    sharing_ = sharing;
    statusText_ = status;
    Q_EMIT stateChanged();
}

} // namespace spoke::ui
