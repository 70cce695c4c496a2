#pragma once

#include "sync/DownloadQueue.h"
#include "sync/RecordingCatalogue.h"
#include "sync/SyncError.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QtQml/qqmlregistration.h>

#include <filesystem>

namespace spoke::sync {
class SyncWorker;
}

namespace spoke::ui {

// Library → From the hub: one row per rendition of each hub recording
// (the first row of each recording shows its title, date and duration), with its size and its
// download's state, progress and rate. Downloads run in the SyncWorker's
// DownloadQueue on the sync thread; this model only words their states
// (the engine speaks in DownloadStatus, the texts are made here, through
// tr()). Lives on the UI thread; `sync` may be null (tests drive it
// through setRecordings()/applyStatus()).
class HubRecordingsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppController")
    Q_PROPERTY(bool loading READ loading NOTIFY statusChanged)
    Q_PROPERTY(QString message READ message NOTIFY statusChanged)
    Q_PROPERTY(bool failed READ failed NOTIFY statusChanged)
public:
    enum Role {
        RecordingIdRole = Qt::UserRole + 1,
        FirstOfRecordingRole, // the row that shows the recording's title, date and duration
        TitleRole, // the hub's title (plain text)
        ProgrammeRole,
        DetailsRole, // "Sat 7 Nov 2026, 11:00 · 58 min"
        RenditionRole, // "full" | "light" | "audio-slides"
        RenditionLabelRole, // "Full quality", …
        SizeTextRole, // "412.3 MB"
        StateRole, // "none" | toString(QueuedState)
        StateTextRole, // what the row says about its download
        ProgressRole, // 0..1
        RateTextRole, // "1.2 MB/s", empty unless running
        CanDownloadRole,
        CanPauseRole,
        CanResumeRole,
        CanCancelRole,
    };

    HubRecordingsModel(sync::SyncWorker* sync, std::filesystem::path dataDir, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool loading() const { return loading_; }
    QString message() const { return message_; }
    bool failed() const { return failed_; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void download(int row);
    Q_INVOKABLE void pause(int row);
    Q_INVOKABLE void resume(int row);
    Q_INVOKABLE void cancel(int row);
    Q_INVOKABLE QVariant get(int row, const QString& roleName) const;

    // What the SyncWorker's signals bring (public for tests).
    void setRecordings(const QList<sync::HubRecording>& recordings, const QHash<qint64, QString>& programmeNames = {});
    void applyStatus(const sync::DownloadStatus& status);
    void setLoadFailed(const sync::SyncError& error);

    static QString renditionLabel(const QString& rendition);
    static QString sizeText(std::int64_t bytes);
    static QString stateText(const sync::DownloadStatus& status);

Q_SIGNALS:
    void statusChanged();

private:
    struct Row {
        qsizetype recording = 0; // index into recordings_
        qsizetype rendition = 0; // into its renditions
        sync::DownloadStatus status;
        bool known = false; // status came from the queue (else: not queued)
        bool onDisk = false; // every part already in DATA_DIR/downloads
    };

    const sync::HubRecording& recordingOf(const Row& row) const { return recordings_.at(row.recording); }
    const sync::HubRendition& renditionOf(const Row& row) const
    {
        return recordings_.at(row.recording).renditions.at(row.rendition);
    }
    QVariant rowData(const Row& row, int role) const;
    int rowFor(std::int64_t recordingId, const QString& rendition) const;
    bool partsOnDisk(const sync::HubRecording& recording, const sync::HubRendition& rendition) const;
    void setMessage(bool loading, const QString& message, bool failed);

    sync::SyncWorker* sync_;
    std::filesystem::path dataDir_;
    QList<sync::HubRecording> recordings_;
    QHash<qint64, QString> programmes_;
    QList<Row> rows_;
    QHash<QString, sync::DownloadStatus> statuses_; // by "<id>/<rendition>", also before the catalogue comes
    bool loading_ = false;
    QString message_;
    bool failed_ = false;
};

} // namespace spoke::ui
