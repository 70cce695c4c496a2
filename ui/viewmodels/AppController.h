#pragma once

#include "viewmodels/CallModel.h"
#include "viewmodels/CaseEditorModel.h"
#include "viewmodels/DetailModel.h"
#include "viewmodels/LibraryModel.h"
#include "viewmodels/PlayerModel.h"
#include "viewmodels/RowModel.h"
#include "viewmodels/SearchModel.h"

#include <QObject>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

#include <filesystem>
#include <memory>

namespace spoke::store {
class CacheWorker;
}

namespace spoke::ui {

// The root object QML sees: the cache (through its worker thread) and every
// model the pages bind to. Lives on the UI thread. On first run it writes the
// demo programme so a new user never sees an empty app.
class AppController : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QString cacheError READ cacheError NOTIFY cacheErrorChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(int pendingOutbox READ pendingOutbox NOTIFY loadedChanged)
    Q_PROPERTY(spoke::ui::RowModel* upcomingSessions READ upcomingSessions CONSTANT)
    Q_PROPERTY(spoke::ui::RowModel* pastSessions READ pastSessions CONSTANT)
    Q_PROPERTY(spoke::ui::RowModel* cases READ cases CONSTANT)
    Q_PROPERTY(spoke::ui::RowModel* recordings READ recordings CONSTANT)
    Q_PROPERTY(spoke::ui::SearchModel* search READ search CONSTANT)
    Q_PROPERTY(spoke::ui::DetailModel* detail READ detail CONSTANT)
    Q_PROPERTY(spoke::ui::LibraryModel* library READ library CONSTANT)
    Q_PROPERTY(spoke::ui::PlayerModel* player READ player CONSTANT)
    Q_PROPERTY(spoke::ui::CaseEditorModel* editor READ editor CONSTANT)
    Q_PROPERTY(spoke::ui::CallModel* call READ call CONSTANT)
public:
    AppController(const std::filesystem::path& dataDir, const QString& version, QObject* parent = nullptr);
    ~AppController() override;

    // QML reaches the one controller main() made as the singleton `App`;
    // main() registers it before loading any QML.
    static void setInstance(AppController* instance);
    static AppController* create(QQmlEngine* qmlEngine, QJSEngine* jsEngine);

    QString dataDir() const { return dataDir_; }
    QString version() const { return version_; }
    QString cacheError() const { return cacheError_; }
    bool loaded() const { return loaded_; }
    int pendingOutbox() const { return pendingOutbox_; }
    RowModel* upcomingSessions() { return &upcoming_; }
    RowModel* pastSessions() { return &past_; }
    RowModel* cases() { return &cases_; }
    RowModel* recordings() { return &recordings_; }
    SearchModel* search() { return search_.get(); }
    DetailModel* detail() { return detail_.get(); }
    LibraryModel* library() { return library_.get(); }
    PlayerModel* player() { return player_.get(); }
    CaseEditorModel* editor() { return editor_.get(); }
    CallModel* call() { return call_.get(); }

    // Reloads every list from the cache.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void cacheErrorChanged();
    void loadedChanged();

private:
    QString dataDir_;
    QString version_;
    QString cacheError_;
    bool loaded_ = false;
    int pendingOutbox_ = 0;
    std::unique_ptr<store::CacheWorker> worker_;
    RowModel upcoming_;
    RowModel past_;
    RowModel cases_;
    RowModel recordings_;
    std::unique_ptr<SearchModel> search_;
    std::unique_ptr<DetailModel> detail_;
    std::unique_ptr<LibraryModel> library_;
    std::unique_ptr<PlayerModel> player_;
    std::unique_ptr<CaseEditorModel> editor_;
    std::unique_ptr<CallModel> call_;
};

} // namespace spoke::ui
