#include "hub/server/AnswerQueue.h"

#include "hub/server/FileStreamer.h"

#include <QTcpSocket>

namespace spoke::hub::server {

namespace {

// The statuses the API answers (docs/hub-api.md, Errors); HTTP/1.1 allows an
// empty reason phrase for any other.
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 416: return "Range Not Satisfiable";
    case 422: return "Unprocessable Content";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return {};
    }
}

} // namespace

OutgoingAnswer outgoing(const api::HttpResponse& response)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    const auto header = [&head](const QByteArray& name, const QByteArray& value) {
        head += name + ": " + value + "\r\n";
    };
    if (!response.contentType.isEmpty())
        header("Content-Type", response.contentType);
    // Answers are per account and change with every write.
    header("Cache-Control", "no-store");
    header("X-Content-Type-Options", "nosniff");
    for (const auto& [name, value] : response.headers)
        header(name, value);
    // RFC 9110 §8.6: no Content-Length on 204; on 304 it would describe the
    // file, so none is sent there either.
    const bool bodyless = response.status == 204 || response.status == 304;
    if (!bodyless)
        header("Content-Length", QByteArray::number(response.file ? response.file->lengthBytes : response.body.size()));
    head += "\r\n";
    if (!bodyless && !response.file)
        head += response.body;
    return {head, bodyless ? std::nullopt : response.file};
}

std::uint64_t AnswerQueue::reserve(QTcpSocket* socket)
{
    auto [entry, inserted] = connections_.try_emplace(socket);
    if (inserted)
        connect(socket, &QObject::destroyed, this, [this, socket] { connections_.erase(socket); });
    entry->second.waiting.push_back(Slot{nextSlot_, std::nullopt});
    return nextSlot_++;
}

void AnswerQueue::send(QTcpSocket* socket, OutgoingAnswer answer)
{
    if (socket)
        fill(socket, reserve(socket), std::move(answer));
}

void AnswerQueue::fill(QTcpSocket* socket, std::uint64_t slot, OutgoingAnswer answer)
{
    const auto entry = connections_.find(socket);
    if (!socket || entry == connections_.end())
        return; // the client left while its answer was made
    for (Slot& candidate : entry->second.waiting) {
        if (candidate.id == slot)
            candidate.answer = std::move(answer);
    }
    drain(socket, entry->second);
}

void AnswerQueue::drain(QTcpSocket* socket, Connection& connection)
{
    if (connection.draining)
        return; // a file finished inside startFile(); the loop below goes on
    connection.draining = true;
    bool wrote = false;
    while (!connection.closed && !connection.streaming && !connection.waiting.empty()
           && connection.waiting.front().answer) {
        OutgoingAnswer answer = std::move(*connection.waiting.front().answer);
        connection.waiting.pop_front();
        wrote = true;
        if (!answer.file)
            socket->write(answer.head);
        else if (!startFile(socket, connection, std::move(answer)))
            connection.closed = true;
    }
    connection.draining = false;
    // Sent now rather than on the next loop turn: after the last sign-in of
    // a drain, the loop may not turn again.
    if (wrote && !connection.closed)
        socket->flush();
    if (connection.closed) {
        connection.waiting.clear();
        socket->disconnectFromHost(); // after the answers already written
    }
}

bool AnswerQueue::startFile(QTcpSocket* socket, Connection& connection, OutgoingAnswer answer)
{
    auto* streamer = new FileStreamer(socket, *answer.file);
    if (!streamer->open()) {
        delete streamer;
        return false;
    }
    socket->write(answer.head);
    connection.streaming = streamer;
    connect(streamer, &FileStreamer::finished, this, [this, socket, streamer] {
        streamer->deleteLater();
        const auto entry = connections_.find(socket);
        if (entry == connections_.end())
            return;
        entry->second.streaming = nullptr;
        drain(socket, entry->second);
    });
    streamer->start();
    return true;
}

} // namespace spoke::hub::server
