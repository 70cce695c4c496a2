#include "Commands.h"

#include <array>

namespace spoke::cli {

namespace {

constexpr std::array kCommands{
    Command{"sessions list", "[--when upcoming|past|all] [--json]", "List sessions in the cache", runSessionsList},
    Command{"search", "QUERY [--limit N] [--json]", "Search sessions, cases, recommendations, notes and chat",
            runSearch},
    Command{"demo seed", "", "Write the demo programme into the cache", runDemoSeed},
    Command{"cache status", "[--json]", "Say whether the cache is encrypted at rest", runCacheStatus},
    Command{"cache encrypt", "[--json]", "Encrypt the cache, with a key kept in the OS keyring", runCacheEncrypt},
    Command{"cache decrypt", "[--json]", "Decrypt the cache and remove its key from the OS keyring", runCacheDecrypt},
    Command{"bench search", "[--sessions N] [--cases N] [--queries N] [--encrypted] [--json]",
            "Benchmark search over a generated cache", runBenchSearch},
    Command{"cases check", "FILE... [--json]",
            "Check echo-case/1.0 files for identifiers (exit 3 if any file has findings)", runCasesCheck},
    Command{"cases validate", "FILE [--json]", "Check a case file against its programme's form schema",
            runCasesValidate},
    Command{"cases clean-attachment", "IN OUT",
            "Re-encode a PNG/JPEG photo without metadata, or refuse it with the reason (exit 3)",
            runCasesCleanAttachment},
    Command{"cases import", "FILE [--json]",
            "Store an echo-case/1.0 file as a draft case in the programme of its kind; prints the case id",
            runCasesImport},
    Command{"cases submit", "ID",
            "Check, mark ready and queue a case for the hub (exit 3 with the findings or form problems)",
            runCasesSubmit},
    Command{"cases override", "ID --path P --category C --reason R --who W",
            "Log the open findings of category C at field P as false positives (sent to the hub with the case)",
            runCasesOverride},
    Command{"cases show", "ID [--json]", "A case with its status, hub status, question and recommendations",
            runCasesShow},
    Command{"hub join", "URL --invite CODE --email E --name NAME --password-file F",
            "Redeem an invite into a hub account and sign in", runHubJoin},
    Command{"hub login", "URL --email E --password-file F", "Sign in to a hub", runHubLogin},
    Command{"hub logout", "", "Revoke and forget this laptop's hub token", runHubLogout},
    Command{"hub token", "", "Print the hub bearer token (for scripts)", runHubToken},
    Command{"sync", "[--json]", "Send the outbox to the hub and pull what changed (exit 1 if the hub was not reached)",
            runSync},
    Command{"review queue", "[--programme ID] [--json]", "Cases waiting for review on the hub", runReviewQueue},
    Command{"review recommend", "ID [--text-file F] [--item TEXT]...",
            "Write a recommendation for a hub case (queued, then sent)", runReviewRecommend},
    Command{"review return", "ID --question-file F", "Return a hub case to its presenter with a question",
            runReviewReturn},
    Command{"recordings list", "[--programme ID] [--json]",
            "The hub's recordings of this account's programmes, with each rendition's size", runRecordingsList},
    Command{"recordings download", "ID --rendition full|light|audio-slides [--max-kbps N] [--json]",
            "Download a hub recording resumably into DATA_DIR/downloads (progress, then each part's path and SHA-256)",
            runRecordingsDownload},
    Command{"bench deid", "[--iterations N] [--json]", "Time the de-identification gate on a full case", runBenchDeid},
    Command{"devices", "[--json]", "List cameras, screens, microphones and speakers, synthetic ones included",
            runDevices},
    Command{"devices test-audio", "[--microphone ID] [--speaker ID] [--seconds N] [--json]",
            "Play a test tone on a speaker while metering a microphone through the call's audio processing",
            runDevicesTestAudio},
    Command{"bench encode",
            "[--codec vp8|vp9] [--size WxH] [--fps N] [--seconds S] [--bitrate BPS] [--threads N] [--cpu-used N] "
            "[--input FILE.y4m | --write-y4m FILE] [--json]",
            "Encode throughput, CPU per frame, bitrate and PSNR (or write the test pattern as Y4M)", runBenchEncode},
    Command{"bench live", "[--size WxH] [--fps N] [--seconds S] [--bitrate BPS] [--i420] [--json]",
            "CPU share of the real-time send pipeline with the test pattern as camera", runBenchLive},
    Command{"bench loopback", "[--size WxH] [--fps N] [--seconds S] [--bitrate BPS] [--json]",
            "Test source -> VP8 -> decode: PSNR, stamped frames lost or reordered, per-frame latency",
            runBenchLoopback},
    Command{"bench opus", "[--seconds S] [--json]", "CPU share of Opus voice encode + decode", runBenchOpus},
    Command{"record",
            "--video test|camera|screen|none --audio tone|mic --seconds S [--chapter SECONDS:TITLE]... --out FILE "
            "[--size WxH] [--fps N] [--codec vp8|vp9]",
            "Record a crash-safe WebM file with chapters into the library", runRecord},
    Command{"probe", "FILE [--json]", "Duration, tracks, codecs, chapters and how far a recording plays", runProbe},
    Command{"play", "FILE --null-output [--speed X] [--start MS] [--json]",
            "Play a recording in real time without screen or speaker; frames, drops and A/V drift", runPlay},
    Command{"bench playback", "[--minutes N] [--seeks N] [--json]",
            "First-frame and seek latency on a generated long recording", runBenchPlayback},
    Command{"bench renditions", "[--seconds S] [--json]",
            "Time converting a generated 720p recording to the light and audio-slides renditions", runBenchRenditions},
    Command{"slides info", "FILE.pdf", "A PDF deck's pages, page sizes and SHA-256 as JSON", runSlidesInfo},
    Command{"slides render", "FILE.pdf --page N --width W --out FILE.png", "One deck page (from 1) as a PNG",
            runSlidesRender},
    Command{"join",
            "--janus ws://HOST:PORT --room N --display NAME --video test|none --audio tone|none --seconds S "
            "--stats FILE.json [--impair SPEC] [--uplink-impair SPEC] [--downlink-impair SPEC] [--layers 1-3] "
            "[--ice-iface IFACE] [--size WxH] [--bitrate BPS] [--audio-only] [--no-video-receive]",
            "Take part in a live VideoRoom session headless; what arrives from everyone goes to a stats file", runJoin},
};

} // namespace

std::span<const Command> allCommands()
{
    return kCommands;
}

} // namespace spoke::cli
