#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace spoke::media {
struct ScreenSourceList;
}

namespace spoke::ui {

class CallModel;
class CallWorker;

// The "Share screen" chooser: the X screens and windows this laptop could
// share (media::listScreenSources, run off the UI thread), and the share
// itself, started and stopped through the call's worker
// (CallSession::startScreenShare: a second publisher next to the camera,
// core/call/README.md "Screen sharing"). Under Wayland or with no X display
// nothing is listed and `unavailableReason` says why.
// Lives on the UI thread.
class ScreenShareModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The screen-share chooser comes from AppController")
    Q_PROPERTY(bool listing READ listing NOTIFY sourcesChanged)
    Q_PROPERTY(QVariantList sources READ sources NOTIFY sourcesChanged)
    Q_PROPERTY(QString unavailableReason READ unavailableReason NOTIFY sourcesChanged)
    Q_PROPERTY(bool sharing READ sharing NOTIFY stateChanged)
    Q_PROPERTY(bool starting READ starting NOTIFY stateChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY stateChanged)
public:
    explicit ScreenShareModel(CallModel& call, QObject* parent = nullptr);

    bool listing() const { return listing_; }
    // Each: {deviceId, title, detail, isScreen}; screens first.
    QVariantList sources() const { return sources_; }
    QString unavailableReason() const { return unavailableReason_; }
    bool sharing() const { return sharing_; }
    bool starting() const { return starting_; }
    QString statusText() const { return statusText_; }

    // Lists again (the chooser opens).
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void start(const QString& deviceId, const QString& title);
    Q_INVOKABLE void stop();

    // The chooser's rows and reason from a listing (public for tests).
    void applyList(const media::ScreenSourceList& list);

Q_SIGNALS:
    void sourcesChanged();
    void stateChanged();

private:
    void follow(CallWorker* worker);
    void setState(bool starting, bool sharing, const QString& status);

    CallModel& call_;
    QPointer<CallWorker> followed_;
    bool listing_ = false;
    QVariantList sources_;
    QString unavailableReason_;
    bool sharing_ = false;
    bool starting_ = false;
    QString statusText_;
    QString shownTitle_; // of what is shared now
};

} // namespace spoke::ui
