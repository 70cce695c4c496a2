#include "sync/DeviceId.h"

#include "sync/JoinInfo.h"

#include <QFile>
#include <QSaveFile>
#include <QUuid>

namespace spoke::sync {

namespace {

SyncError localError(const QString& detail)
{
    return SyncError{SyncErrorKind::LocalStore, 0, {}, detail};
}

} // namespace

std::filesystem::path deviceIdFileIn(const std::filesystem::path& dataDir)
{
    return dataDir / "device-id";
}

HubExpected<QString> loadOrCreateDeviceId(const std::filesystem::path& dataDir)
{
    const QString path = QString::fromStdString(deviceIdFileIn(dataDir).string());
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        // 64 characters at most, and a line end a hand edit may have added.
        const QString id = QString::fromLatin1(existing.read(256)).trimmed();
        if (isValidDeviceId(id))
            return id;
    }
    std::error_code ignored;
    std::filesystem::create_directories(dataDir, ignored);
    const QString id = QStringLiteral("app-") + QUuid::createUuid().toString(QUuid::Id128);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return localError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = id.toLatin1() + '\n';
    if (file.write(bytes) != bytes.size() || !file.commit())
        return localError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return id;
}

} // namespace spoke::sync
