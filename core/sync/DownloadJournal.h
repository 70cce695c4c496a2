#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <filesystem>
#include <map>
#include <vector>

namespace spoke::sync {

// The file a download builds, and how it is cut into blocks.
struct DownloadJournalHeader {
    std::int64_t sizeBytes = 0;
    QByteArray sha256Hex; // the whole file's, 64 lower-case hex digits
    std::int64_t blockBytes = 0;

    std::int64_t blockCount() const { return blockBytes > 0 ? (sizeBytes + blockBytes - 1) / blockBytes : 0; }
    std::int64_t blockLength(std::int64_t index) const;
};

// The journal beside a partial download (`NAME.part.journal`): a header line
// naming the file (size, block size, SHA-256), then one line per completed
// block, `INDEX SHA256HEX`, each written with one write() and fdatasync'ed
// before the next block is counted. A crash or power cut leaves whole lines
// and at most a torn last one, which reading ignores. A journal is a claim
// about the partial file, never proof: RecordingDownload hashes each block on
// disk before trusting it, and downloads again from the first block whose
// bytes disagree.
//
// Owned by one thread; the file descriptor is closed by the destructor.
class DownloadJournal {
public:
    static std::filesystem::path pathFor(const std::filesystem::path& partial);

    // The block hashes the journal at `path` claims, by index. Empty when
    // there is no journal or it describes another file (another size, block
    // size or SHA-256: the hub's file changed). Reading stops at the first
    // line that is torn or malformed.
    static std::map<std::int64_t, QByteArray> readBlocks(const std::filesystem::path& path,
                                                         const DownloadJournalHeader& header);

    // Writes a new journal (owner-only; a temporary file fsynced and renamed
    // over the old one) holding the header and `verified`, the hashes of
    // blocks 0..n-1, and keeps it open to append to.
    static Expected<DownloadJournal, QString> create(const std::filesystem::path& path,
                                                     const DownloadJournalHeader& header,
                                                     const std::vector<QByteArray>& verified);

    DownloadJournal(DownloadJournal&& other) noexcept;
    DownloadJournal& operator=(DownloadJournal&& other) noexcept;
    DownloadJournal(const DownloadJournal&) = delete;
    DownloadJournal& operator=(const DownloadJournal&) = delete;
    ~DownloadJournal();

    // Block `index` is on disk with this hash: one line, fdatasync'ed.
    bool append(std::int64_t index, const QByteArray& sha256Hex);
    // Closes and deletes the journal (the download finished or was cancelled).
    void remove();

private:
    DownloadJournal(std::filesystem::path path, int fd) : path_(std::move(path)), fd_(fd) { }

    std::filesystem::path path_;
    int fd_ = -1;
};

// "spoke-download/1 SIZE BLOCK SHA256\n", the journal's first line.
QByteArray journalHeaderLine(const DownloadJournalHeader& header);
bool isSha256Hex(const QByteArray& text);

} // namespace spoke::sync
