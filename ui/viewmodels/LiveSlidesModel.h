#pragma once

#include "slides/PageTurns.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

namespace spoke::ui {

class VideoView;
class SlideRenderer;

// The slides panel: one PDF deck, one page at a time, rendered by
// core/slides on a thread of its own ("slides"; poppler never runs on the UI
// thread) and shown through a VideoView like a camera picture.
//
// Where the deck and the page come from is the Source. Today the presenter
// opens a PDF on this laptop (Source::LocalFile): nothing is sent, and the
// panel says so. When the hub carries decks and `slide` events (the live
// events contract: {"deck":sha256,"page":P,"at_ms":T}), a follower loads the
// cached deck with openDeck(file, Source::Hub) and hands each event to
// applyTurn(); slides::PageTurns keeps the newest turn and lets the follower
// detach and page alone, then follow again.
// Lives on the UI thread.
class LiveSlidesModel : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The slides panel comes from AppController")
    Q_PROPERTY(bool hasDeck READ hasDeck NOTIFY deckChanged)
    Q_PROPERTY(int pageCount READ pageCount NOTIFY deckChanged)
    Q_PROPERTY(int page READ page NOTIFY pageChanged)
    Q_PROPERTY(QString pageText READ pageText NOTIFY pageChanged)
    Q_PROPERTY(QString deckName READ deckName NOTIFY deckChanged)
    Q_PROPERTY(QString sourceText READ sourceText NOTIFY deckChanged)
    Q_PROPERTY(QString error READ error NOTIFY deckChanged)
    Q_PROPERTY(bool rendering READ rendering NOTIFY pageChanged)
    Q_PROPERTY(bool following READ following NOTIFY pageChanged)
    Q_PROPERTY(bool canTurn READ canTurn NOTIFY deckChanged)
    Q_PROPERTY(Source source READ source NOTIFY deckChanged)
public:
    enum class Source { None, LocalFile, Hub };
    Q_ENUM(Source)

    explicit LiveSlidesModel(QObject* parent = nullptr);
    ~LiveSlidesModel() override;

    bool hasDeck() const { return pageCount_ > 0; }
    int pageCount() const { return pageCount_; }
    int page() const { return page_; }
    QString pageText() const;
    QString deckName() const { return deckName_; }
    QString sourceText() const;
    QString error() const { return error_; }
    bool rendering() const { return rendering_; }
    bool following() const { return turns_ && turns_->following(); }
    // The presenter pages a local deck; a follower pages only when detached.
    bool canTurn() const { return hasDeck(); }
    Source source() const { return source_; }

    // A PDF on this laptop, opened for the presenter (nothing is sent).
    Q_INVOKABLE void openLocalFile(const QUrl& file);
    void openDeck(const QString& file, Source source);
    Q_INVOKABLE void closeDeck();
    Q_INVOKABLE void next() { goTo(page_ + 1); }
    Q_INVOKABLE void previous() { goTo(page_ - 1); }
    Q_INVOKABLE void goTo(int page);
    // Back to the presenter's page (a follower that paged alone).
    Q_INVOKABLE void follow();
    // The view the page is drawn in, and its width in pixels.
    Q_INVOKABLE void attachView(spoke::ui::VideoView* view, int widthPx);

    // A `slide` event for the deck open now.
    slides::PageTurns::Outcome applyTurn(const slides::PageTurn& turn);

Q_SIGNALS:
    void deckChanged();
    void pageChanged();

private:
    void onOpened(const QString& name, const QString& sha256, int pageCount, int errorKind);
    void onRendered(int page, int errorKind);
    static QString describe(int errorKind, const QString& name);
    void render();

    QThread thread_;
    SlideRenderer* renderer_ = nullptr; // lives on thread_
    QPointer<VideoView> view_;
    int widthPx_ = 960;
    Source source_ = Source::None;
    Source opening_ = Source::None;
    std::optional<slides::PageTurns> turns_;
    int pageCount_ = 0;
    int page_ = 0;
    QString deckName_;
    QString error_;
    bool rendering_ = false;
};

} // namespace spoke::ui
