// SDP: Janus' answer to a publisher and offer to a subscriber (fixtures
// written from the SDPs observed in docs/janus.md §"SDP"), our publisher
// offer with rid simulcast, the subscriber answer, and malformed input.
#include "rtc/JsepBuilder.h"
#include "rtc/RtpExtensionMap.h"
#include "rtc/SessionDescription.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>

using namespace spoke::rtc;

namespace {

std::string fixture(const char* name)
{
    std::ifstream in(std::string(RTC_TEST_DATA) + "/" + name, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

SessionDescription parseOk(const std::string& text)
{
    auto parsed = SessionDescription::parse(text);
    if (!parsed.ok())
        FAIL(parsed.error().message());
    return *parsed;
}

void requireRoundTrip(const SessionDescription& s)
{
    const std::string text = s.toString();
    const auto again = parseOk(text);
    CHECK(again == s);
    CHECK(again.toString() == text);
}

LocalTransportParameters localTransport()
{
    LocalTransportParameters t;
    t.iceUfrag = "sp0k";
    t.icePwd = "0123456789abcdefghijkl";
    t.fingerprint = {"sha-256",
                     "11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00"};
    auto c = SdpCandidate::parse("1 1 udp 2130706431 10.77.0.2 40000 typ host");
    REQUIRE(c.ok());
    CHECK(c->priority == 2130706431u);
    t.candidates.push_back(*c);
    t.endOfCandidates = true;
    return t;
}

} // namespace

TEST_CASE("Janus' answer to a publisher parses into the model", "[rtc][sdp]")
{
    const auto s = parseOk(fixture("janus-answer-to-publisher.sdp"));
    CHECK(s.origin.sessionId == "6689427362128376851");
    CHECK(s.origin.address == "192.0.2.2");
    CHECK(s.sessionName == "VideoRoom 1234");
    REQUIRE(s.bundleGroup());
    CHECK(s.bundleGroup()->mids == std::vector<std::string>{"0", "1"});
    CHECK(s.iceOptions == std::vector<std::string>{"trickle"});
    CHECK(s.extmapAllowMixed);
    CHECK(s.msidSemantic == " WMS janus");
    REQUIRE(s.media.size() == 2);

    const SdpMedia& audio = s.media[0];
    CHECK(audio.kind == "audio");
    CHECK(audio.port == 9);
    CHECK(audio.protocol == "UDP/TLS/RTP/SAVPF");
    CHECK(audio.mid == "0");
    CHECK(audio.direction == SdpDirection::RecvOnly);
    CHECK(audio.setup == SdpSetup::Active); // Janus is the DTLS client: we wait for its ClientHello
    CHECK(audio.rtcpMux);
    CHECK(audio.connection == "IN IP4 192.0.2.2");
    const SdpCodec* opus = audio.codecByName("OPUS");
    REQUIRE(opus);
    CHECK(opus->payloadType == 111);
    CHECK(opus->clockRateHz == 48000);
    CHECK(opus->channels == 2);
    CHECK(opus->fmtp == "minptime=10;useinbandfec=1");
    CHECK(opus->fmtpInt("useinbandfec") == 1);
    CHECK(s.fingerprintFor(audio)->algorithm == "sha-256"); // inherited from the session level
    REQUIRE(audio.candidates.size() == 1);
    CHECK(audio.candidates[0].address == "192.0.2.2");
    CHECK(audio.candidates[0].port == 20318);
    CHECK(audio.candidates[0].type == "host");
    CHECK(audio.endOfCandidates);
    REQUIRE(audio.ssrcs.size() == 1);
    CHECK(audio.ssrcs[0] == SdpSsrcAttribute{1797339017u, "cname", "janus"});

    const SdpMedia& video = s.media[1];
    const SdpCodec* vp8 = video.codec(96);
    REQUIRE(vp8);
    CHECK(vp8->name == "VP8");
    CHECK(vp8->feedback == std::vector<std::string>{"ccm fir", "nack", "nack pli", "goog-remb", "transport-cc"});
    REQUIRE(video.rtxFor(96));
    CHECK(video.rtxFor(96)->payloadType == 97);
    CHECK(video.extmapId(extensionUri(RtpExtensionKind::AbsSendTime)) == 3);
    REQUIRE(video.simulcast);
    REQUIRE(video.simulcast->recv.size() == 3);
    CHECK(video.simulcast->recv[0].alternatives[0].rid == "h");
    CHECK(video.rids.size() == 3);
    CHECK(video.rids[2] == SdpRid{"l", "recv", std::nullopt});

    requireRoundTrip(s);
    // The writer's output is attribute-for-attribute the same as Janus' text,
    // modulo the order inside a section.
    CHECK(s.toString().size() == fixture("janus-answer-to-publisher.sdp").size());
}

TEST_CASE("publisher offer: Opus + VP8/rtx, feedback, extmaps, BUNDLE and 3 rid simulcast layers", "[rtc][sdp]")
{
    jsep::PublisherOfferOptions options;
    options.transport = localTransport();
    options.sessionId = "4611731400430051336";
    options.cname = "spoke-cname";
    options.audioSsrc = 1111;
    const SessionDescription offer = jsep::buildPublisherOffer(options);
    const std::string text = offer.toString();
    INFO(text);
    for (const char* line : {"a=group:BUNDLE 0 1",
                             "m=audio 9 UDP/TLS/RTP/SAVPF 111",
                             "a=rtpmap:111 opus/48000/2",
                             "a=fmtp:111 minptime=10;useinbandfec=1",
                             "m=video 9 UDP/TLS/RTP/SAVPF 96 97",
                             "a=rtpmap:96 VP8/90000",
                             "a=rtcp-fb:96 nack",
                             "a=rtcp-fb:96 nack pli",
                             "a=rtcp-fb:96 ccm fir",
                             "a=rtcp-fb:96 goog-remb",
                             "a=rtcp-fb:96 transport-cc",
                             "a=rtpmap:97 rtx/90000",
                             "a=fmtp:97 apt=96",
                             "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid",
                             "a=extmap:2 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
                             "a=extmap:3 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
                             "a=extmap:5 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
                             "a=rid:h send",
                             "a=rid:m send",
                             "a=rid:l send",
                             "a=simulcast:send h;m;l",
                             "a=sendonly",
                             "a=setup:actpass",
                             "a=rtcp-mux",
                             "a=ice-ufrag:sp0k",
                             "a=ssrc:1111 cname:spoke-cname",
                             "a=candidate:1 1 udp 2130706431 10.77.0.2 40000 typ host",
                             "a=end-of-candidates"})
        CHECK(text.find(std::string(line) + "\r\n") != std::string::npos);
    CHECK(text.rfind("v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n", 0) == 0);
    requireRoundTrip(offer);

    // Without simulcast: one SSRC with its RTX partner.
    options.simulcastRids.clear();
    options.videoSsrc = 2222;
    options.videoRtxSsrc = 3333;
    const SessionDescription single = jsep::buildPublisherOffer(options);
    CHECK_FALSE(single.media[1].simulcast.has_value());
    REQUIRE(single.media[1].ssrcGroups.size() == 1);
    CHECK(single.media[1].ssrcGroups[0] == SdpSsrcGroup{"FID", {2222, 3333}});
    requireRoundTrip(single);
}

TEST_CASE("subscriber answer to Janus' multi-feed offer", "[rtc][sdp]")
{
    const auto offer = parseOk(fixture("janus-offer-to-subscriber.sdp"));
    REQUIRE(offer.media.size() == 5);
    CHECK(offer.media[1].ssrcGroups[0] == SdpSsrcGroup{"FID", {1436553094u, 3018290735u}});
    CHECK(offer.media[4].formats == std::vector<std::string>{"webrtc-datachannel"});
    requireRoundTrip(offer);

    jsep::SubscriberAnswerOptions options;
    options.transport = localTransport();
    auto answer = jsep::buildSubscriberAnswer(offer, options);
    REQUIRE(answer.ok());
    const SessionDescription& a = *answer;
    REQUIRE(a.media.size() == 5);
    REQUIRE(a.bundleGroup());
    CHECK(a.bundleGroup()->mids == std::vector<std::string>{"0", "1", "2", "3"});
    for (std::size_t i = 0; i < 4; ++i) {
        const SdpMedia& m = a.media[i];
        CHECK(m.mid == offer.media[i].mid);
        CHECK(m.kind == offer.media[i].kind);
        CHECK(m.direction == SdpDirection::RecvOnly);
        CHECK(m.setup == SdpSetup::Active); // we are the DTLS client
        CHECK(m.rtcpMux);
        CHECK(m.iceUfrag == "sp0k");
        CHECK(m.candidates.size() == (i == 0 ? 1u : 0u)); // bundled: candidates once
    }
    CHECK(a.media[0].formats == std::vector<std::string>{"111"});
    CHECK(a.media[0].codecs[0].fmtp == "minptime=10;useinbandfec=1");
    CHECK(a.media[1].formats == std::vector<std::string>{"96", "97"});
    CHECK(a.media[1].codec(96)->feedback
          == std::vector<std::string>{"ccm fir", "nack", "nack pli", "goog-remb", "transport-cc"});
    CHECK(a.media[1].rtxFor(96)->payloadType == 97);
    // Only extensions Spoke reads; same ids as offered; video-orientation dropped.
    CHECK(a.media[1].extmaps.size() == 3);
    CHECK(a.media[1].extmapId(extensionUri(RtpExtensionKind::Mid)) == 1);
    CHECK_FALSE(a.media[1].extmapId("urn:3gpp:video-orientation").has_value());
    // The data channel is rejected: port 0, no transport, out of BUNDLE.
    CHECK(a.media[4].rejected());
    CHECK(a.media[4].mid == "4");
    CHECK_FALSE(a.media[4].iceUfrag.has_value());
    requireRoundTrip(a);

    options.acceptRtx = false;
    auto noRtx = jsep::buildSubscriberAnswer(offer, options);
    REQUIRE(noRtx.ok());
    CHECK(noRtx->media[1].formats == std::vector<std::string>{"96"});

    // An offer that is missing what any answer needs is refused, saying why.
    SessionDescription noMid = offer;
    noMid.media[2].mid.reset();
    CHECK(jsep::buildSubscriberAnswer(noMid, options).error().message().find("no a=mid") != std::string::npos);
    SessionDescription noFingerprint = offer;
    noFingerprint.fingerprint.reset();
    CHECK(jsep::buildSubscriberAnswer(noFingerprint, options).error().message().find("fingerprint")
          != std::string::npos);
    SessionDescription h264Only = offer;
    h264Only.media = {offer.media[1]};
    h264Only.media[0].codecs[0].name = "H264";
    CHECK(jsep::buildSubscriberAnswer(h264Only, options).error().message().find("no Opus or VP8") != std::string::npos);
}

TEST_CASE("SDP parser accepts LF line endings and keeps unknown attributes", "[rtc][sdp]")
{
    const auto s = parseOk("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\na=x-custom:42\nm=video 9 RTP/AVPF 100\n"
                           "a=fmtp:100 x=1\na=rtcp-fb:* nack\na=rtpmap:100 VP8/90000\na=framerate:30\n"
                           "a=extmap:4/sendonly urn:ietf:params:rtp-hdrext:ssrc-audio-level vad=on\n"
                           "a=rid:q send max-width=320;max-height=180\na=simulcast:send q;~h,m recv x\n"
                           "b=AS:500\n\n");
    CHECK(s.otherAttributes == std::vector<SdpAttribute>{{"x-custom", "42"}});
    const SdpMedia& m = s.media[0];
    CHECK(m.codec(100)->name == "VP8"); // fmtp before rtpmap is fine
    CHECK(m.codec(100)->fmtp == "x=1");
    CHECK(m.wildcardFeedback == std::vector<std::string>{"nack"});
    CHECK(m.otherAttributes == std::vector<SdpAttribute>{{"framerate", "30"}});
    CHECK(m.extmaps[0] == SdpExtmap{4, "sendonly", "urn:ietf:params:rtp-hdrext:ssrc-audio-level", "vad=on"});
    CHECK(m.rids[0].restrictions == "max-width=320;max-height=180");
    REQUIRE(m.simulcast);
    CHECK(m.simulcast->send.size() == 2);
    CHECK(m.simulcast->send[1].alternatives.size() == 2);
    CHECK(m.simulcast->send[1].alternatives[0] == SdpSimulcastStream::Alternative{"h", true});
    CHECK(m.simulcast->recv.size() == 1);
    requireRoundTrip(s);
}

TEST_CASE("malformed SDP gives an error naming the line", "[rtc][sdp]")
{
    const std::string head = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "empty"},
        {"o=- 1 1 IN IP4 0.0.0.0\r\n", "line 1"},
        {"v=1\r\n", "must start with v=0"},
        {"v=0\r\ns=-\r\n", "no o= line"},
        {"v=0\r\no=- 1 IN IP4 0.0.0.0\r\n", "o= needs 6 fields"},
        {head + "garbage\r\n", "line 5 (garbage)"},
        {head + "m=audio\r\n", "m= needs media, port and protocol"},
        {head + "m=audio 70000 RTP/AVP 0\r\n", "not a number from 0 to 65535"},
        {head + "m=audio 9 RTP/AVP 0\r\na=rtpmap:111 opus\r\n", "clock rate"},
        {head + "m=audio 9 RTP/AVP 0\r\na=rtpmap:300 opus/48000\r\n", "payload type 0-127"},
        {head + "m=audio 9 RTP/AVP 0\r\na=rtpmap:111 opus/48000/0\r\n", "channel count"},
        {head + "m=audio 9 RTP/AVP 0\r\na=fmtp:111\r\n", "a=fmtp"},
        {head + "m=audio 9 RTP/AVP 0\r\na=extmap:0 urn:x\r\n", "1-255"},
        {head + "m=audio 9 RTP/AVP 0\r\na=ssrc:abc cname:x\r\n", "a=ssrc"},
        {head + "m=audio 9 RTP/AVP 0\r\na=ssrc-group:FID 1 x\r\n", "not an SSRC"},
        {head + "m=audio 9 RTP/AVP 0\r\na=rid:h sideways\r\n", "a=rid"},
        {head + "m=audio 9 RTP/AVP 0\r\na=simulcast:send\r\n", "a=simulcast"},
        {head + "m=audio 9 RTP/AVP 0\r\na=simulcast:both h\r\n", "send or recv"},
        {head + "m=audio 9 RTP/AVP 0\r\na=setup:maybe\r\n", "a=setup"},
        {head + "a=fingerprint:sha-256\r\n", "fingerprint"},
        {head + "m=audio 9 RTP/AVP 0\r\na=candidate:1 1 udp x 1.2.3.4 5 typ host\r\n", "a=candidate"},
        {head + "a=group:\r\n", "semantics"},
        {head + "a=:x\r\n", "attribute without a name"},
        {head + "v=0\r\n", "only once"},
    };
    for (const auto& [text, expected] : cases) {
        INFO(text);
        auto parsed = SessionDescription::parse(text);
        REQUIRE_FALSE(parsed.ok());
        CHECK_THAT(parsed.error().message(), Catch::Matchers::Contains(expected));
    }
}

TEST_CASE("SDP parser survives truncated and corrupted fixtures", "[rtc][sdp]")
{
    std::mt19937 rng(99);
    for (const char* name : {"janus-answer-to-publisher.sdp", "janus-offer-to-subscriber.sdp"}) {
        const std::string original = fixture(name);
        for (int i = 0; i < 2000; ++i) {
            std::string text = original;
            switch (i % 3) {
            case 0: text.resize(rng() % text.size()); break;
            case 1: text[rng() % text.size()] = static_cast<char>(rng() % 256); break;
            default: text.erase(rng() % text.size(), rng() % 40); break;
            }
            auto parsed = SessionDescription::parse(text);
            if (parsed.ok()) {
                // Whatever parsed must write back to text that parses to the same model.
                auto again = SessionDescription::parse(parsed->toString());
                REQUIRE(again.ok());
                REQUIRE(*again == *parsed);
            } else {
                REQUIRE_FALSE(parsed.error().message().empty());
            }
        }
    }
}
