#include "rtc/SessionDescription.h"

#include "rtc/SdpText.h"

#include <algorithm>

namespace spoke::rtc {

std::string_view toString(SdpDirection direction)
{
    switch (direction) {
    case SdpDirection::SendRecv: return "sendrecv";
    case SdpDirection::SendOnly: return "sendonly";
    case SdpDirection::RecvOnly: return "recvonly";
    case SdpDirection::Inactive: return "inactive";
    }
    return "sendrecv";
}

std::string_view toString(SdpSetup setup)
{
    switch (setup) {
    case SdpSetup::ActPass: return "actpass";
    case SdpSetup::Active: return "active";
    case SdpSetup::Passive: return "passive";
    case SdpSetup::HoldConn: return "holdconn";
    }
    return "actpass";
}

std::optional<int> SdpCodec::fmtpInt(std::string_view key) const
{
    if (!fmtp)
        return std::nullopt;
    for (const auto param : sdp::split(*fmtp, ';')) {
        const auto trimmed = sdp::trim(param);
        const auto eq = trimmed.find('=');
        if (eq != std::string_view::npos && sdp::trim(trimmed.substr(0, eq)) == key)
            return sdp::toInt(sdp::trim(trimmed.substr(eq + 1)), 0, 0x7FFFFFFF);
    }
    return std::nullopt;
}

bool SdpCodec::hasFeedback(std::string_view value) const
{
    return std::find(feedback.begin(), feedback.end(), value) != feedback.end();
}

const SdpCodec* SdpMedia::codec(int payloadType) const
{
    for (const auto& c : codecs)
        if (c.payloadType == payloadType)
            return &c;
    return nullptr;
}

const SdpCodec* SdpMedia::codecByName(std::string_view name) const
{
    for (const auto& c : codecs)
        if (sdp::equalsIgnoreCase(c.name, name))
            return &c;
    return nullptr;
}

const SdpCodec* SdpMedia::rtxFor(int payloadType) const
{
    for (const auto& c : codecs)
        if (sdp::equalsIgnoreCase(c.name, "rtx") && c.fmtpInt("apt") == payloadType)
            return &c;
    return nullptr;
}

std::optional<int> SdpMedia::extmapId(std::string_view uri) const
{
    for (const auto& e : extmaps)
        if (e.uri == uri)
            return e.id;
    return std::nullopt;
}

const SdpGroup* SessionDescription::bundleGroup() const
{
    for (const auto& g : groups)
        if (g.semantics == "BUNDLE")
            return &g;
    return nullptr;
}

} // namespace spoke::rtc
