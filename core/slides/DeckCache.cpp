#include "slides/DeckCache.h"

#include "slides/Deck.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <system_error>

namespace spoke::slides {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPartSuffix = ".part";

fs::file_time_type fileTimeFromUnixMs(std::int64_t unixMs)
{
    const std::chrono::sys_time<std::chrono::milliseconds> sys{std::chrono::milliseconds(unixMs)};
    return std::chrono::time_point_cast<fs::file_time_type::duration>(std::chrono::file_clock::from_sys(sys));
}

DeckError ioError(const std::string& what, int errorNumber)
{
    return DeckError{DeckErrorKind::Io, what + ": " + std::error_code(errorNumber, std::generic_category()).message()};
}

bool writeAll(int fd, const std::vector<char>& bytes)
{
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        written += static_cast<std::size_t>(n);
    }
    return true;
}

// The rename is only durable once the folder's own entry is on disk.
void syncFolder(const fs::path& folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

DeckCache::DeckCache(fs::path folder, std::int64_t capBytes) : folder_(std::move(folder)), capBytes_(capBytes)
{
    std::error_code error;
    fs::create_directories(folder_, error);
    // A crash between write and rename leaves a .part file nobody will finish.
    for (const auto& entry : fs::directory_iterator(folder_, error))
        if (entry.path().extension() == kPartSuffix)
            fs::remove(entry.path(), error);
}

fs::path DeckCache::folderIn(const fs::path& dataDir)
{
    return dataDir / "slides";
}

bool DeckCache::isSha256Hex(const std::string& text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

fs::path DeckCache::pathFor(const std::string& sha256) const
{
    return folder_ / (sha256 + ".pdf");
}

bool DeckCache::contains(const std::string& sha256) const
{
    std::error_code error;
    return isSha256Hex(sha256) && fs::is_regular_file(pathFor(sha256), error);
}

DeckCache::Loaded DeckCache::load(const std::string& sha256, std::int64_t nowMs)
{
    Loaded loaded;
    // The name comes from the network: only a hash may become a path.
    if (!contains(sha256))
        return loaded;
    const fs::path file = pathFor(sha256);
    std::error_code error;
    const auto size = fs::file_size(file, error);
    std::vector<char> bytes(error ? 0 : size);
    std::ifstream in(file, std::ios::binary);
    const bool read = !error && in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!read || sha256Hex(bytes.data(), bytes.size()) != sha256) {
        fs::remove(file, error);
        loaded.wasCorrupt = true;
        return loaded;
    }
    fs::last_write_time(file, fileTimeFromUnixMs(nowMs), error);
    loaded.bytes = std::move(bytes);
    return loaded;
}

Expected<fs::path> DeckCache::store(const std::vector<char>& bytes, const std::string& expectedSha256,
                                    std::int64_t nowMs)
{
    if (!isSha256Hex(expectedSha256))
        return DeckError{DeckErrorKind::BadArgument, "'" + expectedSha256 + "' is not a SHA-256"};
    if (static_cast<std::int64_t>(bytes.size()) > capBytes_)
        return DeckError{DeckErrorKind::TooLarge, "the deck is larger than the whole deck cache"};
    if (sha256Hex(bytes.data(), bytes.size()) != expectedSha256)
        return DeckError{DeckErrorKind::Corrupt, "the downloaded deck does not match its SHA-256"};
    auto stored = writeAtomically(bytes, expectedSha256);
    if (!stored)
        return stored;
    std::error_code error;
    fs::last_write_time(*stored, fileTimeFromUnixMs(nowMs), error);
    evictToFit(expectedSha256);
    return stored;
}

Expected<fs::path> DeckCache::writeAtomically(const std::vector<char>& bytes, const std::string& sha256)
{
    const fs::path target = pathFor(sha256);
    const fs::path part = folder_ / (sha256 + kPartSuffix);
    const int fd = ::open(part.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return ioError("cannot create " + part.string(), errno);
    const bool ok = writeAll(fd, bytes) && ::fsync(fd) == 0;
    const int writeErrno = errno;
    ::close(fd);
    std::error_code error;
    if (!ok) {
        fs::remove(part, error);
        return ioError("cannot write " + part.string(), writeErrno);
    }
    fs::rename(part, target, error);
    if (error) {
        fs::remove(part, error);
        return DeckError{DeckErrorKind::Io, "cannot move the deck into " + target.string()};
    }
    syncFolder(folder_);
    return target;
}

std::int64_t DeckCache::totalBytes() const
{
    std::int64_t total = 0;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder_, error))
        if (entry.path().extension() == ".pdf")
            total += static_cast<std::int64_t>(entry.file_size(error));
    return total;
}

void DeckCache::evictToFit(const std::string& keepSha256)
{
    struct Entry {
        fs::path file;
        fs::file_time_type lastUse;
        std::int64_t bytes;
    };
    std::vector<Entry> entries;
    std::int64_t total = 0;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder_, error)) {
        if (entry.path().extension() != ".pdf")
            continue;
        const auto bytes = static_cast<std::int64_t>(entry.file_size(error));
        total += bytes;
        if (entry.path().stem() != keepSha256)
            entries.push_back({entry.path(), entry.last_write_time(error), bytes});
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.lastUse < b.lastUse; });
    for (const Entry& entry : entries) {
        if (total <= capBytes_)
            break;
        if (fs::remove(entry.file, error))
            total -= entry.bytes;
    }
}

} // namespace spoke::slides
