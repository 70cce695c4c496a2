#pragma once

// Media fixtures made at test time by the ffmpeg CLI (lavfi testsrc2 and
// sine), so the tests read files written by an encoder that is not ours.

#include <QProcess>
#include <QStringList>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace spoke::test {

struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

inline ProcessResult runProcess(const QString& program, const QStringList& args, int timeoutMs = 120'000)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, "timed out"};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput().toStdString(), process.readAllStandardError().toStdString()};
}

inline void ffmpeg(const QStringList& args)
{
    const auto result = runProcess(QStringLiteral("ffmpeg"),
                                   QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")} + args);
    if (result.exitCode != 0)
        throw std::runtime_error("ffmpeg failed: " + result.err);
}

// testsrc2 video + a sine tone, VP8/Opus WebM, a keyframe every `gop` frames.
inline std::filesystem::path makeWebm(const std::filesystem::path& file, const QString& size, int fps, double seconds,
                                      int toneHz = 1000, int gop = 60, const QString& chapters = {})
{
    QStringList args{QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                     QStringLiteral("testsrc2=size=%1:rate=%2:duration=%3").arg(size).arg(fps).arg(seconds),
                     QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                     QStringLiteral("sine=frequency=%1:sample_rate=48000:duration=%2").arg(toneHz).arg(seconds)};
    if (!chapters.isEmpty())
        args << QStringLiteral("-i") << chapters << QStringLiteral("-map_metadata") << QStringLiteral("2")
             << QStringLiteral("-map_chapters") << QStringLiteral("2") << QStringLiteral("-map") << QStringLiteral("0")
             << QStringLiteral("-map") << QStringLiteral("1");
    args << QStringLiteral("-c:v") << QStringLiteral("libvpx") << QStringLiteral("-deadline") << QStringLiteral("realtime")
         << QStringLiteral("-cpu-used") << QStringLiteral("8") << QStringLiteral("-b:v") << QStringLiteral("2M")
         << QStringLiteral("-g") << QString::number(gop) << QStringLiteral("-c:a") << QStringLiteral("libopus")
         << QString::fromStdString(file.string());
    ffmpeg(args);
    return file;
}

} // namespace spoke::test
