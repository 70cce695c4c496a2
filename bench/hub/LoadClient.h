#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QTcpSocket>

#include <functional>

namespace spoke::bench {

// One simulated clinic laptop: a keep-alive HTTP/1.1 connection to the hub
// with at most one request in flight, as a real client's sync loop has.
// The load generator is open-loop (requests are due by the clock, not by
// the previous answer), so a client that is still waiting is simply busy and
// the generator picks another one.
// Thread: lives on the thread that created it (the bench's event loop).
class LoadClient : public QObject {
    Q_OBJECT
public:
    struct Answer {
        int status = 0; // 0: the connection failed or closed early
        QByteArray body;
        double latencyMs = 0;
    };
    using Done = std::function<void(const Answer&)>;

    LoadClient(QString host, quint16 port, QObject* parent = nullptr);

    bool busy() const { return inFlight_; }
    QByteArray token;
    QByteArray cursor = "0";
    int submitted = 0;

    // Sends one request; `done` runs once with the answer.
    void send(const QByteArray& method, const QByteArray& target, const QByteArray& body,
              const QByteArray& extraHeaders, Done done);

private:
    void onReadyRead();
    void finish(int status);
    void fail();

    QString host_;
    quint16 port_;
    QTcpSocket socket_;
    QByteArray pendingRequest_;
    QByteArray buffer_;
    Done done_;
    QElapsedTimer sentAt_;
    bool inFlight_ = false;
    qsizetype headerEnd_ = -1;
    qsizetype contentLength_ = -1;
    int status_ = 0;
};

} // namespace spoke::bench
