#pragma once

#include "util/Expected.h"

#include <string>

namespace spoke::slides {

// Why a deck cannot be opened or a page cannot be shown, in terms a caller can
// act on: a presenter is told to export again, a follower refetches.
enum class DeckErrorKind {
    CannotRead = 1, // missing file, permissions
    NotPdf, // the bytes do not start like a PDF
    Encrypted, // opening needs a password a follower does not have
    Corrupt, // poppler could not read the document or a page of it
    NoPages,
    TooManyPages, // over DeckLimits::maxPages
    TooLarge, // over DeckLimits::maxBytes
    BadArgument, // a page index or width out of range (a caller bug or a bad event)
    RenderFailed,
    Io, // the deck cache could not read or write its folder
};

const char* toString(DeckErrorKind kind);

struct DeckError {
    DeckErrorKind kind;
    std::string message; // for logs and the CLI's stderr, not translated
};

template <typename T> using Expected = spoke::Expected<T, DeckError>;

} // namespace spoke::slides
