#pragma once

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace spoke::store {
class CacheWorker;
}

namespace spoke::ui {

// One session, case or recording, laid out as a title and a list of sections
// ({heading, items: [{title, text, meta, targetKind, targetId, positionMs}]}),
// so the detail page renders whatever the item holds. Loaded on the cache thread.
class DetailModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppController")
    Q_PROPERTY(QString kind READ kind NOTIFY changed)
    Q_PROPERTY(qint64 itemId READ itemId NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString subtitle READ subtitle NOTIFY changed)
    Q_PROPERTY(QString description READ description NOTIFY changed)
    Q_PROPERTY(QVariantList sections READ sections NOTIFY changed)
    Q_PROPERTY(qint64 focusPositionMs READ focusPositionMs NOTIFY changed)
    Q_PROPERTY(bool loading READ loading NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
public:
    struct Content {
        QString title;
        QString subtitle;
        QString description;
        QVariantList sections;
    };

    explicit DetailModel(store::CacheWorker& worker, QObject* parent = nullptr);

    // kind: "session", "case" or "recording".
    Q_INVOKABLE void open(const QString& kind, qint64 id, qint64 focusPositionMs = -1);

    QString kind() const { return kind_; }
    qint64 itemId() const { return id_; }
    QString title() const { return content_.title; }
    QString subtitle() const { return content_.subtitle; }
    QString description() const { return content_.description; }
    QVariantList sections() const { return content_.sections; }
    qint64 focusPositionMs() const { return focusPositionMs_; }
    bool loading() const { return loading_; }
    QString error() const { return error_; }

Q_SIGNALS:
    void changed();

private:
    store::CacheWorker& worker_;
    QString kind_;
    qint64 id_ = 0;
    qint64 focusPositionMs_ = -1;
    Content content_;
    bool loading_ = false;
    QString error_;
    quint64 generation_ = 0;
};

} // namespace spoke::ui
