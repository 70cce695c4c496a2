#pragma once

// The live-session side of `spoke-cli join` (README "CLI"): with
// --hub-session ID the participant also signs in to the hub with the CLI's
// stored sign-in (`spoke-cli hub login`), listens to the hub's event socket
// for the session, and acts on a script: --share-slides FILE with a page
// turn every --turn-every S seconds, --chat TEXT@S (repeatable),
// --raise-hand S, --lower-hand S. What it heard goes into the stats JSON
// (chat_received, slide_events, hands_events, media_events, live_errors),
// and the hub connection, relayed over the call's impaired link when there
// is one, adds its bytes to bytes_sent/bytes_received (hub_bytes_* apart).
// The script itself is core's sync::LiveParticipant, tested against a real
// hub without Janus (tests/sync/live_participant_test.cpp).

#include "CliContext.h"

#include "call/CallSession.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace spoke::cli {

class HubCli;

class JoinLive {
public:
    ~JoinLive();

    static void addOptions(QCommandLineParser& parser);
    // Nothing (and no `out`) without --hub-session; a refusal for a bad
    // option, a missing sign-in or an unreadable deck.
    static std::optional<QString> create(const QCommandLineParser& parser, CliContext& context,
                                         const call::CallOptions& call, std::unique_ptr<JoinLive>& out);

    // Opens the event socket and starts the script's clock (call time 0);
    // the hub hears when `session` joins its room (each time, after a
    // reconnect too) as this device's attendance.
    void start(call::CallSession& session, const QString& deviceId);
    // Reports the leave (once, after a join) and closes the socket.
    void stop();
    // Adds what the event socket brought, and any failed step, to `stats`.
    void addTo(QJsonObject& stats) const;

private:
    struct Parts;
    explicit JoinLive(std::unique_ptr<Parts> parts);
    void addHubLinkTo(QJsonObject& stats) const;

    std::unique_ptr<Parts> parts_;
    QString deviceId_;
    QElapsedTimer clock_;
    QTimer ticker_;
    std::int64_t startedUnixMs_ = 0;
};

} // namespace spoke::cli
