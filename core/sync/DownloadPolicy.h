#pragma once

// When the app may download hub recordings (issue 14's settings): a speed
// cap, a window of allowed hours and a list of allowed networks. Deciding is
// clock-free and network-free: the caller passes the local time of day and
// the networks it sees, so tests drive every case exactly.
//
// What a "network" is, without root on Linux: the interface the default
// route goes through, read from /proc/net/route (world-readable), e.g.
// "wlan0", "eth0", "wwan0", "tun0". That tells a phone's tethering (usb0,
// wwan0) or a VPN from the clinic's Wi-Fi, but NOT one Wi-Fi network from
// another on the same card: an SSID needs NetworkManager over D-Bus (or
// root), which a machine without it does not have. The settings say so.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace spoke::sync {

struct DownloadPolicy {
    std::int64_t maxKbps = 0; // 0: no cap
    // Allowed hours, local time, minutes after midnight; [from, to). Equal:
    // any time. from > to wraps past midnight (22:00-06:00).
    int allowedFromMinute = 0;
    int allowedToMinute = 0;
    QStringList allowedInterfaces; // empty: any network

    bool operator==(const DownloadPolicy&) const = default;
};

enum class DownloadGate {
    Allowed,
    OutsideHours, // "Waiting for the allowed hours"
    NetworkNotAllowed, // "Waiting for an allowed network"
    NoNetwork, // no default route at all
};

// `minuteOfDay`: local time, 0..1439. `routeInterfaces`: the interfaces
// default routes go through now (defaultRouteInterfaces()).
DownloadGate evaluateDownloadPolicy(const DownloadPolicy& policy, int minuteOfDay, const QStringList& routeInterfaces);

// Minutes until the hours window opens from `minuteOfDay` (0 when inside).
int minutesUntilAllowed(const DownloadPolicy& policy, int minuteOfDay);

// The interfaces of the default routes in a /proc/net/route text (the
// routes whose Destination and Mask are 00000000 and that are up), in file
// order, without duplicates.
QStringList defaultRouteInterfaces(const QByteArray& procNetRoute);
// Reads /proc/net/route (IPv4; an IPv6-only default route is read from
// /proc/net/ipv6_route too). Empty when neither can be read.
QStringList currentRouteInterfaces();

} // namespace spoke::sync
