#include "slides/DeckError.h"

namespace spoke::slides {

const char* toString(DeckErrorKind kind)
{
    switch (kind) {
    case DeckErrorKind::CannotRead: return "cannot-read";
    case DeckErrorKind::NotPdf: return "not-pdf";
    case DeckErrorKind::Encrypted: return "encrypted";
    case DeckErrorKind::Corrupt: return "corrupt";
    case DeckErrorKind::NoPages: return "no-pages";
    case DeckErrorKind::TooManyPages: return "too-many-pages";
    case DeckErrorKind::TooLarge: return "too-large";
    case DeckErrorKind::BadArgument: return "bad-argument";
    case DeckErrorKind::RenderFailed: return "render-failed";
    case DeckErrorKind::Io: return "io";
    }
    return "unknown";
}

} // namespace spoke::slides
