#pragma once

#include "rtc/SessionDescription.h"
#include "transport/DtlsTransport.h"
#include "transport/IceAgent.h"
#include "transport/TransportError.h"

#include <string>
#include <vector>

namespace spoke::transport {

// What the peer's SDP tells the transport: its ICE credentials and
// candidates, its certificate fingerprint, and (from a=setup) which DTLS
// role falls to us.
struct RemoteTransportParameters {
    IceCredentials ice;
    rtc::SdpFingerprint fingerprint;
    DtlsRole localRole = DtlsRole::Client;
    std::vector<std::string> candidates; // values of a=candidate
    bool endOfCandidates = false;

    // From the first media section that is not rejected (everything is
    // BUNDLEd on it). `remoteIsAnswer`: the SDP answers an offer of ours,
    // in which we said actpass, so its "active" makes us the server. For a
    // remote offer we take "active" ourselves when it says actpass (RFC 8842
    // §5.3). Fails, naming the field, when credentials, fingerprint or a
    // usable a=setup are missing.
    static Expected<RemoteTransportParameters> fromSdp(const rtc::SessionDescription& sdp, bool remoteIsAnswer);
};

} // namespace spoke::transport
