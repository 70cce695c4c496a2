#include "viewmodels/DownloadSettingsModel.h"

#include "sync/SyncWorker.h"

#include <QRegularExpression>
#include <QSettings>

#include <algorithm>
#include <memory>

namespace spoke::ui {

namespace {

const QString kMaxKbps = QStringLiteral("downloads/maxKbps");
const QString kHoursLimited = QStringLiteral("downloads/hoursLimited");
const QString kFromHour = QStringLiteral("downloads/fromHour");
const QString kToHour = QStringLiteral("downloads/toHour");
const QString kNetworks = QStringLiteral("downloads/allowedNetworks");

std::unique_ptr<QSettings> open(const QString& file)
{
    if (file.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(file, QSettings::IniFormat);
}

} // namespace

DownloadSettingsModel::DownloadSettingsModel(sync::SyncWorker* sync, QString settingsFile, QObject* parent)
    : QObject(parent)
    , sync_(sync)
    , settingsFile_(std::move(settingsFile))
{
    const auto settings = open(settingsFile_);
    policy_.maxKbps = std::max(0, settings->value(kMaxKbps, 0).toInt());
    fromHour_ = std::clamp(settings->value(kFromHour, 22).toInt(), 0, 23);
    toHour_ = std::clamp(settings->value(kToHour, 6).toInt(), 0, 23);
    if (settings->value(kHoursLimited, false).toBool() && fromHour_ != toHour_) {
        policy_.allowedFromMinute = fromHour_ * 60;
        policy_.allowedToMinute = toHour_ * 60;
    }
    policy_.allowedInterfaces = parseInterfaceList(settings->value(kNetworks).toString());
    if (sync_)
        sync_->setDownloadPolicy(policy_);
}

void DownloadSettingsModel::setMaxKbps(int kbps)
{
    policy_.maxKbps = std::max(0, kbps);
    apply();
}

void DownloadSettingsModel::setHoursLimited(bool limited)
{
    policy_.allowedFromMinute = limited ? fromHour_ * 60 : 0;
    policy_.allowedToMinute = limited ? toHour_ * 60 : 0;
    apply();
}

void DownloadSettingsModel::setFromHour(int hour)
{
    const bool limited = hoursLimited();
    fromHour_ = std::clamp(hour, 0, 23);
    setHoursLimited(limited);
}

void DownloadSettingsModel::setToHour(int hour)
{
    const bool limited = hoursLimited();
    toHour_ = std::clamp(hour, 0, 23);
    setHoursLimited(limited);
}

void DownloadSettingsModel::setAllowedNetworks(const QString& names)
{
    policy_.allowedInterfaces = parseInterfaceList(names);
    apply();
}

QString DownloadSettingsModel::currentNetworks() const
{
    return sync::currentRouteInterfaces().join(QStringLiteral(", "));
}

QStringList DownloadSettingsModel::parseInterfaceList(const QString& text)
{
    QStringList names;
    for (const QString& part : text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
        if (!names.contains(part))
            names << part;
    return names;
}

void DownloadSettingsModel::apply()
{
    const auto settings = open(settingsFile_);
    settings->setValue(kMaxKbps, static_cast<int>(policy_.maxKbps));
    settings->setValue(kHoursLimited, hoursLimited());
    settings->setValue(kFromHour, fromHour_);
    settings->setValue(kToHour, toHour_);
    settings->setValue(kNetworks, allowedNetworks());
    if (sync_)
        sync_->setDownloadPolicy(policy_);
    Q_EMIT changed();
}

} // namespace spoke::ui
