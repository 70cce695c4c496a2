#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>
#include <vector>

namespace spoke::test {

// A TCP relay between a client and a server on loopback, to break a live
// connection the way a mobile link breaks it: cut() closes both sides
// (a drop the client hears about), stall() stops forwarding and hides closes
// from the server (a dead link nobody reports), refuse() stops accepting.
class TcpRelay : public QObject {
    Q_OBJECT
public:
    TcpRelay(QHostAddress targetHost, quint16 targetPort);
    ~TcpRelay() override;

    quint16 port() const { return port_; }
    void cut();
    void stall();
    void resume();
    bool refuse();
    bool accept(); // listen again on the same port
    int liveConnections() const;

private:
    struct Pair {
        std::unique_ptr<QTcpSocket> down; // towards the client
        std::unique_ptr<QTcpSocket> up; // towards the server
    };
    void onNewConnection();
    void forward(QTcpSocket* from, QTcpSocket* to);
    void closePair(Pair* pair);

    QHostAddress targetHost_;
    quint16 targetPort_;
    quint16 port_ = 0;
    QTcpServer server_;
    bool stalled_ = false;
    std::vector<std::unique_ptr<Pair>> pairs_;
};

} // namespace spoke::test
