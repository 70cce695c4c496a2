// SessionDescription::toString: model → SDP text, in the attribute order
// browsers and Janus use, so a diff against a captured SDP stays readable.
#include "rtc/SessionDescription.h"

#include <string>

namespace spoke::rtc {

namespace {

class Writer {
public:
    void line(char type, std::string_view value)
    {
        out_ += type;
        out_ += '=';
        out_ += value;
        out_ += "\r\n";
    }
    void attribute(std::string_view name, std::optional<std::string_view> value = std::nullopt)
    {
        out_ += "a=";
        out_ += name;
        if (value) {
            out_ += ':';
            out_ += *value;
        }
        out_ += "\r\n";
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

std::string joined(const std::vector<std::string>& items, char separator)
{
    std::string out;
    for (const auto& item : items) {
        if (!out.empty())
            out += separator;
        out += item;
    }
    return out;
}

std::string simulcastStreams(const std::vector<SdpSimulcastStream>& streams)
{
    std::string out;
    for (std::size_t i = 0; i < streams.size(); ++i) {
        if (i > 0)
            out += ';';
        for (std::size_t k = 0; k < streams[i].alternatives.size(); ++k) {
            if (k > 0)
                out += ',';
            if (streams[i].alternatives[k].paused)
                out += '~';
            out += streams[i].alternatives[k].rid;
        }
    }
    return out;
}

void writeOthers(Writer& w, const std::vector<SdpAttribute>& attributes)
{
    for (const auto& a : attributes)
        w.attribute(a.name, a.value ? std::optional<std::string_view>(*a.value) : std::nullopt);
}

void writeIceDtls(Writer& w, const std::optional<std::string>& ufrag, const std::optional<std::string>& pwd,
                  const std::vector<std::string>& iceOptions, const std::optional<SdpFingerprint>& fingerprint,
                  const std::optional<SdpSetup>& setup)
{
    if (ufrag)
        w.attribute("ice-ufrag", *ufrag);
    if (pwd)
        w.attribute("ice-pwd", *pwd);
    if (!iceOptions.empty())
        w.attribute("ice-options", joined(iceOptions, ' '));
    if (fingerprint)
        w.attribute("fingerprint", fingerprint->algorithm + " " + fingerprint->value);
    if (setup)
        w.attribute("setup", toString(*setup));
}

void writeMedia(Writer& w, const SdpMedia& m)
{
    std::string mline = m.kind + " " + std::to_string(m.port) + " " + m.protocol;
    for (const auto& f : m.formats)
        mline += " " + f;
    w.line('m', mline);
    if (m.connection)
        w.line('c', *m.connection);
    writeIceDtls(w, m.iceUfrag, m.icePwd, m.iceOptions, m.fingerprint, m.setup);
    if (m.mid)
        w.attribute("mid", *m.mid);
    for (const auto& e : m.extmaps) {
        std::string v = std::to_string(e.id);
        if (e.direction)
            v += "/" + *e.direction;
        v += " " + e.uri;
        if (e.attributes)
            v += " " + *e.attributes;
        w.attribute("extmap", v);
    }
    if (m.direction)
        w.attribute(toString(*m.direction));
    if (m.rtcpMux)
        w.attribute("rtcp-mux");
    if (m.rtcpRsize)
        w.attribute("rtcp-rsize");
    for (const auto& fb : m.wildcardFeedback)
        w.attribute("rtcp-fb", "* " + fb);
    for (const auto& c : m.codecs) {
        const std::string pt = std::to_string(c.payloadType);
        if (!c.name.empty()) {
            std::string v = pt + " " + c.name + "/" + std::to_string(c.clockRateHz);
            if (c.channels)
                v += "/" + std::to_string(*c.channels);
            w.attribute("rtpmap", v);
        }
        for (const auto& fb : c.feedback)
            w.attribute("rtcp-fb", pt + " " + fb);
        if (c.fmtp)
            w.attribute("fmtp", pt + " " + *c.fmtp);
    }
    for (const auto& r : m.rids)
        w.attribute("rid", r.id + " " + r.direction + (r.restrictions ? " " + *r.restrictions : std::string()));
    if (m.simulcast) {
        std::string v;
        if (!m.simulcast->send.empty())
            v += "send " + simulcastStreams(m.simulcast->send);
        if (!m.simulcast->recv.empty())
            v += std::string(v.empty() ? "" : " ") + "recv " + simulcastStreams(m.simulcast->recv);
        w.attribute("simulcast", v);
    }
    for (const auto& g : m.ssrcGroups) {
        std::string v = g.semantics;
        for (const auto s : g.ssrcs)
            v += " " + std::to_string(s);
        w.attribute("ssrc-group", v);
    }
    for (const auto& s : m.ssrcs)
        w.attribute("ssrc", std::to_string(s.ssrc) + " " + s.name + (s.value ? ":" + *s.value : std::string()));
    writeOthers(w, m.otherAttributes);
    for (const auto& c : m.candidates) {
        if (!c.raw.empty())
            w.attribute("candidate", c.raw);
        else
            w.attribute("candidate", c.foundation + " " + std::to_string(c.component) + " " + c.transport + " "
                                         + std::to_string(c.priority) + " " + c.address + " " + std::to_string(c.port)
                                         + " typ " + c.type);
    }
    if (m.endOfCandidates)
        w.attribute("end-of-candidates");
}

} // namespace

std::string SessionDescription::toString() const
{
    Writer w;
    w.line('v', "0");
    w.line('o', origin.username + " " + origin.sessionId + " " + origin.sessionVersion + " " + origin.netType + " "
                    + origin.addressType + " " + origin.address);
    w.line('s', sessionName);
    w.line('t', timing);
    if (connection)
        w.line('c', *connection);
    for (const auto& g : groups)
        w.attribute("group", g.semantics + (g.mids.empty() ? "" : " " + joined(g.mids, ' ')));
    if (iceLite)
        w.attribute("ice-lite");
    if (extmapAllowMixed)
        w.attribute("extmap-allow-mixed");
    if (msidSemantic)
        w.attribute("msid-semantic", *msidSemantic);
    writeIceDtls(w, iceUfrag, icePwd, iceOptions, fingerprint, setup);
    writeOthers(w, otherAttributes);
    for (const auto& m : media)
        writeMedia(w, m);
    return w.take();
}

} // namespace spoke::rtc
