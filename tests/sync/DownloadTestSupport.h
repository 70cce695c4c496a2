#pragma once

// What the recording download tests share: a pseudo-random file of any size
// with its SHA-256, and running one RecordingDownload to its end.

#include "sync/RecordingDownload.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <filesystem>
#include <stdexcept>

namespace spoke::test {

struct TestFile {
    std::filesystem::path path;
    std::int64_t sizeBytes = 0;
    QByteArray sha256Hex;
};

// xorshift64 bytes: incompressible, and fast to make even unoptimised.
inline TestFile makeRandomFile(const std::filesystem::path& path, std::int64_t sizeBytes, std::uint64_t seed)
{
    QFile out(QString::fromStdString(path.string()));
    if (!out.open(QIODevice::WriteOnly))
        throw std::runtime_error("cannot write " + path.string());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk(1024 * 1024, '\0');
    std::uint64_t state = seed | 1;
    for (std::int64_t done = 0; done < sizeBytes;) {
        auto* words = reinterpret_cast<std::uint64_t*>(chunk.data());
        for (qsizetype i = 0; i < chunk.size() / 8; ++i) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            words[i] = state;
        }
        const qsizetype n = static_cast<qsizetype>(std::min<std::int64_t>(chunk.size(), sizeBytes - done));
        out.write(chunk.constData(), n);
        hash.addData(QByteArrayView(chunk.constData(), n));
        done += n;
    }
    return {path, sizeBytes, hash.result().toHex()};
}

inline QByteArray sha256OfFile(const std::filesystem::path& path)
{
    QFile in(QString::fromStdString(path.string()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!in.open(QIODevice::ReadOnly) || !hash.addData(&in))
        return {};
    return hash.result().toHex();
}

// Starts `download` and waits for it to finish (or `timeoutMs`).
inline void runToEnd(sync::RecordingDownload& download, int timeoutMs = 60'000)
{
    QEventLoop loop;
    QObject::connect(&download, &sync::RecordingDownload::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (download.state() == sync::DownloadState::Idle)
        download.start();
    else
        download.resume();
    const auto state = download.state();
    if (state != sync::DownloadState::Done && state != sync::DownloadState::Failed
        && state != sync::DownloadState::Cancelled)
        loop.exec();
}

} // namespace spoke::test
