#pragma once

#include "security/AppLock.h"
#include "security/LockTiming.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <QWindow>
#include <QtQml/qqmlregistration.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QThread;

namespace spoke::ui {

// The app lock (issue 15; core: security::AppLock) as the window sees it:
// locked or not, the lock screen's PIN check with its back-off counted down
// truthfully, Settings → Security (set, change or remove the PIN, the idle
// minutes), and the three ways the window locks: on start when a PIN is
// set, after the idle minutes, and on demand (lockNow, Ctrl+L).
//
// Idleness is seen by an application-wide event filter on input events
// (keys, clicks, mouse moves, wheel, touch, tablet) reaching any window. The
// first input after the idle time ran out locks and is swallowed, so a
// laptop waking from sleep shows nothing before the timer catches up. While
// locked the filter also swallows QShortcut activations, so no page's
// Ctrl+… or Alt+… works under the lock, and every other top-level window of
// the app (a detached case) is hidden until the PIN is entered.
//
// A live call is not touched: it goes on under the lock (its sound too);
// the lock screen says so only while a call is running.
//
// Hashing a PIN takes a fraction of a second, so checks and changes run on a thread of
// their own, one at a time (`busy`); the AppLock is touched only there, and
// the properties read copies taken when a job ends. Lives on the UI thread.
class LockModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppController")
    Q_PROPERTY(bool locked READ locked NOTIFY lockedChanged)
    Q_PROPERTY(bool pinSet READ pinSet NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(int lockAfterMinutes READ lockAfterMinutes NOTIFY stateChanged)
    Q_PROPERTY(QVariantList idleChoices READ idleChoices CONSTANT)
    Q_PROPERTY(int waitSeconds READ waitSeconds NOTIFY waitChanged)
    Q_PROPERTY(QString waitText READ waitText NOTIFY waitChanged)
    Q_PROPERTY(QString unlockMessage READ unlockMessage NOTIFY messagesChanged)
    Q_PROPERTY(QString settingsMessage READ settingsMessage NOTIFY messagesChanged)
    Q_PROPERTY(bool settingsFailed READ settingsFailed NOTIFY messagesChanged)
    Q_PROPERTY(QString problem READ problem CONSTANT)
public:
    using Clock = std::function<qint64()>; // ms since the epoch

    // Reads DATA_DIR/app-lock.json; locked at once when it holds a PIN (or
    // cannot be read). Installs the event filter on the application.
    // `clock` is the wall clock unless a test gives its own.
    explicit LockModel(const std::filesystem::path& dataDir,
                       security::ScryptParams params = security::ScryptParams::current(), Clock clock = {},
                       QObject* parent = nullptr);
    ~LockModel() override;

    // The clock seam (tests): every "now" the model uses comes from here.
    void setClock(Clock clock);

    bool locked() const { return locked_; }
    bool pinSet() const { return pinSet_; }
    bool busy() const { return job_ != nullptr; }
    int lockAfterMinutes() const { return pinSet_ ? lockAfterMinutes_ : 0; }
    QVariantList idleChoices() const;
    int waitSeconds() const;
    QString waitText() const;
    QString unlockMessage() const { return unlockMessage_; }
    QString settingsMessage() const { return settingsMessage_; }
    bool settingsFailed() const { return settingsFailed_; }
    // Why the lock cannot be opened at all (a damaged file), else empty.
    QString problem() const { return problem_; }

    // "Off", "1 minute", "5 minutes" … for the idle choice.
    Q_INVOKABLE QString idleChoiceText(int minutes) const;
    // The window the lock screen covers; every other visible top-level
    // window of the app is hidden while locked.
    Q_INVOKABLE void coverWindow(QWindow* window);
    Q_INVOKABLE void lockNow();
    Q_INVOKABLE void unlock(const QString& pin);
    Q_INVOKABLE void setPin(const QString& currentPin, const QString& newPin, const QString& repeatedPin);
    Q_INVOKABLE void removePin(const QString& currentPin);
    Q_INVOKABLE void setLockAfterMinutes(int minutes, const QString& currentPin);
    // Locks if the idle time has run out; re-arms the idle timer otherwise.
    // The timer calls it; tests call it after moving the clock.
    Q_INVOKABLE void checkIdle();

    bool eventFilter(QObject* watched, QEvent* event) override;

    // The longest the idle timer sleeps, so a laptop resumed from suspend
    // (when Qt's timers, on the monotonic clock, have not seen the hours
    // pass) locks within this even with no input.
    static constexpr int kIdleCheckMaxMs = 10'000;

Q_SIGNALS:
    void lockedChanged();
    void stateChanged();
    void waitChanged();
    void messagesChanged();

private:
    using Job = std::function<security::AppLock::Outcome(security::AppLock&, qint64 nowMs)>;
    using Done = std::function<void(const security::AppLock::Outcome&)>;
    // Runs `job` on a thread of its own, then `done` here; false if one runs.
    bool run(Job job, Done done);
    void refreshFromLock();
    void setLocked(bool locked);
    void setSettingsMessage(const QString& text, bool failed);
    void armIdleTimer();
    void startWaitClock(qint64 waitMs);
    QString wordOutcome(const security::AppLock::Outcome& outcome) const;
    qint64 now() const { return clock_(); }

    Clock clock_;
    std::optional<security::AppLock> lock_;
    security::IdleLockPolicy idle_;
    QThread* job_ = nullptr;
    bool locked_ = false;
    bool pinSet_ = false;
    int lockAfterMinutes_ = 0;
    qint64 waitUntilMs_ = 0;
    QString unlockMessage_;
    QString settingsMessage_;
    bool settingsFailed_ = false;
    QString problem_;
    QTimer idleTimer_;
    QTimer waitClock_; // once a second, only while a wait runs
    QPointer<QWindow> covered_;
    std::vector<QPointer<QWindow>> hidden_;
};

} // namespace spoke::ui
