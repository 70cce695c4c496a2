#include "transport/TransportError.h"

namespace spoke::transport {

const char* toString(TransportErrorKind kind)
{
    switch (kind) {
    case TransportErrorKind::Config: return "transport configuration";
    case TransportErrorKind::Ice: return "ICE";
    case TransportErrorKind::Dtls: return "DTLS";
    case TransportErrorKind::Fingerprint: return "DTLS fingerprint";
    case TransportErrorKind::Srtp: return "SRTP";
    case TransportErrorKind::Crypto: return "crypto";
    }
    return "transport";
}

} // namespace spoke::transport
