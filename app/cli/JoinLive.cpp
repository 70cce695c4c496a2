#include "JoinLive.h"

#include "HubCli.h"

#include "slides/DeckCache.h"
#include "sync/HubLinkRelay.h"
#include "sync/LiveParticipant.h"
#include "util/Clock.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace spoke::cli {

namespace {

// The CLI's slide decks share the app's cache folder and cap.
constexpr std::int64_t kDeckCacheBytes = 512LL * 1024 * 1024;
// How often the script looks for due actions: well under the 1 s a page
// turn or a chat line may take to reach the others.
constexpr int kTickMs = 50;

std::optional<std::int64_t> secondsOption(const QCommandLineParser& parser, const char* name, QString& refusal)
{
    const QString text = parser.value(QString::fromLatin1(name));
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || seconds < 0 || seconds > 86'400)
        refusal = QStringLiteral("--%1 needs seconds into the call, e.g. 5 or 2.5").arg(QLatin1String(name));
    return std::int64_t(seconds * 1000.0);
}

std::optional<QString> parsePlan(const QCommandLineParser& parser, const call::CallOptions& call, sync::LivePlan& plan)
{
    for (const QString& spec : parser.values(QStringLiteral("chat"))) {
        const auto chat = sync::LivePlan::parseChat(spec);
        if (!chat)
            return QStringLiteral("--chat needs TEXT@S (S seconds into the call), e.g. \"Any questions?@12\"");
        plan.chats.append(*chat);
    }
    QString refusal;
    plan.raiseHandAtMs = secondsOption(parser, "raise-hand", refusal);
    plan.lowerHandAtMs = secondsOption(parser, "lower-hand", refusal);
    bool ok = false;
    const double turnEvery = parser.value(QStringLiteral("turn-every")).toDouble(&ok);
    if (!ok || turnEvery < 0.1 || turnEvery > 3600)
        refusal = QStringLiteral("--turn-every needs seconds between page turns, 0.1 to 3600");
    plan.turnEveryMs = std::int64_t(turnEvery * 1000.0);
    if (!refusal.isEmpty())
        return refusal;
    if (const QString file = parser.value(QStringLiteral("share-slides")); !file.isEmpty()) {
        QFile deck(file);
        if (!deck.open(QIODevice::ReadOnly))
            return QStringLiteral("--share-slides: cannot read %1: %2").arg(file, deck.errorString());
        plan.deckPdf = deck.readAll();
        plan.deckTitle = QFileInfo(file).completeBaseName().left(200);
    }
    // The state this participant starts the call in, signalled to the others.
    plan.media = sync::LivePlan::Media{!call.audio, !call.video || call.audioOnly, call.audioOnly};
    return std::nullopt;
}

// The hub connection always goes through a relay (sync::HubLinkRelay),
// which counts its bytes for the data meter and, with --impair,
// --uplink-impair or --downlink-impair, puts it on the call's link (without
// them it passes bytes straight on). A deck of up to 64 MiB comes down a
// capped link in full: HubClient's timeout counts only time without a byte.

std::unique_ptr<sync::HubLinkRelay> hubLinkRelay(const call::CallOptions& call)
{
    return std::make_unique<sync::HubLinkRelay>(call.uplinkImpairment.value_or(call.impairment),
                                                call.downlinkImpairment.value_or(call.impairment));
}

} // namespace

struct JoinLive::Parts {
    std::unique_ptr<sync::HubLinkRelay> relay; // first: outlives the sockets that use it
    std::unique_ptr<HubCli> hub;
    std::unique_ptr<sync::HubClient> client;
    std::unique_ptr<slides::DeckCache> decks;
    std::unique_ptr<sync::LiveParticipant> participant;
};

JoinLive::JoinLive(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) { }

JoinLive::~JoinLive()
{
    stop();
}

void JoinLive::addOptions(QCommandLineParser& parser)
{
    const auto valued = [&parser](const char* name, const char* valueName, const char* defaultValue = "") {
        parser.addOption({QString::fromLatin1(name), QString::fromLatin1(name), QString::fromLatin1(valueName),
                          QString::fromLatin1(defaultValue)});
    };
    // --hub-session itself is JoinCommand's (the media join reads it too).
    valued("share-slides", "FILE.pdf");
    valued("turn-every", "S", "10");
    valued("chat", "TEXT@S");
    valued("raise-hand", "S");
    valued("lower-hand", "S");
}

std::optional<QString> JoinLive::create(const QCommandLineParser& parser, CliContext& context,
                                        const call::CallOptions& call, std::unique_ptr<JoinLive>& out)
{
    const QString sessionText = parser.value(QStringLiteral("hub-session"));
    if (sessionText.isEmpty()) {
        for (const char* name : {"share-slides", "chat", "raise-hand", "lower-hand"})
            if (parser.isSet(QString::fromLatin1(name)))
                return QStringLiteral("--%1 needs --hub-session ID").arg(QLatin1String(name));
        return std::nullopt;
    }
    bool ok = false;
    const qint64 sessionId = sessionText.toLongLong(&ok);
    if (!ok || sessionId < 1)
        return QStringLiteral("--hub-session needs the hub's session id, e.g. 7");
    sync::LivePlan plan;
    if (auto refusal = parsePlan(parser, call, plan))
        return refusal;
    auto parts = std::make_unique<Parts>();
    parts->hub = std::make_unique<HubCli>(context);
    auto client = parts->hub->accounts().client();
    if (!client)
        return QStringLiteral("--hub-session: not signed in to a hub (spoke-cli hub login): %1")
            .arg(client.error().detail);
    parts->client = std::move(*client);
    parts->relay = hubLinkRelay(call);
    parts->client->setProxy(parts->relay->proxy());
    plan.wallStartMs = util::unixNowMs();
    parts->decks = std::make_unique<slides::DeckCache>(slides::DeckCache::folderIn(context.dataDir()), kDeckCacheBytes);
    parts->participant =
        std::make_unique<sync::LiveParticipant>(*parts->client, sessionId, *parts->decks, std::move(plan));
    parts->participant->listener().setProxy(parts->relay->proxy());
    out.reset(new JoinLive(std::move(parts)));
    return std::nullopt;
}

void JoinLive::start(call::CallSession& session, const QString& deviceId)
{
    deviceId_ = deviceId;
    QObject::connect(&session, &call::CallSession::joined, &ticker_, [this] {
        parts_->participant->reportAttendance(sync::AttendanceEvent::Join, deviceId_, util::unixNowMs());
    });
    clock_.start();
    startedUnixMs_ = util::unixNowMs(); // received_ms + this = UTC ms (the stats' live_started_unix_ms)
    parts_->participant->start([this] { return clock_.elapsed(); });
    QObject::connect(&ticker_, &QTimer::timeout, [this] { parts_->participant->tick(clock_.elapsed()); });
    ticker_.start(kTickMs);
}

void JoinLive::stop()
{
    ticker_.stop();
    if (parts_ && parts_->participant) {
        parts_->participant->reportAttendance(sync::AttendanceEvent::Leave, deviceId_, util::unixNowMs());
        parts_->participant->stop();
    }
}

void JoinLive::addTo(QJsonObject& stats) const
{
    const QJsonObject log = parts_->participant->log().toJson();
    for (auto it = log.begin(); it != log.end(); ++it)
        stats.insert(it.key(), it.value());
    stats.insert(QStringLiteral("live_errors"), QJsonArray::fromStringList(parts_->participant->errors()));
    if (const auto& deck = parts_->participant->deck())
        stats.insert(QStringLiteral("slides_shared"),
                     QJsonObject{{QStringLiteral("deck"), deck->sha256},
                                 {QStringLiteral("pages"), deck->pages},
                                 {QStringLiteral("turns_sent"), parts_->participant->turnsSent()}});
    addHubLinkTo(stats);
}

// The data meter counts the hub connection too: bytes_sent/bytes_received
// become the call's plus the hub's, and hub_bytes_* say how much of it was
// the hub's (README "spoke-cli join").
void JoinLive::addHubLinkTo(QJsonObject& stats) const
{
    const sync::HubLinkRelay::Totals hub = parts_->relay->totals();
    const auto add = [&stats](const QString& key, std::uint64_t bytes) {
        stats.insert(key, stats.value(key).toInteger() + qint64(bytes));
    };
    add(QStringLiteral("bytes_sent"), hub.sentBytes);
    add(QStringLiteral("bytes_received"), hub.receivedBytes);
    stats.insert(QStringLiteral("hub_bytes_sent"), qint64(hub.sentBytes));
    stats.insert(QStringLiteral("hub_bytes_received"), qint64(hub.receivedBytes));
    stats.insert(QStringLiteral("decks_downloaded"), parts_->participant->decksDownloaded());
    stats.insert(QStringLiteral("live_started_unix_ms"), qint64(startedUnixMs_));
}

} // namespace spoke::cli
