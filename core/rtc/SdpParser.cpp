// SessionDescription::parse: SDP text → model. Every check produces an error
// that quotes the line, because the usual reader is someone comparing our
// log with the hub's.
#include "rtc/SdpText.h"
#include "rtc/SessionDescription.h"

#include <string>

namespace spoke::rtc {

namespace {

using sdp::splitWhitespace;
using sdp::toInt;

constexpr std::size_t kMaxLines = 10'000;
constexpr std::size_t kMaxMedia = 256;

std::optional<SdpDirection> directionFrom(std::string_view name)
{
    if (name == "sendrecv")
        return SdpDirection::SendRecv;
    if (name == "sendonly")
        return SdpDirection::SendOnly;
    if (name == "recvonly")
        return SdpDirection::RecvOnly;
    if (name == "inactive")
        return SdpDirection::Inactive;
    return std::nullopt;
}

std::optional<SdpSetup> setupFrom(std::string_view value)
{
    if (value == "actpass")
        return SdpSetup::ActPass;
    if (value == "active")
        return SdpSetup::Active;
    if (value == "passive")
        return SdpSetup::Passive;
    if (value == "holdconn")
        return SdpSetup::HoldConn;
    return std::nullopt;
}

class Parser {
public:
    Expected<SessionDescription> run(std::string_view text);

private:
    RtcError fail(const std::string& why) const
    {
        std::string shown(line_.substr(0, 120));
        return RtcError("SDP line " + std::to_string(lineNumber_) + " (" + shown + "): " + why);
    }
    std::optional<RtcError> sessionAttribute(std::string_view name, std::optional<std::string_view> value);
    std::optional<RtcError> mediaAttribute(SdpMedia& m, std::string_view name, std::optional<std::string_view> value);
    // The attributes of a media section with structure of their own.
    std::optional<RtcError> rtpmap(SdpMedia& m, std::string_view v);
    std::optional<RtcError> codecParameters(SdpMedia& m, std::string_view v, std::string_view name);
    std::optional<RtcError> extmap(SdpMedia& m, std::string_view v);
    std::optional<RtcError> ssrc(SdpMedia& m, std::string_view v);
    std::optional<RtcError> ssrcGroup(SdpMedia& m, std::string_view v);
    std::optional<RtcError> rid(SdpMedia& m, std::string_view v);
    std::optional<RtcError> simulcast(SdpMedia& m, std::string_view v);
    std::optional<RtcError> mediaLine(std::string_view value);
    std::optional<RtcError> originLine(std::string_view value);
    SdpCodec& codecFor(SdpMedia& m, int pt);
    std::optional<RtcError> fingerprint(std::string_view value, std::optional<SdpFingerprint>& out);

    SessionDescription s_;
    std::string_view line_;
    std::size_t lineNumber_ = 0;
};

SdpCodec& Parser::codecFor(SdpMedia& m, int pt)
{
    for (auto& c : m.codecs)
        if (c.payloadType == pt)
            return c;
    m.codecs.push_back(SdpCodec{pt, {}, 0, std::nullopt, std::nullopt, {}});
    return m.codecs.back();
}

std::optional<RtcError> Parser::fingerprint(std::string_view value, std::optional<SdpFingerprint>& out)
{
    const auto parts = splitWhitespace(value);
    if (parts.size() != 2)
        return fail("a fingerprint is '<hash> <hex:hex:...>'");
    out = SdpFingerprint{std::string(parts[0]), std::string(parts[1])};
    return std::nullopt;
}

std::optional<RtcError> Parser::originLine(std::string_view value)
{
    const auto parts = splitWhitespace(value);
    if (parts.size() != 6)
        return fail("o= needs 6 fields (username, session id, version, net type, address type, address), found "
                    + std::to_string(parts.size()));
    s_.origin = SdpOrigin{std::string(parts[0]), std::string(parts[1]), std::string(parts[2]),
                          std::string(parts[3]), std::string(parts[4]), std::string(parts[5])};
    return std::nullopt;
}

std::optional<RtcError> Parser::mediaLine(std::string_view value)
{
    if (s_.media.size() >= kMaxMedia)
        return fail("more than " + std::to_string(kMaxMedia) + " media sections");
    const auto parts = splitWhitespace(value);
    if (parts.size() < 3)
        return fail("m= needs media, port and protocol");
    SdpMedia m;
    m.kind = std::string(parts[0]);
    const auto portText = parts[1].substr(0, parts[1].find('/')); // "port/count" is legal, count ignored
    const auto port = toInt(portText, 0, 65535);
    if (!port)
        return fail("port '" + std::string(parts[1]) + "' is not a number from 0 to 65535");
    m.port = static_cast<int>(*port);
    m.protocol = std::string(parts[2]);
    for (std::size_t i = 3; i < parts.size(); ++i)
        m.formats.emplace_back(parts[i]);
    s_.media.push_back(std::move(m));
    return std::nullopt;
}

std::optional<RtcError> Parser::sessionAttribute(std::string_view name, std::optional<std::string_view> value)
{
    const std::string_view v = value.value_or("");
    if (name == "group") {
        const auto parts = splitWhitespace(v);
        if (parts.empty())
            return fail("a=group needs a semantics token");
        SdpGroup g{std::string(parts[0]), {}};
        for (std::size_t i = 1; i < parts.size(); ++i)
            g.mids.emplace_back(parts[i]);
        s_.groups.push_back(std::move(g));
    } else if (name == "msid-semantic") {
        s_.msidSemantic = std::string(v);
    } else if (name == "ice-options") {
        for (const auto o : splitWhitespace(v))
            s_.iceOptions.emplace_back(o);
    } else if (name == "ice-lite" && !value) {
        s_.iceLite = true;
    } else if (name == "extmap-allow-mixed" && !value) {
        s_.extmapAllowMixed = true;
    } else if (name == "ice-ufrag" && value) {
        s_.iceUfrag = std::string(v);
    } else if (name == "ice-pwd" && value) {
        s_.icePwd = std::string(v);
    } else if (name == "fingerprint") {
        return fingerprint(v, s_.fingerprint);
    } else if (name == "setup") {
        s_.setup = setupFrom(v);
        if (!s_.setup)
            return fail("a=setup must be actpass, active, passive or holdconn");
    } else {
        s_.otherAttributes.push_back({std::string(name), value ? std::optional<std::string>(v) : std::nullopt});
    }
    return std::nullopt;
}

std::optional<RtcError> Parser::rtpmap(SdpMedia& m, std::string_view v)
{
    const auto parts = splitWhitespace(v);
    const auto pt = parts.size() == 2 ? toInt(parts[0], 0, 127) : std::nullopt;
    if (!pt)
        return fail("a=rtpmap is '<payload type 0-127> <name>/<clock rate>[/<channels>]'");
    const auto encoding = sdp::split(parts[1], '/');
    const auto rate = encoding.size() >= 2 ? toInt(encoding[1], 1, 10'000'000) : std::nullopt;
    if (encoding[0].empty() || !rate || encoding.size() > 3)
        return fail("a=rtpmap encoding must be '<name>/<clock rate>[/<channels>]'");
    SdpCodec& c = codecFor(m, static_cast<int>(*pt));
    c.name = std::string(encoding[0]);
    c.clockRateHz = static_cast<int>(*rate);
    if (encoding.size() == 3) {
        const auto channels = toInt(encoding[2], 1, 255);
        if (!channels)
            return fail("a=rtpmap channel count must be 1-255");
        c.channels = static_cast<int>(*channels);
    }
    return std::nullopt;
}

std::optional<RtcError> Parser::codecParameters(SdpMedia& m, std::string_view v, std::string_view name)
{
    const auto space = v.find(' ');
    const auto ptText = v.substr(0, space);
    const auto rest = space == std::string_view::npos ? std::string_view{} : sdp::trim(v.substr(space + 1));
    if (name == "rtcp-fb" && ptText == "*") {
        m.wildcardFeedback.emplace_back(rest);
        return std::nullopt;
    }
    const auto pt = toInt(ptText, 0, 127);
    if (!pt || rest.empty())
        return fail("a=" + std::string(name) + " is '<payload type 0-127> <parameters>'");
    SdpCodec& c = codecFor(m, static_cast<int>(*pt));
    if (name == "fmtp")
        c.fmtp = std::string(rest);
    else
        c.feedback.emplace_back(rest);
    return std::nullopt;
}

std::optional<RtcError> Parser::extmap(SdpMedia& m, std::string_view v)
{
    const auto parts = splitWhitespace(v);
    if (parts.size() < 2)
        return fail("a=extmap is '<id>[/<direction>] <uri> [<attributes>]'");
    const auto idAndDirection = sdp::split(parts[0], '/');
    const auto id = toInt(idAndDirection[0], 1, 255);
    if (!id || idAndDirection.size() > 2)
        return fail("a=extmap id must be 1-255 (RFC 8285)");
    SdpExtmap e;
    e.id = static_cast<int>(*id);
    if (idAndDirection.size() == 2)
        e.direction = std::string(idAndDirection[1]);
    e.uri = std::string(parts[1]);
    const auto uriEnd = v.find(parts[1], parts[0].size()) + parts[1].size();
    if (parts.size() > 2)
        e.attributes = std::string(sdp::trim(v.substr(uriEnd)));
    m.extmaps.push_back(std::move(e));
    return std::nullopt;
}

std::optional<RtcError> Parser::ssrc(SdpMedia& m, std::string_view v)
{
    const auto space = v.find(' ');
    const auto ssrc = toInt(v.substr(0, space), 0, 0xFFFFFFFF);
    if (!ssrc || space == std::string_view::npos)
        return fail("a=ssrc is '<ssrc 0-4294967295> <attribute>[:<value>]'");
    const auto attribute = sdp::trim(v.substr(space + 1));
    const auto colon = attribute.find(':');
    SdpSsrcAttribute a;
    a.ssrc = static_cast<std::uint32_t>(*ssrc);
    a.name = std::string(attribute.substr(0, colon));
    if (colon != std::string_view::npos)
        a.value = std::string(attribute.substr(colon + 1));
    m.ssrcs.push_back(std::move(a));
    return std::nullopt;
}

std::optional<RtcError> Parser::ssrcGroup(SdpMedia& m, std::string_view v)
{
    const auto parts = splitWhitespace(v);
    if (parts.size() < 2)
        return fail("a=ssrc-group needs semantics and at least one SSRC");
    SdpSsrcGroup g{std::string(parts[0]), {}};
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const auto ssrc = toInt(parts[i], 0, 0xFFFFFFFF);
        if (!ssrc)
            return fail("'" + std::string(parts[i]) + "' is not an SSRC");
        g.ssrcs.push_back(static_cast<std::uint32_t>(*ssrc));
    }
    m.ssrcGroups.push_back(std::move(g));
    return std::nullopt;
}

std::optional<RtcError> Parser::rid(SdpMedia& m, std::string_view v)
{
    const auto parts = splitWhitespace(v);
    if (parts.size() < 2 || (parts[1] != "send" && parts[1] != "recv"))
        return fail("a=rid is '<id> send|recv [<restrictions>]'");
    SdpRid r{std::string(parts[0]), std::string(parts[1]), std::nullopt};
    if (parts.size() > 2)
        r.restrictions = std::string(sdp::trim(v.substr(v.find(parts[1], parts[0].size()) + parts[1].size())));
    m.rids.push_back(std::move(r));
    return std::nullopt;
}

std::optional<RtcError> Parser::simulcast(SdpMedia& m, std::string_view v)
{
    const auto parts = splitWhitespace(v);
    if (parts.empty() || parts.size() % 2 != 0)
        return fail("a=simulcast is 'send|recv <streams> [send|recv <streams>]'");
    SdpSimulcast sim;
    for (std::size_t i = 0; i < parts.size(); i += 2) {
        if (parts[i] != "send" && parts[i] != "recv")
            return fail("a=simulcast direction must be send or recv, not '" + std::string(parts[i]) + "'");
        auto& target = parts[i] == "send" ? sim.send : sim.recv;
        for (const auto stream : sdp::split(parts[i + 1], ';')) {
            SdpSimulcastStream st;
            for (auto alternative : sdp::split(stream, ',')) {
                const bool paused = !alternative.empty() && alternative.front() == '~';
                if (paused)
                    alternative.remove_prefix(1);
                if (alternative.empty())
                    return fail("a=simulcast has an empty rid");
                st.alternatives.push_back({std::string(alternative), paused});
            }
            target.push_back(std::move(st));
        }
    }
    m.simulcast = std::move(sim);
    return std::nullopt;
}

std::optional<RtcError> Parser::mediaAttribute(SdpMedia& m, std::string_view name,
                                               std::optional<std::string_view> value)
{
    const std::string_view v = value.value_or("");
    if (auto direction = directionFrom(name); direction && !value) {
        m.direction = direction;
    } else if (name == "mid" && value) {
        m.mid = std::string(v);
    } else if (name == "rtpmap") {
        return rtpmap(m, v);
    } else if (name == "fmtp" || name == "rtcp-fb") {
        return codecParameters(m, v, name);
    } else if (name == "extmap") {
        return extmap(m, v);
    } else if (name == "ssrc") {
        return ssrc(m, v);
    } else if (name == "ssrc-group") {
        return ssrcGroup(m, v);
    } else if (name == "rid") {
        return rid(m, v);
    } else if (name == "simulcast") {
        return simulcast(m, v);
    } else if (name == "ice-ufrag" && value) {
        m.iceUfrag = std::string(v);
    } else if (name == "ice-pwd" && value) {
        m.icePwd = std::string(v);
    } else if (name == "ice-options") {
        for (const auto o : splitWhitespace(v))
            m.iceOptions.emplace_back(o);
    } else if (name == "fingerprint") {
        return fingerprint(v, m.fingerprint);
    } else if (name == "setup") {
        m.setup = setupFrom(v);
        if (!m.setup)
            return fail("a=setup must be actpass, active, passive or holdconn");
    } else if (name == "candidate") {
        auto candidate = SdpCandidate::parse(v);
        if (!candidate)
            return fail(candidate.error().message());
        m.candidates.push_back(std::move(*candidate));
    } else if (name == "end-of-candidates" && !value) {
        m.endOfCandidates = true;
    } else if (name == "rtcp-mux" && !value) {
        m.rtcpMux = true;
    } else if (name == "rtcp-rsize" && !value) {
        m.rtcpRsize = true;
    } else {
        m.otherAttributes.push_back({std::string(name), value ? std::optional<std::string>(v) : std::nullopt});
    }
    return std::nullopt;
}

Expected<SessionDescription> Parser::run(std::string_view text)
{
    bool sawVersion = false;
    bool sawOrigin = false;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        line_ = text.substr(start, end - start);
        start = end + 1;
        ++lineNumber_;
        if (!line_.empty() && line_.back() == '\r')
            line_.remove_suffix(1);
        if (line_.empty())
            continue; // tolerated: some stacks end with a blank line
        if (lineNumber_ > kMaxLines)
            return fail("more than " + std::to_string(kMaxLines) + " lines");
        if (line_.size() < 2 || line_[1] != '=')
            return fail("every SDP line is '<letter>=<value>'");
        const char type = line_[0];
        const std::string_view value = line_.substr(2);
        if (!sawVersion) {
            if (type != 'v' || value != "0")
                return fail("an SDP must start with v=0");
            sawVersion = true;
            continue;
        }
        std::optional<RtcError> error;
        switch (type) {
        case 'v': error = fail("v= may appear only once"); break;
        case 'o':
            error = originLine(value);
            sawOrigin = true;
            break;
        case 's': s_.sessionName = std::string(value); break;
        case 't': s_.timing = std::string(value); break;
        case 'c':
            if (s_.media.empty())
                s_.connection = std::string(value);
            else
                s_.media.back().connection = std::string(value);
            break;
        case 'm': error = mediaLine(value); break;
        case 'a': {
            const auto colon = value.find(':');
            const auto name = value.substr(0, colon);
            if (name.empty())
                return fail("attribute without a name");
            const auto attrValue = colon == std::string_view::npos
                                       ? std::nullopt
                                       : std::optional<std::string_view>(value.substr(colon + 1));
            error =
                s_.media.empty() ? sessionAttribute(name, attrValue) : mediaAttribute(s_.media.back(), name, attrValue);
            break;
        }
        default:
            // i=, u=, e=, p=, b=, r=, z=, k=: legal, unused by WebRTC; not kept.
            if (type < 'a' || type > 'z')
                error = fail("unknown line type '" + std::string(1, type) + "'");
            break;
        }
        if (error)
            return *error;
    }
    if (!sawVersion)
        return RtcError("SDP is empty: no v=0 line");
    if (!sawOrigin)
        return RtcError("SDP has no o= line");
    return std::move(s_);
}

} // namespace

Expected<SdpCandidate> SdpCandidate::parse(std::string_view value)
{
    const auto parts = splitWhitespace(value);
    const auto component = parts.size() >= 8 ? toInt(parts[1], 1, 256) : std::nullopt;
    const auto priority = parts.size() >= 8 ? toInt(parts[3], 0, 0xFFFFFFFF) : std::nullopt;
    const auto port = parts.size() >= 8 ? toInt(parts[5], 0, 65535) : std::nullopt;
    if (!component || !priority || !port || parts[6] != "typ")
        return RtcError(
            "a=candidate is '<foundation> <component> <transport> <priority> <address> <port> typ <type> ...'");
    return SdpCandidate{std::string(parts[0]), static_cast<int>(*component),
                        std::string(parts[2]), static_cast<std::uint32_t>(*priority),
                        std::string(parts[4]), static_cast<int>(*port),
                        std::string(parts[7]), std::string(value)};
}

Expected<SessionDescription> SessionDescription::parse(std::string_view text)
{
    return Parser().run(text);
}

} // namespace spoke::rtc
