#pragma once

#include "viewmodels/RowModel.h"

#include <QTimer>

namespace spoke::store {
class CacheWorker;
}

namespace spoke::ui {

// Search as you type over the cache. Queries run on the cache thread after a
// short pause in typing; an answer to an older query never replaces a newer one.
class SearchModel : public RowModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppController")
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
public:
    SearchModel(store::CacheWorker& worker, QObject* parent = nullptr);

    QString query() const { return query_; }
    void setQuery(const QString& query);
    bool busy() const { return busy_; }

Q_SIGNALS:
    void queryChanged();
    void busyChanged();

private:
    void runQuery();
    void setBusy(bool busy);

    store::CacheWorker& worker_;
    QString query_;
    QTimer debounce_;
    quint64 generation_ = 0;
    bool busy_ = false;
};

} // namespace spoke::ui
