#pragma once

#include "sync/DownloadPolicy.h"
#include "sync/RecordingCatalogue.h"
#include "sync/RecordingDownload.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace spoke::sync {

// One rendition of one hub recording the user asked for.
struct QueuedDownload {
    std::int64_t recordingId = 0;
    QString rendition;
    QString title;
    std::int64_t recordedMs = 0;
    std::int64_t durationMs = 0;
    QList<HubRecordingPart> parts;
    bool paused = false; // by the user; kept across restarts

    std::int64_t totalBytes() const;
};

enum class QueuedState {
    Queued, // behind another download
    Checking, // about to (re)start: the partial file is checked against its journal
    Running,
    Paused, // by the user
    Waiting, // the policy says not now (DownloadStatus::gate says why)
    Failed, // DownloadStatus::error says why; Resume tries again
    Done, // every part on disk with its SHA-256; DownloadStatus::files
    Cancelled, // removed, partial files deleted
};

// What a row shows; emitted whenever it changes.
struct DownloadStatus {
    std::int64_t recordingId = 0;
    QString rendition;
    QueuedState state = QueuedState::Queued;
    DownloadGate gate = DownloadGate::Allowed; // when Waiting
    bool signedOut = false; // when Waiting: no account to download with
    std::int64_t receivedBytes = 0; // over every part
    std::int64_t totalBytes = 0;
    std::int64_t bytesPerSecond = 0;
    DownloadError error; // when Failed
    std::vector<std::filesystem::path> files; // when Done, in part order
};

// Runs the app's recording downloads one at a time, so that each gets the
// whole link and a cap applies to what the laptop downloads, not per file.
// The list is kept in `folder/queue.json` (written atomically at every
// change), so an app restart or a power cut resumes it: each part's
// RecordingDownload keeps its own partial file and journal beside its
// destination `folder/<id>/<rendition>-<part>.webm` (the CLI's layout).
//
// The policy (DownloadPolicy.h) is applied in reconsider(), which takes the
// local minute of day and the default route's interfaces as parameters: the
// owner calls it on a timer and whenever the policy changes; this class
// reads no clock and no network state itself. A download the policy stops
// is paused (its complete blocks kept) and marked Waiting.
//
// Threading: a QObject used only on the thread that made it, which runs an
// event loop (the sync thread in the app).
class DownloadQueue : public QObject {
    Q_OBJECT
public:
    struct Access {
        QUrl url;
        QString token;
    };
    // The file route's URL and the bearer token, or nullopt when signed out.
    using AccessFor = std::function<std::optional<Access>(const QString& path)>;

    struct Options {
        std::filesystem::path folder;
        AccessFor access;
        int stallTimeoutMs = 30'000;
        int firstRetryMs = 250;
    };

    explicit DownloadQueue(Options options, QObject* parent = nullptr);
    ~DownloadQueue() override;

    static std::filesystem::path queueFileIn(const std::filesystem::path& folder) { return folder / "queue.json"; }

    // Reads queue.json (a missing file is an empty queue); false with
    // `error` set when it cannot be read. Call before reconsider().
    bool load(QString* error = nullptr);

    // Adds a rendition (ignored when it is already in the queue) and starts
    // it when allowed.
    void add(const QueuedDownload& download);
    void pause(std::int64_t recordingId, const QString& rendition);
    void resume(std::int64_t recordingId, const QString& rendition);
    void cancel(std::int64_t recordingId, const QString& rendition);

    void setPolicy(const DownloadPolicy& policy);
    const DownloadPolicy& policy() const { return policy_; }
    // Applies the policy for the time and network given, then starts,
    // stops or goes on with the downloads.
    void reconsider(int minuteOfDay, const QStringList& routeInterfaces);

    QList<QueuedDownload> items() const;
    QList<DownloadStatus> statuses() const;

Q_SIGNALS:
    void statusChanged(const spoke::sync::DownloadStatus& status);
    // Every part is on disk and checked; the item has left the queue.
    void completed(const spoke::sync::QueuedDownload& download, const spoke::sync::DownloadStatus& status);

private:
    struct Item {
        QueuedDownload download;
        DownloadStatus status;
        int part = 0; // index into download.parts being fetched
    };

    Item* find(std::int64_t recordingId, const QString& rendition);
    std::filesystem::path destinationFor(const QueuedDownload& download, int partIndex) const;
    std::int64_t bytesOnDiskBefore(const Item& item) const;
    void pump();
    void startPart(Item& item);
    void onProgress(const DownloadProgress& progress);
    void onFinished();
    void stopCurrent();
    void setState(Item& item, QueuedState state);
    void publish(const Item& item);
    void save();

    Options options_;
    DownloadPolicy policy_;
    DownloadGate gate_ = DownloadGate::Allowed;
    bool conditionsKnown_ = false;
    std::vector<std::unique_ptr<Item>> items_;
    Item* current_ = nullptr; // the item whose part download_ fetches
    std::unique_ptr<RecordingDownload> download_;
};

QString toString(QueuedState state);

} // namespace spoke::sync

Q_DECLARE_METATYPE(spoke::sync::DownloadStatus)
Q_DECLARE_METATYPE(spoke::sync::QueuedDownload)
