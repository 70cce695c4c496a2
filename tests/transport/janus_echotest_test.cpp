// End to end against the real Janus (run through tests/janus/janus-netns):
// signalling with core/session's JanusConnection to the EchoTest plugin, our
// offer written with core/rtc's SDP model, then ICE + DTLS-SRTP with a
// MediaTransport, Opus and VP8 RTP out, and the same payloads back.

#include "TransportTestSupport.h"
#include "rtc/JsepBuilder.h"
#include "rtc/RtpPacket.h"
#include "session/JanusConnection.h"

#include <catch2/catch.hpp>

#include <QJsonObject>

#include <set>

using namespace spoke;
using namespace spoke::transport;
using spoke::test::TransportProbe;
using spoke::test::waitFor;

namespace {

constexpr std::uint32_t kAudioSsrc = 0x5A0D10;
constexpr std::uint32_t kVideoSsrc = 0x5B1DE0;

std::string janusUrl()
{
    const char* url = std::getenv("SPOKE_JANUS_WS");
    if (!url || !*url)
        FAIL("SPOKE_JANUS_WS is not set: run this test through tests/janus/janus-netns (ctest -L janus)");
    return url;
}

// An Opus packet: TOC byte for 20 ms SILK wideband mono (config 9, code 0),
// then a body that carries our marker so the echo can be matched.
std::vector<std::uint8_t> opusRtp(std::uint16_t sequence)
{
    rtc::RtpPacket packet;
    packet.payloadType = rtc::jsep::kOpusPayloadType;
    packet.sequenceNumber = sequence;
    packet.timestamp = 960u * sequence;
    packet.ssrc = kAudioSsrc;
    packet.payload = {
        0x48, 'S', 'P', 'K', static_cast<std::uint8_t>(sequence >> 8), static_cast<std::uint8_t>(sequence)};
    packet.payload.resize(60, 0x55);
    return packet.serialize();
}

// A one-packet VP8 key frame as RFC 7741 frames it: payload descriptor with
// S=1 and partition 0, then the key-frame header (frame tag, start code
// 9d 01 2a, 320x240), then our marker.
std::vector<std::uint8_t> vp8Rtp(std::uint16_t sequence)
{
    rtc::RtpPacket packet;
    packet.payloadType = rtc::jsep::kVp8PayloadType;
    packet.sequenceNumber = sequence;
    packet.timestamp = 3000u * sequence;
    packet.ssrc = kVideoSsrc;
    packet.marker = true;
    packet.payload = {0x10,
                      0x50,
                      0x01,
                      0x00,
                      0x9d,
                      0x01,
                      0x2a,
                      0x40,
                      0x01,
                      0xf0,
                      0x00,
                      'S',
                      'P',
                      'K',
                      static_cast<std::uint8_t>(sequence >> 8),
                      static_cast<std::uint8_t>(sequence)};
    packet.payload.resize(200, 0x33);
    return packet.serialize();
}

// Marker found in an echoed packet's payload: (kind, sequence) or nullopt.
std::optional<std::pair<char, int>> markerOf(const std::vector<std::uint8_t>& bytes)
{
    const auto packet = rtc::RtpPacket::parse(bytes);
    if (!packet.ok())
        return std::nullopt;
    const auto& p = packet->payload;
    const std::size_t at = packet->payloadType == rtc::jsep::kOpusPayloadType ? 1 : 11;
    if (p.size() < at + 5 || p[at] != 'S' || p[at + 1] != 'P' || p[at + 2] != 'K')
        return std::nullopt;
    return std::make_pair(packet->payloadType == rtc::jsep::kOpusPayloadType ? 'a' : 'v', (p[at + 3] << 8) | p[at + 4]);
}

} // namespace

TEST_CASE("janus echotest: Opus and VP8 over ICE + DTLS-SRTP come back from Janus", "[janus]")
{
    session::JanusConnection::Options options;
    options.url = QUrl(QString::fromStdString(janusUrl()));
    options.requestTimeoutMs = 5000;
    session::JanusConnection connection(options);
    bool ready = false;
    QObject::connect(&connection, &session::JanusConnection::ready, [&](quint64) { ready = true; });
    connection.open();
    REQUIRE(waitFor([&] { return ready; }, 5000));
    quint64 handle = 0;
    std::optional<session::SessionError> attachError;
    bool attached = false;
    connection.attach(QStringLiteral("janus.plugin.echotest"),
                      [&](quint64 id, const std::optional<session::SessionError>& error) {
                          handle = id;
                          attachError = error;
                          attached = true;
                      });
    REQUIRE(waitFor([&] { return attached; }, 5000));
    REQUIRE_FALSE(attachError.has_value());

    // We offer, so we control ICE and say actpass; Janus answers active and
    // becomes the DTLS client.
    TransportProbe probe;
    MediaTransportConfig config;
    config.ice.interfaceName = test::iceInterface();
    config.ice.controlling = true;
    auto made = MediaTransport::create(config, probe.callbacks());
    REQUIRE(made.ok());
    auto& transport = **made;
    transport.start();
    REQUIRE(waitFor([&] { return probe.gathered(); }, 5000));

    rtc::jsep::PublisherOfferOptions offerOptions;
    offerOptions.transport = transport.localParameters();
    for (const auto& value : probe.read([](const TransportProbe& p) { return p.candidates; }))
        offerOptions.transport.candidates.push_back(*rtc::SdpCandidate::parse(value));
    offerOptions.transport.endOfCandidates = true; // half-trickle: all candidates in the SDP
    offerOptions.cname = "spoke-echo";
    offerOptions.audioSsrc = kAudioSsrc;
    offerOptions.videoSsrc = kVideoSsrc;
    offerOptions.videoRtxSsrc = kVideoSsrc + 1;
    offerOptions.simulcastRids = {};
    auto offer = rtc::jsep::buildPublisherOffer(offerOptions);
    // EchoTest sends back what it gets: both directions, and no header
    // extensions so that Janus matches our streams by their a=ssrc lines.
    for (auto& media : offer.media) {
        media.direction = rtc::SdpDirection::SendRecv;
        media.extmaps.clear();
    }

    std::optional<session::Outcome> answer;
    connection.sendMessage(handle, QJsonObject{{QStringLiteral("audio"), true}, {QStringLiteral("video"), true}},
                           session::Jsep{QStringLiteral("offer"), QString::fromStdString(offer.toString()), false},
                           [&](const session::Outcome& outcome) { answer = outcome; });
    REQUIRE(waitFor([&] { return answer.has_value(); }, 6000));
    INFO((answer->error ? answer->error->describe().toStdString() : std::string()));
    REQUIRE(answer->ok());
    REQUIRE(answer->message.jsep.has_value());
    const auto answerSdp = rtc::SessionDescription::parse(answer->message.jsep->sdp.toStdString());
    REQUIRE(answerSdp.ok());
    auto remote = RemoteTransportParameters::fromSdp(*answerSdp, true);
    INFO((remote.ok() ? std::string() : remote.error().describe()));
    REQUIRE(remote.ok());
    CHECK(remote->localRole == DtlsRole::Server);
    REQUIRE_FALSE(remote->candidates.empty());
    transport.setRemote(*remote);

    REQUIRE(waitFor(
        [&] {
            return transport.state() == MediaTransportState::Ready || transport.state() == MediaTransportState::Failed;
        },
        10000));
    INFO(probe.describeError());
    REQUIRE(transport.state() == MediaTransportState::Ready);

    // 2 s of media: Opus every 20 ms, a VP8 frame every 40 ms.
    for (std::uint16_t i = 0; i < 100; ++i) {
        transport.sendRtp(opusRtp(i));
        if (i % 2 == 0)
            transport.sendRtp(vp8Rtp(static_cast<std::uint16_t>(i / 2)));
        waitFor([] { return false; }, 20);
    }
    waitFor([] { return false; }, 500);

    std::set<std::pair<char, int>> echoed;
    for (const auto& packet : probe.read([](const TransportProbe& p) { return p.rtp; })) {
        if (const auto marker = markerOf(packet))
            echoed.insert(*marker);
    }
    const auto audioBack = std::count_if(echoed.begin(), echoed.end(), [](const auto& m) { return m.first == 'a'; });
    const auto videoBack = std::count_if(echoed.begin(), echoed.end(), [](const auto& m) { return m.first == 'v'; });
    const auto stats = transport.stats();
    INFO("rtp in " << stats.rtpReceived << ", rtcp in " << stats.rtcpReceived << ", auth failures "
                   << stats.srtpAuthFailures);
    // A clean veth: everything, give or take the first packets Janus sees
    // before its side of the PeerConnection reports up.
    CHECK(audioBack >= 90);
    CHECK(videoBack >= 45);
    CHECK(stats.rtcpReceived > 0); // Janus' receiver reports / REMB
    CHECK(stats.srtpAuthFailures == 0);

    transport.close();
    bool closed = false;
    QObject::connect(&connection, &session::JanusConnection::closed, [&] { closed = true; });
    connection.close();
    waitFor([&] { return closed; }, 3000);
}
