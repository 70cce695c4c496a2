#pragma once

#include <QString>

namespace spoke::session {

// What went wrong with a signalling request, in terms a caller can act on.
enum class SessionErrorKind {
    NotConnected, // no session yet, or the connection was closed on purpose
    Timeout, // Janus did not answer within the request's deadline
    ConnectionLost, // the socket dropped while the request was in flight
    SessionGone, // Janus no longer knows our session (timed out, destroyed)
    JanusError, // Janus core refused the request ("janus":"error")
    PluginError, // the plugin refused it (VideoRoom "error_code")
    Protocol, // the answer did not have the shape the API promises
    Insecure, // ws:// where wss:// is required, or a certificate not trusted
};

const char* toString(SessionErrorKind kind);

// A value, not an exception: errors travel to callbacks on the owner thread.
// `code` is Janus' numeric code for JanusError/PluginError (e.g. 458 "no such
// session", 426 "no such room"), otherwise 0. The message is written for the
// person who will read it in a log or a banner.
struct SessionError {
    SessionErrorKind kind = SessionErrorKind::Protocol;
    int code = 0;
    QString message;

    QString describe() const;
};

} // namespace spoke::session
