#include "sync/RecordingDownload.h"

#include "util/Clock.h"

#include <QFile>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace spoke::sync {

namespace {

// The reply keeps at most this much unread: with a speed cap, the rest waits
// in the kernel and TCP's window slows the hub down.
constexpr qint64 kReadBufferBytes = 256 * 1024;
constexpr qint64 kReadChunkBytes = 64 * 1024;
constexpr std::int64_t kProgressEveryMs = 200;

QString errnoText(const QString& what)
{
    return what + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno));
}

bool writeAt(int fd, const char* data, qint64 size, std::int64_t offset)
{
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::pwrite(fd, data + done, static_cast<std::size_t>(size - done), offset + done);
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

bool readAt(int fd, QByteArray& into, qint64 size, std::int64_t offset)
{
    into.resize(size);
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::pread(fd, into.data() + done, static_cast<std::size_t>(size - done), offset + done);
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

// The durable rename: the folder's entry is fsynced too.
void syncDirectory(const std::filesystem::path& dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

struct ContentRange {
    std::int64_t first = -1;
    std::int64_t last = -1;
    std::int64_t total = -1;
};

// "bytes FIRST-LAST/TOTAL" (RFC 9110 §14.4).
std::optional<ContentRange> parseContentRange(const QByteArray& value)
{
    static const QRegularExpression pattern(QStringLiteral("^bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})$"));
    const auto match = pattern.match(QString::fromLatin1(value.trimmed()));
    if (!match.hasMatch())
        return std::nullopt;
    ContentRange range{match.captured(1).toLongLong(), match.captured(2).toLongLong(), match.captured(3).toLongLong()};
    if (range.last < range.first || range.last >= range.total)
        return std::nullopt;
    return range;
}

} // namespace

QString toString(DownloadState state)
{
    switch (state) {
    case DownloadState::Idle: return QStringLiteral("idle");
    case DownloadState::Running: return QStringLiteral("running");
    case DownloadState::Waiting: return QStringLiteral("waiting");
    case DownloadState::Paused: return QStringLiteral("paused");
    case DownloadState::Done: return QStringLiteral("done");
    case DownloadState::Failed: return QStringLiteral("failed");
    case DownloadState::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

QString toString(DownloadErrorKind kind)
{
    switch (kind) {
    case DownloadErrorKind::None: return QStringLiteral("none");
    case DownloadErrorKind::Refused: return QStringLiteral("refused");
    case DownloadErrorKind::Unreachable: return QStringLiteral("unreachable");
    case DownloadErrorKind::BadAnswer: return QStringLiteral("bad_answer");
    case DownloadErrorKind::Disk: return QStringLiteral("disk");
    case DownloadErrorKind::WrongChecksum: return QStringLiteral("wrong_checksum");
    case DownloadErrorKind::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

RecordingDownload::RecordingDownload(RecordingDownloadOptions options, QObject* parent)
    : QObject(parent)
    , options_(std::move(options))
    , header_{options_.sizeBytes, options_.sha256Hex, std::max<std::int64_t>(1, options_.blockBytes)}
    , partialPath_(partialPathFor(options_.destination))
    , network_(std::make_unique<QNetworkAccessManager>())
    // kbit/s to bytes/s; a burst of 100 ms (at least 16 KiB) keeps the rate
    // even over any second.
    , bucket_(options_.maxKbps * 1000 / 8, std::max<std::int64_t>(16 * 1024, options_.maxKbps * 1000 / 8 / 10))
{
    network_->setAutoDeleteReplies(false);
    if (options_.proxy)
        network_->setProxy(*options_.proxy);
    throttleTimer_.setSingleShot(true);
    stallTimer_.setSingleShot(true);
    retryTimer_.setSingleShot(true);
    connect(&throttleTimer_, &QTimer::timeout, this, &RecordingDownload::drain);
    connect(&stallTimer_, &QTimer::timeout, this,
            [this] { retryLater(QStringLiteral("nothing from the hub for %1 ms").arg(options_.stallTimeoutMs)); });
    connect(&retryTimer_, &QTimer::timeout, this, &RecordingDownload::request);
}

RecordingDownload::~RecordingDownload()
{
    releaseReply();
    closePartial();
}

std::filesystem::path RecordingDownload::partialPathFor(const std::filesystem::path& destination)
{
    std::filesystem::path partial = destination;
    partial += ".part";
    return partial;
}

void RecordingDownload::start()
{
    if (state_ != DownloadState::Idle)
        return;
    if (options_.sizeBytes < 0 || !isSha256Hex(options_.sha256Hex) || options_.destination.empty()) {
        fail(DownloadErrorKind::BadAnswer, QStringLiteral("the catalogue gives no valid size and SHA-256"));
        return;
    }
    setState(DownloadState::Running);
    if (!prepare())
        return;
    if (committedBytes_ == options_.sizeBytes) {
        complete();
        return;
    }
    request();
}

bool RecordingDownload::prepare()
{
    std::error_code ec;
    std::filesystem::create_directories(options_.destination.parent_path(), ec);
    if (ec) {
        fail(DownloadErrorKind::Disk, QString::fromStdString(ec.message()));
        return false;
    }
    if (alreadyDownloaded())
        return false;
    if (!openPartial())
        return false;
    const auto journalPath = DownloadJournal::pathFor(partialPath_);
    const std::vector<QByteArray> verified = verifiedPrefix(DownloadJournal::readBlocks(journalPath, header_));
    committedBytes_ = std::min(options_.sizeBytes, static_cast<std::int64_t>(verified.size()) * header_.blockBytes);
    resumedFromBytes_ = committedBytes_;
    // Whatever follows the verified blocks is not trusted: cut it off, and
    // write a journal that names only what was just checked.
    if (::ftruncate(partFd_, committedBytes_) != 0) {
        fail(DownloadErrorKind::Disk, errnoText(QStringLiteral("cannot truncate the partial file")));
        return false;
    }
    auto journal = DownloadJournal::create(journalPath, header_, verified);
    if (!journal) {
        fail(DownloadErrorKind::Disk, journal.error());
        return false;
    }
    journal_.emplace(std::move(*journal));
    return true;
}

// A file already at the destination with the catalogue's size and SHA-256
// is done; anything else there is replaced when the download completes.
bool RecordingDownload::alreadyDownloaded()
{
    std::error_code ec;
    if (std::filesystem::file_size(options_.destination, ec) != static_cast<std::uintmax_t>(options_.sizeBytes) || ec)
        return false;
    QFile existing(QString::fromStdString(options_.destination.string()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!existing.open(QIODevice::ReadOnly) || !hash.addData(&existing) || hash.result().toHex() != options_.sha256Hex)
        return false;
    // A crash between the rename and deleting the journal leaves these.
    ::unlink(DownloadJournal::pathFor(partialPath_).c_str());
    ::unlink(partialPath_.c_str());
    committedBytes_ = options_.sizeBytes;
    resumedFromBytes_ = options_.sizeBytes;
    setState(DownloadState::Done);
    emitProgress(true);
    QTimer::singleShot(0, this, &RecordingDownload::finished);
    return true;
}

bool RecordingDownload::openPartial()
{
    partFd_ = ::open(partialPath_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    // A partial left by an older version may be looser: owner-only, like
    // everything in the data dir (util/PrivateFiles.h).
    if (partFd_ < 0 || ::fchmod(partFd_, 0600) != 0) {
        fail(DownloadErrorKind::Disk, errnoText(QStringLiteral("cannot open the partial file")));
        return false;
    }
    return true;
}

std::vector<QByteArray> RecordingDownload::verifiedPrefix(const std::map<std::int64_t, QByteArray>& journaled)
{
    std::vector<QByteArray> verified;
    QByteArray bytes;
    for (std::int64_t index = 0; index < header_.blockCount(); ++index) {
        const auto claimed = journaled.find(index);
        if (claimed == journaled.end())
            break;
        const qint64 length = header_.blockLength(index);
        if (!readAt(partFd_, bytes, length, index * header_.blockBytes))
            break; // the bytes are missing (shorter file, or unreadable)
        const QByteArray actual = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
        if (actual != claimed->second)
            break;
        fileHash_.addData(bytes);
        verified.push_back(actual);
    }
    return verified;
}

void RecordingDownload::request()
{
    releaseReply();
    block_.clear();
    QNetworkRequest request(options_.url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("spoke-sync"));
    request.setRawHeader("Accept", "*/*");
    // Byte offsets must be the file's, so no transparent decompression.
    request.setRawHeader("Accept-Encoding", "identity");
    request.setRawHeader("Range", "bytes=" + QByteArray::number(static_cast<qlonglong>(committedBytes_)) + '-');
    if (!options_.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + options_.token.toUtf8());
    replyChecked_ = false;
    replyFinished_ = false;
    reply_ = network_->get(request);
    reply_->setReadBufferSize(kReadBufferBytes);
    connect(reply_, &QNetworkReply::readyRead, this, &RecordingDownload::drain);
    connect(reply_, &QNetworkReply::finished, this, &RecordingDownload::onReplyFinished);
    stallTimer_.start(options_.stallTimeoutMs);
    setState(DownloadState::Running);
    emitProgress(true);
}

// Reads what the reply holds, as far as the speed cap allows, and writes it.
void RecordingDownload::drain()
{
    if (!reply_ || (!replyChecked_ && !checkAnswer()))
        return;
    const std::int64_t nowMs = util::steadyNowMs();
    while (reply_->bytesAvailable() > 0) {
        const std::int64_t allowed = bucket_.available(nowMs);
        if (allowed <= 0) {
            throttleTimer_.start(
                static_cast<int>(bucket_.msUntil(std::min<qint64>(reply_->bytesAvailable(), 16 * 1024), nowMs)));
            break;
        }
        const QByteArray chunk = reply_->read(std::min<qint64>({allowed, kReadChunkBytes, reply_->bytesAvailable()}));
        if (chunk.isEmpty())
            break;
        bucket_.take(chunk.size());
        meter_.add(chunk.size(), nowMs);
        if (!consume(chunk))
            return;
    }
    if (!reply_)
        return;
    stallTimer_.start(options_.stallTimeoutMs); // bytes moved: the wait starts over
    emitProgress(false); // a handler may pause or cancel: the reply is gone then
    if (reply_ && replyFinished_ && reply_->bytesAvailable() == 0)
        endOfReply();
}

// The answer's status and headers, once, before its first byte is used.
bool RecordingDownload::checkAnswer()
{
    const QVariant statusValue = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusValue.isValid())
        return false; // no answer yet (or none at all: onReplyFinished retries)
    const int status = statusValue.toInt();
    const QByteArray etag = reply_->rawHeader("ETag");
    if (!etag.isEmpty() && etag != '"' + options_.sha256Hex + '"' && etag != "W/\"" + options_.sha256Hex + '"') {
        fail(DownloadErrorKind::BadAnswer,
             QStringLiteral("the file changed on the hub (ETag %1)").arg(QString::fromLatin1(etag)), status);
        return false;
    }
    if (status == 206) {
        const auto range = parseContentRange(reply_->rawHeader("Content-Range"));
        if (!range || range->first != committedBytes_ || range->total != options_.sizeBytes) {
            fail(DownloadErrorKind::BadAnswer,
                 QStringLiteral("Content-Range \"%1\" for a request from %2 of a %3-byte file")
                     .arg(QString::fromLatin1(reply_->rawHeader("Content-Range")))
                     .arg(committedBytes_)
                     .arg(options_.sizeBytes),
                 status);
            return false;
        }
    } else if (status == 200) {
        // A server that ignores Range sends the whole file: take it from byte 0.
        if (committedBytes_ > 0)
            restartFromZero();
    } else if (status == 408 || status == 429 || status >= 500) {
        retryLater(QStringLiteral("HTTP %1").arg(status));
        return false;
    } else {
        fail(status == 416 ? DownloadErrorKind::BadAnswer : DownloadErrorKind::Refused,
             QStringLiteral("HTTP %1").arg(status), status);
        return false;
    }
    replyChecked_ = true;
    return state_ == DownloadState::Running;
}

bool RecordingDownload::consume(const QByteArray& chunk)
{
    const std::int64_t offset = committedBytes_ + block_.size();
    if (offset + chunk.size() > options_.sizeBytes) {
        fail(DownloadErrorKind::BadAnswer,
             QStringLiteral("more bytes than the catalogue's %1").arg(options_.sizeBytes));
        return false;
    }
    if (!writeAt(partFd_, chunk.constData(), chunk.size(), offset)) {
        fail(DownloadErrorKind::Disk, errnoText(QStringLiteral("cannot write the partial file")));
        return false;
    }
    qsizetype used = 0;
    while (used < chunk.size()) {
        const qsizetype blockLength = header_.blockLength(committedBytes_ / header_.blockBytes);
        const qsizetype take = std::min(chunk.size() - used, blockLength - block_.size());
        block_.append(chunk.constData() + used, take);
        used += take;
        if (block_.size() == blockLength && !commitBlock())
            return false;
    }
    return true;
}

bool RecordingDownload::commitBlock()
{
    const std::int64_t index = committedBytes_ / header_.blockBytes;
    const QByteArray digest = QCryptographicHash::hash(block_, QCryptographicHash::Sha256).toHex();
    if (!journal_ || !journal_->append(index, digest)) {
        fail(DownloadErrorKind::Disk, errnoText(QStringLiteral("cannot write the journal")));
        return false;
    }
    fileHash_.addData(block_);
    committedBytes_ += block_.size();
    block_.clear();
    attemptsWithoutProgress_ = 0;
    return true;
}

void RecordingDownload::onReplyFinished()
{
    replyFinished_ = true;
    if (!replyChecked_ && !reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid()) {
        retryLater(reply_->errorString()); // refused, reset, proxy: no answer at all
        return;
    }
    drain();
}

// Everything the reply held has been written: the file is complete, or the
// connection was cut and the rest is asked for again.
void RecordingDownload::endOfReply()
{
    const QString why =
        reply_->error() == QNetworkReply::NoError ? QStringLiteral("the answer ended early") : reply_->errorString();
    releaseReply();
    if (committedBytes_ == options_.sizeBytes)
        complete();
    else
        retryLater(why);
}

void RecordingDownload::retryLater(const QString& why)
{
    releaseReply();
    block_.clear(); // the bytes of an incomplete block are fetched again
    if (++attemptsWithoutProgress_ > options_.maxAttemptsWithoutProgress) {
        fail(DownloadErrorKind::Unreachable, why);
        return;
    }
    const int shift = std::min(attemptsWithoutProgress_ - 1, 16);
    const int delayMs = static_cast<int>(
        std::min<std::int64_t>(options_.maxRetryMs, static_cast<std::int64_t>(options_.firstRetryMs) << shift));
    setState(DownloadState::Waiting);
    retryTimer_.start(delayMs);
    emitProgress(true); // last: a handler may pause or cancel
}

void RecordingDownload::restartFromZero()
{
    block_.clear();
    committedBytes_ = 0;
    fileHash_.reset();
    journal_.reset();
    auto journal = DownloadJournal::create(DownloadJournal::pathFor(partialPath_), header_, {});
    if (!journal || ::ftruncate(partFd_, 0) != 0) {
        fail(DownloadErrorKind::Disk, journal ? errnoText(QStringLiteral("cannot truncate")) : journal.error());
        return;
    }
    journal_.emplace(std::move(*journal));
}

void RecordingDownload::complete()
{
    const QByteArray actual = fileHash_.result().toHex();
    if (actual != options_.sha256Hex) {
        closePartial();
        ::unlink(partialPath_.c_str());
        if (journal_)
            journal_->remove();
        fail(DownloadErrorKind::WrongChecksum,
             QStringLiteral("SHA-256 %1, the catalogue says %2")
                 .arg(QString::fromLatin1(actual), QString::fromLatin1(options_.sha256Hex)));
        return;
    }
    const bool synced = ::fsync(partFd_) == 0;
    closePartial();
    if (!synced || ::rename(partialPath_.c_str(), options_.destination.c_str()) != 0) {
        fail(DownloadErrorKind::Disk, errnoText(QStringLiteral("cannot move the download into place")));
        return;
    }
    syncDirectory(options_.destination.parent_path());
    if (journal_)
        journal_->remove();
    journal_.reset();
    setState(DownloadState::Done);
    emitProgress(true);
    Q_EMIT finished();
}

void RecordingDownload::fail(DownloadErrorKind kind, const QString& detail, int httpStatus)
{
    releaseReply();
    retryTimer_.stop();
    closePartial();
    error_ = DownloadError{kind, httpStatus, detail};
    setState(DownloadState::Failed);
    emitProgress(true);
    Q_EMIT finished();
}

void RecordingDownload::pause()
{
    if (state_ != DownloadState::Running && state_ != DownloadState::Waiting)
        return;
    releaseReply();
    retryTimer_.stop();
    block_.clear();
    setState(DownloadState::Paused);
    emitProgress(true);
}

void RecordingDownload::resume()
{
    if (state_ != DownloadState::Paused)
        return;
    attemptsWithoutProgress_ = 0;
    meter_.reset();
    request();
}

void RecordingDownload::cancel()
{
    if (state_ == DownloadState::Done || state_ == DownloadState::Failed || state_ == DownloadState::Cancelled)
        return;
    releaseReply();
    retryTimer_.stop();
    closePartial();
    ::unlink(partialPath_.c_str());
    if (journal_)
        journal_->remove();
    journal_.reset();
    error_ = DownloadError{DownloadErrorKind::Cancelled, 0, {}};
    setState(DownloadState::Cancelled);
    emitProgress(true);
    Q_EMIT finished();
}

DownloadProgress RecordingDownload::progress()
{
    return DownloadProgress{committedBytes_, committedBytes_ + block_.size(), options_.sizeBytes,
                            meter_.bytesPerSecond(util::steadyNowMs()), state_};
}

void RecordingDownload::releaseReply()
{
    stallTimer_.stop();
    throttleTimer_.stop();
    if (!reply_)
        return;
    QNetworkReply* reply = std::exchange(reply_, nullptr);
    disconnect(reply, nullptr, this, nullptr);
    if (!reply->isFinished())
        reply->abort();
    reply->deleteLater();
}

void RecordingDownload::closePartial()
{
    if (partFd_ >= 0) {
        ::close(partFd_);
        partFd_ = -1;
    }
}

void RecordingDownload::setState(DownloadState state)
{
    state_ = state;
}

void RecordingDownload::emitProgress(bool force)
{
    const std::int64_t nowMs = util::steadyNowMs();
    if (!force && lastProgressMs_ >= 0 && nowMs - lastProgressMs_ < kProgressEveryMs)
        return;
    lastProgressMs_ = nowMs;
    Q_EMIT progressed(progress());
}

} // namespace spoke::sync
