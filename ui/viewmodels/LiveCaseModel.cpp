#include "viewmodels/LiveCaseModel.h"

#include "cases/SchemaRegistry.h"
#include "sync/LiveSessionClient.h"
#include "sync/SyncWorker.h"
#include "viewmodels/CasePdfExporter.h"
#include "viewmodels/FormModel.h"
#include "viewmodels/HubWording.h"

#include <QPointer>
#include <QVariantMap>

namespace spoke::ui {

LiveCaseModel::LiveCaseModel(sync::SyncWorker& sync, QObject* parent)
    : QObject(parent)
    , sync_(sync)
    , cases_({QStringLiteral("caseId"), QStringLiteral("caseCode"), QStringLiteral("title")})
    , sections_({QStringLiteral("key"), QStringLiteral("title"), QStringLiteral("html")})
{
    postTimer_.setSingleShot(true);
    postTimer_.setInterval(kPostDelayMs);
    connect(&postTimer_, &QTimer::timeout, this, &LiveCaseModel::postSection);
    connect(&sync_, &sync::SyncWorker::liveCaseViewed, this, &LiveCaseModel::applyCaseView);
    // A call may start before the hub's worker has signed in; read again once the hub answers.
    connect(&sync_, &sync::SyncWorker::liveSocketChanged, this, [this](bool open) {
        if (open && sessionId_ > 0 && cases_.rowCount() == 0)
            refresh();
    });
}

void LiveCaseModel::setSession(qint64 hubSessionId)
{
    if (hubSessionId == sessionId_)
        return;
    sessionId_ = hubSessionId;
    cases_.replace({});
    caseId_ = 0;
    caseCode_.clear();
    caseTitle_.clear();
    caseHtml_.clear();
    error_.clear();
    listNotice_.clear();
    sections_.replace({});
    presenting_ = false;
    following_ = true;
    presenterCaseId_ = 0;
    presenterSection_.clear();
    presenterName_.clear();
    postedSection_.clear();
    pendingSection_.clear();
    postedViewIds_.clear();
    postTimer_.stop();
    Q_EMIT caseChanged();
    Q_EMIT casesChanged();
    Q_EMIT followChanged();
    refresh();
}

void LiveCaseModel::refresh()
{
    if (sessionId_ <= 0)
        return;
    QPointer<LiveCaseModel> self(this);
    const qint64 session = sessionId_;
    sync_.live(session, [self, session](sync::LiveSessionClient* client) -> sync::SyncWorker::LiveAnswer {
        auto cases =
            client
                ? client->fetchSessionCases()
                : sync::HubExpected<QList<sync::HubCase>>(sync::SyncError{sync::SyncErrorKind::NotSignedIn, 0, {}, {}});
        return [self, session, cases] {
            if (!self || self->sessionId_ != session)
                return;
            std::vector<QVariantMap> rows;
            if (cases) {
                for (const sync::HubCase& c : *cases)
                    rows.push_back({{QStringLiteral("caseId"), QVariant::fromValue(static_cast<qint64>(c.id))},
                                    {QStringLiteral("caseCode"), c.caseCode},
                                    {QStringLiteral("title"), c.title}});
                self->listNotice_ = rows.empty() ? tr("No case is scheduled for this session.") : QString();
            } else {
                self->listNotice_ =
                    cases.error().kind == sync::SyncErrorKind::Forbidden
                        ? tr("The presenter's case appears here when the chair shows it.")
                        : HubWording::describeSyncError(cases.error(), sync::SyncWorker::Operation::LoadHubCase);
            }
            const bool first = self->caseId_ == 0 && !rows.empty();
            const qint64 firstId = first ? rows.front().value(QStringLiteral("caseId")).toLongLong() : 0;
            self->cases_.replace(std::move(rows));
            Q_EMIT self->casesChanged();
            if (first)
                self->show(firstId);
        };
    });
}

void LiveCaseModel::show(qint64 hubCaseId)
{
    if (hubCaseId <= 0 || sessionId_ <= 0)
        return;
    presenting_ = false;
    load(hubCaseId);
    Q_EMIT followChanged();
}

void LiveCaseModel::present(qint64 hubCaseId)
{
    if (hubCaseId <= 0 || sessionId_ <= 0)
        return;
    presenting_ = true;
    following_ = false;
    postedSection_.clear();
    if (hubCaseId != caseId_)
        load(hubCaseId);
    Q_EMIT followChanged();
}

void LiveCaseModel::load(qint64 hubCaseId)
{
    caseId_ = hubCaseId;
    loading_ = true;
    error_.clear();
    Q_EMIT caseChanged();
    QPointer<LiveCaseModel> self(this);
    const qint64 session = sessionId_;
    sync_.live(session, [self, hubCaseId](sync::LiveSessionClient* client) -> sync::SyncWorker::LiveAnswer {
        auto detail =
            client
                ? client->fetchCase(hubCaseId)
                : sync::HubExpected<sync::HubCaseDetail>(sync::SyncError{sync::SyncErrorKind::NotSignedIn, 0, {}, {}});
        return [self, hubCaseId, detail] {
            if (!self || self->caseId_ != hubCaseId)
                return;
            self->loading_ = false;
            if (!detail) {
                self->error_ = HubWording::describeSyncError(detail.error(), sync::SyncWorker::Operation::LoadHubCase);
                Q_EMIT self->caseChanged();
                return;
            }
            self->caseCode_ = detail->summary.caseCode;
            self->caseTitle_ = detail->summary.title;
            // As the Review page lays it out: the hub has checked the document for
            // identifiers already, so nothing is masked, and every value is escaped.
            FormModel form(cases::SchemaRegistry::builtIn());
            form.setDocument(detail->document);
            self->caseHtml_ = CasePdfExporter::bodyHtml(form, {});
            QStringList keys;
            QStringList titles;
            for (const FormRow& row : form.rows())
                if (row.kind == QLatin1String("section")) {
                    keys.append(row.path);
                    titles.append(row.label);
                }
            self->setSections(self->caseHtml_, keys, titles);
            // The clinician who submitted the case presents it, unless
            // someone else is leading it already.
            if (detail->summary.mine && self->presenterCaseId_ != hubCaseId) {
                self->presenting_ = true;
                self->following_ = false;
            }
            Q_EMIT self->caseChanged();
            Q_EMIT self->followChanged();
        };
    });
}

// One entry per form section: bodyHtml writes one <h2> per section row, in
// the form's order, and escapes every value, so "<h2 " starts a section.
void LiveCaseModel::setSections(const QString& html, const QStringList& keys, const QStringList& titles)
{
    const QString marker = QStringLiteral("<h2 ");
    QStringList chunks;
    qsizetype at = html.indexOf(marker);
    const QString lead = at < 0 ? html : html.left(at);
    while (at >= 0) {
        const qsizetype next = html.indexOf(marker, at + marker.size());
        chunks.append(html.mid(at, next < 0 ? -1 : next - at));
        at = next;
    }
    std::vector<QVariantMap> rows;
    if (chunks.size() != keys.size()) {
        // Not the layout expected: one section, so the case is still shown.
        rows.push_back(
            {{QStringLiteral("key"), QString()}, {QStringLiteral("title"), QString()}, {QStringLiteral("html"), html}});
    } else {
        for (qsizetype i = 0; i < keys.size(); ++i)
            rows.push_back({{QStringLiteral("key"), keys[i]},
                            {QStringLiteral("title"), titles[i]},
                            {QStringLiteral("html"), i == 0 ? lead + chunks[i] : chunks[i]}});
    }
    sections_.replace(std::move(rows));
}

int LiveCaseModel::indexOf(const QString& key) const
{
    for (int i = 0; i < sections_.rowCount(); ++i)
        if (sections_.get(i).value(QStringLiteral("key")).toString() == key)
            return i;
    return -1;
}

int LiveCaseModel::followIndex() const
{
    if (!following_ || presenterCaseId_ != caseId_)
        return -1;
    return indexOf(presenterSection_);
}

QString LiveCaseModel::followText() const
{
    if (presenting_)
        return tr("You are presenting: everyone's case panel follows the section you show.");
    if (presenterCaseId_ <= 0)
        return QString();
    if (!following_)
        return tr("Reading on your own: %1 is presenting.").arg(presenterName_);
    return tr("Following %1, the presenter.").arg(presenterName_);
}

void LiveCaseModel::scrolledTo(const QString& key)
{
    if (key.isEmpty() || caseId_ <= 0)
        return;
    if (presenting_) {
        pendingSection_ = key;
        postTimer_.start(); // restarted by each scroll: only the section they rest on is sent
        return;
    }
    if (following_ && presenterCaseId_ == caseId_ && key != presenterSection_) {
        following_ = false;
        Q_EMIT followChanged();
    }
}

void LiveCaseModel::follow()
{
    following_ = true;
    presenting_ = false;
    postTimer_.stop();
    if (presenterCaseId_ > 0 && presenterCaseId_ != caseId_)
        load(presenterCaseId_);
    Q_EMIT followChanged();
}

void LiveCaseModel::applyCaseView(const sync::HubCaseView& view)
{
    if (view.sessionId != sessionId_ || postedViewIds_.contains(view.id))
        return;
    // Our own view may come back on the socket before the POST's answer names its id.
    if (presenting_ && view.caseId == caseId_ && view.section == postedSection_)
        return;
    presenterCaseId_ = view.caseId;
    presenterSection_ = view.section;
    presenterName_ = view.byName;
    // Someone else leads now; our own scrolling no longer moves the others.
    presenting_ = false;
    postTimer_.stop();
    if (following_ && caseId_ != view.caseId)
        load(view.caseId);
    Q_EMIT followChanged();
}

void LiveCaseModel::postSection()
{
    if (!presenting_ || pendingSection_.isEmpty() || pendingSection_ == postedSection_ || caseId_ <= 0)
        return;
    const QString section = pendingSection_;
    const qint64 caseId = caseId_;
    postedSection_ = section;
    QPointer<LiveCaseModel> self(this);
    sync_.live(sessionId_, [self, caseId, section](sync::LiveSessionClient* client) -> sync::SyncWorker::LiveAnswer {
        auto shown =
            client ? client->showCaseSection(caseId, section)
                   : sync::HubExpected<sync::HubCaseView>(sync::SyncError{sync::SyncErrorKind::NotSignedIn, 0, {}, {}});
        return [self, shown] {
            if (!self)
                return;
            if (shown) {
                self->postedViewIds_.insert(shown->id);
                return;
            }
            // Only the chair or the case's presenter may lead: stop trying.
            if (shown.error().kind == sync::SyncErrorKind::Forbidden) {
                self->presenting_ = false;
                Q_EMIT self->followChanged();
            }
            self->postedSection_.clear();
        };
    });
}

} // namespace spoke::ui
