// Everything that arrives on the ICE socket is untrusted: any sequence of
// datagrams goes through the RFC 7983 demux into a DTLS server mid-handshake
// or into SRTP/SRTCP unprotect, and must never crash or leak. A second mode
// checks that any plaintext RTP/RTCP protected with one session's keys
// unprotects to the same bytes with its peer's.
//
// Input: first byte = mode (even: datagrams, odd: round trip); then
// datagrams as [length high, length low, bytes...].

#include "transport/DtlsTransport.h"
#include "transport/PacketClassifier.h"
#include "transport/SrtpSession.h"

#include <cstdlib>
#include <memory>

using namespace spoke::transport;

namespace {

const std::shared_ptr<const DtlsCertificate>& certificate()
{
    static const auto made = DtlsCertificate::generate();
    if (!made.ok())
        std::abort();
    return *made;
}

SrtpKeyingMaterial keys(SrtpProfile profile, bool flip)
{
    const std::size_t bytes = profile == SrtpProfile::AeadAes128Gcm ? 28 : 30;
    SrtpKeyingMaterial material{profile, std::vector<std::uint8_t>(bytes, 0x11),
                                std::vector<std::uint8_t>(bytes, 0x22)};
    if (flip)
        std::swap(material.localKeySalt, material.remoteKeySalt);
    return material;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const bool roundTrip = data[0] & 1;
    const SrtpProfile profile = (data[0] & 2) ? SrtpProfile::AeadAes128Gcm : SrtpProfile::Aes128CmSha1_80;
    auto sender = SrtpSession::create(keys(profile, false));
    auto receiver = SrtpSession::create(keys(profile, true));
    if (!sender.ok() || !receiver.ok())
        std::abort();
    DtlsTransport dtls(certificate(), DtlsRole::Server, certificate()->fingerprint(), {});
    dtls.start();

    std::size_t at = 1;
    while (at + 2 <= size) {
        const std::size_t length = std::min<std::size_t>((data[at] << 8) | data[at + 1], size - at - 2);
        std::vector<std::uint8_t> datagram(data + at + 2, data + at + 2 + length);
        at += 2 + length;
        const PacketKind kind = classifyPacket(datagram);
        if (roundTrip) {
            if (kind != PacketKind::Rtp && kind != PacketKind::Rtcp)
                continue;
            const auto plain = datagram;
            const bool rtcp = kind == PacketKind::Rtcp;
            const SrtpStatus sent = rtcp ? (*sender)->protectRtcp(datagram) : (*sender)->protectRtp(datagram);
            if (sent != SrtpStatus::Ok)
                continue; // e.g. a header whose CSRC count runs past the end
            const SrtpStatus back = rtcp ? (*receiver)->unprotectRtcp(datagram) : (*receiver)->unprotectRtp(datagram);
            // A repeated sequence number in one input is a legitimate replay refusal.
            if (back == SrtpStatus::Replayed)
                continue;
            if (back != SrtpStatus::Ok || datagram != plain)
                std::abort();
            continue;
        }
        switch (kind) {
        case PacketKind::Dtls: dtls.receive(datagram); break;
        case PacketKind::Rtp: (*receiver)->unprotectRtp(datagram); break;
        case PacketKind::Rtcp: (*receiver)->unprotectRtcp(datagram); break;
        case PacketKind::Stun:
        case PacketKind::Unknown: break;
        }
    }
    return 0;
}
