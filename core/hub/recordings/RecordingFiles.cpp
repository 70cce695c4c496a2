#include "hub/recordings/RecordingFiles.h"

#include "recording/RecordingError.h"
#include "recording/RecordingProbe.h"

#include <QCryptographicHash>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace spoke::hub::recordings {

namespace {

constexpr std::size_t kCopyChunkBytes = std::size_t(1) << 20;

QString pathText(const std::filesystem::path& path)
{
    return QString::fromStdString(path.string());
}

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// A file descriptor closed on every path out.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) { }
    ~Fd()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    bool close()
    {
        const int fd = fd_;
        fd_ = -1;
        return ::close(fd) == 0;
    }

private:
    int fd_;
};

bool writeAll(int fd, const char* data, std::size_t size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data += written;
        size -= std::size_t(written);
    }
    return true;
}

Expected<bool, QString> copySynced(const std::filesystem::path& source, const std::filesystem::path& temp)
{
    Fd in(::open(source.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.get() < 0)
        return QStringLiteral("cannot read %1: %2").arg(pathText(source), errnoText());
    Fd out(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (out.get() < 0)
        return QStringLiteral("cannot write %1: %2").arg(pathText(temp), errnoText());
    std::vector<char> buffer(kCopyChunkBytes);
    for (;;) {
        const ssize_t got = ::read(in.get(), buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return QStringLiteral("cannot read %1: %2").arg(pathText(source), errnoText());
        if (got == 0)
            break;
        if (!writeAll(out.get(), buffer.data(), std::size_t(got)))
            return QStringLiteral("cannot write %1: %2").arg(pathText(temp), errnoText());
    }
    if (::fsync(out.get()) != 0 || !out.close())
        return QStringLiteral("cannot write %1: %2").arg(pathText(temp), errnoText());
    return true;
}

} // namespace

bool syncDirectory(const std::filesystem::path& dir)
{
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    return fd.get() >= 0 && ::fsync(fd.get()) == 0;
}

Expected<bool, QString> placeFile(const std::filesystem::path& source, const std::filesystem::path& target, bool move)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(source, error))
        return QStringLiteral("%1 is not a file").arg(pathText(source));
    if (move && ::rename(source.c_str(), target.c_str()) == 0) {
        // The data was synced by whoever wrote it (a recorder syncs as it
        // goes); the rename is made durable here.
        if (!syncDirectory(target.parent_path()))
            return QStringLiteral("cannot sync %1: %2").arg(pathText(target.parent_path()), errnoText());
        return true;
    }
    std::filesystem::path temp = target;
    temp += ".part";
    if (auto copied = copySynced(source, temp); !copied) {
        std::filesystem::remove(temp, error);
        return copied.error();
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        const QString why = errnoText();
        std::filesystem::remove(temp, error);
        return QStringLiteral("cannot rename %1: %2").arg(pathText(temp), why);
    }
    if (!syncDirectory(target.parent_path()))
        return QStringLiteral("cannot sync %1: %2").arg(pathText(target.parent_path()), errnoText());
    if (move)
        std::filesystem::remove(source, error); // the copy is safe on the disk; a leftover source is harmless
    return true;
}

Expected<FiledPart, QString> describeFile(const std::filesystem::path& file)
{
    QFile in(pathText(file));
    if (!in.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1: %2").arg(pathText(file), in.errorString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&in))
        return QStringLiteral("cannot read %1: %2").arg(pathText(file), in.errorString());
    FiledPart part;
    part.bytes = in.size();
    part.sha256 = QString::fromLatin1(hash.result().toHex());
    try {
        recording::ProbeResult probe = recording::RecordingProbe::probe(file, recording::ProbeDepth::Headers);
        if (probe.durationMs <= 0)
            probe = recording::RecordingProbe::probe(file, recording::ProbeDepth::ReadAll);
        part.durationMs = probe.durationMs > 0 ? probe.durationMs : probe.playableMs;
    } catch (const recording::RecordingError& error) {
        return QStringLiteral("%1 is not a recording FFmpeg can read: %2")
            .arg(pathText(file), QString::fromUtf8(error.what()));
    }
    if (part.durationMs <= 0)
        return QStringLiteral("%1 holds no playable media").arg(pathText(file));
    return part;
}

} // namespace spoke::hub::recordings
