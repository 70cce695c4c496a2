#pragma once

// RAII for the FFmpeg handles media/AvHandles.h does not cover: output
// contexts (the file must be closed before the context is freed) and filter
// graphs.

extern "C" {
#include <libavfilter/avfilter.h>
#include <libavformat/avformat.h>
}

#include <memory>

namespace spoke::recording {

struct AvOutputContextDeleter {
    void operator()(AVFormatContext* context) const
    {
        if (context->pb && !(context->oformat->flags & AVFMT_NOFILE))
            avio_closep(&context->pb);
        avformat_free_context(context);
    }
};
struct AvFilterGraphDeleter {
    void operator()(AVFilterGraph* graph) const { avfilter_graph_free(&graph); }
};

using AvOutputContextPtr = std::unique_ptr<AVFormatContext, AvOutputContextDeleter>;
using AvFilterGraphPtr = std::unique_ptr<AVFilterGraph, AvFilterGraphDeleter>;

} // namespace spoke::recording
