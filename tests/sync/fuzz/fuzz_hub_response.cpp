// Any bytes as a hub answer or event-socket message: every reader of
// core/sync returns a value or a BadResponse, never a crash or a hang; a sync answer that parses is applied
// to a cache twice, and the second time changes no recommendation.
#include "store/Cache.h"
#include "store/StoreError.h"
#include "sync/DownloadJournal.h"
#include "sync/HubProtocol.h"
#include "sync/JoinInfo.h"
#include "sync/RecordingCatalogue.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_hub_response";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    using namespace spoke;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    (void)sync::parseAuthAnswer(bytes);
    (void)sync::parseMeAnswer(bytes);
    (void)sync::parseCaseAnswer(bytes);
    (void)sync::parseQueueAnswer(bytes);
    (void)sync::parseRecommendationAnswer(bytes);
    (void)sync::findingsOf(bytes);
    (void)sync::errorCodeOf(bytes);
    (void)sync::parseChatAnswer(bytes);
    (void)sync::parseChatPageAnswer(bytes);
    (void)sync::parseHandsAnswer(bytes, 1);
    (void)sync::parseAttendanceReportAnswer(bytes);
    (void)sync::parseModerationAnswer(bytes, 1);
    (void)sync::parseRemovalAnswer(bytes, 1);
    (void)sync::parseRecordingsAnswer(bytes);
    if (const auto recording = sync::parseRecordingAnswer(bytes)) {
        // The reader promised parts numbered 0, 1, 2… with a lower-case SHA-256 each.
        for (const sync::HubRendition& rendition : recording->renditions)
            for (qsizetype i = 0; i < rendition.parts.size(); ++i)
                if (rendition.parts[i].part != i || !sync::isSha256Hex(rendition.parts[i].sha256Hex))
                    std::abort();
    }
    if (const auto join = sync::parseJoinInfoAnswer(bytes)) {
        // The reader promised a room, a token and two distinct publisher ids.
        if (join->room == 0 || join->token.isEmpty() || join->cameraFeedId == join->screenFeedId)
            std::abort();
    }
    if (const auto event = sync::parseHubEvent(bytes)) {
        // The reader promised that an agenda's running item is one of its items.
        if (const auto* agenda = std::get_if<sync::HubAgenda>(&*event);
            agenda && agenda->currentItemId
            && std::none_of(agenda->items.begin(), agenda->items.end(),
                            [&](const sync::HubAgendaItem& item) { return item.id == *agenda->currentItemId; }))
            std::abort();
        if (const auto* chat = std::get_if<sync::HubChatMessage>(&*event); chat && chat->text.isEmpty())
            std::abort();
    }

    const auto rows = sync::parseSyncAnswer(bytes);
    if (!rows)
        return 0;
    if (rows->cursor < 0)
        std::abort(); // the reader promised a cursor of 0 or more
    auto cache = store::Cache::openInMemory();
    const std::string hub = "https://hub.example.org";
    cache.hub().saveAccount({hub, "fuzz@example.org", "Fuzz", 1, 0, std::nullopt, {}, {}});
    try {
        cache.hub().applyPull(hub, *rows, 1);
        const auto again = cache.hub().applyPull(hub, *rows, 2);
        if (!again.casesWithNewRecommendations.empty())
            std::abort(); // applying the same answer twice must be idempotent
        if (cache.hub().activeAccount()->cursor != rows->cursor)
            std::abort();
    } catch (const store::StoreError&) {
        // Rows that contradict each other (two sessions with one id...) are refused whole.
    }
    return 0;
}
