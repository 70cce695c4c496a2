#include "viewmodels/ReviewModel.h"

#include "cases/SchemaRegistry.h"
#include "viewmodels/CasePdfExporter.h"
#include "viewmodels/FormModel.h"
#include "viewmodels/Formatting.h"
#include "viewmodels/HubWording.h"

#include <algorithm>

namespace spoke::ui {

using Operation = sync::SyncWorker::Operation;

namespace {

const QStringList kQueueRoles{QStringLiteral("hubCaseId"), QStringLiteral("code"),      QStringLiteral("title"),
                              QStringLiteral("status"),    QStringLiteral("submitted"), QStringLiteral("programme")};

} // namespace

ReviewModel::ReviewModel(sync::SyncWorker& sync, QObject* parent) : QObject(parent), sync_(sync), queue_(kQueueRoles)
{
    connect(&sync_, &sync::SyncWorker::reviewQueueLoaded, this, &ReviewModel::queueLoaded);
    connect(&sync_, &sync::SyncWorker::hubCaseLoaded, this, &ReviewModel::caseLoaded);
    connect(&sync_, &sync::SyncWorker::actionQueued, this, &ReviewModel::actionQueued);
    connect(&sync_, &sync::SyncWorker::operationFailed, this, &ReviewModel::failed);
    connect(&sync_, &sync::SyncWorker::syncStateChanged, this, &ReviewModel::syncStateChanged);
}

QString ReviewModel::caseStatus() const
{
    return caseId_ == 0 ? QString() : HubWording::reviewStatusLabel(detail_.summary.status);
}

QVariantList ReviewModel::recommendations() const
{
    QVariantList list;
    for (const sync::HubRecommendation& r : detail_.recommendations)
        list.append(QVariantMap{{QStringLiteral("author"), r.authorName},
                                {QStringLiteral("when"), formatDateTime(r.createdMs)},
                                {QStringLiteral("items"), r.items},
                                {QStringLiteral("text"), r.text}});
    return list;
}

void ReviewModel::setText(const QString& text)
{
    if (text != text_) {
        text_ = text;
        Q_EMIT draftChanged();
    }
}

bool ReviewModel::canSend() const
{
    if (caseId_ == 0 || caseLoading_)
        return false;
    if (!text_.trimmed().isEmpty())
        return true;
    return std::any_of(items_.begin(), items_.end(), [](const QString& item) { return !item.trimmed().isEmpty(); });
}

void ReviewModel::setActive(bool active)
{
    if (active == active_)
        return;
    active_ = active;
    Q_EMIT activeChanged();
    if (active_)
        refresh();
}

void ReviewModel::setNotice(const QString& notice)
{
    notice_ = notice;
    error_.clear();
    Q_EMIT stateChanged();
}

void ReviewModel::clearMessages()
{
    notice_.clear();
    error_.clear();
    Q_EMIT stateChanged();
}

QString ReviewModel::programmeName(std::int64_t hubProgrammeId) const
{
    for (const sync::HubMembership& m : sync_.account().memberships)
        if (m.programme.id == hubProgrammeId)
            return m.programme.name;
    return {};
}

void ReviewModel::refresh()
{
    loading_ = true;
    Q_EMIT stateChanged();
    sync_.loadReviewQueue();
    if (caseId_ != 0)
        sync_.loadHubCase(caseId_);
}

void ReviewModel::select(qint64 hubCaseId)
{
    if (hubCaseId == caseId_ && !caseLoading_)
        return;
    caseId_ = hubCaseId;
    caseLoading_ = true;
    detail_ = {};
    caseHtml_.clear();
    items_ = QStringList{QString()};
    text_.clear();
    Q_EMIT caseChanged();
    Q_EMIT draftChanged();
    sync_.loadHubCase(hubCaseId);
}

void ReviewModel::queueLoaded(const QList<sync::HubCase>& cases)
{
    std::vector<QVariantMap> rows;
    for (const sync::HubCase& c : cases)
        rows.push_back({{QStringLiteral("hubCaseId"), static_cast<qint64>(c.id)},
                        {QStringLiteral("code"), c.caseCode},
                        {QStringLiteral("title"), c.title},
                        {QStringLiteral("status"), HubWording::reviewStatusLabel(c.status)},
                        {QStringLiteral("submitted"), formatDateTime(c.submittedMs)},
                        {QStringLiteral("programme"), programmeName(c.programmeId)}});
    queue_.replace(std::move(rows));
    loading_ = false;
    error_.clear();
    Q_EMIT stateChanged();
}

void ReviewModel::caseLoaded(const sync::HubCaseDetail& detail)
{
    if (detail.summary.id != caseId_)
        return; // an answer for a case no longer selected
    detail_ = detail;
    caseLoading_ = false;
    // The form of the case's programme, shown the way the PDF export lays it
    // out: the hub has already checked it for identifiers, so nothing is masked.
    FormModel form(cases::SchemaRegistry::builtIn());
    form.setDocument(detail.document);
    caseHtml_ = CasePdfExporter::bodyHtml(form, {});
    Q_EMIT caseChanged();
    Q_EMIT draftChanged();
}

void ReviewModel::addItem()
{
    items_.append(QString());
    Q_EMIT draftChanged();
}

void ReviewModel::removeItem(int index)
{
    if (index < 0 || index >= items_.size())
        return;
    items_.removeAt(index);
    if (items_.isEmpty())
        items_.append(QString());
    Q_EMIT draftChanged();
}

void ReviewModel::setItem(int index, const QString& text)
{
    if (index < 0 || index >= items_.size() || items_.at(index) == text)
        return;
    items_[index] = text;
    Q_EMIT draftChanged();
}

void ReviewModel::send()
{
    if (!canSend())
        return;
    QStringList items;
    for (const QString& item : items_)
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed());
    sync_.recommend(caseId_, items, text_.trimmed());
}

void ReviewModel::returnWithQuestion(const QString& question)
{
    if (caseId_ == 0)
        return;
    if (question.trimmed().isEmpty()) {
        error_ = tr("Write the question the presenter should answer.");
        notice_.clear();
        Q_EMIT stateChanged();
        return;
    }
    sync_.returnCase(caseId_, question.trimmed());
}

void ReviewModel::actionQueued(Operation operation, qint64 id)
{
    if (operation != Operation::Recommend && operation != Operation::ReturnCase)
        return;
    if (id == caseId_) {
        items_ = QStringList{QString()};
        text_.clear();
        Q_EMIT draftChanged();
    }
    const QString code = id == caseId_ ? detail_.summary.caseCode : QString::number(id);
    setNotice(operation == Operation::Recommend
                  ? tr("Recommendation for %1 queued; it goes to the hub with the next sync.").arg(code)
                  : tr("%1 queued to go back to its presenter with your question.").arg(code));
}

void ReviewModel::failed(Operation operation, const sync::SyncError& error)
{
    switch (operation) {
    case Operation::LoadReviewQueue: loading_ = false; break;
    case Operation::LoadHubCase:
        caseLoading_ = false;
        Q_EMIT caseChanged();
        break;
    case Operation::Recommend:
    case Operation::ReturnCase: break;
    default: return;
    }
    error_ = HubWording::describeSyncError(error, operation);
    notice_.clear();
    Q_EMIT stateChanged();
}

// What was queued reaches the hub in a sync pass; the queue shown is then stale.
void ReviewModel::syncStateChanged(const sync::SyncState& state)
{
    const bool passEnded = wasSyncing_ && !state.syncing;
    wasSyncing_ = state.syncing;
    if (passEnded && active_ && state.lastError.ok())
        refresh();
}

} // namespace spoke::ui
