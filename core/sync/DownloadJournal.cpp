#include "sync/DownloadJournal.h"

#include <QList>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <utility>

namespace spoke::sync {

namespace {

// A 200 MB file in 1 MiB blocks has 200 lines of ~70 bytes; anything far
// bigger is not a journal of ours.
constexpr std::size_t kMaxJournalBytes = 16 * 1024 * 1024;

bool writeAll(int fd, const QByteArray& bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, static_cast<std::size_t>(bytes.size() - done));
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

QByteArray blockLine(std::int64_t index, const QByteArray& sha256Hex)
{
    return QByteArray::number(static_cast<qlonglong>(index)) + ' ' + sha256Hex + '\n';
}

QString errnoText(const char* what, const std::filesystem::path& path)
{
    return QStringLiteral("%1 %2: %3")
        .arg(QLatin1String(what), QString::fromStdString(path.string()), QString::fromLocal8Bit(std::strerror(errno)));
}

} // namespace

std::int64_t DownloadJournalHeader::blockLength(std::int64_t index) const
{
    return std::clamp<std::int64_t>(sizeBytes - index * blockBytes, 0, blockBytes);
}

bool isSha256Hex(const QByteArray& text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

QByteArray journalHeaderLine(const DownloadJournalHeader& header)
{
    return "spoke-download/1 " + QByteArray::number(static_cast<qlonglong>(header.sizeBytes)) + ' '
           + QByteArray::number(static_cast<qlonglong>(header.blockBytes)) + ' ' + header.sha256Hex + '\n';
}

std::filesystem::path DownloadJournal::pathFor(const std::filesystem::path& partial)
{
    std::filesystem::path journal = partial;
    journal += ".journal";
    return journal;
}

std::map<std::int64_t, QByteArray> DownloadJournal::readBlocks(const std::filesystem::path& path,
                                                               const DownloadJournalHeader& header)
{
    std::map<std::int64_t, QByteArray> blocks;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return blocks;
    std::string text(kMaxJournalBytes, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    const QByteArray bytes = QByteArray::fromStdString(text);
    const QByteArray expectedHeader = journalHeaderLine(header);
    if (!bytes.startsWith(expectedHeader))
        return blocks;

    qsizetype lineStart = expectedHeader.size();
    while (lineStart < bytes.size()) {
        const qsizetype lineEnd = bytes.indexOf('\n', lineStart);
        if (lineEnd < 0)
            break; // the torn last line of a crash
        const QList<QByteArray> fields = bytes.mid(lineStart, lineEnd - lineStart).split(' ');
        bool ok = false;
        const qlonglong index = fields.value(0).toLongLong(&ok);
        if (fields.size() != 2 || !ok || index < 0 || index >= header.blockCount() || !isSha256Hex(fields[1]))
            break;
        blocks[index] = fields[1];
        lineStart = lineEnd + 1;
    }
    return blocks;
}

Expected<DownloadJournal, QString> DownloadJournal::create(const std::filesystem::path& path,
                                                           const DownloadJournalHeader& header,
                                                           const std::vector<QByteArray>& verified)
{
    QByteArray text = journalHeaderLine(header);
    for (std::size_t i = 0; i < verified.size(); ++i)
        text += blockLine(static_cast<std::int64_t>(i), verified[i]);

    std::filesystem::path temporary = path;
    temporary += ".tmp";
    const int tmpFd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (tmpFd < 0)
        return errnoText("cannot create", temporary);
    const bool written = writeAll(tmpFd, text) && ::fsync(tmpFd) == 0;
    ::close(tmpFd);
    if (!written || ::rename(temporary.c_str(), path.c_str()) != 0) {
        const QString error = errnoText("cannot write", path);
        ::unlink(temporary.c_str());
        return error;
    }
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0)
        return errnoText("cannot open", path);
    return DownloadJournal(path, fd);
}

DownloadJournal::DownloadJournal(DownloadJournal&& other) noexcept
    : path_(std::move(other.path_))
    , fd_(std::exchange(other.fd_, -1))
{
}

DownloadJournal& DownloadJournal::operator=(DownloadJournal&& other) noexcept
{
    if (this != &other) {
        if (fd_ >= 0)
            ::close(fd_);
        path_ = std::move(other.path_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

DownloadJournal::~DownloadJournal()
{
    if (fd_ >= 0)
        ::close(fd_);
}

bool DownloadJournal::append(std::int64_t index, const QByteArray& sha256Hex)
{
    if (fd_ < 0)
        return false;
    // One write() per line, so a kill leaves whole lines or a torn last one.
    const QByteArray line = blockLine(index, sha256Hex);
    if (::write(fd_, line.constData(), static_cast<std::size_t>(line.size())) != line.size())
        return false;
    return ::fdatasync(fd_) == 0;
}

void DownloadJournal::remove()
{
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
    ::unlink(path_.c_str());
}

} // namespace spoke::sync
