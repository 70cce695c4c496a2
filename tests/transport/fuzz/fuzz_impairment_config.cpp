// Impairment strings come from the command line and test configs; any text
// must parse or be refused with a message, and what parses must print back
// to an equal config.

#include "transport/ImpairmentConfig.h"

#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = spoke::transport::ImpairmentConfig::parse(text);
    if (!parsed.ok()) {
        if (parsed.error().message.empty())
            std::abort();
        return 0;
    }
    const auto again = spoke::transport::ImpairmentConfig::parse(parsed->toString());
    if (!again.ok())
        std::abort();
    return 0;
}
