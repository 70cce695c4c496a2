// Deck::fromBytes and a small render of page 0 on arbitrary bytes: a deck
// comes from a presenter's laptop through the hub to every clinic, so a
// damaged or hostile PDF must come back as a DeckError, never a crash.
// The render is 64 pixels wide so that each input stays fast (scripts/fuzz
// also gives every input a -timeout).

#include "slides/Deck.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::vector<char> bytes(reinterpret_cast<const char*>(data), reinterpret_cast<const char*>(data) + size);
    auto deck = spoke::slides::Deck::fromBytes(std::move(bytes), spoke::slides::DeckLimits{1 << 20, 50});
    if (!deck) {
        if (deck.error().message.empty())
            __builtin_trap();
        return 0;
    }
    if (deck->pageCount() < 1 || deck->pageCount() > 50 || deck->sha256().size() != 64)
        __builtin_trap();
    auto page = deck->renderPage(0, 64);
    if (page && (page->width() != 64 || page->height() < 1 || page->height() > spoke::slides::kMaxRenderHeightPx))
        __builtin_trap();
    return 0;
}
