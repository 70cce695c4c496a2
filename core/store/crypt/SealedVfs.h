#pragma once

#include "store/crypt/CacheKey.h"
#include "store/crypt/PageSeal.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace spoke::store::crypt {

// An SQLite VFS shim, registered as "spoke-sealed" over the default (unix)
// VFS, that seals every page written to a cache, its WAL and its rollback
// journal, and opens (authenticates, decrypts) every page read back
// (docs/architecture.md, "Encryption at rest"; PageSeal.h for the layout).
//
// What it handles, besides whole pages at page offsets: SQLite's 100- and
// 16-byte reads of page 1's header (served from the opened page), the WAL's
// 32-byte header and 24-byte frame headers (page numbers, salts and
// checksums: kept readable, no content) with whole-frame reads in recovery,
// and the journal's 4-byte page numbers and checksums around each page image.
// Anything else that would carry content fails closed: a write it cannot
// seal is an I/O error, never plaintext on disk; a page that does not open
// is SQLITE_IOERR_DATA, never wrong data. Temp files (temp tables, sorter,
// statement journals) are refused: sealed connections run with
// `temp_store = MEMORY` (openSealed in store/CacheEncryption.h), so SQLite
// opens none. Memory-mapped I/O is never offered (xFetch gives no page), so
// every read comes through here.
//
// Threading: registration is once per process (any thread); a file handle is
// used by its connection's thread only, as SQLite does.
const char* sealedVfsName();
// The default VFS's name ("unix"), for plain files opened from a sealed
// connection (VACUUM INTO a plain copy).
const char* plainVfsName();

// Lends a key to the VFS while the files that need it are opened (the
// connection, or VACUUM INTO's output): the file URI names the slot, never
// the key. An open file keeps its own copy of the key, so the slot may go as
// soon as the open returned.
class KeySlot {
public:
    explicit KeySlot(const CacheKey& key);
    ~KeySlot();
    KeySlot(const KeySlot&) = delete;
    KeySlot& operator=(const KeySlot&) = delete;

    std::int64_t id() const { return id_; }

private:
    std::int64_t id_;
};

// `file:` URI for `file` through `vfs`, with the key slot when given
// (https://sqlite.org/uri.html; the path is percent-encoded). `pageSize`
// matters for a new, empty sealed file only: the page size SQLite will use
// (with kReserveBytes reserved), which the VFS needs before page 1 is
// written, since SQLite may spill other pages of a new file first.
std::string fileUri(const std::filesystem::path& file, std::string_view vfs, std::optional<std::int64_t> slot,
                    int pageSize = 0);

// What a file's first bytes say, without a key.
struct FileInspection {
    enum class State { Missing, Empty, Plain, Sealed, Other };
    State state = State::Missing;
    int pageSize = 0; // Sealed only
    std::optional<KeyId> keyId; // Sealed only: page 1's key id
};
FileInspection inspectFile(const std::filesystem::path& file);

} // namespace spoke::store::crypt
