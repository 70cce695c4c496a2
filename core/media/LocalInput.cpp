#include "media/LocalInput.h"

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
}

#include <array>
#include <cstring>
#include <fstream>

namespace spoke::media {

namespace {

// FFmpeg's demuxer names; a whitelist entry matches a demuxer when any of
// the comma-separated names of each agree (av_match_list).
const char* demuxersFor(LocalInputKind kind)
{
    switch (kind) {
    case LocalInputKind::Recording: return "matroska,webm,mov,mp4";
    case LocalInputKind::PngPhoto: return "png_pipe";
    case LocalInputKind::JpegPhoto: return "jpeg_pipe";
    }
    return "";
}

bool isIsoBmffBox(const char* type)
{
    // The top-level boxes an MP4 or QuickTime file starts with.
    for (const char* box : {"ftyp", "moov", "mdat", "free", "skip", "wide", "pnot"}) {
        if (std::memcmp(type, box, 4) == 0)
            return true;
    }
    return false;
}

} // namespace

std::string containerMismatch(const std::filesystem::path& file, LocalInputKind kind)
{
    std::array<char, 12> head{};
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return "it cannot be read";
    in.read(head.data(), head.size());
    const auto got = in.gcount();
    const auto starts = [&](const char* magic, std::size_t size) {
        return static_cast<std::size_t>(got) >= size && std::memcmp(head.data(), magic, size) == 0;
    };
    switch (kind) {
    case LocalInputKind::Recording:
        if (starts("\x1A\x45\xDF\xA3", 4) || (got >= 8 && isIsoBmffBox(head.data() + 4)))
            return {};
        return "it is not a WebM, Matroska, MP4 or MOV file";
    case LocalInputKind::PngPhoto: return starts("\x89PNG\r\n\x1A\n", 8) ? std::string() : "it is not a PNG image";
    case LocalInputKind::JpegPhoto: return starts("\xFF\xD8\xFF", 3) ? std::string() : "it is not a JPEG image";
    }
    return "unknown kind";
}

LocalInputResult openLocalInput(const std::filesystem::path& file, LocalInputKind kind)
{
    LocalInputResult result;
    result.refusal = containerMismatch(file, kind);
    if (!result.refusal.empty())
        return result;
    AVDictionary* options = nullptr;
    av_dict_set(&options, "protocol_whitelist", "file", 0);
    av_dict_set(&options, "format_whitelist", demuxersFor(kind), 0);
    const AVInputFormat* forced = nullptr;
    if (kind != LocalInputKind::Recording)
        forced = av_find_input_format(demuxersFor(kind));
    // "file:" so a path that looks like a URL ("concat:…", "http:…") is
    // still a path.
    const std::string url = "file:" + file.string();
    AVFormatContext* raw = nullptr;
    result.error = avformat_open_input(&raw, url.c_str(), forced, &options);
    av_dict_free(&options);
    if (result.error >= 0)
        result.context.reset(raw);
    return result;
}

} // namespace spoke::media
