#include "sync/DownloadPolicy.h"

#include <QFile>
#include <QList>

namespace spoke::sync {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr unsigned kRouteUp = 0x0001; // RTF_UP, linux/route.h

bool insideHours(const DownloadPolicy& policy, int minuteOfDay)
{
    const int from = policy.allowedFromMinute;
    const int to = policy.allowedToMinute;
    if (from == to)
        return true;
    if (from < to)
        return minuteOfDay >= from && minuteOfDay < to;
    return minuteOfDay >= from || minuteOfDay < to; // wraps past midnight
}

// /proc/net/ipv6_route: "dest destlen src srclen nexthop metric refcnt use flags iface",
// the default route has dest 0…0 and prefix length 00.
QStringList defaultIpv6RouteInterfaces(const QByteArray& text)
{
    QStringList names;
    for (const QByteArray& line : text.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 10 || fields[0] != QByteArray(32, '0') || fields[1] != "00")
            continue;
        bool ok = false;
        const unsigned flags = fields[8].toUInt(&ok, 16);
        const QString name = QString::fromLatin1(fields[9]);
        if (ok && (flags & kRouteUp) && name != QLatin1String("lo") && !names.contains(name))
            names << name;
    }
    return names;
}

QByteArray readProcFile(const char* path)
{
    QFile file(QString::fromLatin1(path));
    // /proc files report size 0: read until the end, not size() bytes.
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

DownloadGate evaluateDownloadPolicy(const DownloadPolicy& policy, int minuteOfDay, const QStringList& routeInterfaces)
{
    if (!insideHours(policy, minuteOfDay))
        return DownloadGate::OutsideHours;
    if (routeInterfaces.isEmpty())
        return DownloadGate::NoNetwork;
    if (policy.allowedInterfaces.isEmpty())
        return DownloadGate::Allowed;
    for (const QString& name : routeInterfaces)
        if (policy.allowedInterfaces.contains(name))
            return DownloadGate::Allowed;
    return DownloadGate::NetworkNotAllowed;
}

int minutesUntilAllowed(const DownloadPolicy& policy, int minuteOfDay)
{
    if (insideHours(policy, minuteOfDay))
        return 0;
    return (policy.allowedFromMinute - minuteOfDay + kMinutesPerDay) % kMinutesPerDay;
}

QStringList defaultRouteInterfaces(const QByteArray& procNetRoute)
{
    // "Iface Destination Gateway Flags RefCnt Use Metric Mask MTU Window IRTT",
    // hex fields (linux/net/ipv4/fib_trie.c, fib_route_seq_show).
    QStringList names;
    const QList<QByteArray> lines = procNetRoute.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> fields = lines[i].simplified().split(' ');
        if (fields.size() < 8 || fields[1] != "00000000" || fields[7] != "00000000")
            continue;
        bool ok = false;
        const unsigned flags = fields[3].toUInt(&ok, 16);
        const QString name = QString::fromLatin1(fields[0]);
        if (ok && (flags & kRouteUp) && !names.contains(name))
            names << name;
    }
    return names;
}

QStringList currentRouteInterfaces()
{
    QStringList names = defaultRouteInterfaces(readProcFile("/proc/net/route"));
    for (const QString& name : defaultIpv6RouteInterfaces(readProcFile("/proc/net/ipv6_route")))
        if (!names.contains(name))
            names << name;
    return names;
}

} // namespace spoke::sync
