#include "viewmodels/LibraryModel.h"

#include "recording/Importer.h"
#include "store/CacheWorker.h"
#include "viewmodels/Formatting.h"

#include <QFileInfo>

#include <map>

namespace spoke::ui {

namespace {

const QStringList kRoles{QStringLiteral("recordingId"), QStringLiteral("title"),    QStringLiteral("programme"),
                         QStringLiteral("created"),     QStringLiteral("duration"), QStringLiteral("cases"),
                         QStringLiteral("onDisk"),      QStringLiteral("imported")};

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

// "0 min" says nothing about a short clip: under a minute, seconds.
QString lengthOf(std::int64_t durationMs)
{
    return durationMs < 60'000 ? formatPosition(durationMs) : formatDuration(durationMs);
}

// Runs on the cache thread.
std::vector<QVariantMap> loadRows(store::Cache& cache)
{
    std::map<std::int64_t, QString> programmes;
    for (const auto& programme : cache.sessions().programmes())
        programmes[programme.id] = qs(programme.name);
    std::vector<QVariantMap> rows;
    for (const auto& r : cache.recordings().list()) {
        QString programme;
        QStringList cases;
        if (r.sessionId) {
            if (const auto session = cache.sessions().session(*r.sessionId))
                programme = programmes[session->programmeId];
            for (const auto& c : cache.cases().list(*r.sessionId))
                cases << qs(c.caseCode + " " + c.title);
        }
        rows.push_back({{QStringLiteral("recordingId"), static_cast<qint64>(r.id)},
                        {QStringLiteral("title"), qs(r.title)},
                        {QStringLiteral("programme"), programme},
                        {QStringLiteral("created"), formatDateTime(r.createdMs)},
                        {QStringLiteral("duration"), lengthOf(r.durationMs)},
                        {QStringLiteral("cases"), cases.join(QStringLiteral("; "))},
                        {QStringLiteral("onDisk"), !r.filePath.empty() && QFileInfo::exists(qs(r.filePath))},
                        {QStringLiteral("imported"), r.source == store::RecordingSource::Imported}});
    }
    return rows;
}

} // namespace

LibraryModel::LibraryModel(store::CacheWorker& worker, std::filesystem::path dataDir, QObject* parent)
    : QObject(parent)
    , worker_(worker)
    , dataDir_(std::move(dataDir))
    , rows_(kRoles)
{
    refresh();
}

void LibraryModel::refresh()
{
    worker_.run<std::vector<QVariantMap>>(this, loadRows,
                                          [this](const store::Outcome<std::vector<QVariantMap>>& outcome) {
                                              if (outcome.ok())
                                                  rows_.replace(*outcome.value);
                                              Q_EMIT loaded();
                                          });
}

void LibraryModel::importFile(const QUrl& file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty() || busy_)
        return;
    busy_ = true;
    failed_ = false;
    message_ = tr("Importing %1…").arg(QFileInfo(path).fileName());
    Q_EMIT statusChanged();
    const std::filesystem::path source = path.toStdString();
    const std::filesystem::path dataDir = dataDir_;
    worker_.run<recording::ImportResult>(
        this,
        [source, dataDir](store::Cache& cache) {
            store::RecordingStore recordings = cache.recordings();
            return recording::Importer(recordings, dataDir).importFile(source);
        },
        [this, path](const store::Outcome<recording::ImportResult>& outcome) {
            busy_ = false;
            failed_ = !outcome.ok();
            if (failed_) {
                message_ = tr("Could not import %1: %2").arg(QFileInfo(path).fileName(), outcome.error);
            } else {
                const auto& result = *outcome.value;
                message_ =
                    result.alreadyInLibrary
                        ? tr("%1 is already in the library.").arg(QFileInfo(path).fileName())
                        : tr("Imported %1 (%2, %n chapter(s)).", "", static_cast<int>(result.probe.chapters.size()))
                              .arg(QFileInfo(path).fileName(), lengthOf(result.probe.playableMs));
            }
            Q_EMIT statusChanged();
            refresh();
            if (outcome.ok())
                Q_EMIT imported(outcome.value->recordingId);
        });
}

} // namespace spoke::ui
