#include "hub/server/FileStreamer.h"

#include <QTcpSocket>

#include <algorithm>

namespace spoke::hub::server {

FileStreamer::FileStreamer(QTcpSocket* socket, api::FileBody region)
    : QObject(socket)
    , socket_(socket)
    , region_(std::move(region))
    , file_(region_.path)
    , remainingBytes_(region_.lengthBytes)
{
}

bool FileStreamer::open()
{
    if (!file_.open(QIODevice::ReadOnly)) {
        qWarning("spoke-hub: cannot open %s to send it: %s", qPrintable(region_.path), qPrintable(file_.errorString()));
        return false;
    }
    if (file_.size() < region_.offsetBytes + region_.lengthBytes || !file_.seek(region_.offsetBytes)) {
        qWarning("spoke-hub: %s is shorter than when it was answered", qPrintable(region_.path));
        return false;
    }
    return true;
}

void FileStreamer::start()
{
    connect(socket_, &QIODevice::bytesWritten, this, &FileStreamer::pump);
    pump();
}

void FileStreamer::pump()
{
    while (!done_ && remainingBytes_ > 0 && socket_->bytesToWrite() < kLowWaterBytes) {
        const QByteArray chunk = file_.read(std::min(kChunkBytes, remainingBytes_));
        if (chunk.isEmpty()) {
            qWarning("spoke-hub: %s ended %lld bytes early while being sent", qPrintable(region_.path),
                     static_cast<long long>(remainingBytes_));
            done_ = true;
            socket_->abort();
            return;
        }
        socket_->write(chunk);
        remainingBytes_ -= chunk.size();
    }
    if (!done_ && remainingBytes_ == 0) {
        done_ = true;
        disconnect(socket_, &QIODevice::bytesWritten, this, &FileStreamer::pump);
        file_.close();
        Q_EMIT finished();
    }
}

} // namespace spoke::hub::server
