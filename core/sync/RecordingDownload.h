#pragma once

#include "sync/DownloadJournal.h"
#include "sync/DownloadPacing.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class QNetworkReply;

namespace spoke::sync {

// One file of a recording: where it is on the hub and what it must be.
struct RecordingDownloadOptions {
    static constexpr std::int64_t kDefaultBlockBytes = 1024 * 1024;

    QUrl url; // the part's file route (docs/hub-api.md "Recordings")
    QString token; // the account's bearer token
    std::optional<QNetworkProxy> proxy; // a HubLinkRelay's, on an impaired link
    std::int64_t sizeBytes = 0; // from the catalogue
    QByteArray sha256Hex; // from the catalogue, lower-case hex
    std::filesystem::path destination; // the final file; NAME.part and NAME.part.journal beside it
    std::int64_t blockBytes = kDefaultBlockBytes; // the most a cut or crash fetches twice
    std::int64_t maxKbps = 0; // speed cap in kbit/s; 0: none
    int stallTimeoutMs = 30'000; // no byte for this long: the connection is dead, retry
    int firstRetryMs = 250; // backoff after a cut, doubling…
    int maxRetryMs = 30'000; // …up to this
    int maxAttemptsWithoutProgress = 8; // then give up (a block completing resets the count)
};

enum class DownloadState { Idle, Running, Waiting, Paused, Done, Failed, Cancelled };

enum class DownloadErrorKind {
    None,
    Refused, // the hub answered 4xx (401, 403, 404…): retrying will not help
    Unreachable, // cut or refused again and again with no block completed
    BadAnswer, // the hub's answer contradicts the catalogue (size, range, ETag)
    Disk, // the partial file or journal could not be written
    WrongChecksum, // every byte arrived, but the file's SHA-256 is not the catalogue's
    Cancelled,
};

struct DownloadError {
    DownloadErrorKind kind = DownloadErrorKind::None;
    int httpStatus = 0;
    QString detail; // technical, for logs and the CLI
};

struct DownloadProgress {
    std::int64_t doneBytes = 0; // complete blocks on disk (what a restart keeps)
    std::int64_t receivedBytes = 0; // and the block being received (what a progress bar shows)
    std::int64_t totalBytes = 0;
    std::int64_t bytesPerSecond = 0; // over the last two seconds
    DownloadState state = DownloadState::Idle;
};

QString toString(DownloadState state);
QString toString(DownloadErrorKind kind);

// Downloads one file of a hub recording so that a dropped network, a killed
// process or a power cut costs at most one block fetched twice:
//  - bytes go to `NAME.part` as they arrive (streamed, never the whole body
//    in memory: one block is kept, to hash it);
//  - each completed block's SHA-256 is appended to the journal
//    (DownloadJournal) and fdatasync'ed;
//  - on start, every journaled block is hashed again from the partial file,
//    and the download goes on from the first block whose bytes are missing
//    or disagree (the partial is cut there): the journal is never trusted
//    over the bytes;
//  - one `Range: bytes=START-` request (RFC 9110 §14.2) goes from the end of
//    the last complete block; a cut, a stall or a 5xx/408/429 retries from
//    there after a backoff;
//  - at the end the whole file's SHA-256 must be the catalogue's: then the
//    file is fsynced and renamed to its final name and the journal deleted;
//    otherwise the partial is deleted and the error is WrongChecksum.
// The partial file's data is not fdatasync'ed per block: after a power cut
// a block the journal names but whose bytes were lost fails the check on
// start and is fetched again, so only the journal needs to be durable.
//
// The speed cap is a TokenBucket read before each read from the network (the
// reply's buffer is small, so TCP slows the sender); the rate shown is a
// RateMeter. Both are clock-free; this class reads util::steadyNowMs() and
// passes it in.
//
// Threading: a QObject that lives on, and is used only on, the thread that
// created it, which must run an event loop (the CLI's main thread, the sync
// thread). Checking the partial on start reads it once, on that thread.
class RecordingDownload : public QObject {
    Q_OBJECT
public:
    explicit RecordingDownload(RecordingDownloadOptions options, QObject* parent = nullptr);
    ~RecordingDownload() override;

    static std::filesystem::path partialPathFor(const std::filesystem::path& destination);

    void start();
    // Stops the transfer and keeps the complete blocks; resume() goes on
    // from the last of them.
    void pause();
    void resume();
    // Stops and deletes the partial file and its journal.
    void cancel();

    DownloadState state() const { return state_; }
    const DownloadError& error() const { return error_; }
    DownloadProgress progress();
    // Bytes found complete and verified on disk when the download started.
    std::int64_t resumedFromBytes() const { return resumedFromBytes_; }
    const std::filesystem::path& destination() const { return options_.destination; }
    const QByteArray& sha256Hex() const { return options_.sha256Hex; }

Q_SIGNALS:
    void progressed(const spoke::sync::DownloadProgress& progress);
    void finished();

private:
    bool prepare();
    bool openPartial();
    std::vector<QByteArray> verifiedPrefix(const std::map<std::int64_t, QByteArray>& journaled);
    bool alreadyDownloaded();
    void request();
    void drain();
    bool checkAnswer();
    bool consume(const QByteArray& chunk);
    bool commitBlock();
    void onReplyFinished();
    void endOfReply();
    void retryLater(const QString& why);
    void restartFromZero();
    void complete();
    void fail(DownloadErrorKind kind, const QString& detail, int httpStatus = 0);
    void releaseReply();
    void closePartial();
    void setState(DownloadState state);
    void emitProgress(bool force);

    RecordingDownloadOptions options_;
    DownloadJournalHeader header_;
    std::filesystem::path partialPath_;
    std::unique_ptr<QNetworkAccessManager> network_;
    QNetworkReply* reply_ = nullptr;
    bool replyChecked_ = false;
    bool replyFinished_ = false;
    int partFd_ = -1;
    std::optional<DownloadJournal> journal_;
    QCryptographicHash fileHash_{QCryptographicHash::Sha256};
    QByteArray block_; // the bytes of the block being received
    std::int64_t committedBytes_ = 0; // end of the last complete block
    std::int64_t resumedFromBytes_ = 0;
    int attemptsWithoutProgress_ = 0;
    TokenBucket bucket_;
    RateMeter meter_;
    QTimer throttleTimer_;
    QTimer stallTimer_;
    QTimer retryTimer_;
    std::int64_t lastProgressMs_ = -1;
    DownloadState state_ = DownloadState::Idle;
    DownloadError error_;
};

} // namespace spoke::sync
