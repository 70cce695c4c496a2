#pragma once

#include "call/CallSession.h"
#include "sync/JoinInfo.h"
#include "transport/IceServerUrl.h"
#include "transport/TransportError.h"

#include <optional>

namespace spoke::sync {

// The bridge from the hub's join info (JoinInfo.h) to the call engine's
// options, shared by `spoke-cli join --hub-session` and the desktop app so
// that both join a hub's room the same way. It lives in its own library
// (spoke_sync_call), so the hub client alone does not link the media engine.

// Sets what the hub decides about the room: the Janus URL, room, pin, our
// token, our camera and screen publisher ids, and the display name (the
// account's). Leaves everything else (media, TLS, ICE) as it is.
void applyJoinRoom(const JoinInfo& info, call::CallOptions& options);

// Adds the hub's STUN and TURN servers (with their REST credentials) to
// `servers`, after any already there. Resolves the hosts: blocks on DNS, so
// call it off the UI thread (the call thread, the CLI before the call).
// The first URL the call engine cannot use is the error.
std::optional<transport::TransportError> addJoinIceServers(const JoinInfo& info, transport::IceServers& servers);

// Both, with the hub's ICE servers as the call's only ones.
std::optional<transport::TransportError> applyJoinInfo(const JoinInfo& info, call::CallOptions& options);

} // namespace spoke::sync
