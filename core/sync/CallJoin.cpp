#include "sync/CallJoin.h"

namespace spoke::sync {

void applyJoinRoom(const JoinInfo& info, call::CallOptions& options)
{
    options.janusUrl = info.janusUrl;
    options.room = info.room;
    options.pin = info.pin;
    options.token = info.token;
    options.feedId = info.cameraFeedId;
    options.screenFeedId = info.screenFeedId;
    options.display = info.display;
}

std::optional<transport::TransportError> addJoinIceServers(const JoinInfo& info, transport::IceServers& servers)
{
    // One RTCIceServer entry may list several URLs that share its credential.
    for (const JoinIceServer& server : info.iceServers) {
        for (const QString& url : server.urls) {
            if (auto error = transport::addIceServer(servers, url.toStdString(), server.username.toStdString(),
                                                     server.credential.toStdString()))
                return error;
        }
    }
    return std::nullopt;
}

std::optional<transport::TransportError> applyJoinInfo(const JoinInfo& info, call::CallOptions& options)
{
    applyJoinRoom(info, options);
    transport::IceServers servers;
    if (auto error = addJoinIceServers(info, servers))
        return error;
    options.stun = servers.stun;
    options.turnServers = std::move(servers.turn);
    return std::nullopt;
}

} // namespace spoke::sync
