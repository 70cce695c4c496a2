#pragma once

#include "viewmodels/CallModel.h"
#include "viewmodels/CaseEditorModel.h"
#include "viewmodels/DetailModel.h"
#include "viewmodels/DownloadSettingsModel.h"
#include "viewmodels/HubAccountModel.h"
#include "viewmodels/HubRecordingsModel.h"
#include "viewmodels/LibraryModel.h"
#include "viewmodels/LiveCaseModel.h"
#include "viewmodels/LiveSessionModel.h"
#include "viewmodels/LiveSlidesModel.h"
#include "viewmodels/LockModel.h"
#include "viewmodels/PlayerModel.h"
#include "viewmodels/ReviewModel.h"
#include "viewmodels/RowModel.h"
#include "viewmodels/ScreenShareModel.h"
#include "viewmodels/SearchModel.h"

#include <QHash>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <filesystem>
#include <memory>

namespace spoke::store {
class CacheWorker;
}
namespace spoke::sync {
class SyncWorker;
}

namespace spoke::ui {

// The root object QML sees: the cache (through its worker thread), the hub
// (through the SyncWorker main() gives it) and every model the pages bind
// to. The demo programme is written only when asked for: "Try the demo", or
// StartOptions::seedDemoIfEmpty (scripts/run on a fresh data dir).
// Lives on the UI thread.
class AppController : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QString cacheError READ cacheError NOTIFY cacheErrorChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(bool empty READ empty NOTIFY loadedChanged)
    Q_PROPERTY(QString demoMessage READ demoMessage NOTIFY demoMessageChanged)
    Q_PROPERTY(int pendingOutbox READ pendingOutbox NOTIFY syncChanged)
    Q_PROPERTY(bool syncing READ syncing NOTIFY syncChanged)
    Q_PROPERTY(QString syncSummary READ syncSummary NOTIFY syncChanged)
    Q_PROPERTY(QString syncDetail READ syncDetail NOTIFY syncChanged)
    Q_PROPERTY(QString syncError READ syncError NOTIFY syncChanged)
    Q_PROPERTY(QString arrivalText READ arrivalText NOTIFY arrivalChanged)
    Q_PROPERTY(qint64 arrivalCaseId READ arrivalCaseId NOTIFY arrivalChanged)
    Q_PROPERTY(spoke::ui::RowModel* upcomingSessions READ upcomingSessions CONSTANT)
    Q_PROPERTY(spoke::ui::RowModel* pastSessions READ pastSessions CONSTANT)
    Q_PROPERTY(spoke::ui::RowModel* cases READ cases CONSTANT)
    Q_PROPERTY(spoke::ui::RowModel* recordings READ recordings CONSTANT)
    Q_PROPERTY(spoke::ui::SearchModel* search READ search CONSTANT)
    Q_PROPERTY(spoke::ui::DetailModel* detail READ detail CONSTANT)
    Q_PROPERTY(spoke::ui::LibraryModel* library READ library CONSTANT)
    Q_PROPERTY(spoke::ui::HubRecordingsModel* hubRecordings READ hubRecordings CONSTANT)
    Q_PROPERTY(spoke::ui::DownloadSettingsModel* downloadSettings READ downloadSettings CONSTANT)
    Q_PROPERTY(spoke::ui::PlayerModel* player READ player CONSTANT)
    Q_PROPERTY(spoke::ui::CaseEditorModel* editor READ editor CONSTANT)
    Q_PROPERTY(spoke::ui::CallModel* call READ call CONSTANT)
    Q_PROPERTY(spoke::ui::HubAccountModel* hub READ hub CONSTANT)
    Q_PROPERTY(spoke::ui::ReviewModel* review READ review CONSTANT)
    Q_PROPERTY(spoke::ui::LiveSessionModel* live READ live CONSTANT)
    Q_PROPERTY(spoke::ui::LiveSlidesModel* slides READ slides CONSTANT)
    Q_PROPERTY(spoke::ui::ScreenShareModel* screenShare READ screenShare CONSTANT)
    Q_PROPERTY(spoke::ui::LiveCaseModel* liveCase READ liveCase CONSTANT)
    Q_PROPERTY(spoke::ui::LockModel* lock READ lock CONSTANT)
public:
    struct StartOptions {
        // Write the demo programme at start if the cache holds nothing yet.
        bool seedDemoIfEmpty = false;
        // Give the demo its playable recordings (core/demo: seconds of
        // encoding, minutes under ASan); the UI tests of other pages leave
        // them out, the player's tests seed them themselves.
        bool demoRecordings = true;
    };
    static constexpr int kSyncLabelRefreshMs = 30'000; // "Last synced 3 min ago" stays true

    // `sync` must outlive the controller; it is started here.
    AppController(const std::filesystem::path& dataDir, const QString& version, sync::SyncWorker& sync,
                  StartOptions options, QObject* parent = nullptr);
    ~AppController() override;

    // QML reaches the one controller main() made as the singleton `App`;
    // main() registers it before loading any QML.
    static void setInstance(AppController* instance);
    static AppController* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

    QString dataDir() const { return dataDir_; }
    QString version() const { return version_; }
    QString cacheError() const { return cacheError_; }
    bool loaded() const { return loaded_; }
    bool empty() const { return empty_; }
    QString demoMessage() const { return demoMessage_; }
    int pendingOutbox() const;
    bool syncing() const;
    // The outbox label: what is waiting and whether it can leave this laptop.
    QString syncSummary() const;
    // "Last synced 3 min ago" / "Never synced"; empty when not signed in.
    QString syncDetail() const;
    // The last pass's failure as a sentence; empty after a clean pass.
    QString syncError() const;
    // "New recommendations for ECHO-HIV-T901", until dismissed or opened.
    QString arrivalText() const;
    qint64 arrivalCaseId() const { return arrivals_.isEmpty() ? 0 : arrivals_.last(); }
    RowModel* upcomingSessions() { return &upcoming_; }
    RowModel* pastSessions() { return &past_; }
    RowModel* cases() { return &cases_; }
    RowModel* recordings() { return &recordings_; }
    SearchModel* search() { return search_.get(); }
    DetailModel* detail() { return detail_.get(); }
    LibraryModel* library() { return library_.get(); }
    HubRecordingsModel* hubRecordings() { return hubRecordings_.get(); }
    DownloadSettingsModel* downloadSettings() { return downloadSettings_.get(); }
    PlayerModel* player() { return player_.get(); }
    CaseEditorModel* editor() { return editor_.get(); }
    CallModel* call() { return call_.get(); }
    HubAccountModel* hub() { return hub_.get(); }
    ReviewModel* review() { return review_.get(); }
    LiveSessionModel* live() { return live_.get(); }
    LiveSlidesModel* slides() { return slides_.get(); }
    ScreenShareModel* screenShare() { return screenShare_.get(); }
    LiveCaseModel* liveCase() { return liveCase_.get(); }
    // The app lock of this profile (the data dir): Settings → Security and the lock screen.
    LockModel* lock() { return lock_.get(); }
    // The hub session the call belongs to (0: none; a practice call has
    // none unless SPOKE_HUB_SESSION names one): the side panel follows it.
    Q_INVOKABLE void setLiveSession(qint64 hubSessionId);
    // "Join live session" on a session card or page: a session synced from
    // the hub joins its call with the hub's join info (CallModel), any
    // other through the server kept in Settings.
    Q_INVOKABLE void joinSession(qint64 localSessionId, const QString& title);

    // Reloads every list from the cache, and where each case stands with the hub.
    Q_INVOKABLE void refresh();
    // "Try the demo": writes the demo programme (once) and reloads.
    Q_INVOKABLE void tryDemo();
    Q_INVOKABLE void syncNow();
    Q_INVOKABLE void dismissArrival();

Q_SIGNALS:
    void cacheErrorChanged();
    void loadedChanged();
    void demoMessageChanged();
    void syncChanged();
    void arrivalChanged();

private:
    void connectSync();
    void rebuildCaseRows();
    void recommendationsArrived(const QList<qint64>& localCaseIds);

    QString dataDir_;
    bool demoRecordings_ = true; // StartOptions::demoRecordings
    QString version_;
    QString cacheError_;
    bool loaded_ = false;
    bool empty_ = false;
    QString demoMessage_;
    sync::SyncWorker& sync_;
    bool syncStarted_ = false;
    std::unique_ptr<store::CacheWorker> worker_;
    RowModel upcoming_;
    RowModel past_;
    RowModel cases_;
    RowModel recordings_;
    std::unique_ptr<SearchModel> search_;
    std::unique_ptr<DetailModel> detail_;
    std::unique_ptr<LibraryModel> library_;
    std::unique_ptr<HubRecordingsModel> hubRecordings_;
    std::unique_ptr<DownloadSettingsModel> downloadSettings_;
    std::unique_ptr<PlayerModel> player_;
    std::unique_ptr<CaseEditorModel> editor_;
    std::unique_ptr<CallModel> call_;
    std::unique_ptr<HubAccountModel> hub_;
    std::unique_ptr<ReviewModel> review_;
    std::unique_ptr<LiveSessionModel> live_;
    std::unique_ptr<LiveSlidesModel> slides_;
    std::unique_ptr<ScreenShareModel> screenShare_;
    std::unique_ptr<LiveCaseModel> liveCase_;
    std::unique_ptr<LockModel> lock_;
    // Cases as the cache lists them, and where each stands with the hub; the
    // list QML sees is built from both, whichever answers last.
    std::vector<QVariantMap> caseRows_;
    QHash<qint64, sync::CaseSyncState> caseSync_;
    QList<qint64> arrivals_; // local case ids with unseen recommendations, newest last
    QTimer syncLabelClock_;
};

} // namespace spoke::ui
