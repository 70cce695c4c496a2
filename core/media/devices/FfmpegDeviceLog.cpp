#include "media/devices/FfmpegDeviceLog.h"

#include "media/devices/FfmpegDevices.h"

extern "C" {
#include <libavdevice/avdevice.h>
#include <libavformat/avformat.h>
#include <libavutil/log.h>
}

#include <cctype>
#include <cstdarg>
#include <mutex>

namespace spoke::media {

namespace {

std::mutex captureMutex; // one capture at a time: the callback is process-wide
std::string* captured = nullptr; // guarded by captureMutex
const char* capturedFormat = nullptr; // the device whose lines are kept

// Whether `name` holds `part`, ignoring ASCII case: the log calls
// avfoundation "AVFoundation indev".
bool containsIgnoringCase(const char* name, const char* part)
{
    const auto lower = [](const char* text) {
        std::string out(text);
        for (char& c : out)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    return lower(name).find(lower(part)) != std::string::npos;
}

void captureLine(void* avcl, int level, const char* fmt, va_list args)
{
    // Only the device's own lines: another thread's decoder may log meanwhile.
    const AVClass* cls = avcl ? *static_cast<AVClass**>(avcl) : nullptr;
    const bool ours = cls && cls->item_name && containsIgnoringCase(cls->item_name(avcl), capturedFormat);
    if (!ours || level > AV_LOG_INFO) {
        av_log_default_callback(avcl, level, fmt, args);
        return;
    }
    char line[1024];
    int printPrefix = 1;
    va_list copy;
    va_copy(copy, args);
    av_log_format_line2(avcl, level, fmt, copy, line, sizeof line, &printPrefix);
    va_end(copy);
    captured->append(line);
}

} // namespace

std::string listDevicesLog(const char* formatName)
{
    registerFfmpegDevices();
    const AVInputFormat* format = av_find_input_format(formatName);
    if (!format)
        return {};
    std::lock_guard lock(captureMutex);
    std::string log;
    captured = &log;
    capturedFormat = formatName;
    av_log_set_callback(captureLine);
    AVDictionary* options = nullptr;
    av_dict_set(&options, "list_devices", "true", 0);
    AVFormatContext* context = nullptr;
    // Fails by design (AVERROR_EXIT) once the list is logged.
    if (avformat_open_input(&context, formatName == std::string("dshow") ? "dummy" : "", format, &options) >= 0)
        avformat_close_input(&context);
    av_dict_free(&options);
    av_log_set_callback(av_log_default_callback);
    captured = nullptr;
    return log;
}

} // namespace spoke::media
