#include "viewmodels/HubRecordingsModel.h"

#include "sync/SyncWorker.h"
#include "viewmodels/Formatting.h"
#include "viewmodels/HubWording.h"

#include <QFileInfo>

#include <algorithm>

namespace spoke::ui {

namespace {

QString key(std::int64_t recordingId, const QString& rendition)
{
    return QString::number(recordingId) + QLatin1Char('/') + rendition;
}

} // namespace

HubRecordingsModel::HubRecordingsModel(sync::SyncWorker* sync, std::filesystem::path dataDir, QObject* parent)
    : QAbstractListModel(parent)
    , sync_(sync)
    , dataDir_(std::move(dataDir))
{
    if (!sync_)
        return;
    connect(sync_, &sync::SyncWorker::hubRecordingsLoaded, this, [this](const QList<sync::HubRecording>& recordings) {
        QHash<qint64, QString> names;
        for (const sync::HubMembership& m : sync_->account().memberships)
            names.insert(m.programme.id, m.programme.name);
        setRecordings(recordings, names);
    });
    connect(sync_, &sync::SyncWorker::downloadChanged, this, &HubRecordingsModel::applyStatus);
    connect(sync_, &sync::SyncWorker::operationFailed, this,
            [this](sync::SyncWorker::Operation operation, const sync::SyncError& error) {
                if (operation == sync::SyncWorker::Operation::LoadHubRecordings)
                    setLoadFailed(error);
            });
}

int HubRecordingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QHash<int, QByteArray> HubRecordingsModel::roleNames() const
{
    return {{RecordingIdRole, "recordingId"},
            {FirstOfRecordingRole, "firstOfRecording"},
            {TitleRole, "title"},
            {ProgrammeRole, "programme"},
            {DetailsRole, "details"},
            {RenditionRole, "rendition"},
            {RenditionLabelRole, "renditionLabel"},
            {SizeTextRole, "sizeText"},
            {StateRole, "state"},
            {StateTextRole, "stateText"},
            {ProgressRole, "progress"},
            {RateTextRole, "rateText"},
            {CanDownloadRole, "canDownload"},
            {CanPauseRole, "canPause"},
            {CanResumeRole, "canResume"},
            {CanCancelRole, "canCancel"}};
}

QVariant HubRecordingsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    return rowData(rows_.at(index.row()), role);
}

QVariant HubRecordingsModel::get(int row, const QString& roleName) const
{
    if (row < 0 || row >= rows_.size())
        return {};
    return rowData(rows_.at(row), roleNames().key(roleName.toUtf8(), -1));
}

QVariant HubRecordingsModel::rowData(const Row& row, int role) const
{
    const sync::HubRecording& recording = recordingOf(row);
    const sync::HubRendition& rendition = renditionOf(row);
    const sync::QueuedState state = row.status.state;
    const bool active = row.known && state != sync::QueuedState::Done && state != sync::QueuedState::Cancelled;
    switch (role) {
    case RecordingIdRole: return static_cast<qint64>(recording.id);
    case FirstOfRecordingRole: return row.rendition == 0;
    case TitleRole: return recording.title;
    case ProgrammeRole: return programmes_.value(recording.programmeId);
    case DetailsRole:
        // Under a minute as 0:20, as the library does, not "0 min".
        return formatDateTime(recording.recordedMs) + QStringLiteral("  ·  ")
               + (recording.durationMs < 60'000 ? formatPosition(recording.durationMs)
                                                : formatDuration(recording.durationMs));
    case RenditionRole: return rendition.rendition;
    case RenditionLabelRole: return renditionLabel(rendition.rendition);
    case SizeTextRole: return sizeText(rendition.bytes);
    case StateRole:
        if (row.onDisk && !active)
            return QStringLiteral("done");
        return row.known ? sync::toString(state) : QStringLiteral("none");
    case StateTextRole:
        if (row.onDisk && !active)
            return tr("On this laptop: in Recordings");
        return row.known ? stateText(row.status) : QString();
    case ProgressRole:
        return row.status.totalBytes > 0
                   ? static_cast<double>(row.status.receivedBytes) / static_cast<double>(row.status.totalBytes)
                   : 0.0;
    case RateTextRole:
        return active && state == sync::QueuedState::Running && row.status.bytesPerSecond > 0
                   ? tr("%1/s").arg(sizeText(row.status.bytesPerSecond))
                   : QString();
    case CanDownloadRole: return !active && !row.onDisk;
    case CanPauseRole:
        return active
               && (state == sync::QueuedState::Running || state == sync::QueuedState::Queued
                   || state == sync::QueuedState::Waiting || state == sync::QueuedState::Checking);
    case CanResumeRole: return active && (state == sync::QueuedState::Paused || state == sync::QueuedState::Failed);
    case CanCancelRole: return active;
    default: return {};
    }
}

void HubRecordingsModel::refresh()
{
    if (!sync_)
        return;
    if (!sync_->account().signedIn) {
        setMessage(false, tr("Sign in to a hub in Settings to see its recordings."), false);
        return;
    }
    setMessage(true, tr("Asking the hub for its recordings…"), false);
    sync_->loadHubRecordings();
}

void HubRecordingsModel::download(int row)
{
    if (row < 0 || row >= rows_.size())
        return;
    Row& r = rows_[row];
    const sync::HubRecording& recording = recordingOf(r);
    const sync::HubRendition& rendition = renditionOf(r);
    sync::QueuedDownload d;
    d.recordingId = recording.id;
    d.rendition = rendition.rendition;
    d.title = recording.title;
    d.recordedMs = recording.recordedMs;
    d.durationMs = recording.durationMs;
    d.parts = rendition.parts;
    // Shown at once; the queue's own status follows from the sync thread.
    sync::DownloadStatus status;
    status.recordingId = d.recordingId;
    status.rendition = d.rendition;
    status.totalBytes = d.totalBytes();
    applyStatus(status);
    if (sync_)
        sync_->queueDownload(d);
}

void HubRecordingsModel::pause(int row)
{
    if (sync_ && row >= 0 && row < rows_.size())
        sync_->pauseDownload(recordingOf(rows_[row]).id, renditionOf(rows_[row]).rendition);
}

void HubRecordingsModel::resume(int row)
{
    if (sync_ && row >= 0 && row < rows_.size())
        sync_->resumeDownload(recordingOf(rows_[row]).id, renditionOf(rows_[row]).rendition);
}

void HubRecordingsModel::cancel(int row)
{
    if (sync_ && row >= 0 && row < rows_.size())
        sync_->cancelDownload(recordingOf(rows_[row]).id, renditionOf(rows_[row]).rendition);
}

void HubRecordingsModel::setRecordings(const QList<sync::HubRecording>& recordings,
                                       const QHash<qint64, QString>& programmeNames)
{
    beginResetModel();
    recordings_ = recordings;
    // Grouped by programme, newest first within each (the hub sends newest first).
    std::stable_sort(
        recordings_.begin(), recordings_.end(),
        [](const sync::HubRecording& a, const sync::HubRecording& b) { return a.programmeId < b.programmeId; });
    programmes_ = programmeNames;
    rows_.clear();
    for (qsizetype i = 0; i < recordings_.size(); ++i) {
        for (qsizetype j = 0; j < recordings_[i].renditions.size(); ++j) {
            Row row{i, j, {}, false, false};
            const QString k = key(recordings_[i].id, recordings_[i].renditions[j].rendition);
            if (statuses_.contains(k)) {
                row.status = statuses_.value(k);
                row.known = true;
            }
            row.onDisk = partsOnDisk(recordings_[i], recordings_[i].renditions[j]);
            rows_.append(row);
        }
    }
    endResetModel();
    setMessage(false, recordings_.isEmpty() ? tr("The hub has no recordings for your programmes yet.") : QString(),
               false);
}

void HubRecordingsModel::applyStatus(const sync::DownloadStatus& status)
{
    statuses_.insert(key(status.recordingId, status.rendition), status);
    const int row = rowFor(status.recordingId, status.rendition);
    if (row < 0)
        return;
    Row& r = rows_[row];
    r.status = status;
    r.known = true;
    if (status.state == sync::QueuedState::Done)
        r.onDisk = true;
    if (status.state == sync::QueuedState::Cancelled)
        r.onDisk = false;
    Q_EMIT dataChanged(index(row), index(row));
}

void HubRecordingsModel::setLoadFailed(const sync::SyncError& error)
{
    setMessage(false, HubWording::describeSyncError(error, sync::SyncWorker::Operation::LoadHubRecordings), true);
}

int HubRecordingsModel::rowFor(std::int64_t recordingId, const QString& rendition) const
{
    for (int i = 0; i < rows_.size(); ++i)
        if (recordingOf(rows_[i]).id == recordingId && renditionOf(rows_[i]).rendition == rendition)
            return i;
    return -1;
}

// The queue's layout (DownloadQueue.h): DATA_DIR/downloads/<id>/<rendition>-<part>.webm.
bool HubRecordingsModel::partsOnDisk(const sync::HubRecording& recording, const sync::HubRendition& rendition) const
{
    if (dataDir_.empty() || rendition.parts.isEmpty())
        return false;
    for (const sync::HubRecordingPart& part : rendition.parts) {
        const std::filesystem::path file =
            dataDir_ / "downloads" / std::to_string(recording.id)
            / (rendition.rendition.toStdString() + '-' + std::to_string(part.part) + ".webm");
        if (QFileInfo(QString::fromStdString(file.string())).size() != part.bytes)
            return false;
    }
    return true;
}

void HubRecordingsModel::setMessage(bool loading, const QString& message, bool failed)
{
    loading_ = loading;
    message_ = message;
    failed_ = failed;
    Q_EMIT statusChanged();
}

QString HubRecordingsModel::renditionLabel(const QString& rendition)
{
    if (rendition == QLatin1String("full"))
        return tr("Full quality");
    if (rendition == QLatin1String("light"))
        return tr("Light (360p video)");
    if (rendition == QLatin1String("audio-slides"))
        return tr("Audio + slides");
    return rendition;
}

QString HubRecordingsModel::sizeText(std::int64_t bytes)
{
    if (bytes >= 1'000'000'000)
        return tr("%1 GB").arg(formatDecimal(static_cast<double>(bytes) / 1e9, 2));
    if (bytes >= 1'000'000)
        return tr("%1 MB").arg(formatDecimal(static_cast<double>(bytes) / 1e6, 1));
    return tr("%1 kB").arg(formatDecimal(static_cast<double>(bytes) / 1e3, 0));
}

QString HubRecordingsModel::stateText(const sync::DownloadStatus& status)
{
    const QString ofTotal = tr("%1 of %2").arg(sizeText(status.receivedBytes), sizeText(status.totalBytes));
    switch (status.state) {
    case sync::QueuedState::Queued: return tr("Queued: starts after the download before it");
    case sync::QueuedState::Checking: return tr("Checking the file…");
    case sync::QueuedState::Running: return ofTotal;
    case sync::QueuedState::Paused: return tr("Paused: %1").arg(ofTotal);
    case sync::QueuedState::Waiting:
        if (status.signedOut)
            return tr("Waiting: sign in to the hub again");
        switch (status.gate) {
        case sync::DownloadGate::OutsideHours: return tr("Waiting for the allowed hours");
        case sync::DownloadGate::NetworkNotAllowed: return tr("Waiting for an allowed network");
        case sync::DownloadGate::NoNetwork: return tr("Waiting for a network");
        case sync::DownloadGate::Allowed: return tr("Waiting");
        }
        return tr("Waiting");
    case sync::QueuedState::Done: return tr("On this laptop: in Recordings");
    case sync::QueuedState::Cancelled: return QString();
    case sync::QueuedState::Failed: break;
    }
    switch (status.error.kind) {
    case sync::DownloadErrorKind::Refused:
        return status.error.httpStatus == 403 || status.error.httpStatus == 401
                   ? tr("The hub refused: your account may no longer see this recording")
                   : tr("The hub no longer has this file (it may have been deleted)");
    case sync::DownloadErrorKind::Unreachable: return tr("Could not reach the hub. Resume to try again.");
    case sync::DownloadErrorKind::BadAnswer:
        return tr("The hub's file does not match its catalogue. Refresh the list and try again.");
    case sync::DownloadErrorKind::Disk: return tr("Could not write the file: is the disk full?");
    case sync::DownloadErrorKind::WrongChecksum:
        return tr("The file arrived damaged and was deleted. Resume to download it again.");
    default: return tr("The download stopped.");
    }
}

} // namespace spoke::ui
