#include "Commands.h"

#include "bench/MediaBench.h"
#include "media/MediaError.h"
#include "media/devices/DeviceRegistry.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace spoke::cli {

namespace {

QJsonObject toJson(const bench::Summary& s)
{
    return QJsonObject{{QStringLiteral("median"), s.median},
                       {QStringLiteral("p95"), s.p95},
                       {QStringLiteral("max"), s.max},
                       {QStringLiteral("mean"), s.mean},
                       {QStringLiteral("count"), s.count}};
}

QCommandLineOption valueOption(const char* name, const char* valueName, const char* defaultValue)
{
    return {QString::fromLatin1(name), QString::fromLatin1(name), QString::fromLatin1(valueName),
            QString::fromLatin1(defaultValue)};
}

// Parses `args` with the options every media bench shares; prints the error
// and returns false on bad usage.
bool parse(QCommandLineParser& parser, const char* command, const QStringList& args)
{
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON")});
    parser.addOption(valueOption("size", "WxH", "640x360"));
    parser.addOption(valueOption("fps", "N", "30"));
    parser.addOption(valueOption("seconds", "S", "10"));
    parser.addOption(valueOption("bitrate", "BPS", "0"));
    if (!parser.parse(QStringList{QString::fromLatin1(command)} + args)) {
        CliContext::printError(parser.errorText());
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        CliContext::printError(QStringLiteral("unexpected argument: ") + parser.positionalArguments().first());
        return false;
    }
    return true;
}

bool intValue(const QCommandLineParser& parser, const char* name, int& out, int minimum)
{
    bool ok = false;
    const int value = parser.value(QString::fromLatin1(name)).toInt(&ok);
    if (!ok || value < minimum) {
        CliContext::printError(
            QStringLiteral("--%1 needs a whole number of at least %2").arg(QString::fromLatin1(name)).arg(minimum));
        return false;
    }
    out = value;
    return true;
}

bool sizeValue(const QCommandLineParser& parser, int& width, int& height)
{
    const QStringList parts = parser.value(QStringLiteral("size")).split(QLatin1Char('x'));
    bool okW = false;
    bool okH = false;
    if (parts.size() == 2) {
        width = parts[0].toInt(&okW);
        height = parts[1].toInt(&okH);
    }
    if (!okW || !okH || width < 160 || height < 90 || width % 2 || height % 2) {
        CliContext::printError(QStringLiteral("--size needs WxH with even numbers of at least 160x90, e.g. 640x360"));
        return false;
    }
    return true;
}

bool commonValues(const QCommandLineParser& parser, int& width, int& height, int& fps, int& seconds, int& bitrateBps)
{
    return sizeValue(parser, width, height) && intValue(parser, "fps", fps, 1)
           && intValue(parser, "seconds", seconds, 1) && intValue(parser, "bitrate", bitrateBps, 0);
}

int failed(const media::MediaError& error)
{
    CliContext::printError(QString::fromStdString(error.what()));
    return error.kind() == media::MediaErrorKind::InvalidArgument ? kBadInput : kFailed;
}

} // namespace

int runDevices(CliContext&, const QStringList& args)
{
    QStringList rest = args;
    const bool json = rest.removeAll(QStringLiteral("--json")) > 0;
    if (!rest.isEmpty()) {
        CliContext::printError(QStringLiteral("devices takes only --json"));
        return kBadInput;
    }
    const media::DeviceRegistry registry;
    const auto devices = registry.enumerate();
    if (json) {
        QJsonArray list;
        for (const auto& device : devices)
            list.append(QJsonObject{{QStringLiteral("id"), QString::fromStdString(device.id)},
                                    {QStringLiteral("name"), QString::fromStdString(device.name)},
                                    {QStringLiteral("kind"), QString::fromLatin1(media::toString(device.kind))},
                                    {QStringLiteral("backend"), QString::fromStdString(device.backend)},
                                    {QStringLiteral("synthetic"), device.synthetic},
                                    {QStringLiteral("default"), device.isDefault}});
        CliContext::printJson(QJsonDocument(QJsonObject{{QStringLiteral("devices"), list}}));
    } else {
        for (const auto& device : devices)
            std::printf("%-10s %-40s %s\n", media::toString(device.kind), device.id.c_str(), device.name.c_str());
    }
    return kOk;
}

int runBenchEncode(CliContext&, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption(valueOption("codec", "vp8|vp9", "vp8"));
    parser.addOption(valueOption("threads", "N", "1"));
    parser.addOption(valueOption("cpu-used", "N", "0"));
    parser.addOption(valueOption("static-thresh", "SSE", "1000"));
    parser.addOption(valueOption("input", "FILE.y4m", ""));
    parser.addOption(valueOption("write-y4m", "FILE", ""));
    if (!parse(parser, "bench-encode", args))
        return kBadInput;
    bench::EncodeBenchConfig config;
    if (!commonValues(parser, config.width, config.height, config.fps, config.seconds, config.bitrateBps)
        || !intValue(parser, "threads", config.threads, 1)
        || !intValue(parser, "static-thresh", config.staticThresholdSse, 0))
        return kBadInput;
    bool ok = false;
    config.cpuUsed = parser.value(QStringLiteral("cpu-used")).toInt(&ok);
    if (!ok || config.cpuUsed < -16 || config.cpuUsed > 16) {
        CliContext::printError(QStringLiteral("--cpu-used is -16..16 (0 = the real-time default)"));
        return kBadInput;
    }
    const QString codec = parser.value(QStringLiteral("codec"));
    if (codec != QLatin1String("vp8") && codec != QLatin1String("vp9")) {
        CliContext::printError(QStringLiteral("--codec is vp8 or vp9"));
        return kBadInput;
    }
    config.codec = codec == QLatin1String("vp9") ? media::VideoCodec::Vp9 : media::VideoCodec::Vp8;
    const bool json = parser.isSet(QStringLiteral("json"));
    try {
        if (const QString out = parser.value(QStringLiteral("write-y4m")); !out.isEmpty()) {
            const int frames =
                bench::writeTestPatternY4m(out.toStdString(), config.width, config.height, config.fps, config.seconds);
            if (json)
                CliContext::printJson(
                    QJsonDocument(QJsonObject{{QStringLiteral("file"), out}, {QStringLiteral("frames"), frames}}));
            else
                std::printf("wrote %d frames to %s\n", frames, qPrintable(out));
            return kOk;
        }
        if (const QString in = parser.value(QStringLiteral("input")); !in.isEmpty())
            config.inputY4m = in.toStdString();
        const auto r = bench::runEncodeBench(config);
        const QJsonObject result{
            {QStringLiteral("codec"), codec},
            {QStringLiteral("size"), parser.value(QStringLiteral("size"))},
            {QStringLiteral("fps_target"), config.fps},
            {QStringLiteral("bitrate_bps"), r.bitrateBps},
            {QStringLiteral("threads"), config.threads},
            {QStringLiteral("frames"), r.frames},
            {QStringLiteral("encoded_frames"), r.encodedFrames},
            {QStringLiteral("keyframes"), r.keyframes},
            {QStringLiteral("fps"), r.fps},
            {QStringLiteral("cpu_ms_per_frame"), r.cpuMsPerFrame},
            {QStringLiteral("achieved_kbps"), r.achievedKbps},
            {QStringLiteral("psnr_db"), r.psnrDb},
            {QStringLiteral("realtime_factor"), r.fps / config.fps},
        };
        if (json)
            CliContext::printJson(QJsonDocument(result));
        else
            std::printf("%s %s: %.1f fps, %.3f ms CPU/frame, %.1f kbit/s, PSNR %.2f dB\n", qPrintable(codec),
                        qPrintable(parser.value(QStringLiteral("size"))), r.fps, r.cpuMsPerFrame, r.achievedKbps,
                        r.psnrDb);
    } catch (const media::MediaError& error) {
        return failed(error);
    }
    return kOk;
}

int runBenchLive(CliContext&, const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("i420"), QStringLiteral("Camera delivers I420 instead of YUYV")});
    parser.addOption({QStringLiteral("layers"), QStringLiteral("Simulcast layers, 1-3 (default 1)"),
                      QStringLiteral("N"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("input"), QStringLiteral("Play this video file as the camera, looping"),
                      QStringLiteral("FILE")});
    QStringList withDefaults = args;
    if (!args.contains(QStringLiteral("--size")))
        withDefaults << QStringLiteral("--size") << QStringLiteral("1280x720");
    if (!parse(parser, "bench-live", withDefaults))
        return kBadInput;
    bench::LiveBenchConfig config;
    if (!commonValues(parser, config.width, config.height, config.fps, config.seconds, config.bitrateBps))
        return kBadInput;
    if (config.bitrateBps == 0)
        config.bitrateBps = bench::defaultBitrateBps(config.height);
    config.cameraYuyv = !parser.isSet(QStringLiteral("i420"));
    bool layersOk = false;
    config.layers = parser.value(QStringLiteral("layers")).toInt(&layersOk);
    if (!layersOk || config.layers < 1 || config.layers > 3) {
        CliContext::printError(QStringLiteral("--layers is 1, 2 or 3"));
        return kBadInput;
    }
    if (parser.isSet(QStringLiteral("input")))
        config.inputFile = parser.value(QStringLiteral("input")).toStdString();
    try {
        const auto r = bench::runLiveBench(config);
        const QJsonObject result{
            {QStringLiteral("size"), parser.value(QStringLiteral("size"))},
            {QStringLiteral("fps_target"), config.fps},
            {QStringLiteral("bitrate_bps"), config.bitrateBps},
            {QStringLiteral("camera_format"), config.cameraYuyv ? QStringLiteral("yuyv422") : QStringLiteral("i420")},
            {QStringLiteral("layers"), config.layers},
            {QStringLiteral("frames_captured"), static_cast<double>(r.framesCaptured)},
            {QStringLiteral("frames_encoded"), static_cast<double>(r.framesEncoded)},
            {QStringLiteral("frames_dropped"), static_cast<double>(r.framesDropped)},
            {QStringLiteral("wall_seconds"), r.wallSeconds},
            {QStringLiteral("cpu_seconds"), r.cpuSeconds},
            {QStringLiteral("cpu_percent_of_one_core"), r.cpuPercentOfOneCore},
            {QStringLiteral("synthetic_camera_cpu_percent"), r.syntheticCameraCpuPercent},
            {QStringLiteral("camera_path_cpu_percent"), r.cameraPathCpuPercent},
            {QStringLiteral("camera"),
             config.inputFile ? QString::fromStdString(config.inputFile->string()) : QStringLiteral("test-pattern")},
            {QStringLiteral("capture_thread_cpu_percent"), r.captureThreadCpuPercent},
            {QStringLiteral("encode_thread_cpu_percent"), r.encodeThreadCpuPercent},
            {QStringLiteral("encode_usage"), r.encodeUsage},
            {QStringLiteral("cpu_scale_steps"), r.cpuScaleSteps},
            {QStringLiteral("budget_percent"), 15},
            {QStringLiteral("ratio_to_budget"), r.cameraPathCpuPercent / 15.0},
            {QStringLiteral("encoder_only_cpu_percent"), r.encoderOnlyCpuPercent},
            {QStringLiteral("ratio_to_encoder_only"),
             r.encoderOnlyCpuPercent > 0 ? r.cpuPercentOfOneCore / r.encoderOnlyCpuPercent : 0.0},
            {QStringLiteral("paced_encoder_only_cpu_percent"), r.pacedEncoderOnlyCpuPercent},
            {QStringLiteral("ratio_to_paced_encoder_only"),
             r.pacedEncoderOnlyCpuPercent > 0 ? r.cameraPathCpuPercent / r.pacedEncoderOnlyCpuPercent : 0.0},
            {QStringLiteral("achieved_kbps"), r.achievedKbps},
        };
        if (parser.isSet(QStringLiteral("json")))
            CliContext::printJson(QJsonDocument(result));
        else
            std::printf("live %s@%d: %.1f %% of one core, %llu/%llu frames encoded, %.0f kbit/s\n",
                        qPrintable(parser.value(QStringLiteral("size"))), config.fps, r.cpuPercentOfOneCore,
                        static_cast<unsigned long long>(r.framesEncoded),
                        static_cast<unsigned long long>(r.framesCaptured), r.achievedKbps);
    } catch (const media::MediaError& error) {
        return failed(error);
    }
    return kOk;
}

int runBenchLoopback(CliContext&, const QStringList& args)
{
    QCommandLineParser parser;
    if (!parse(parser, "bench-loopback", args))
        return kBadInput;
    bench::LoopbackBenchConfig config;
    if (!commonValues(parser, config.width, config.height, config.fps, config.seconds, config.bitrateBps))
        return kBadInput;
    if (config.bitrateBps == 0)
        config.bitrateBps = bench::defaultBitrateBps(config.height);
    try {
        const auto r = bench::runLoopbackBench(config);
        const QJsonObject result{
            {QStringLiteral("size"), parser.value(QStringLiteral("size"))},
            {QStringLiteral("bitrate_bps"), config.bitrateBps},
            {QStringLiteral("frames_sent"), r.framesSent},
            {QStringLiteral("frames_received"), r.framesReceived},
            {QStringLiteral("frames_missing"), r.framesMissing},
            {QStringLiteral("out_of_order"), r.outOfOrder},
            {QStringLiteral("unreadable_stamps"), r.unreadableStamps},
            {QStringLiteral("psnr_db"), r.psnrDb},
            {QStringLiteral("achieved_kbps"), r.achievedKbps},
            {QStringLiteral("latency_ms"), toJson(r.latencyMs)},
        };
        if (parser.isSet(QStringLiteral("json")))
            CliContext::printJson(QJsonDocument(result));
        else
            std::printf("loopback %s: PSNR %.2f dB, %d/%d frames, %d missing, latency median %.1f ms (p95 %.1f)\n",
                        qPrintable(parser.value(QStringLiteral("size"))), r.psnrDb, r.framesReceived, r.framesSent,
                        r.framesMissing, r.latencyMs.median, r.latencyMs.p95);
        return kOk;
    } catch (const media::MediaError& error) {
        return failed(error);
    }
}

int runBenchOpus(CliContext&, const QStringList& args)
{
    QCommandLineParser parser;
    if (!parse(parser, "bench-opus", args))
        return kBadInput;
    int seconds = 0;
    if (!intValue(parser, "seconds", seconds, 1))
        return kBadInput;
    try {
        const auto r = bench::runOpusBench(seconds);
        const QJsonObject result{
            {QStringLiteral("audio_seconds"), r.audioSeconds},
            {QStringLiteral("encode_cpu_seconds"), r.encodeCpuSeconds},
            {QStringLiteral("decode_cpu_seconds"), r.decodeCpuSeconds},
            {QStringLiteral("cpu_percent_of_one_core"), r.cpuPercentOfOneCore},
            {QStringLiteral("realtime_factor"), r.audioSeconds / (r.encodeCpuSeconds + r.decodeCpuSeconds)},
            {QStringLiteral("achieved_kbps"), r.achievedKbps},
        };
        if (parser.isSet(QStringLiteral("json")))
            CliContext::printJson(QJsonDocument(result));
        else
            std::printf("opus encode+decode: %.3f %% of one core (%.0fx real time)\n", r.cpuPercentOfOneCore,
                        r.audioSeconds / (r.encodeCpuSeconds + r.decodeCpuSeconds));
        return kOk;
    } catch (const media::MediaError& error) {
        return failed(error);
    }
}

} // namespace spoke::cli
