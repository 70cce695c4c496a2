#pragma once

#include "viewmodels/RowModel.h"

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <filesystem>

namespace spoke::store {
class CacheWorker;
}

namespace spoke::ui {

// The library page: every recording in the cache with its programme, date,
// duration, the cases presented in it and whether its file is on this
// laptop; and importing a recording made elsewhere (core/recording's
// Importer, run on the cache thread since it writes rows and hashes the
// file). Lives on the UI thread.
class LibraryModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppController")
    Q_PROPERTY(spoke::ui::RowModel* rows READ rows CONSTANT)
    Q_PROPERTY(bool busy READ busy NOTIFY statusChanged)
    Q_PROPERTY(QString message READ message NOTIFY statusChanged)
    Q_PROPERTY(bool failed READ failed NOTIFY statusChanged)
public:
    LibraryModel(store::CacheWorker& worker, std::filesystem::path dataDir, QObject* parent = nullptr);

    RowModel* rows() { return &rows_; }
    bool busy() const { return busy_; }
    QString message() const { return message_; }
    bool failed() const { return failed_; }

    Q_INVOKABLE void refresh();
    // A file:// URL from the file dialog, or a plain path.
    Q_INVOKABLE void importFile(const QUrl& file);

Q_SIGNALS:
    void statusChanged();
    void loaded();
    // A recording was imported (or was already there): its id, to open it.
    void imported(qint64 recordingId);

private:
    store::CacheWorker& worker_;
    std::filesystem::path dataDir_;
    RowModel rows_;
    bool busy_ = false;
    QString message_;
    bool failed_ = false;
};

} // namespace spoke::ui
