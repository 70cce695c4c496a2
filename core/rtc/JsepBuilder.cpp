#include "rtc/JsepBuilder.h"

#include "rtc/RtpExtensionMap.h"
#include "rtc/SdpText.h"

#include <algorithm>

namespace spoke::rtc::jsep {

namespace {

constexpr const char* kVideoFeedback[] = {"goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"};
constexpr const char* kAudioFeedback[] = {"transport-cc"};

void applyTransport(SdpMedia& m, const LocalTransportParameters& t, SdpSetup setup, bool withCandidates)
{
    m.iceUfrag = t.iceUfrag;
    m.icePwd = t.icePwd;
    m.iceOptions = {"trickle"};
    m.fingerprint = t.fingerprint;
    m.setup = setup;
    m.connection = "IN IP4 0.0.0.0";
    m.rtcpMux = true;
    if (withCandidates) {
        m.candidates = t.candidates;
        m.endOfCandidates = t.endOfCandidates;
    }
}

SdpExtmap extmap(int id, RtpExtensionKind kind)
{
    return SdpExtmap{id, std::nullopt, std::string(extensionUri(kind)), std::nullopt};
}

SessionDescription baseSession(const std::string& sessionId)
{
    SessionDescription s;
    s.origin = SdpOrigin{"-", sessionId, "2", "IN", "IP4", "127.0.0.1"};
    s.sessionName = "-";
    s.timing = "0 0";
    return s;
}

} // namespace

SessionDescription buildPublisherOffer(const PublisherOfferOptions& o)
{
    SessionDescription s = baseSession(o.sessionId);
    s.msidSemantic = " WMS " + o.streamId;
    s.groups.push_back(SdpGroup{"BUNDLE", {"0", "1"}});

    SdpMedia audio;
    audio.kind = "audio";
    audio.formats = {std::to_string(kOpusPayloadType)};
    applyTransport(audio, o.transport, SdpSetup::ActPass, true);
    audio.mid = "0";
    audio.extmaps = {extmap(kMidExtensionId, RtpExtensionKind::Mid),
                     extmap(kTransportCcExtensionId, RtpExtensionKind::TransportSequenceNumber),
                     extmap(kAudioLevelExtensionId, RtpExtensionKind::AudioLevel)};
    audio.direction = SdpDirection::SendOnly;
    audio.rtcpRsize = true;
    audio.codecs.push_back(
        SdpCodec{kOpusPayloadType, "opus", 48000, 2, "minptime=10;useinbandfec=1", {"transport-cc"}});
    audio.otherAttributes.push_back({"msid", o.streamId + " " + o.streamId + "-audio"});
    audio.ssrcs = {{o.audioSsrc, "cname", o.cname}, {o.audioSsrc, "msid", o.streamId + " " + o.streamId + "-audio"}};
    s.media.push_back(std::move(audio));

    SdpMedia video;
    video.kind = "video";
    video.formats = {std::to_string(kVp8PayloadType), std::to_string(kVp8RtxPayloadType)};
    applyTransport(video, o.transport, SdpSetup::ActPass, false);
    video.mid = "1";
    video.extmaps = {extmap(kMidExtensionId, RtpExtensionKind::Mid),
                     extmap(kTransportCcExtensionId, RtpExtensionKind::TransportSequenceNumber),
                     extmap(kAbsSendTimeExtensionId, RtpExtensionKind::AbsSendTime)};
    video.direction = SdpDirection::SendOnly;
    video.rtcpRsize = true;
    SdpCodec vp8{kVp8PayloadType, "VP8", 90000, std::nullopt, std::nullopt, {}};
    for (const char* fb : kVideoFeedback)
        vp8.feedback.emplace_back(fb);
    video.codecs.push_back(std::move(vp8));
    video.codecs.push_back(
        SdpCodec{kVp8RtxPayloadType, "rtx", 90000, std::nullopt, "apt=" + std::to_string(kVp8PayloadType), {}});
    video.otherAttributes.push_back({"msid", o.streamId + " " + o.streamId + "-video"});
    if (o.simulcastRids.empty() && o.videoSimulcastSsrcs.size() >= 2) {
        video.ssrcGroups.push_back(SdpSsrcGroup{"SIM", o.videoSimulcastSsrcs});
        for (std::size_t i = 0; i < o.videoSimulcastSsrcs.size(); ++i) {
            const std::uint32_t media = o.videoSimulcastSsrcs[i];
            const std::uint32_t rtx = i < o.videoSimulcastRtxSsrcs.size() ? o.videoSimulcastRtxSsrcs[i] : 0;
            if (rtx != 0)
                video.ssrcGroups.push_back(SdpSsrcGroup{"FID", {media, rtx}});
            for (const std::uint32_t ssrc : {media, rtx}) {
                if (ssrc == 0)
                    continue;
                video.ssrcs.push_back({ssrc, "cname", o.cname});
                video.ssrcs.push_back({ssrc, "msid", o.streamId + " " + o.streamId + "-video"});
            }
        }
    } else if (o.simulcastRids.empty()) {
        video.ssrcGroups.push_back(SdpSsrcGroup{"FID", {o.videoSsrc, o.videoRtxSsrc}});
        for (const std::uint32_t ssrc : {o.videoSsrc, o.videoRtxSsrc}) {
            video.ssrcs.push_back({ssrc, "cname", o.cname});
            video.ssrcs.push_back({ssrc, "msid", o.streamId + " " + o.streamId + "-video"});
        }
    } else {
        video.extmaps.push_back(extmap(kRidExtensionId, RtpExtensionKind::RtpStreamId));
        video.extmaps.push_back(extmap(kRepairedRidExtensionId, RtpExtensionKind::RepairedRtpStreamId));
        video.simulcast = SdpSimulcast{};
        for (const auto& rid : o.simulcastRids) {
            video.rids.push_back(SdpRid{rid, "send", std::nullopt});
            video.simulcast->send.push_back(SdpSimulcastStream{{{rid, false}}});
        }
    }
    s.media.push_back(std::move(video));
    return s;
}

Expected<SessionDescription> buildSubscriberAnswer(const SessionDescription& offer, const SubscriberAnswerOptions& o)
{
    if (offer.media.empty())
        return RtcError("the offer has no media sections to answer");
    SessionDescription s = baseSession(o.sessionId);
    SdpGroup bundle{"BUNDLE", {}};
    const SdpGroup* offeredBundle = offer.bundleGroup();

    for (std::size_t index = 0; index < offer.media.size(); ++index) {
        const SdpMedia& om = offer.media[index];
        if (!om.mid)
            return RtcError("offered media section " + std::to_string(index) + " (" + om.kind
                            + ") has no a=mid; Janus always sends one");
        SdpMedia am;
        am.kind = om.kind;
        am.protocol = om.protocol;
        am.mid = om.mid;

        const bool audio = om.kind == "audio";
        const bool video = om.kind == "video";
        const SdpCodec* chosen = nullptr;
        if (!om.rejected() && (audio || video)) {
            for (const auto& c : om.codecs)
                if (sdp::equalsIgnoreCase(c.name, audio ? "opus" : "VP8") && c.clockRateHz == (audio ? 48000 : 90000)) {
                    chosen = &c;
                    break;
                }
        }
        if (!chosen) {
            // RFC 8829 5.3.1: a rejected section keeps its kind and a format, with port 0.
            am.port = 0;
            am.formats = om.formats.empty() ? std::vector<std::string>{"0"} : om.formats;
            am.direction = SdpDirection::Inactive;
            s.media.push_back(std::move(am));
            continue;
        }
        if (!offer.iceUfragFor(om) || !offer.icePwdFor(om))
            return RtcError("offered " + om.kind + " section (mid " + *om.mid + ") has no ICE ufrag/pwd");
        if (!offer.fingerprintFor(om))
            return RtcError("offered " + om.kind + " section (mid " + *om.mid + ") has no DTLS fingerprint");

        const auto offerSetup = offer.setupFor(om).value_or(SdpSetup::ActPass);
        applyTransport(am, o.transport, offerSetup == SdpSetup::Active ? SdpSetup::Passive : SdpSetup::Active,
                       bundle.mids.empty());
        const auto offerDirection = om.direction.value_or(SdpDirection::SendRecv);
        am.direction = offerDirection == SdpDirection::SendOnly || offerDirection == SdpDirection::SendRecv
                           ? SdpDirection::RecvOnly
                           : SdpDirection::Inactive;

        SdpCodec codec = *chosen;
        codec.feedback.clear();
        for (const auto& fb : chosen->feedback) {
            const auto& supported =
                audio ? std::vector<std::string>(std::begin(kAudioFeedback), std::end(kAudioFeedback))
                      : std::vector<std::string>(std::begin(kVideoFeedback), std::end(kVideoFeedback));
            if (std::find(supported.begin(), supported.end(), fb) != supported.end())
                codec.feedback.push_back(fb);
        }
        if (audio)
            codec.fmtp = "minptime=10;useinbandfec=1";
        am.formats.push_back(std::to_string(codec.payloadType));
        am.codecs.push_back(std::move(codec));
        if (video && o.acceptRtx) {
            if (const SdpCodec* rtx = om.rtxFor(chosen->payloadType)) {
                am.formats.push_back(std::to_string(rtx->payloadType));
                am.codecs.push_back(*rtx);
            }
        }
        for (const auto& e : om.extmaps) {
            const auto kind = extensionKindFromUri(e.uri);
            if (kind && *kind != RtpExtensionKind::RtpStreamId && *kind != RtpExtensionKind::RepairedRtpStreamId)
                am.extmaps.push_back(SdpExtmap{e.id, std::nullopt, e.uri, std::nullopt});
        }
        const bool inOfferedBundle =
            offeredBundle
            && std::find(offeredBundle->mids.begin(), offeredBundle->mids.end(), *om.mid) != offeredBundle->mids.end();
        if (inOfferedBundle || !offeredBundle)
            bundle.mids.push_back(*om.mid);
        s.media.push_back(std::move(am));
    }
    if (bundle.mids.empty())
        return RtcError("the offer has no Opus or VP8 section Spoke can receive");
    s.groups.push_back(std::move(bundle));
    return s;
}

} // namespace spoke::rtc::jsep
