#pragma once

#include <string>

namespace spoke::media {

// What an FFmpeg input device logs when opened with list_devices=true: the
// only way to list avfoundation's devices (it has no get_device_list), and
// dshow's on FFmpeg builds older than 5.0. The lines are those the device's
// own context logged, with FFmpeg's "[name @ 0x..] " prefix, for the pure
// parsers in windows/ and macos/. Sets av_log's process-wide callback for
// the duration (serialised here), so other threads' FFmpeg messages go to
// av_log_default_callback meanwhile, as they would otherwise.
std::string listDevicesLog(const char* formatName);

} // namespace spoke::media
