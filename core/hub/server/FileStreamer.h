#pragma once

#include "hub/api/HttpTypes.h"

#include <QByteArray>
#include <QFile>
#include <QObject>

class QTcpSocket;

namespace spoke::hub::server {

// Sends one file region (api::FileBody) on a socket after its headers, a
// chunk at a time: the next chunk is read only when fewer than
// kLowWaterBytes wait in the socket's buffer, so a connection holds at most
// about kLowWaterBytes + kChunkBytes of the file in memory whatever the
// file's size and the client's speed (issue 14: memory stays flat).
// It is a child of the socket: a client that leaves mid-file deletes it with
// its socket, and the file is closed. If the file turns out shorter than the
// region (it shrank, or a read fails), the socket is aborted, so the client
// sees a cut connection rather than a wrong body after the promised length.
// Thread: the socket's.
class FileStreamer : public QObject {
    Q_OBJECT

public:
    static constexpr qint64 kChunkBytes = qint64(256) * 1024;
    static constexpr qint64 kLowWaterBytes = qint64(256) * 1024;

    FileStreamer(QTcpSocket* socket, api::FileBody region);

    // Opens the file and checks that it still holds the region: call before
    // writing the headers. False when it vanished or shrank.
    bool open();
    // Writes the first chunks; the rest follow as the socket drains.
    void start();

Q_SIGNALS:
    // Every byte of the region was handed to the socket; the socket is free
    // for the connection's next answer.
    void finished();

private:
    void pump();

    QTcpSocket* socket_;
    api::FileBody region_;
    QFile file_;
    qint64 remainingBytes_ = 0;
    bool done_ = false;
};

} // namespace spoke::hub::server
