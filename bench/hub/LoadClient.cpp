#include "LoadClient.h"

namespace spoke::bench {

LoadClient::LoadClient(QString host, quint16 port, QObject* parent)
    : QObject(parent)
    , host_(std::move(host))
    , port_(port)
{
    connect(&socket_, &QTcpSocket::connected, this, [this] {
        if (!pendingRequest_.isEmpty()) {
            socket_.write(pendingRequest_);
            pendingRequest_.clear();
        }
    });
    connect(&socket_, &QTcpSocket::readyRead, this, &LoadClient::onReadyRead);
    connect(&socket_, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (inFlight_)
            fail();
    });
}

void LoadClient::send(const QByteArray& method, const QByteArray& target, const QByteArray& body,
                      const QByteArray& extraHeaders, Done done)
{
    QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: " + host_.toLatin1() + "\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty())
        request += "Content-Type: application/json\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;

    done_ = std::move(done);
    inFlight_ = true;
    buffer_.clear();
    headerEnd_ = -1;
    contentLength_ = -1;
    status_ = 0;
    sentAt_.start();
    if (socket_.state() == QAbstractSocket::ConnectedState) {
        socket_.write(request);
    } else {
        // The connection time counts: a client whose keep-alive socket was
        // closed by the hub pays for the new one, as a real laptop would.
        pendingRequest_ = request;
        if (socket_.state() != QAbstractSocket::ConnectingState && socket_.state() != QAbstractSocket::HostLookupState)
            socket_.connectToHost(host_, port_);
    }
}

void LoadClient::onReadyRead()
{
    buffer_ += socket_.readAll();
    if (!inFlight_)
        return;
    if (headerEnd_ < 0) {
        headerEnd_ = buffer_.indexOf("\r\n\r\n");
        if (headerEnd_ < 0)
            return;
        const QList<QByteArray> lines = buffer_.left(headerEnd_).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).split(' ');
        status_ = statusLine.value(1).toInt();
        contentLength_ = 0;
        for (const QByteArray& line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
                contentLength_ = line.mid(colon + 1).trimmed().toLongLong();
        }
    }
    if (buffer_.size() - (headerEnd_ + 4) >= contentLength_)
        finish(status_);
}

void LoadClient::finish(int status)
{
    Answer answer;
    answer.status = status;
    answer.body = buffer_.mid(headerEnd_ + 4, contentLength_);
    answer.latencyMs = static_cast<double>(sentAt_.nsecsElapsed()) / 1e6;
    inFlight_ = false;
    buffer_.clear();
    Done done = std::move(done_);
    done_ = nullptr;
    if (done)
        done(answer);
}

void LoadClient::fail()
{
    Answer answer;
    answer.latencyMs = static_cast<double>(sentAt_.nsecsElapsed()) / 1e6;
    inFlight_ = false;
    pendingRequest_.clear();
    socket_.abort();
    Done done = std::move(done_);
    done_ = nullptr;
    if (done)
        done(answer);
}

} // namespace spoke::bench
