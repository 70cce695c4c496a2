#include "transport/TransportParameters.h"

namespace spoke::transport {

Expected<RemoteTransportParameters> RemoteTransportParameters::fromSdp(const rtc::SessionDescription& sdp,
                                                                       bool remoteIsAnswer)
{
    auto error = [](std::string message) { return TransportError{TransportErrorKind::Config, std::move(message)}; };
    const rtc::SdpMedia* media = nullptr;
    for (const auto& m : sdp.media) {
        if (!m.rejected()) {
            media = &m;
            break;
        }
    }
    if (!media)
        return error("the remote SDP has no accepted media section");
    RemoteTransportParameters out;
    const auto ufrag = sdp.iceUfragFor(*media);
    const auto pwd = sdp.icePwdFor(*media);
    if (!ufrag || !pwd || ufrag->empty() || pwd->empty())
        return error("the remote SDP has no a=ice-ufrag/a=ice-pwd");
    out.ice = {*ufrag, *pwd};
    const auto fingerprint = sdp.fingerprintFor(*media);
    if (!fingerprint || fingerprint->value.empty())
        return error("the remote SDP has no a=fingerprint, so its DTLS certificate could not be checked");
    out.fingerprint = *fingerprint;
    const auto setup = sdp.setupFor(*media);
    if (!setup)
        return error("the remote SDP has no a=setup");
    switch (*setup) {
    case rtc::SdpSetup::Active: out.localRole = DtlsRole::Server; break;
    case rtc::SdpSetup::Passive: out.localRole = DtlsRole::Client; break;
    case rtc::SdpSetup::ActPass:
        if (remoteIsAnswer)
            return error("the remote answer says a=setup:actpass; an answer must choose active or passive");
        out.localRole = DtlsRole::Client;
        break;
    case rtc::SdpSetup::HoldConn: return error("the remote SDP says a=setup:holdconn (no connection wanted)");
    }
    for (const auto& candidate : media->candidates)
        out.candidates.push_back(candidate.raw);
    out.endOfCandidates = media->endOfCandidates;
    return out;
}

} // namespace spoke::transport
