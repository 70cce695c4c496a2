#include "session/SessionError.h"

namespace spoke::session {

const char* toString(SessionErrorKind kind)
{
    switch (kind) {
    case SessionErrorKind::NotConnected: return "not connected";
    case SessionErrorKind::Timeout: return "timed out";
    case SessionErrorKind::ConnectionLost: return "connection lost";
    case SessionErrorKind::SessionGone: return "session gone";
    case SessionErrorKind::JanusError: return "refused by the media server";
    case SessionErrorKind::PluginError: return "refused by the video room";
    case SessionErrorKind::Protocol: return "unexpected answer";
    case SessionErrorKind::Insecure: return "not secure";
    }
    return "unknown";
}

QString SessionError::describe() const
{
    QString text = QString::fromLatin1(toString(kind));
    if (code != 0)
        text += QStringLiteral(" (%1)").arg(code);
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    return text;
}

} // namespace spoke::session
