// Two real MediaTransports inside a private network namespace (run through
// tests/transport/netns-run): libnice ICE on 10.77.0.1, DTLS-SRTP between
// them, RTP and RTCP both ways, and the impairment layer on a real path.

#include "TransportTestSupport.h"
#include "rtc/JsepBuilder.h"
#include "rtc/RtcpCompound.h"
#include "rtc/RtpPacket.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>

using namespace spoke;
using namespace spoke::transport;
using spoke::test::TransportProbe;
using spoke::test::waitFor;

namespace {

MediaTransportConfig configFor(bool controlling)
{
    MediaTransportConfig config;
    config.ice.interfaceName = test::iceInterface();
    config.ice.controlling = controlling;
    return config;
}

std::unique_ptr<MediaTransport> makeTransport(MediaTransportConfig config, TransportProbe& probe)
{
    auto made = MediaTransport::create(std::move(config), probe.callbacks());
    INFO((made.ok() ? std::string() : made.error().describe()));
    REQUIRE(made.ok());
    return std::move(*made);
}

rtc::LocalTransportParameters gatheredParameters(MediaTransport& transport, TransportProbe& probe)
{
    REQUIRE(waitFor([&] { return probe.gathered(); }, 5000));
    auto local = transport.localParameters();
    for (const auto& value : probe.read([](const TransportProbe& p) { return p.candidates; })) {
        auto candidate = rtc::SdpCandidate::parse(value);
        REQUIRE(candidate.ok());
        local.candidates.push_back(*candidate);
    }
    local.endOfCandidates = true;
    return local;
}

// The offerer's SDP as Spoke writes it for Janus, and an answer with one
// BUNDLEd section saying a=setup:active, both through text and back.
rtc::SessionDescription offerSdp(const rtc::LocalTransportParameters& local)
{
    rtc::jsep::PublisherOfferOptions options;
    options.transport = local;
    options.cname = "spoke-test";
    options.audioSsrc = 1111;
    options.videoSsrc = 2222;
    options.videoRtxSsrc = 3333;
    options.simulcastRids = {};
    auto parsed = rtc::SessionDescription::parse(rtc::jsep::buildPublisherOffer(options).toString());
    REQUIRE(parsed.ok());
    return *parsed;
}

rtc::SessionDescription answerSdp(const rtc::LocalTransportParameters& local)
{
    rtc::SessionDescription answer;
    rtc::SdpMedia media;
    media.kind = "audio";
    media.formats = {"111"};
    media.mid = "0";
    media.iceUfrag = local.iceUfrag;
    media.icePwd = local.icePwd;
    media.fingerprint = local.fingerprint;
    media.setup = rtc::SdpSetup::Active;
    media.candidates = local.candidates;
    media.endOfCandidates = true;
    media.rtcpMux = true;
    answer.media.push_back(media);
    auto parsed = rtc::SessionDescription::parse(answer.toString());
    REQUIRE(parsed.ok());
    return *parsed;
}

std::vector<std::uint8_t> rtp(std::uint32_t ssrc, std::uint16_t sequence, std::uint8_t payloadType = 111)
{
    rtc::RtpPacket packet;
    packet.payloadType = payloadType;
    packet.sequenceNumber = sequence;
    packet.timestamp = 960u * sequence;
    packet.ssrc = ssrc;
    packet.payload.assign(120, static_cast<std::uint8_t>(sequence));
    packet.payload[0] = static_cast<std::uint8_t>(sequence >> 8);
    return packet.serialize();
}

bool reached(const TransportProbe& probe, MediaTransportState state)
{
    return probe.read(
        [&](const TransportProbe& p) { return std::find(p.states.begin(), p.states.end(), state) != p.states.end(); });
}

// Offerer A (controlling, DTLS server after B's active answer) and answerer
// B (controlled, DTLS client), wired through SDP.
struct Link {
    TransportProbe probeA, probeB;
    std::unique_ptr<MediaTransport> a, b;

    explicit Link(MediaTransportConfig configA = configFor(true), MediaTransportConfig configB = configFor(false),
                  std::optional<rtc::SdpFingerprint> lieToB = std::nullopt)
    {
        a = makeTransport(std::move(configA), probeA);
        b = makeTransport(std::move(configB), probeB);
        a->start();
        b->start();
        const auto localA = gatheredParameters(*a, probeA);
        const auto localB = gatheredParameters(*b, probeB);
        REQUIRE_FALSE(localA.candidates.empty());
        CHECK(localA.candidates.front().address == std::getenv("SPOKE_ICE_IP"));

        auto forB = RemoteTransportParameters::fromSdp(offerSdp(localA), false);
        REQUIRE(forB.ok());
        CHECK(forB->localRole == DtlsRole::Client);
        if (lieToB)
            forB->fingerprint = *lieToB;
        auto forA = RemoteTransportParameters::fromSdp(answerSdp(localB), true);
        REQUIRE(forA.ok());
        CHECK(forA->localRole == DtlsRole::Server);
        b->setRemote(*forB);
        a->setRemote(*forA);
    }

    bool ready() const { return a->state() == MediaTransportState::Ready && b->state() == MediaTransportState::Ready; }
};

} // namespace

TEST_CASE("transport netns: ICE then DTLS then SRTP between two transports with RTP and RTCP both ways", "[netns]")
{
    Link link;
    REQUIRE(waitFor([&] { return link.ready(); }, 10000));
    CHECK(reached(link.probeA, MediaTransportState::Connecting));
    CHECK(reached(link.probeA, MediaTransportState::Securing));
    CHECK(link.a->srtpProfile() == SrtpProfile::AeadAes128Gcm);
    CHECK(link.a->stats().dtlsState == DtlsState::Connected);

    // Sending before ready was impossible; now 200 packets each way.
    for (std::uint16_t i = 0; i < 200; ++i) {
        link.a->sendRtp(rtp(1111, i));
        link.b->sendRtp(rtp(4444, static_cast<std::uint16_t>(5000 + i), 96));
    }
    const auto report = rtc::buildRtcpCompound({rtc::ReceiverReport{4444, {}}, rtc::Pli{4444, 1111}});
    link.b->sendRtcp(report);
    REQUIRE(waitFor([&] { return link.probeB.rtpCount() == 200 && link.probeA.rtpCount() == 200; }, 5000));
    REQUIRE(
        waitFor([&] { return link.probeA.read([](const TransportProbe& p) { return p.rtcp.size(); }) == 1; }, 2000));

    const auto receivedByB = link.probeB.read([](const TransportProbe& p) { return p.rtp; });
    for (std::uint16_t i = 0; i < 200; ++i)
        CHECK(receivedByB[i] == rtp(1111, i)); // byte for byte, in order on a clean veth
    const auto receivedByA = link.probeA.read([](const TransportProbe& p) { return p.rtp; });
    CHECK(receivedByA.back() == rtp(4444, 5199, 96));
    CHECK(link.probeA.read([](const TransportProbe& p) { return p.rtcp.front(); }) == report);

    const auto statsA = link.a->stats();
    const auto statsB = link.b->stats();
    CHECK(statsA.rtpSent == 200);
    CHECK(statsB.rtpReceived == 200);
    CHECK(statsA.rtcpReceived == 1);
    CHECK(statsB.srtpAuthFailures == 0);
    CHECK(statsA.bytesSent > 200 * (12 + 120 + 16)); // header + payload + GCM tag, plus DTLS
    CHECK(statsB.bytesReceived >= statsA.bytesSent - 200); // everything A sent arrived

    link.a->close();
    REQUIRE(waitFor([&] { return link.b->state() == MediaTransportState::Closed; }, 3000)); // close_notify
    // close() runs on A's ICE thread and sends close_notify before it sets
    // Closed, so B can see the close first.
    REQUIRE(waitFor([&] { return link.a->state() == MediaTransportState::Closed; }, 3000));
    link.a->sendRtp(rtp(1111, 999));
    REQUIRE(waitFor([&] { return link.a->stats().droppedNotReady == 1; }, 2000));
}

TEST_CASE("transport netns: a fingerprint that does not match fails both ends", "[netns]")
{
    auto impostor = DtlsCertificate::generate();
    REQUIRE(impostor.ok());
    Link link(configFor(true), configFor(false), (*impostor)->fingerprint());
    REQUIRE(waitFor([&] { return link.b->state() == MediaTransportState::Failed; }, 10000));
    const auto error = link.probeB.read([](const TransportProbe& p) { return p.error; });
    REQUIRE(error.has_value());
    CHECK(error->kind == TransportErrorKind::Fingerprint);
    CHECK_THAT(error->message, Catch::Contains((*impostor)->fingerprint().value));
    // B's alert reaches A, which fails too instead of waiting for its deadline.
    REQUIRE(waitFor([&] { return link.a->state() == MediaTransportState::Failed; }, 5000));
    const auto errorA = link.probeA.read([](const TransportProbe& p) { return p.error; });
    REQUIRE(errorA.has_value());
    CHECK(errorA->kind == TransportErrorKind::Dtls);
    CHECK_FALSE(link.a->srtpProfile().has_value());
    CHECK(link.b->stats().rtpReceived == 0);
}

TEST_CASE("transport netns: send-side impairment loses the seeded share and delays the rest", "[netns]")
{
    auto configA = configFor(true);
    auto configB = configFor(false);
    configA.sendImpairment = *ImpairmentConfig::parse("loss=10%,delay=60ms,seed=5");
    Link link(configA, configB);
    // DTLS also crosses the lossy path; retransmissions get it through.
    REQUIRE(waitFor([&] { return link.ready(); }, 15000));
    const auto dropsBefore = link.a->stats().sendImpairmentDrops;
    const int count = 500;
    std::vector<std::chrono::steady_clock::time_point> sentAt;
    for (std::uint16_t i = 0; i < count; ++i) {
        sentAt.push_back(std::chrono::steady_clock::now());
        link.a->sendRtp(rtp(1111, i));
        if (i % 50 == 49)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE(waitFor([&] { return link.a->stats().rtpSent == count; }, 3000));
    test::waitFor([] { return false; }, 300); // everything delayed has landed
    const auto stats = link.a->stats();
    const auto drops = stats.sendImpairmentDrops - dropsBefore;
    const auto received = link.probeB.read([](const TransportProbe& p) { return p.rtp; });
    const auto arrivals = link.probeB.read([](const TransportProbe& p) { return p.rtpArrivals; });
    CHECK(received.size() + drops == static_cast<std::size_t>(count)); // a veth loses nothing of its own
    CHECK(drops > 25);
    CHECK(drops < 75); // 10 % of 500, ±3.7 σ
    for (std::size_t i = 0; i < received.size(); ++i) {
        const auto packet = rtc::RtpPacket::parse(received[i]);
        REQUIRE(packet.ok());
        const auto oneWay = arrivals[i] - sentAt[packet->sequenceNumber];
        CHECK(oneWay >= std::chrono::milliseconds(59));
        CHECK(oneWay < std::chrono::milliseconds(250));
    }
}

TEST_CASE("transport netns: a receive-side outage drops everything inside it", "[netns]")
{
    auto configB = configFor(false);
    // Starts with the transport; the handshake is over well before 1.5 s.
    configB.receiveImpairment = *ImpairmentConfig::parse("outage=1500ms+500ms");
    Link link(configFor(true), configB);
    REQUIRE(waitFor([&] { return link.ready(); }, 10000));
    const auto created = std::chrono::steady_clock::now();
    // 20 ms packets for 3 s from now; the outage sits somewhere inside.
    std::uint16_t sequence = 0;
    while (std::chrono::steady_clock::now() - created < std::chrono::milliseconds(3000)) {
        link.a->sendRtp(rtp(1111, sequence++));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    test::waitFor([] { return false; }, 200);
    const auto received = link.probeB.read([](const TransportProbe& p) { return p.rtp; });
    const auto stats = link.b->stats();
    CHECK(stats.receiveImpairmentDrops >= 20); // 500 ms of 20 ms packets, minus timing slack
    CHECK(stats.receiveImpairmentDrops <= 26);
    CHECK(received.size() + stats.receiveImpairmentDrops == sequence);
    // The dropped packets are one contiguous run.
    std::vector<std::uint16_t> sequences;
    for (const auto& bytes : received)
        sequences.push_back(rtc::RtpPacket::parse(bytes)->sequenceNumber);
    int gaps = 0;
    for (std::size_t i = 1; i < sequences.size(); ++i)
        gaps += sequences[i] != sequences[i - 1] + 1;
    CHECK(gaps == 1);
}

TEST_CASE("transport netns: pinned ICE gathers on its interface only and unpinned on every usable address",
          "[transport][netns]")
{
    const auto gatheredAddresses = [](const std::string& interfaceName) {
        IceConfig config;
        config.interfaceName = interfaceName;
        auto addresses = std::make_shared<std::vector<std::string>>();
        auto mutex = std::make_shared<std::mutex>();
        auto done = std::make_shared<std::atomic<bool>>(false);
        IceAgent::Callbacks callbacks;
        callbacks.localCandidate = [=](const std::string& value) {
            // The network thread: no Catch assertions here; an unparsable
            // candidate shows as a missing address below.
            const auto candidate = rtc::SdpCandidate::parse(value);
            const std::lock_guard lock(*mutex);
            if (candidate.ok())
                addresses->push_back(candidate->address);
        };
        callbacks.gatheringDone = [=] { *done = true; };
        auto agent = IceAgent::create(config, callbacks);
        REQUIRE(agent.ok());
        (*agent)->gather();
        REQUIRE(waitFor([&] { return done->load(); }, 5000));
        agent->reset();
        std::sort(addresses->begin(), addresses->end());
        return *addresses;
    };
    CHECK(gatheredAddresses(test::iceInterface()) == std::vector<std::string>{std::getenv("SPOKE_ICE_IP")});
    // jv0 and jv1 are up; lo is loopback and their IPv6 addresses link-local.
    CHECK(gatheredAddresses({}) == std::vector<std::string>{"10.77.0.1", "10.77.0.2"});
}
