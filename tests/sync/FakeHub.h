#pragma once

// A scripted HTTP server on 127.0.0.1 for unit tests of the client: each
// request gets the next canned answer, and is recorded. It runs on the test's
// thread; HubClient's local event loop serves it while waiting.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

#include <deque>

namespace spoke::test {

class FakeHub {
public:
    struct Answer {
        int status = 200;
        QByteArray body;
    };
    struct Request {
        QByteArray method;
        QByteArray path;
        QByteArray idempotencyKey;
        QByteArray authorization;
        QByteArray body;
    };

    FakeHub()
    {
        server_.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&server_, &QTcpServer::newConnection, &server_, [this] {
            while (QTcpSocket* socket = server_.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { serve(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(server_.serverPort()); }
    void answer(int status, const QByteArray& body) { answers_.push_back({status, body}); }
    const QList<Request>& requests() const { return requests_; }

private:
    void serve(QTcpSocket* socket)
    {
        QByteArray& buffer = buffers_[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        Request request;
        qsizetype length = 0;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        for (const QByteArray& line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "idempotency-key")
                request.idempotencyKey = value;
            else if (name == "authorization")
                request.authorization = value;
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        requests_.append(request);
        Answer a{500, R"({"error":{"code":"internal","message":"no scripted answer"}})"};
        if (!answers_.empty()) {
            a = answers_.front();
            answers_.pop_front();
        }
        socket->write("HTTP/1.1 " + QByteArray::number(a.status) + " X\r\nContent-Type: application/json\r\n"
                      + "Content-Length: " + QByteArray::number(a.body.size()) + "\r\n\r\n" + a.body);
    }

    QTcpServer server_;
    std::deque<Answer> answers_;
    QList<Request> requests_;
    QHash<QTcpSocket*, QByteArray> buffers_;
};

} // namespace spoke::test
