#include "sync/DownloadQueue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSaveFile>

#include <system_error>

namespace spoke::sync {

namespace {

constexpr int kQueueFileVersion = 1;

QString pathString(const std::filesystem::path& path)
{
    return QString::fromStdString(path.string());
}

QJsonObject toJson(const QueuedDownload& d)
{
    QJsonArray parts;
    for (const HubRecordingPart& p : d.parts)
        parts.append(QJsonObject{{QStringLiteral("part"), p.part},
                                 {QStringLiteral("bytes"), static_cast<qint64>(p.bytes)},
                                 {QStringLiteral("sha256"), QString::fromLatin1(p.sha256Hex)},
                                 {QStringLiteral("duration_ms"), static_cast<qint64>(p.durationMs)},
                                 {QStringLiteral("path"), p.path}});
    return QJsonObject{{QStringLiteral("recording_id"), static_cast<qint64>(d.recordingId)},
                       {QStringLiteral("rendition"), d.rendition},
                       {QStringLiteral("title"), d.title},
                       {QStringLiteral("recorded_ms"), static_cast<qint64>(d.recordedMs)},
                       {QStringLiteral("duration_ms"), static_cast<qint64>(d.durationMs)},
                       {QStringLiteral("paused"), d.paused},
                       {QStringLiteral("parts"), parts}};
}

// Our own file: read leniently field by field, but an item without an id,
// a rendition name or parts is dropped rather than guessed at.
std::optional<QueuedDownload> fromJson(const QJsonObject& o)
{
    QueuedDownload d;
    d.recordingId = o.value(QStringLiteral("recording_id")).toInteger();
    d.rendition = o.value(QStringLiteral("rendition")).toString();
    d.title = o.value(QStringLiteral("title")).toString();
    d.recordedMs = o.value(QStringLiteral("recorded_ms")).toInteger();
    d.durationMs = o.value(QStringLiteral("duration_ms")).toInteger();
    d.paused = o.value(QStringLiteral("paused")).toBool();
    for (const QJsonValue& v : o.value(QStringLiteral("parts")).toArray()) {
        const QJsonObject p = v.toObject();
        HubRecordingPart part;
        part.part = p.value(QStringLiteral("part")).toInt();
        part.bytes = p.value(QStringLiteral("bytes")).toInteger();
        part.sha256Hex = p.value(QStringLiteral("sha256")).toString().toLatin1();
        part.durationMs = p.value(QStringLiteral("duration_ms")).toInteger();
        part.path = p.value(QStringLiteral("path")).toString();
        if (part.bytes < 0 || part.sha256Hex.size() != 64 || part.path.isEmpty())
            return std::nullopt;
        d.parts.append(part);
    }
    if (d.recordingId <= 0 || !isRenditionName(d.rendition) || d.parts.isEmpty())
        return std::nullopt;
    return d;
}

void removeQuietly(const std::filesystem::path& path)
{
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
}

} // namespace

std::int64_t QueuedDownload::totalBytes() const
{
    std::int64_t total = 0;
    for (const HubRecordingPart& p : parts)
        total += p.bytes;
    return total;
}

QString toString(QueuedState state)
{
    switch (state) {
    case QueuedState::Queued: return QStringLiteral("queued");
    case QueuedState::Checking: return QStringLiteral("checking");
    case QueuedState::Running: return QStringLiteral("running");
    case QueuedState::Paused: return QStringLiteral("paused");
    case QueuedState::Waiting: return QStringLiteral("waiting");
    case QueuedState::Failed: return QStringLiteral("failed");
    case QueuedState::Done: return QStringLiteral("done");
    case QueuedState::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

DownloadQueue::DownloadQueue(Options options, QObject* parent) : QObject(parent), options_(std::move(options))
{
    qRegisterMetaType<spoke::sync::DownloadStatus>();
    qRegisterMetaType<spoke::sync::QueuedDownload>();
}

DownloadQueue::~DownloadQueue() = default; // a running part stops; its complete blocks stay on disk

bool DownloadQueue::load(QString* error)
{
    QFile file(pathString(queueFileIn(options_.folder)));
    if (!file.exists())
        return true;
    QJsonParseError parseError;
    const QJsonDocument doc =
        file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll(), &parseError) : QJsonDocument();
    if (!doc.isObject() || doc.object().value(QStringLiteral("version")).toInt() != kQueueFileVersion) {
        if (error)
            *error = QStringLiteral("%1 cannot be read").arg(file.fileName());
        return false;
    }
    for (const QJsonValue& v : doc.object().value(QStringLiteral("items")).toArray()) {
        const auto d = fromJson(v.toObject());
        if (!d || find(d->recordingId, d->rendition))
            continue;
        auto item = std::make_unique<Item>();
        item->download = *d;
        item->status.recordingId = d->recordingId;
        item->status.rendition = d->rendition;
        item->status.totalBytes = d->totalBytes();
        item->status.state = d->paused ? QueuedState::Paused : QueuedState::Queued;
        items_.push_back(std::move(item));
        publish(*items_.back());
    }
    return true;
}

void DownloadQueue::add(const QueuedDownload& download)
{
    if (find(download.recordingId, download.rendition) || download.parts.isEmpty())
        return;
    auto item = std::make_unique<Item>();
    item->download = download;
    item->download.paused = false;
    item->status.recordingId = download.recordingId;
    item->status.rendition = download.rendition;
    item->status.totalBytes = download.totalBytes();
    items_.push_back(std::move(item));
    save();
    publish(*items_.back());
    pump();
}

void DownloadQueue::pause(std::int64_t recordingId, const QString& rendition)
{
    Item* item = find(recordingId, rendition);
    if (!item || item->status.state == QueuedState::Paused)
        return;
    if (item == current_)
        stopCurrent();
    item->download.paused = true;
    item->status.bytesPerSecond = 0;
    setState(*item, QueuedState::Paused);
    save();
    pump();
}

void DownloadQueue::resume(std::int64_t recordingId, const QString& rendition)
{
    Item* item = find(recordingId, rendition);
    if (!item || (item->status.state != QueuedState::Paused && item->status.state != QueuedState::Failed))
        return;
    item->download.paused = false;
    item->status.error = {};
    setState(*item, QueuedState::Queued);
    save();
    pump();
}

void DownloadQueue::cancel(std::int64_t recordingId, const QString& rendition)
{
    Item* item = find(recordingId, rendition);
    if (!item)
        return;
    if (item == current_) {
        download_->cancel(); // deletes the part's partial file and journal
        stopCurrent();
    }
    // Parts already complete go too: the user asked for none of it.
    for (int i = 0; i < item->download.parts.size(); ++i) {
        const std::filesystem::path destination = destinationFor(item->download, i);
        const std::filesystem::path partial = RecordingDownload::partialPathFor(destination);
        removeQuietly(destination);
        removeQuietly(partial);
        removeQuietly(std::filesystem::path(partial.string() + ".journal"));
    }
    std::error_code ignored;
    std::filesystem::remove(options_.folder / std::to_string(recordingId), ignored); // only when empty
    item->status.bytesPerSecond = 0;
    setState(*item, QueuedState::Cancelled);
    std::erase_if(items_, [item](const std::unique_ptr<Item>& i) { return i.get() == item; });
    save();
    pump();
}

void DownloadQueue::setPolicy(const DownloadPolicy& policy)
{
    const bool capChanged = policy.maxKbps != policy_.maxKbps;
    policy_ = policy;
    // The cap is fixed when a part starts: restart the part (its complete
    // blocks stay) so a new cap applies now, not at the next part.
    if (capChanged && current_) {
        Item* item = current_;
        stopCurrent();
        setState(*item, QueuedState::Queued);
        pump();
    }
}

void DownloadQueue::reconsider(int minuteOfDay, const QStringList& routeInterfaces)
{
    gate_ = evaluateDownloadPolicy(policy_, minuteOfDay, routeInterfaces);
    conditionsKnown_ = true;
    if (current_ && gate_ != DownloadGate::Allowed) {
        Item* item = current_;
        stopCurrent();
        item->status.gate = gate_;
        setState(*item, QueuedState::Waiting);
    }
    pump();
}

QList<QueuedDownload> DownloadQueue::items() const
{
    QList<QueuedDownload> list;
    for (const auto& item : items_)
        list.append(item->download);
    return list;
}

QList<DownloadStatus> DownloadQueue::statuses() const
{
    QList<DownloadStatus> list;
    for (const auto& item : items_)
        list.append(item->status);
    return list;
}

DownloadQueue::Item* DownloadQueue::find(std::int64_t recordingId, const QString& rendition)
{
    for (const auto& item : items_)
        if (item->download.recordingId == recordingId && item->download.rendition == rendition)
            return item.get();
    return nullptr;
}

std::filesystem::path DownloadQueue::destinationFor(const QueuedDownload& download, int partIndex) const
{
    const int part = download.parts.at(partIndex).part;
    return options_.folder / std::to_string(download.recordingId)
           / (download.rendition.toStdString() + '-' + std::to_string(part) + ".webm");
}

std::int64_t DownloadQueue::bytesOnDiskBefore(const Item& item) const
{
    std::int64_t bytes = 0;
    for (int i = 0; i < item.part; ++i)
        bytes += item.download.parts.at(i).bytes;
    return bytes;
}

// Starts the first item that may run, or says why none may.
void DownloadQueue::pump()
{
    if (!conditionsKnown_ || current_)
        return;
    for (const auto& owned : items_) {
        Item& item = *owned;
        const QueuedState state = item.status.state;
        if (state == QueuedState::Paused || state == QueuedState::Failed)
            continue;
        if (gate_ != DownloadGate::Allowed) {
            item.status.gate = gate_;
            item.status.signedOut = false;
            setState(item, QueuedState::Waiting);
            continue;
        }
        if (!options_.access || !options_.access(item.download.parts.first().path)) {
            item.status.signedOut = true;
            setState(item, QueuedState::Waiting);
            continue;
        }
        if (!current_) {
            item.status.signedOut = false;
            startPart(item);
        } else {
            setState(item, QueuedState::Queued);
        }
    }
}

void DownloadQueue::startPart(Item& item)
{
    const HubRecordingPart& part = item.download.parts.at(item.part);
    const auto access = options_.access(part.path);
    RecordingDownloadOptions o;
    o.url = access->url;
    o.token = access->token;
    o.sizeBytes = part.bytes;
    o.sha256Hex = part.sha256Hex;
    o.destination = destinationFor(item.download, item.part);
    o.maxKbps = policy_.maxKbps;
    o.stallTimeoutMs = options_.stallTimeoutMs;
    o.firstRetryMs = options_.firstRetryMs;
    current_ = &item;
    download_ = std::make_unique<RecordingDownload>(o);
    connect(download_.get(), &RecordingDownload::progressed, this, &DownloadQueue::onProgress);
    connect(download_.get(), &RecordingDownload::finished, this, &DownloadQueue::onFinished);
    setState(item, QueuedState::Checking);
    // start() checks the partial file against its journal before the first
    // request; queued, so the row says "Checking the file…" while it does.
    QMetaObject::invokeMethod(
        this,
        [download = QPointer<RecordingDownload>(download_.get())] {
            if (download)
                download->start();
        },
        Qt::QueuedConnection);
}

void DownloadQueue::onProgress(const DownloadProgress& progress)
{
    if (!current_ || sender() != download_.get())
        return;
    Item& item = *current_;
    item.status.receivedBytes = bytesOnDiskBefore(item) + progress.receivedBytes;
    item.status.bytesPerSecond = progress.bytesPerSecond;
    // Every byte in, the whole file is being hashed: still "checking".
    const bool checking = progress.totalBytes > 0 && progress.receivedBytes >= progress.totalBytes;
    if (progress.state == DownloadState::Running || progress.state == DownloadState::Waiting)
        item.status.state = checking ? QueuedState::Checking : QueuedState::Running;
    publish(item);
}

void DownloadQueue::onFinished()
{
    if (!current_ || sender() != download_.get())
        return;
    Item* item = current_;
    const DownloadState state = download_->state();
    const DownloadError error = download_->error();
    stopCurrent();
    if (state == DownloadState::Failed) {
        item->status.error = error;
        item->status.bytesPerSecond = 0;
        setState(*item, QueuedState::Failed);
        pump();
        return;
    }
    if (state != DownloadState::Done)
        return;
    if (++item->part < item->download.parts.size()) {
        pump();
        return;
    }
    item->status.receivedBytes = item->status.totalBytes;
    item->status.bytesPerSecond = 0;
    for (int i = 0; i < item->download.parts.size(); ++i)
        item->status.files.push_back(destinationFor(item->download, i));
    setState(*item, QueuedState::Done);
    const QueuedDownload done = item->download;
    const DownloadStatus status = item->status;
    std::erase_if(items_, [item](const std::unique_ptr<Item>& i) { return i.get() == item; });
    save();
    Q_EMIT completed(done, status);
    pump();
}

// Stops the running part (its complete blocks stay on disk). It may run
// inside the download's own signal: the object goes later.
void DownloadQueue::stopCurrent()
{
    if (!download_)
        return;
    download_->disconnect(this);
    if (download_->state() == DownloadState::Running || download_->state() == DownloadState::Waiting)
        download_->pause();
    download_.release()->deleteLater();
    current_ = nullptr;
}

void DownloadQueue::setState(Item& item, QueuedState state)
{
    const bool changed = item.status.state != state;
    item.status.state = state;
    if (changed || state == QueuedState::Waiting)
        publish(item);
}

void DownloadQueue::publish(const Item& item)
{
    Q_EMIT statusChanged(item.status);
}

void DownloadQueue::save()
{
    QJsonArray list;
    for (const auto& item : items_)
        list.append(toJson(item->download));
    std::error_code ignored;
    std::filesystem::create_directories(options_.folder, ignored);
    QSaveFile file(pathString(queueFileIn(options_.folder)));
    // Atomic (write, fsync, rename): a power cut leaves the old list or the new one.
    if (file.open(QIODevice::WriteOnly)) {
        file.write(
            QJsonDocument(QJsonObject{{QStringLiteral("version"), kQueueFileVersion}, {QStringLiteral("items"), list}})
                .toJson(QJsonDocument::Compact));
        file.commit();
    }
}

} // namespace spoke::sync
