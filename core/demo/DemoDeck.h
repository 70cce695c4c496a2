#pragma once

#include <string>
#include <vector>

namespace spoke::demo {

// One slide of the demo deck: a heading and a few bullet lines.
struct DemoSlide {
    std::string heading;
    std::vector<std::string> lines;
};

// The demo recording's slides as a real PDF (cairo's PDF surface, text laid
// out by pango, as the hub's certificates are), 16:9 so a page fills the
// recording's picture without bars. The same bytes every call for the same
// slides (no creation date), so the deck's SHA-256 is stable across seeds.
// Throws std::runtime_error if cairo fails.
std::vector<char> renderDemoDeck(const std::string& title, const std::vector<DemoSlide>& slides);

} // namespace spoke::demo
