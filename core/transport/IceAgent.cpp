#include "transport/IceAgent.h"

#include "util/ThreadName.h"

#include <nice/agent.h>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include <future>
#include <string_view>

namespace spoke::transport {

namespace {

constexpr unsigned kComponent = 1; // rtcp-mux + BUNDLE: one component only

struct Task {
    std::function<void()> run;
};

gboolean runTask(gpointer data)
{
    static_cast<Task*>(data)->run();
    return G_SOURCE_REMOVE;
}

void deleteTask(gpointer data)
{
    delete static_cast<Task*>(data);
}

void candidateCallback(NiceAgent* /*agent*/, NiceCandidate* candidate, gpointer self)
{
    static_cast<IceAgent*>(self)->onCandidate(candidate);
}

void gatheringDoneCallback(NiceAgent* /*agent*/, guint /*stream*/, gpointer self)
{
    static_cast<IceAgent*>(self)->onGatheringDone();
}

void stateCallback(NiceAgent* /*agent*/, guint /*stream*/, guint /*component*/, guint state, gpointer self)
{
    static_cast<IceAgent*>(self)->onComponentState(state);
}

void receiveCallback(NiceAgent* /*agent*/, guint /*stream*/, guint /*component*/, guint length, gchar* data,
                     gpointer self)
{
    static_cast<IceAgent*>(self)->onReceive(data, length);
}

void selectedPairCallback(NiceAgent* /*agent*/, guint /*stream*/, guint /*component*/, NiceCandidate* local,
                          NiceCandidate* remote, gpointer self)
{
    static_cast<IceAgent*>(self)->onSelectedPair(local, remote);
}

std::vector<std::string> ipv4AddressesOf(const std::string& interfaceName)
{
    std::vector<std::string> addresses;
    for (const InterfaceAddress& entry : listInterfaceAddresses()) {
        if (!entry.ipv6 && entry.interfaceName == interfaceName)
            addresses.push_back(entry.address);
    }
    return addresses;
}

const char* candidateTypeName(NiceCandidateType type)
{
    switch (type) {
    case NICE_CANDIDATE_TYPE_HOST: return "host";
    case NICE_CANDIDATE_TYPE_SERVER_REFLEXIVE: return "srflx";
    case NICE_CANDIDATE_TYPE_PEER_REFLEXIVE: return "prflx";
    case NICE_CANDIDATE_TYPE_RELAYED: return "relay";
    }
    return "unknown";
}

std::string addressText(const NiceAddress& address)
{
    char text[NICE_ADDRESS_STRING_LEN] = {};
    nice_address_to_string(&address, text);
    const bool ipv6 = nice_address_ip_version(&address) == 6;
    const std::string port = std::to_string(nice_address_get_port(&address));
    return ipv6 ? "[" + std::string(text) + "]:" + port : std::string(text) + ":" + port;
}

NiceRelayType relayType(TurnServer::Transport transport)
{
    switch (transport) {
    case TurnServer::Transport::Udp: return NICE_RELAY_TYPE_TURN_UDP;
    case TurnServer::Transport::Tcp: return NICE_RELAY_TYPE_TURN_TCP;
    case TurnServer::Transport::Tls: return NICE_RELAY_TYPE_TURN_TLS;
    }
    return NICE_RELAY_TYPE_TURN_UDP;
}

// Takes a view: GCC 12 at -O2 warns (maybe-uninitialized, a false
// positive) on the inlined compare of a moved-from std::string here.
std::string withPrefix(std::string_view candidate)
{
    if (candidate.starts_with("a="))
        return std::string(candidate);
    if (candidate.starts_with("candidate:"))
        return "a=" + std::string(candidate);
    return "a=candidate:" + std::string(candidate);
}

} // namespace

std::vector<InterfaceAddress> listInterfaceAddresses()
{
    std::vector<InterfaceAddress> result;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0)
        return result;
    for (ifaddrs* entry = list; entry; entry = entry->ifa_next) {
        if (!entry->ifa_addr || (entry->ifa_addr->sa_family != AF_INET && entry->ifa_addr->sa_family != AF_INET6))
            continue;
        InterfaceAddress address;
        address.interfaceName = entry->ifa_name;
        address.ipv6 = entry->ifa_addr->sa_family == AF_INET6;
        address.up = (entry->ifa_flags & IFF_UP) && (entry->ifa_flags & IFF_RUNNING);
        address.loopback = (entry->ifa_flags & IFF_LOOPBACK) != 0;
        char text[INET6_ADDRSTRLEN] = {};
        if (address.ipv6) {
            const auto* in6 = reinterpret_cast<const sockaddr_in6*>(entry->ifa_addr);
            address.linkLocal = IN6_IS_ADDR_LINKLOCAL(&in6->sin6_addr);
            inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
        } else {
            const auto* in4 = reinterpret_cast<const sockaddr_in*>(entry->ifa_addr);
            address.linkLocal = (ntohl(in4->sin_addr.s_addr) >> 16) == 0xa9fe; // 169.254/16
            inet_ntop(AF_INET, &in4->sin_addr, text, sizeof text);
        }
        address.address = text;
        result.push_back(std::move(address));
    }
    freeifaddrs(list);
    return result;
}

std::vector<std::string> usableIceAddresses(const std::vector<InterfaceAddress>& addresses)
{
    std::vector<std::string> usable;
    for (const InterfaceAddress& entry : addresses) {
        if (entry.up && !entry.loopback && !entry.linkLocal && !entry.address.empty())
            usable.push_back(entry.address);
    }
    return usable;
}

std::string SelectedPair::describe() const
{
    return localType + " " + localAddress + " <-> " + remoteType + " " + remoteAddress;
}

const char* toString(IceState state)
{
    switch (state) {
    case IceState::New: return "new";
    case IceState::Gathering: return "gathering";
    case IceState::Connecting: return "connecting";
    case IceState::Connected: return "connected";
    case IceState::Disconnected: return "disconnected";
    case IceState::Failed: return "failed";
    }
    return "unknown";
}

IceAgent::IceAgent(IceConfig config, Callbacks callbacks) : config_(std::move(config)), callbacks_(std::move(callbacks))
{
}

Expected<std::unique_ptr<IceAgent>> IceAgent::create(IceConfig config, Callbacks callbacks)
{
    std::unique_ptr<IceAgent> agent(new IceAgent(std::move(config), std::move(callbacks)));
    if (auto error = agent->setUp())
        return *error;
    return agent;
}

std::optional<TransportError> IceAgent::setUp()
{
    context_ = g_main_context_new();
    loop_ = g_main_loop_new(context_, FALSE);
    agent_ = nice_agent_new(context_, NICE_COMPATIBILITY_RFC5245);
    if (!agent_)
        return TransportError{TransportErrorKind::Ice, "libnice could not create an agent"};
    g_object_set(G_OBJECT(agent_), "controlling-mode", config_.controlling ? TRUE : FALSE, "ice-tcp", FALSE,
                 "ice-trickle", TRUE, nullptr);
    if (g_object_class_find_property(G_OBJECT_GET_CLASS(agent_), "upnp"))
        g_object_set(G_OBJECT(agent_), "upnp", FALSE, nullptr);

    std::vector<std::string> addresses = config_.localAddresses;
    if (!config_.interfaceName.empty()) {
        const auto found = ipv4AddressesOf(config_.interfaceName);
        if (found.empty())
            return TransportError{TransportErrorKind::Config, "ICE interface \"" + config_.interfaceName
                                                                  + "\" does not exist or has no IPv4 address"};
        addresses.insert(addresses.end(), found.begin(), found.end());
    } else if (addresses.empty()) {
        // Named explicitly rather than left to libnice, so that down
        // interfaces and link-local addresses stay out of the offer.
        addresses = usableIceAddresses(listInterfaceAddresses());
        if (addresses.empty())
            return TransportError{TransportErrorKind::Config,
                                  "no usable network interface for ICE (every one is down or loopback)"};
    }
    for (const auto& text : addresses) {
        NiceAddress address;
        nice_address_init(&address);
        if (!nice_address_set_from_string(&address, text.c_str()))
            return TransportError{TransportErrorKind::Config,
                                  "ICE local address \"" + text + "\" is not an IP address"};
        if (!nice_agent_add_local_address(agent_, &address))
            return TransportError{TransportErrorKind::Ice, "libnice refused local address " + text};
    }
    if (config_.stun) {
        g_object_set(G_OBJECT(agent_), "stun-server", config_.stun->address.c_str(), "stun-server-port",
                     static_cast<guint>(config_.stun->port), nullptr);
    }

    streamId_ = nice_agent_add_stream(agent_, kComponent);
    if (streamId_ == 0)
        return TransportError{TransportErrorKind::Ice, "libnice could not add a stream"};
    if (config_.minPort != 0 || config_.maxPort != 0)
        nice_agent_set_port_range(agent_, streamId_, kComponent, config_.minPort, config_.maxPort);
    for (const TurnServer& turn : config_.turnServers) {
        if (!nice_agent_set_relay_info(agent_, streamId_, kComponent, turn.address.c_str(), turn.port,
                                       turn.username.c_str(), turn.password.c_str(), relayType(turn.transport)))
            return TransportError{TransportErrorKind::Config, "libnice refused TURN server " + turn.address};
    }
    gchar* ufrag = nullptr;
    gchar* pwd = nullptr;
    nice_agent_get_local_credentials(agent_, streamId_, &ufrag, &pwd);
    credentials_ = {ufrag ? ufrag : "", pwd ? pwd : ""};
    g_free(ufrag);
    g_free(pwd);

    g_signal_connect(agent_, "new-candidate-full", G_CALLBACK(candidateCallback), this);
    g_signal_connect(agent_, "candidate-gathering-done", G_CALLBACK(gatheringDoneCallback), this);
    g_signal_connect(agent_, "component-state-changed", G_CALLBACK(stateCallback), this);
    g_signal_connect(agent_, "new-selected-pair-full", G_CALLBACK(selectedPairCallback), this);
    nice_agent_attach_recv(agent_, streamId_, kComponent, context_, receiveCallback, this);

    thread_ = std::thread([this] {
        // libnice's sockets, STUN checks and keepalives: the network thread.
        util::setCurrentThreadName("ice");
        g_main_context_push_thread_default(context_);
        g_main_loop_run(loop_);
        g_main_context_pop_thread_default(context_);
    });
    return std::nullopt;
}

IceAgent::~IceAgent()
{
    if (thread_.joinable()) {
        post([this] { g_main_loop_quit(loop_); });
        thread_.join();
    }
    if (agent_) {
        if (streamId_ != 0) // a set-up that failed early has no stream
            nice_agent_attach_recv(agent_, streamId_, kComponent, context_, nullptr, nullptr);
        g_signal_handlers_disconnect_by_data(agent_, this);
        g_object_unref(agent_);
    }
    if (loop_)
        g_main_loop_unref(loop_);
    // Tasks still queued are freed without running: their owners are gone.
    if (context_)
        g_main_context_unref(context_);
}

void IceAgent::post(std::function<void()> task)
{
    GSource* source = g_idle_source_new();
    g_source_set_priority(source, G_PRIORITY_DEFAULT);
    g_source_set_callback(source, runTask, new Task{std::move(task)}, deleteTask);
    g_source_attach(source, context_);
    g_source_unref(source);
}

IceCredentials IceAgent::localCredentials() const
{
    const std::lock_guard lock(credentialsMutex_);
    return credentials_;
}

void IceAgent::gather()
{
    post([this] {
        if (!nice_agent_gather_candidates(agent_, streamId_) && callbacks_.problem)
            callbacks_.problem(
                {TransportErrorKind::Ice, "libnice could not gather candidates (no usable local address?)"});
    });
}

void IceAgent::setRemoteCredentials(IceCredentials credentials)
{
    post([this, credentials = std::move(credentials)] {
        if (!nice_agent_set_remote_credentials(agent_, streamId_, credentials.ufrag.c_str(), credentials.pwd.c_str())
            && callbacks_.problem)
            callbacks_.problem({TransportErrorKind::Ice,
                                "libnice refused the remote ICE credentials (ufrag \"" + credentials.ufrag + "\")"});
    });
}

void IceAgent::addRemoteCandidate(std::string candidate)
{
    post([this, line = withPrefix(candidate)] {
        NiceCandidate* parsed = nice_agent_parse_remote_candidate_sdp(agent_, streamId_, line.c_str());
        if (!parsed) {
            if (callbacks_.problem)
                callbacks_.problem({TransportErrorKind::Ice, "could not parse remote candidate \"" + line + "\""});
            return;
        }
        if (parsed->component_id != kComponent) {
            nice_candidate_free(parsed);
            return; // an RTCP component candidate: rtcp-mux makes it pointless
        }
        GSList list{parsed, nullptr};
        if (nice_agent_set_remote_candidates(agent_, streamId_, kComponent, &list) < 1 && callbacks_.problem)
            callbacks_.problem({TransportErrorKind::Ice, "libnice refused remote candidate \"" + line + "\""});
        nice_candidate_free(parsed);
    });
}

void IceAgent::remoteCandidatesDone()
{
    post([this] { nice_agent_peer_candidate_gathering_done(agent_, streamId_); });
}

IceCredentials IceAgent::restart()
{
    auto work = [this] {
        nice_agent_restart_stream(agent_, streamId_);
        gchar* ufrag = nullptr;
        gchar* pwd = nullptr;
        nice_agent_get_local_credentials(agent_, streamId_, &ufrag, &pwd);
        const std::lock_guard lock(credentialsMutex_);
        credentials_ = {ufrag ? ufrag : "", pwd ? pwd : ""};
        g_free(ufrag);
        g_free(pwd);
        return credentials_;
    };
    if (onNetworkThread())
        return work();
    std::promise<IceCredentials> done;
    auto result = done.get_future();
    post([&] { done.set_value(work()); });
    return result.get();
}

std::optional<SelectedPair> IceAgent::selectedPair() const
{
    const std::lock_guard lock(pairMutex_);
    return selectedPair_;
}

void IceAgent::onSelectedPair(void* local, void* remote)
{
    const auto* l = static_cast<const NiceCandidate*>(local);
    const auto* r = static_cast<const NiceCandidate*>(remote);
    SelectedPair pair{candidateTypeName(l->type), candidateTypeName(r->type), addressText(l->addr),
                      addressText(r->addr)};
    const std::lock_guard lock(pairMutex_);
    selectedPair_ = std::move(pair);
}

bool IceAgent::send(std::span<const std::uint8_t> datagram)
{
    return nice_agent_send(agent_, streamId_, kComponent, static_cast<guint>(datagram.size()),
                           reinterpret_cast<const gchar*>(datagram.data()))
           == static_cast<gint>(datagram.size());
}

void IceAgent::onCandidate(void* candidate)
{
    gchar* sdp = nice_agent_generate_local_candidate_sdp(agent_, static_cast<NiceCandidate*>(candidate));
    if (!sdp)
        return;
    std::string line(sdp);
    g_free(sdp);
    constexpr std::string_view kPrefix = "a=candidate:";
    if (line.rfind(kPrefix, 0) == 0)
        line.erase(0, kPrefix.size());
    if (callbacks_.localCandidate)
        callbacks_.localCandidate(line);
}

void IceAgent::onGatheringDone()
{
    if (callbacks_.gatheringDone)
        callbacks_.gatheringDone();
}

void IceAgent::onComponentState(unsigned state)
{
    IceState mapped = IceState::New;
    switch (state) {
    case NICE_COMPONENT_STATE_DISCONNECTED: mapped = IceState::Disconnected; break;
    case NICE_COMPONENT_STATE_GATHERING: mapped = IceState::Gathering; break;
    case NICE_COMPONENT_STATE_CONNECTING: mapped = IceState::Connecting; break;
    case NICE_COMPONENT_STATE_CONNECTED:
    case NICE_COMPONENT_STATE_READY: mapped = IceState::Connected; break;
    case NICE_COMPONENT_STATE_FAILED: mapped = IceState::Failed; break;
    default: return;
    }
    if (callbacks_.stateChanged)
        callbacks_.stateChanged(mapped);
}

void IceAgent::onReceive(const char* data, unsigned length)
{
    if (callbacks_.datagram)
        callbacks_.datagram(std::span(reinterpret_cast<const std::uint8_t*>(data), length));
}

} // namespace spoke::transport
