#pragma once

#include "hub/api/HttpTypes.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <cstdint>
#include <deque>
#include <optional>
#include <unordered_map>

class QTcpSocket;

namespace spoke::hub::server {

class FileStreamer;

// One answer as it leaves: the status line, headers and any in-memory body,
// then, for a file answer, the file region (sent by a FileStreamer).
struct OutgoingAnswer {
    QByteArray head;
    std::optional<api::FileBody> file;
};

// The answer as it goes on the wire (HTTP/1.1): status line, the headers
// every answer carries, Content-Length (except on 204 and 304; the file
// region's length for a file answer), and the body unless it is a file.
OutgoingAnswer outgoing(const api::HttpResponse& response);

// Keeps each connection's answers in the order its requests came (HTTP/1.1
// pipelining, RFC 9112 §9.3.2), though some are answered later (a sign-in on
// a worker, a Janus call) and some take long to send (a file). A request
// reserves a slot; its answer fills it; filled answers at the front leave,
// and a file answer holds the ones behind it until its last byte is handed to
// the socket. A file that cannot be opened at its turn (it vanished or
// shrank) closes the connection: its headers have not been sent, but the
// answers behind it can no longer follow in order.
// Thread: the sockets' (the hub's event loop).
class AnswerQueue : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    std::uint64_t reserve(QTcpSocket* socket);
    // Fills the slot and sends what can leave now. A socket that is gone
    // (null) is ignored.
    void fill(QTcpSocket* socket, std::uint64_t slot, OutgoingAnswer answer);
    // reserve() then fill(): behind anything still waiting on the connection.
    void send(QTcpSocket* socket, OutgoingAnswer answer);

private:
    struct Slot {
        std::uint64_t id = 0;
        std::optional<OutgoingAnswer> answer; // set once answered
    };
    struct Connection {
        std::deque<Slot> waiting;
        QPointer<FileStreamer> streaming; // the file being sent, if any
        bool draining = false; // drain() is on the stack
        bool closed = false; // a file could not be sent: nothing more is
    };

    void drain(QTcpSocket* socket, Connection& connection);
    // Writes the head and starts the file; false if the file cannot be sent.
    bool startFile(QTcpSocket* socket, Connection& connection, OutgoingAnswer answer);

    std::unordered_map<QTcpSocket*, Connection> connections_;
    std::uint64_t nextSlot_ = 1;
};

} // namespace spoke::hub::server
