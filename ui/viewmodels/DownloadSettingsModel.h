#pragma once

#include "sync/DownloadPolicy.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace spoke::sync {
class SyncWorker;
}

namespace spoke::ui {

// Settings → Downloads: the speed cap, the allowed hours and the allowed
// networks of hub recording downloads (sync::DownloadPolicy). Kept in the
// application's QSettings ("downloads/…", beside "media/…" and "call/…"),
// or in the INI file given (tests); every change goes to the SyncWorker's
// download queue at once. Lives on the UI thread.
class DownloadSettingsModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppController")
    Q_PROPERTY(int maxKbps READ maxKbps WRITE setMaxKbps NOTIFY changed)
    Q_PROPERTY(bool hoursLimited READ hoursLimited WRITE setHoursLimited NOTIFY changed)
    Q_PROPERTY(int fromHour READ fromHour WRITE setFromHour NOTIFY changed)
    Q_PROPERTY(int toHour READ toHour WRITE setToHour NOTIFY changed)
    Q_PROPERTY(QString allowedNetworks READ allowedNetworks WRITE setAllowedNetworks NOTIFY changed)
    Q_PROPERTY(QString currentNetworks READ currentNetworks NOTIFY changed)
public:
    DownloadSettingsModel(sync::SyncWorker* sync, QString settingsFile = {}, QObject* parent = nullptr);

    const sync::DownloadPolicy& policy() const { return policy_; }

    int maxKbps() const { return static_cast<int>(policy_.maxKbps); }
    void setMaxKbps(int kbps);
    bool hoursLimited() const { return policy_.allowedFromMinute != policy_.allowedToMinute; }
    void setHoursLimited(bool limited);
    int fromHour() const { return fromHour_; }
    void setFromHour(int hour);
    int toHour() const { return toHour_; }
    void setToHour(int hour);
    // Interface names, comma-separated as typed ("wlan0, eth0"); empty: any.
    QString allowedNetworks() const { return policy_.allowedInterfaces.join(QStringLiteral(", ")); }
    void setAllowedNetworks(const QString& names);
    // The default route's interfaces now, to help fill the list in.
    QString currentNetworks() const;

    static QStringList parseInterfaceList(const QString& text);

Q_SIGNALS:
    void changed();

private:
    void apply();

    sync::SyncWorker* sync_;
    QString settingsFile_;
    sync::DownloadPolicy policy_;
    int fromHour_ = 22; // what the hour boxes show while hours are not limited
    int toHour_ = 6;
};

} // namespace spoke::ui
