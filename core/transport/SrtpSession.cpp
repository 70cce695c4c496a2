#include "transport/SrtpSession.h"

#include <srtp2/srtp.h>

#include <mutex>

namespace spoke::transport {

namespace {

constexpr unsigned long kReplayWindowPackets = 1024; // video bursts reorder more than the default 128
constexpr std::size_t kMinRtpBytes = 12;
constexpr std::size_t kMinRtcpBytes = 8;

// libsrtp wants one srtp_init() per process and has no reference counting;
// it is never shut down (its global state is a few static tables).
srtp_err_status_t initialiseOnce()
{
    static std::once_flag once;
    static srtp_err_status_t status = srtp_err_status_ok;
    std::call_once(once, [] { status = srtp_init(); });
    return status;
}

void setPolicy(srtp_policy_t& policy, SrtpProfile profile)
{
    if (profile == SrtpProfile::AeadAes128Gcm) {
        srtp_crypto_policy_set_aes_gcm_128_16_auth(&policy.rtp);
        srtp_crypto_policy_set_aes_gcm_128_16_auth(&policy.rtcp);
    } else {
        srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&policy.rtp);
        srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&policy.rtcp);
    }
}

} // namespace

const char* toString(SrtpStatus status)
{
    switch (status) {
    case SrtpStatus::Ok: return "ok";
    case SrtpStatus::AuthFailed: return "authentication failed (forged, corrupted or keyed for someone else)";
    case SrtpStatus::Replayed: return "replayed or too old for the replay window";
    case SrtpStatus::Malformed: return "too short to be RTP/RTCP";
    case SrtpStatus::Failed: return "libsrtp refused the packet";
    }
    return "unknown";
}

void SrtpSession::ContextDeleter::operator()(srtp_ctx_t_* context) const
{
    srtp_dealloc(context);
}

SrtpSession::SrtpSession(SrtpProfile profile, ContextPtr outbound, ContextPtr inbound)
    : profile_(profile)
    , outbound_(std::move(outbound))
    , inbound_(std::move(inbound))
{
}

SrtpSession::~SrtpSession() = default;

Expected<std::unique_ptr<SrtpSession>> SrtpSession::create(const SrtpKeyingMaterial& keys)
{
    if (const auto status = initialiseOnce(); status != srtp_err_status_ok)
        return TransportError{TransportErrorKind::Srtp,
                              "libsrtp did not initialise (status " + std::to_string(status) + ")"};
    const std::size_t expected = keys.profile == SrtpProfile::AeadAes128Gcm ? 16 + 12 : 16 + 14;
    if (keys.localKeySalt.size() != expected || keys.remoteKeySalt.size() != expected)
        return TransportError{TransportErrorKind::Srtp, std::string("keying material has the wrong length for ")
                                                            + toString(keys.profile) + ": expected "
                                                            + std::to_string(expected) + " bytes of key+salt"};
    auto makeContext = [&](const std::vector<std::uint8_t>& keySalt, srtp_ssrc_type_t direction,
                           ContextPtr& out) -> srtp_err_status_t {
        std::vector<unsigned char> key(keySalt.begin(), keySalt.end()); // libsrtp copies it during srtp_create
        srtp_policy_t policy{};
        setPolicy(policy, keys.profile);
        policy.ssrc.type = direction;
        policy.key = key.data();
        policy.window_size = kReplayWindowPackets;
        policy.allow_repeat_tx = direction == ssrc_any_outbound ? 1 : 0;
        srtp_t context = nullptr;
        const auto status = srtp_create(&context, &policy);
        out.reset(context);
        return status;
    };
    ContextPtr outbound;
    ContextPtr inbound;
    if (const auto status = makeContext(keys.localKeySalt, ssrc_any_outbound, outbound); status != srtp_err_status_ok)
        return TransportError{TransportErrorKind::Srtp, std::string("libsrtp refused our ") + toString(keys.profile)
                                                            + " key (status " + std::to_string(status) + ")"};
    if (const auto status = makeContext(keys.remoteKeySalt, ssrc_any_inbound, inbound); status != srtp_err_status_ok)
        return TransportError{TransportErrorKind::Srtp, std::string("libsrtp refused the peer's ")
                                                            + toString(keys.profile) + " key (status "
                                                            + std::to_string(status) + ")"};
    return std::unique_ptr<SrtpSession>(new SrtpSession(keys.profile, std::move(outbound), std::move(inbound)));
}

SrtpStatus SrtpSession::count(int libsrtpStatus)
{
    switch (libsrtpStatus) {
    case srtp_err_status_ok: return SrtpStatus::Ok;
    case srtp_err_status_auth_fail: ++stats_.authFailures; return SrtpStatus::AuthFailed;
    case srtp_err_status_replay_fail:
    case srtp_err_status_replay_old: ++stats_.replays; return SrtpStatus::Replayed;
    default: ++stats_.otherFailures; return SrtpStatus::Failed;
    }
}

SrtpStatus SrtpSession::protectRtp(std::vector<std::uint8_t>& packet)
{
    affinity_.assertOwner();
    if (packet.size() < kMinRtpBytes)
        return (++stats_.otherFailures, SrtpStatus::Malformed);
    const std::size_t plainBytes = packet.size();
    packet.resize(plainBytes + SRTP_MAX_TRAILER_LEN);
    int length = static_cast<int>(plainBytes);
    const auto status = count(srtp_protect(outbound_.get(), packet.data(), &length));
    packet.resize(status == SrtpStatus::Ok ? static_cast<std::size_t>(length) : plainBytes);
    stats_.protectedRtp += status == SrtpStatus::Ok;
    return status;
}

SrtpStatus SrtpSession::protectRtcp(std::vector<std::uint8_t>& packet)
{
    affinity_.assertOwner();
    if (packet.size() < kMinRtcpBytes)
        return (++stats_.otherFailures, SrtpStatus::Malformed);
    const std::size_t plainBytes = packet.size();
    packet.resize(plainBytes + SRTP_MAX_TRAILER_LEN + 4); // + SRTCP index
    int length = static_cast<int>(plainBytes);
    const auto status = count(srtp_protect_rtcp(outbound_.get(), packet.data(), &length));
    packet.resize(status == SrtpStatus::Ok ? static_cast<std::size_t>(length) : plainBytes);
    stats_.protectedRtcp += status == SrtpStatus::Ok;
    return status;
}

SrtpStatus SrtpSession::unprotectRtp(std::vector<std::uint8_t>& packet)
{
    affinity_.assertOwner();
    if (packet.size() < kMinRtpBytes)
        return (++stats_.otherFailures, SrtpStatus::Malformed);
    // libsrtp decrypts in place; keep the original if it refuses the packet.
    std::vector<std::uint8_t> work = packet;
    int length = static_cast<int>(work.size());
    const auto status = count(srtp_unprotect(inbound_.get(), work.data(), &length));
    if (status == SrtpStatus::Ok) {
        work.resize(static_cast<std::size_t>(length));
        packet = std::move(work);
        ++stats_.unprotectedRtp;
    }
    return status;
}

SrtpStatus SrtpSession::unprotectRtcp(std::vector<std::uint8_t>& packet)
{
    affinity_.assertOwner();
    if (packet.size() < kMinRtcpBytes)
        return (++stats_.otherFailures, SrtpStatus::Malformed);
    std::vector<std::uint8_t> work = packet;
    int length = static_cast<int>(work.size());
    const auto status = count(srtp_unprotect_rtcp(inbound_.get(), work.data(), &length));
    if (status == SrtpStatus::Ok) {
        work.resize(static_cast<std::size_t>(length));
        packet = std::move(work);
        ++stats_.unprotectedRtcp;
    }
    return status;
}

} // namespace spoke::transport
