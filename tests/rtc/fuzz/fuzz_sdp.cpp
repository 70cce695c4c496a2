// Any text: a SessionDescription that writes back to text parsing to the
// same model, or an error. Never a crash or a hang. Valid offers also go
// through the subscriber-answer builder.
#include "rtc/JsepBuilder.h"
#include "rtc/SessionDescription.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace spoke::rtc;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = SessionDescription::parse(text);
    if (!parsed)
        return 0;
    auto again = SessionDescription::parse(parsed->toString());
    if (!again || !(*again == *parsed))
        std::abort(); // the writer lost or changed something
    (void)jsep::buildSubscriberAnswer(*parsed, jsep::SubscriberAnswerOptions{});
    return 0;
}
