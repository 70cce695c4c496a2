#include "store/crypt/SealedVfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace spoke::store::crypt {

namespace {

// ---- Key slots --------------------------------------------------------------

std::mutex& slotMutex()
{
    static std::mutex mutex;
    return mutex;
}

std::map<std::int64_t, CacheKey>& slots()
{
    static std::map<std::int64_t, CacheKey> map;
    return map;
}

std::optional<CacheKey> keyInSlot(std::int64_t id)
{
    const std::lock_guard lock(slotMutex());
    const auto it = slots().find(id);
    if (it == slots().end())
        return std::nullopt;
    return it->second;
}

// ---- The file handle ----------------------------------------------------------

enum class Role { Database, Wal, Journal, Passthrough };

constexpr std::int64_t kWalHeaderBytes = 32;
constexpr std::int64_t kFrameHeaderBytes = 24;
constexpr unsigned char kJournalMagic[8] = {0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7};

struct Handle {
    Role role = Role::Passthrough;
    Handle* database = nullptr; // the main database's handle (itself for Database)
    std::optional<CacheKey> key; // Database only; the WAL and journal take theirs from it
    std::unique_ptr<PageCipher> cipher;
    int pageSize = 0; // Database: from page 1's readable header, or its first write
    // Database: page 1 said it leaves kReserveBytes, or the opener of a new
    // file promised it (spoke_page_size), since SQLite may spill later pages
    // of a new file before page 1.
    bool reserveChecked = false;
    // The last page number written before a page (journal) or frame header
    // (WAL), and where: SQLite writes it just before the page itself.
    std::int64_t prefixOffset = -1;
    std::uint32_t prefixPageNumber = 0;
    std::vector<unsigned char> scratch;

    int pageSizeNow() const { return database ? database->pageSize : 0; }
    unsigned char* scratchOf(std::size_t size)
    {
        if (scratch.size() < size)
            scratch.resize(size);
        return scratch.data();
    }
};

struct SealedFile {
    sqlite3_file base; // first: SQLite sees a sqlite3_file
    Handle* handle;
    sqlite3_file* real; // the default VFS's file, in the same allocation
};

SealedFile* sealedOf(sqlite3_file* file)
{
    return reinterpret_cast<SealedFile*>(file);
}

sqlite3_vfs* underlying()
{
    static sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);
    return vfs;
}

constexpr int realOffset()
{
    return static_cast<int>((sizeof(SealedFile) + 7) & ~std::size_t{7});
}

std::uint32_t bigEndian32(const unsigned char* bytes)
{
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) | (std::uint32_t{bytes[2]} << 8)
           | std::uint32_t{bytes[3]};
}

bool allZero(const unsigned char* bytes, std::size_t size)
{
    return std::all_of(bytes, bytes + size, [](unsigned char b) { return b == 0; });
}

int realRead(SealedFile* f, void* buffer, int amount, sqlite3_int64 offset)
{
    return f->real->pMethods->xRead(f->real, buffer, amount, offset);
}

int realWrite(SealedFile* f, const void* buffer, int amount, sqlite3_int64 offset)
{
    return f->real->pMethods->xWrite(f->real, buffer, amount, offset);
}

sqlite3_int64 realSize(SealedFile* f)
{
    sqlite3_int64 size = 0;
    return f->real->pMethods->xFileSize(f->real, &size) == SQLITE_OK ? size : -1;
}

// Reads the sealed page at `offset` into `page` and opens it. A page past
// the end of the file reads as zeros (SQLITE_IOERR_SHORT_READ, as the unix
// VFS answers); a page cut short inside the file, or one that fails to open,
// is SQLITE_IOERR_DATA.
int readSealedPage(SealedFile* f, unsigned char* page, sqlite3_int64 offset, std::uint32_t pageNumber, FileKind kind)
{
    Handle& h = *f->handle;
    const int pageSize = h.pageSizeNow();
    const int rc = realRead(f, page, pageSize, offset);
    if (rc == SQLITE_IOERR_SHORT_READ) {
        if (offset >= realSize(f)) {
            std::memset(page, 0, static_cast<std::size_t>(pageSize));
            return SQLITE_IOERR_SHORT_READ;
        }
        std::memset(page, 0, static_cast<std::size_t>(pageSize));
        return SQLITE_IOERR_DATA;
    }
    if (rc != SQLITE_OK)
        return rc;
    const OpenResult opened = h.cipher->open(page, pageSize, pageNumber, kind);
    if (opened != OpenResult::Ok) {
        sqlite3_log(SQLITE_IOERR_DATA, "spoke-sealed: page %u of a %s %s", pageNumber,
                    kind == FileKind::Database ? "database" : (kind == FileKind::Wal ? "WAL" : "journal"),
                    opened == OpenResult::WrongKey ? "is sealed with another key" : "failed its authentication");
        return SQLITE_IOERR_DATA;
    }
    if (kind == FileKind::Database && pageNumber == 1 && page[20] >= kReserveBytes)
        h.reserveChecked = true;
    return SQLITE_OK;
}

int sealAndWrite(SealedFile* f, const unsigned char* plain, sqlite3_int64 offset, std::uint32_t pageNumber,
                 FileKind kind)
{
    Handle& h = *f->handle;
    const int pageSize = h.pageSizeNow();
    unsigned char* sealed = h.scratchOf(static_cast<std::size_t>(pageSize));
    if (!h.cipher->seal(plain, sealed, pageSize, pageNumber, kind))
        return SQLITE_IOERR_WRITE;
    return realWrite(f, sealed, pageSize, offset);
}

// ---- Main database file -----------------------------------------------------

int databaseRead(SealedFile* f, unsigned char* out, int amount, sqlite3_int64 offset)
{
    Handle& h = *f->handle;
    if (h.pageSize == 0) // a new, empty file: nothing sealed to read yet
        return realRead(f, out, amount, offset);
    const sqlite3_int64 pageSize = h.pageSize;
    int result = SQLITE_OK;
    for (sqlite3_int64 pos = offset, end = offset + amount; pos < end;) {
        const sqlite3_int64 pageStart = pos / pageSize * pageSize;
        const auto pageNumber = static_cast<std::uint32_t>(pos / pageSize + 1);
        const sqlite3_int64 take = std::min(end, pageStart + pageSize) - pos;
        unsigned char* target = out + (pos - offset);
        const bool whole = pos == pageStart && take == pageSize;
        unsigned char* page = whole ? target : h.scratchOf(static_cast<std::size_t>(pageSize));
        const int rc = readSealedPage(f, page, pageStart, pageNumber, FileKind::Database);
        if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
            return rc;
        if (rc == SQLITE_IOERR_SHORT_READ)
            result = rc;
        if (!whole)
            std::memcpy(target, page + (pos - pageStart), static_cast<std::size_t>(take));
        pos += take;
    }
    return result;
}

bool plausiblePage1(const unsigned char* plain, int amount)
{
    if (amount < 512 || amount > 65536 || (amount & (amount - 1)) != 0)
        return false;
    const int stored = (plain[16] << 8) | plain[17];
    return (stored == 1 ? 65536 : stored) == amount;
}

int databaseWrite(SealedFile* f, const unsigned char* plain, int amount, sqlite3_int64 offset)
{
    Handle& h = *f->handle;
    if (h.pageSize == 0 && offset == 0 && plausiblePage1(plain, amount))
        h.pageSize = amount; // the first page of a new file says its size
    if (h.pageSize == 0 || amount != h.pageSize || offset % h.pageSize != 0)
        return SQLITE_IOERR_WRITE; // not a whole page: cannot be sealed, so not written
    const auto pageNumber = static_cast<std::uint32_t>(offset / h.pageSize + 1);
    if (pageNumber == 1) {
        // The seal lives in the page's reserved bytes: SQLite must leave them.
        if (plain[20] < kReserveBytes)
            return SQLITE_IOERR_WRITE;
        h.reserveChecked = true;
    }
    if (!h.reserveChecked)
        return SQLITE_IOERR_WRITE;
    return sealAndWrite(f, plain, offset, pageNumber, FileKind::Database);
}

// ---- WAL ----------------------------------------------------------------------
// Layout (https://sqlite.org/fileformat2.html#walformat): a 32-byte header,
// then frames of a 24-byte header (page number first) and one page.

struct WalRegion {
    sqlite3_int64 start = 0; // of the region holding `pos`
    sqlite3_int64 end = 0;
    sqlite3_int64 frameStart = -1; // for page regions: where its frame header is
};

WalRegion walRegionAt(sqlite3_int64 pos, sqlite3_int64 pageSize)
{
    if (pos < kWalHeaderBytes)
        return {0, kWalHeaderBytes, -1};
    const sqlite3_int64 frameBytes = kFrameHeaderBytes + pageSize;
    const sqlite3_int64 frameStart = kWalHeaderBytes + (pos - kWalHeaderBytes) / frameBytes * frameBytes;
    if (pos < frameStart + kFrameHeaderBytes)
        return {frameStart, frameStart + kFrameHeaderBytes, -1};
    return {frameStart + kFrameHeaderBytes, frameStart + frameBytes, frameStart};
}

int walReadPage(SealedFile* f, const WalRegion& region, unsigned char* target, sqlite3_int64 pos, sqlite3_int64 take)
{
    Handle& h = *f->handle;
    const int pageSize = h.pageSizeNow();
    unsigned char* frame = h.scratchOf(static_cast<std::size_t>(kFrameHeaderBytes + pageSize));
    const int rc = realRead(f, frame, static_cast<int>(kFrameHeaderBytes), region.frameStart);
    if (rc == SQLITE_IOERR_SHORT_READ && region.frameStart >= realSize(f)) {
        std::memset(target, 0, static_cast<std::size_t>(take));
        return rc;
    }
    if (rc != SQLITE_OK)
        return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_DATA : rc;
    unsigned char* page = frame + kFrameHeaderBytes;
    const int opened = readSealedPage(f, page, region.start, bigEndian32(frame), FileKind::Wal);
    if (opened != SQLITE_OK)
        return opened == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_DATA : opened;
    std::memcpy(target, page + (pos - region.start), static_cast<std::size_t>(take));
    return SQLITE_OK;
}

int walRead(SealedFile* f, unsigned char* out, int amount, sqlite3_int64 offset)
{
    const int pageSize = f->handle->pageSizeNow();
    if (pageSize == 0)
        return SQLITE_IOERR_READ;
    int result = SQLITE_OK;
    for (sqlite3_int64 pos = offset, end = offset + amount; pos < end;) {
        const WalRegion region = walRegionAt(pos, pageSize);
        const sqlite3_int64 take = std::min(end, region.end) - pos;
        unsigned char* target = out + (pos - offset);
        const int rc = region.frameStart < 0 ? realRead(f, target, static_cast<int>(take), pos)
                                             : walReadPage(f, region, target, pos, take);
        if (rc == SQLITE_IOERR_SHORT_READ) {
            std::memset(out + (pos - offset), 0, static_cast<std::size_t>(end - pos));
            return rc;
        }
        if (rc != SQLITE_OK)
            return rc;
        pos += take;
    }
    return result;
}

int walWrite(SealedFile* f, const unsigned char* in, int amount, sqlite3_int64 offset)
{
    Handle& h = *f->handle;
    const int pageSize = h.pageSizeNow();
    if (pageSize == 0)
        return SQLITE_IOERR_WRITE;
    for (sqlite3_int64 pos = offset, end = offset + amount; pos < end;) {
        const WalRegion region = walRegionAt(pos, pageSize);
        const sqlite3_int64 take = std::min(end, region.end) - pos;
        const unsigned char* source = in + (pos - offset);
        int rc = SQLITE_OK;
        if (region.frameStart < 0) {
            if (pos == region.start && take == kFrameHeaderBytes && pos >= kWalHeaderBytes) {
                h.prefixOffset = pos;
                h.prefixPageNumber = bigEndian32(source);
            }
            rc = realWrite(f, source, static_cast<int>(take), pos);
        } else {
            // Only whole pages can be sealed; SQLite checksums the frame over
            // the page as given, so its reserved bytes must be the zeros it
            // will read back (PageCipher::open).
            if (pos != region.start || take != pageSize
                || !allZero(source + pageSize - kReserveBytes, static_cast<std::size_t>(kReserveBytes)))
                return SQLITE_IOERR_WRITE;
            std::uint32_t pageNumber = h.prefixPageNumber;
            if (h.prefixOffset != region.frameStart) {
                unsigned char header[4];
                rc = realRead(f, header, 4, region.frameStart);
                if (rc != SQLITE_OK)
                    return SQLITE_IOERR_WRITE;
                pageNumber = bigEndian32(header);
            }
            rc = sealAndWrite(f, source, pos, pageNumber, FileKind::Wal);
        }
        if (rc != SQLITE_OK)
            return rc;
        pos += take;
    }
    return SQLITE_OK;
}

// ---- Rollback journal -----------------------------------------------------------
// Layout (https://sqlite.org/fileformat2.html#rollbackjournal): headers at
// multiples of the sector size (>= 512), then records of a 4-byte page
// number, the page, a 4-byte checksum. A page image therefore always starts
// 4 bytes past a multiple of 8, and nothing else of a page's size does.

bool isJournalPage(int pageSize, int amount, sqlite3_int64 offset)
{
    return pageSize > 0 && amount == pageSize && offset % 8 == 4;
}

int journalRead(SealedFile* f, unsigned char* out, int amount, sqlite3_int64 offset)
{
    Handle& h = *f->handle;
    const int pageSize = h.pageSizeNow();
    if (!isJournalPage(pageSize, amount, offset))
        return realRead(f, out, amount, offset);
    unsigned char header[4];
    const int rc = realRead(f, header, 4, offset - 4);
    if (rc != SQLITE_OK)
        return rc == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_DATA : rc;
    const int opened = readSealedPage(f, out, offset, bigEndian32(header), FileKind::Journal);
    return opened == SQLITE_IOERR_SHORT_READ ? SQLITE_IOERR_DATA : opened;
}

int journalWrite(SealedFile* f, const unsigned char* in, int amount, sqlite3_int64 offset)
{
    Handle& h = *f->handle;
    const int pageSize = h.pageSizeNow();
    if (isJournalPage(pageSize, amount, offset)) {
        std::uint32_t pageNumber = h.prefixPageNumber;
        if (h.prefixOffset != offset - 4) {
            unsigned char header[4];
            if (realRead(f, header, 4, offset - 4) != SQLITE_OK)
                return SQLITE_IOERR_WRITE;
            pageNumber = bigEndian32(header);
        }
        return sealAndWrite(f, in, offset, pageNumber, FileKind::Journal);
    }
    if (amount == 4) {
        h.prefixOffset = offset;
        h.prefixPageNumber = bigEndian32(in);
    }
    // A header (magic, counts, sizes, then zeros) is the only other write
    // that can be as long as a page; anything else that long is refused.
    const bool header = amount >= 28 && std::memcmp(in, kJournalMagic, sizeof kJournalMagic) == 0
                        && allZero(in + 28, static_cast<std::size_t>(amount - 28));
    if (pageSize > 0 && amount >= pageSize && !header)
        return SQLITE_IOERR_WRITE;
    if (pageSize == 0 && amount > 512 && !header)
        return SQLITE_IOERR_WRITE;
    return realWrite(f, in, amount, offset);
}

// ---- sqlite3_io_methods ---------------------------------------------------------

int xClose(sqlite3_file* file)
{
    SealedFile* f = sealedOf(file);
    const int rc = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
    delete f->handle;
    f->handle = nullptr;
    return rc;
}

int xRead(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset)
{
    SealedFile* f = sealedOf(file);
    auto* out = static_cast<unsigned char*>(buffer);
    switch (f->handle->role) {
    case Role::Database: return databaseRead(f, out, amount, offset);
    case Role::Wal: return walRead(f, out, amount, offset);
    case Role::Journal: return journalRead(f, out, amount, offset);
    case Role::Passthrough: break;
    }
    return realRead(f, buffer, amount, offset);
}

int xWrite(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset)
{
    SealedFile* f = sealedOf(file);
    const auto* in = static_cast<const unsigned char*>(buffer);
    switch (f->handle->role) {
    case Role::Database: return databaseWrite(f, in, amount, offset);
    case Role::Wal: return walWrite(f, in, amount, offset);
    case Role::Journal: return journalWrite(f, in, amount, offset);
    case Role::Passthrough: break;
    }
    return realWrite(f, buffer, amount, offset);
}

sqlite3_file* realOf(sqlite3_file* file)
{
    return sealedOf(file)->real;
}

int xTruncate(sqlite3_file* file, sqlite3_int64 size)
{
    return realOf(file)->pMethods->xTruncate(realOf(file), size);
}
int xSync(sqlite3_file* file, int flags)
{
    return realOf(file)->pMethods->xSync(realOf(file), flags);
}
int xFileSize(sqlite3_file* file, sqlite3_int64* size)
{
    return realOf(file)->pMethods->xFileSize(realOf(file), size);
}
int xLock(sqlite3_file* file, int level)
{
    return realOf(file)->pMethods->xLock(realOf(file), level);
}
int xUnlock(sqlite3_file* file, int level)
{
    return realOf(file)->pMethods->xUnlock(realOf(file), level);
}
int xCheckReservedLock(sqlite3_file* file, int* out)
{
    return realOf(file)->pMethods->xCheckReservedLock(realOf(file), out);
}
int xFileControl(sqlite3_file* file, int op, void* arg)
{
    return realOf(file)->pMethods->xFileControl(realOf(file), op, arg);
}
int xSectorSize(sqlite3_file* file)
{
    return realOf(file)->pMethods->xSectorSize(realOf(file));
}
int xDeviceCharacteristics(sqlite3_file* file)
{
    return realOf(file)->pMethods->xDeviceCharacteristics(realOf(file));
}
int xShmMap(sqlite3_file* file, int page, int pageSize, int extend, void volatile** out)
{
    return realOf(file)->pMethods->xShmMap(realOf(file), page, pageSize, extend, out);
}
int xShmLock(sqlite3_file* file, int offset, int n, int flags)
{
    return realOf(file)->pMethods->xShmLock(realOf(file), offset, n, flags);
}
void xShmBarrier(sqlite3_file* file)
{
    realOf(file)->pMethods->xShmBarrier(realOf(file));
}
int xShmUnmap(sqlite3_file* file, int deleteFlag)
{
    return realOf(file)->pMethods->xShmUnmap(realOf(file), deleteFlag);
}

// No memory-mapped pages: SQLite then reads through xRead, which opens them.
int xFetch(sqlite3_file*, sqlite3_int64, int, void** out)
{
    *out = nullptr;
    return SQLITE_OK;
}
int xUnfetch(sqlite3_file*, sqlite3_int64, void*)
{
    return SQLITE_OK;
}

const sqlite3_io_methods kMethods = {
    3,
    xClose,
    xRead,
    xWrite,
    xTruncate,
    xSync,
    xFileSize,
    xLock,
    xUnlock,
    xCheckReservedLock,
    xFileControl,
    xSectorSize,
    xDeviceCharacteristics,
    xShmMap,
    xShmLock,
    xShmBarrier,
    xShmUnmap,
    xFetch,
    xUnfetch,
};

// ---- sqlite3_vfs ------------------------------------------------------------------

std::unique_ptr<Handle> handleFor(sqlite3_filename name, int flags)
{
    auto handle = std::make_unique<Handle>();
    if (flags & SQLITE_OPEN_MAIN_DB) {
        auto key = name ? keyInSlot(sqlite3_uri_int64(name, "spoke_key", -1)) : std::nullopt;
        if (!key)
            return nullptr;
        handle->role = Role::Database;
        handle->database = handle.get();
        handle->cipher = std::make_unique<PageCipher>(*key);
        handle->key = std::move(key);
        return handle;
    }
    if (flags & (SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL)) {
        sqlite3_file* db = name ? sqlite3_database_file_object(name) : nullptr;
        if (!db || db->pMethods != &kMethods || !sealedOf(db)->handle || !sealedOf(db)->handle->key)
            return nullptr;
        handle->role = (flags & SQLITE_OPEN_WAL) ? Role::Wal : Role::Journal;
        handle->database = sealedOf(db)->handle;
        handle->cipher = std::make_unique<PageCipher>(*handle->database->key);
        return handle;
    }
    if (flags & SQLITE_OPEN_SUPER_JOURNAL) { // names of journals only, no content
        handle->role = Role::Passthrough;
        return handle;
    }
    return nullptr; // temp files: refused (see SealedVfs.h)
}

// Reads page 1's readable header: a sealed file's page size; or, for an
// empty file, the page size its opener gives (fileUri's pageSize).
int learnPageSize(SealedFile* f, sqlite3_filename name)
{
    const sqlite3_int64 size = realSize(f);
    if (size == 0) {
        const auto given = static_cast<int>(sqlite3_uri_int64(name, "spoke_page_size", 0));
        if (given >= 512 && given <= 65536 && (given & (given - 1)) == 0) {
            f->handle->pageSize = given;
            f->handle->reserveChecked = true;
        }
        return SQLITE_OK;
    }
    unsigned char first[kHeaderBytes];
    if (size < kHeaderBytes || realRead(f, first, kHeaderBytes, 0) != SQLITE_OK)
        return SQLITE_NOTADB;
    const auto pageSize = sealedPageSize(first);
    if (!pageSize)
        return SQLITE_NOTADB; // a plain (or foreign) file: never opened through the seal
    f->handle->pageSize = *pageSize;
    return SQLITE_OK;
}

int vfsOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags)
{
    auto* f = sealedOf(file);
    f->base.pMethods = nullptr;
    f->handle = nullptr;
    f->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + realOffset());
    std::unique_ptr<Handle> handle;
    try {
        handle = handleFor(name, flags);
    } catch (const std::exception&) {
        return SQLITE_CANTOPEN;
    }
    if (!handle)
        return SQLITE_CANTOPEN;
    const int rc = underlying()->xOpen(underlying(), name, f->real, flags, outFlags);
    if (rc != SQLITE_OK)
        return rc;
    f->handle = handle.release();
    if (f->handle->role == Role::Database) {
        if (const int learned = learnPageSize(f, name); learned != SQLITE_OK) {
            xClose(file);
            return learned;
        }
    }
    f->base.pMethods = &kMethods;
    return SQLITE_OK;
}

int vfsDelete(sqlite3_vfs*, const char* name, int syncDir)
{
    return underlying()->xDelete(underlying(), name, syncDir);
}
int vfsAccess(sqlite3_vfs*, const char* name, int flags, int* out)
{
    return underlying()->xAccess(underlying(), name, flags, out);
}
int vfsFullPathname(sqlite3_vfs*, const char* name, int size, char* out)
{
    return underlying()->xFullPathname(underlying(), name, size, out);
}
void* vfsDlOpen(sqlite3_vfs*, const char* name)
{
    return underlying()->xDlOpen(underlying(), name);
}
void vfsDlError(sqlite3_vfs*, int size, char* out)
{
    underlying()->xDlError(underlying(), size, out);
}
void (*vfsDlSym(sqlite3_vfs*, void* library, const char* symbol))(void)
{
    return underlying()->xDlSym(underlying(), library, symbol);
}
void vfsDlClose(sqlite3_vfs*, void* library)
{
    underlying()->xDlClose(underlying(), library);
}
int vfsRandomness(sqlite3_vfs*, int size, char* out)
{
    return underlying()->xRandomness(underlying(), size, out);
}
int vfsSleep(sqlite3_vfs*, int microseconds)
{
    return underlying()->xSleep(underlying(), microseconds);
}
int vfsCurrentTime(sqlite3_vfs*, double* out)
{
    return underlying()->xCurrentTime(underlying(), out);
}
int vfsGetLastError(sqlite3_vfs*, int size, char* out)
{
    return underlying()->xGetLastError(underlying(), size, out);
}
int vfsCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out)
{
    return underlying()->xCurrentTimeInt64(underlying(), out);
}

sqlite3_vfs* registeredVfs()
{
    static sqlite3_vfs vfs{};
    static std::once_flag once;
    std::call_once(once, [] {
        sqlite3_initialize();
        sqlite3_vfs* base = underlying();
        vfs.iVersion = 2;
        vfs.szOsFile = realOffset() + base->szOsFile;
        vfs.mxPathname = base->mxPathname;
        vfs.zName = "spoke-sealed";
        vfs.xOpen = vfsOpen;
        vfs.xDelete = vfsDelete;
        vfs.xAccess = vfsAccess;
        vfs.xFullPathname = vfsFullPathname;
        vfs.xDlOpen = vfsDlOpen;
        vfs.xDlError = vfsDlError;
        vfs.xDlSym = vfsDlSym;
        vfs.xDlClose = vfsDlClose;
        vfs.xRandomness = vfsRandomness;
        vfs.xSleep = vfsSleep;
        vfs.xCurrentTime = vfsCurrentTime;
        vfs.xGetLastError = vfsGetLastError;
        vfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
        sqlite3_vfs_register(&vfs, 0);
    });
    return &vfs;
}

} // namespace

const char* sealedVfsName()
{
    return registeredVfs()->zName;
}

const char* plainVfsName()
{
    sqlite3_initialize();
    return underlying()->zName;
}

KeySlot::KeySlot(const CacheKey& key)
{
    static std::int64_t next = 1;
    const std::lock_guard lock(slotMutex());
    id_ = next++;
    slots().emplace(id_, key);
}

KeySlot::~KeySlot()
{
    const std::lock_guard lock(slotMutex());
    slots().erase(id_);
}

std::string fileUri(const std::filesystem::path& file, std::string_view vfs, std::optional<std::int64_t> slot,
                    int pageSize)
{
    const std::string path = std::filesystem::absolute(file).string();
    std::string uri = "file:";
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || std::strchr("/-_.~", c)) {
            uri += c;
        } else {
            uri += '%';
            uri += kHex[byte >> 4];
            uri += kHex[byte & 0x0f];
        }
    }
    uri += "?vfs=";
    uri += vfs;
    if (slot)
        uri += "&spoke_key=" + std::to_string(*slot);
    if (pageSize > 0)
        uri += "&spoke_page_size=" + std::to_string(pageSize);
    return uri;
}

FileInspection inspectFile(const std::filesystem::path& file)
{
    FileInspection result;
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (error)
        return result;
    if (size == 0) {
        result.state = FileInspection::State::Empty;
        return result;
    }
    std::ifstream in(file, std::ios::binary);
    unsigned char first[kHeaderBytes] = {};
    in.read(reinterpret_cast<char*>(first), kHeaderBytes);
    if (in.gcount() == kHeaderBytes && std::memcmp(first, "SQLite format 3", kHeaderBytes) == 0) {
        result.state = FileInspection::State::Plain;
        return result;
    }
    const auto pageSize = in.gcount() == kHeaderBytes ? sealedPageSize(first) : std::nullopt;
    result.state = FileInspection::State::Other;
    if (!pageSize)
        return result;
    result.state = FileInspection::State::Sealed;
    result.pageSize = *pageSize;
    KeyId id{};
    in.seekg(*pageSize - kKeyIdBytes);
    in.read(reinterpret_cast<char*>(id.data()), kKeyIdBytes);
    if (in.gcount() == kKeyIdBytes)
        result.keyId = id;
    return result;
}

} // namespace spoke::store::crypt
