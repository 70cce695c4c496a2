// DTLS-SRTP between two real OpenSSL endpoints connected in memory, and SRTP
// with the keys they export.

#include "DtlsPair.h"
#include "rtc/RtpPacket.h"
#include "transport/DtlsCertificate.h"
#include "transport/SrtpSession.h"

#include <catch2/catch.hpp>

using namespace spoke;
using namespace spoke::transport;

namespace {

std::shared_ptr<const DtlsCertificate> makeCertificate()
{
    auto made = DtlsCertificate::generate();
    REQUIRE(made.ok());
    return *made;
}

std::vector<std::uint8_t> rtpPacket(std::uint16_t sequence, std::size_t payloadBytes = 160)
{
    rtc::RtpPacket packet;
    packet.payloadType = 111;
    packet.sequenceNumber = sequence;
    packet.timestamp = 960u * sequence;
    packet.ssrc = 0x11223344;
    for (std::size_t i = 0; i < payloadBytes; ++i)
        packet.payload.push_back(static_cast<std::uint8_t>(i * 7 + sequence));
    return packet.serialize();
}

// A receiver report with no blocks (RFC 3550 §6.4.2): 8 bytes.
std::vector<std::uint8_t> rtcpReceiverReport()
{
    return {0x80, 201, 0x00, 0x01, 0xde, 0xad, 0xbe, 0xef};
}

} // namespace

TEST_CASE("dtls: certificate is self-signed P-256 with a SHA-256 fingerprint", "[dtls]")
{
    const auto certificate = makeCertificate();
    CHECK(certificate->fingerprint().algorithm == "sha-256");
    // 32 bytes as upper-case hex pairs separated by colons.
    CHECK(certificate->fingerprint().value.size() == 32 * 3 - 1);
    CHECK(certificate->fingerprint().value == DtlsCertificate::fingerprintOf(certificate->certificate(), "SHA-256"));
    CHECK(EVP_PKEY_get_bits(certificate->privateKey()) == 256);
    CHECK(X509_verify(certificate->certificate(), certificate->privateKey()) == 1);
    CHECK(DtlsCertificate::fingerprintOf(certificate->certificate(), "md5").empty());
    const auto again = DtlsCertificate::processCertificate();
    REQUIRE(again.ok());
    CHECK((*again).get() == (*DtlsCertificate::processCertificate()).get());
}

TEST_CASE("dtls: handshake in both role combinations exports matching SRTP keys", "[dtls]")
{
    const auto certA = makeCertificate();
    const auto certB = makeCertificate();
    const bool aIsClient = GENERATE(true, false);
    const auto roleA = aIsClient ? DtlsRole::Client : DtlsRole::Server;
    const auto roleB = aIsClient ? DtlsRole::Server : DtlsRole::Client;
    test::DtlsPair pair(certA, roleA, certB->fingerprint(), certB, roleB, certA->fingerprint());
    pair.run();
    INFO("a: " << (pair.a->error() ? pair.a->error()->describe() : "ok"));
    INFO("b: " << (pair.b->error() ? pair.b->error()->describe() : "ok"));
    REQUIRE(pair.a->state() == DtlsState::Connected);
    REQUIRE(pair.b->state() == DtlsState::Connected);
    const auto& keysA = *pair.a->keyingMaterial();
    const auto& keysB = *pair.b->keyingMaterial();
    CHECK(keysA.profile == SrtpProfile::AeadAes128Gcm); // preferred by both
    CHECK(keysA.profile == keysB.profile);
    CHECK(keysA.localKeySalt.size() == 16 + 12);
    CHECK(keysA.localKeySalt == keysB.remoteKeySalt);
    CHECK(keysA.remoteKeySalt == keysB.localKeySalt);
    CHECK(keysA.localKeySalt != keysA.remoteKeySalt);
    CHECK_FALSE(pair.a->cipherName().empty());
}

TEST_CASE("dtls: without AES-GCM on offer the profile is AES128_CM_SHA1_80", "[dtls]")
{
    const auto certA = makeCertificate();
    const auto certB = makeCertificate();
    DtlsTransport::Options options;
    options.offerAesGcm = false;
    test::DtlsPair pair(certA, DtlsRole::Client, certB->fingerprint(), certB, DtlsRole::Server, certA->fingerprint(),
                        options);
    pair.run();
    REQUIRE(pair.a->state() == DtlsState::Connected);
    REQUIRE(pair.b->state() == DtlsState::Connected);
    CHECK(pair.a->keyingMaterial()->profile == SrtpProfile::Aes128CmSha1_80);
    CHECK(pair.a->keyingMaterial()->localKeySalt.size() == 16 + 14);
}

TEST_CASE("dtls: a lost flight is retransmitted on the DTLS timer", "[dtls]")
{
    const auto certA = makeCertificate();
    const auto certB = makeCertificate();
    test::DtlsPair pair(certA, DtlsRole::Client, certB->fingerprint(), certB, DtlsRole::Server, certA->fingerprint());
    // Lose the first ClientHello and the server's first flight.
    pair.keep = [](bool towardsB, int index) { return !(index == 0 && towardsB) && !(!towardsB && index < 2); };
    const auto started = std::chrono::steady_clock::now();
    pair.run();
    REQUIRE(pair.a->state() == DtlsState::Connected);
    REQUIRE(pair.b->state() == DtlsState::Connected);
    // OpenSSL's first retransmission timeout is one second.
    CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(900));
    CHECK(pair.a->datagramsSent() >= 3);
}

TEST_CASE("dtls: a certificate that does not match the SDP fingerprint fails hard", "[dtls]")
{
    const auto certA = makeCertificate();
    const auto certB = makeCertificate();
    const auto impostor = makeCertificate();
    const bool clientChecksWrong = GENERATE(true, false);
    // One side was told the fingerprint of a third certificate.
    const auto aExpects = clientChecksWrong ? impostor->fingerprint() : certB->fingerprint();
    const auto bExpects = clientChecksWrong ? certA->fingerprint() : impostor->fingerprint();
    test::DtlsPair pair(certA, DtlsRole::Client, aExpects, certB, DtlsRole::Server, bExpects);
    pair.run(std::chrono::milliseconds(3000));
    const auto& checker = clientChecksWrong ? *pair.a : *pair.b;
    const auto& other = clientChecksWrong ? *pair.b : *pair.a;
    REQUIRE(checker.state() == DtlsState::Failed);
    REQUIRE(checker.error().has_value());
    CHECK(checker.error()->kind == TransportErrorKind::Fingerprint);
    CHECK_THAT(checker.error()->message, Catch::Contains(impostor->fingerprint().value));
    CHECK_FALSE(checker.keyingMaterial().has_value());
    // The alert tells the other side, which never gets keys either.
    CHECK(other.state() != DtlsState::Connected);
    CHECK_FALSE(other.keyingMaterial().has_value());
}

TEST_CASE("dtls: a handshake with no answer fails at its deadline", "[dtls]")
{
    const auto certA = makeCertificate();
    const auto certB = makeCertificate();
    DtlsTransport::Options options;
    options.handshakeTimeout = std::chrono::milliseconds(1500);
    test::DtlsPair pair(certA, DtlsRole::Client, certB->fingerprint(), certB, DtlsRole::Server, certA->fingerprint(),
                        options);
    pair.keep = [](bool towardsB, int) { return !towardsB; }; // the client's datagrams all vanish
    pair.run(std::chrono::milliseconds(4000));
    REQUIRE(pair.a->state() == DtlsState::Failed);
    CHECK(pair.a->error()->kind == TransportErrorKind::Dtls);
    CHECK_THAT(pair.a->error()->message, Catch::Contains("did not finish within 1500 ms"));
}

TEST_CASE("srtp: round trip, tamper detection and replay protection with DTLS-exported keys", "[srtp]")
{
    const auto certA = makeCertificate();
    const auto certB = makeCertificate();
    DtlsTransport::Options options;
    options.offerAesGcm = GENERATE(true, false);
    test::DtlsPair pair(certA, DtlsRole::Client, certB->fingerprint(), certB, DtlsRole::Server, certA->fingerprint(),
                        options);
    pair.run();
    REQUIRE(pair.a->state() == DtlsState::Connected);
    auto sender = SrtpSession::create(*pair.a->keyingMaterial());
    auto receiver = SrtpSession::create(*pair.b->keyingMaterial());
    REQUIRE(sender.ok());
    REQUIRE(receiver.ok());

    for (std::uint16_t sequence = 1000; sequence < 1050; ++sequence) {
        const auto plain = rtpPacket(sequence);
        auto wire = plain;
        REQUIRE((*sender)->protectRtp(wire) == SrtpStatus::Ok);
        CHECK(wire.size() > plain.size()); // auth tag
        CHECK(std::vector(wire.begin() + 12, wire.begin() + 40) != std::vector(plain.begin() + 12, plain.begin() + 40));
        REQUIRE((*receiver)->unprotectRtp(wire) == SrtpStatus::Ok);
        CHECK(wire == plain);
    }
    CHECK((*receiver)->stats().unprotectedRtp == 50);

    // Tampering: one flipped payload bit is caught and the packet left as it was.
    auto wire = rtpPacket(2000);
    REQUIRE((*sender)->protectRtp(wire) == SrtpStatus::Ok);
    auto tampered = wire;
    tampered[30] ^= 0x01;
    const auto before = tampered;
    CHECK((*receiver)->unprotectRtp(tampered) == SrtpStatus::AuthFailed);
    CHECK(tampered == before);
    CHECK((*receiver)->stats().authFailures == 1);

    // Replay: the genuine packet passes once, then is refused.
    auto first = wire;
    CHECK((*receiver)->unprotectRtp(first) == SrtpStatus::Ok);
    auto replay = wire;
    CHECK((*receiver)->unprotectRtp(replay) == SrtpStatus::Replayed);
    CHECK((*receiver)->stats().replays == 1);

    // Retransmitting the same packet is allowed on send (NACK without RTX).
    auto again = rtpPacket(2000);
    CHECK((*sender)->protectRtp(again) == SrtpStatus::Ok);

    // RTCP both ways.
    auto rtcp = rtcpReceiverReport();
    REQUIRE((*receiver)->protectRtcp(rtcp) == SrtpStatus::Ok);
    CHECK(rtcp.size() > 8 + 4);
    REQUIRE((*sender)->unprotectRtcp(rtcp) == SrtpStatus::Ok);
    CHECK(rtcp == rtcpReceiverReport());

    // Garbage and truncated input never crash.
    std::vector<std::uint8_t> shortPacket{0x80, 0x60, 0x00};
    CHECK((*receiver)->unprotectRtp(shortPacket) == SrtpStatus::Malformed);
    std::vector<std::uint8_t> noise(100, 0xab);
    noise[0] = 0x80;
    CHECK((*receiver)->unprotectRtp(noise) != SrtpStatus::Ok);
}

TEST_CASE("srtp: keys from another association do not authenticate", "[srtp]")
{
    SrtpKeyingMaterial mine{SrtpProfile::Aes128CmSha1_80, std::vector<std::uint8_t>(30, 1),
                            std::vector<std::uint8_t>(30, 2)};
    SrtpKeyingMaterial stranger{SrtpProfile::Aes128CmSha1_80, std::vector<std::uint8_t>(30, 3),
                                std::vector<std::uint8_t>(30, 1)};
    SrtpKeyingMaterial peer{SrtpProfile::Aes128CmSha1_80, std::vector<std::uint8_t>(30, 2),
                            std::vector<std::uint8_t>(30, 1)};
    auto a = SrtpSession::create(mine);
    auto b = SrtpSession::create(stranger);
    auto c = SrtpSession::create(peer);
    REQUIRE((a.ok() && b.ok() && c.ok()));
    auto packet = rtpPacket(7);
    REQUIRE((*b)->protectRtp(packet) == SrtpStatus::Ok);
    auto copy = packet;
    CHECK((*c)->unprotectRtp(copy) == SrtpStatus::AuthFailed); // c expects keys 1, b used 3
    auto good = rtpPacket(8);
    REQUIRE((*a)->protectRtp(good) == SrtpStatus::Ok);
    CHECK((*c)->unprotectRtp(good) == SrtpStatus::Ok);

    SrtpKeyingMaterial wrongLength{SrtpProfile::AeadAes128Gcm, std::vector<std::uint8_t>(30, 1),
                                   std::vector<std::uint8_t>(30, 2)};
    const auto refused = SrtpSession::create(wrongLength);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == TransportErrorKind::Srtp);
    CHECK_THAT(refused.error().message, Catch::Contains("28 bytes"));
}
