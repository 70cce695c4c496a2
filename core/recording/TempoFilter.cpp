#include "recording/TempoFilter.h"

#include "recording/AudioOutput.h"
#include "recording/RecordingError.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/channel_layout.h>
}

#include <cstdio>
#include <string>

namespace spoke::recording {

namespace {

void check(int rc, const char* what)
{
    if (rc < 0)
        throw RecordingError(RecordingErrorKind::Codec, std::string("The audio speed filter failed (") + what
                                                            + "): " + avErrorText(rc));
}

} // namespace

TempoFilter::TempoFilter(const AVCodecContext& decoder, int outputChannels, double speed)
    : speed_(speed)
    , graph_(avfilter_graph_alloc())
    , filtered_(av_frame_alloc())
{
    if (!graph_ || !filtered_)
        throw std::bad_alloc();
    graph_->nb_threads = 1;

    char layout[128] = {};
    AVChannelLayout inputLayout{};
    if (decoder.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
        av_channel_layout_default(&inputLayout, decoder.ch_layout.nb_channels);
    else
        av_channel_layout_copy(&inputLayout, &decoder.ch_layout);
    av_channel_layout_describe(&inputLayout, layout, sizeof layout);
    av_channel_layout_uninit(&inputLayout);

    char sourceArgs[256] = {};
    std::snprintf(sourceArgs, sizeof sourceArgs, "time_base=1/%d:sample_rate=%d:sample_fmt=%s:channel_layout=%s",
                  decoder.sample_rate, decoder.sample_rate, av_get_sample_fmt_name(decoder.sample_fmt), layout);
    check(avfilter_graph_create_filter(&source_, avfilter_get_by_name("abuffer"), "in", sourceArgs, nullptr,
                                       graph_.get()),
          "source");
    check(avfilter_graph_create_filter(&sink_, avfilter_get_by_name("abuffersink"), "out", nullptr, nullptr,
                                       graph_.get()),
          "sink");

    // atempo takes 0.5–100; 1.0 skips it so normal speed is bit-exact.
    char chain[256] = {};
    std::snprintf(chain, sizeof chain, "%s,aformat=sample_fmts=s16:sample_rates=%d:channel_layouts=%s",
                  speed == 1.0 ? "anull" : ("atempo=" + std::to_string(speed)).c_str(), AudioOutput::kSampleRateHz,
                  outputChannels == 1 ? "mono" : "stereo");

    AVFilterInOut* outputs = avfilter_inout_alloc();
    AVFilterInOut* inputs = avfilter_inout_alloc();
    if (!outputs || !inputs) {
        avfilter_inout_free(&outputs);
        avfilter_inout_free(&inputs);
        throw std::bad_alloc();
    }
    outputs->name = av_strdup("in");
    outputs->filter_ctx = source_;
    inputs->name = av_strdup("out");
    inputs->filter_ctx = sink_;
    const int rc = avfilter_graph_parse_ptr(graph_.get(), chain, &inputs, &outputs, nullptr);
    avfilter_inout_free(&outputs);
    avfilter_inout_free(&inputs);
    check(rc, "parse");
    check(avfilter_graph_config(graph_.get(), nullptr), "configure");
}

void TempoFilter::push(AVFrame* frame, const std::function<void(const AVFrame&)>& out)
{
    affinity_.assertOwner();
    check(av_buffersrc_add_frame_flags(source_, frame, AV_BUFFERSRC_FLAG_KEEP_REF), "feed");
    for (;;) {
        const int rc = av_buffersink_get_frame(sink_, filtered_.get());
        if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
            return;
        check(rc, "drain");
        out(*filtered_);
        av_frame_unref(filtered_.get());
    }
}

} // namespace spoke::recording
