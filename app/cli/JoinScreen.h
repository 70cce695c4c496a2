#pragma once

// spoke-cli join --share-screen SOURCE[@S]: a screen share next to the
// camera (call::CallSession::startScreenShare), parsed and scheduled here so
// JoinCommand.cpp only hooks it in.

#include "call/CallSession.h"

#include <QCommandLineParser>
#include <QString>

#include <optional>
#include <string>
#include <variant>

namespace spoke::cli {

struct ScreenShareRequest {
    std::string deviceId; // a DeviceRegistry id
    int startAfterS = 0; // seconds after joining the room
};

// "test-text", "screen" (this computer's X screen) or "window:ID" (an X
// window id, decimal or 0x hex), optionally "@S" seconds into the call.
std::variant<ScreenShareRequest, QString> parseScreenShareValue(const QString& value);

// --share-screen SOURCE[@S] and --share-screen-bitrate BPS.
void addScreenShareOptions(QCommandLineParser& parser);
// Fills the share's bitrate cap into `options` and `request` when asked
// for; returns why an argument is refused, or nothing.
std::optional<QString> parseScreenShare(const QCommandLineParser& parser, call::CallOptions& options,
                                        std::optional<ScreenShareRequest>& request);
// Starts the share `startAfterS` after the session has joined the room.
void scheduleScreenShare(call::CallSession& session, const ScreenShareRequest& request);

} // namespace spoke::cli
