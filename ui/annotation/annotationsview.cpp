#include "annotation/annotationsview.h"

#include "annotation/annotationlistmodel.h"
#include "common/connecteach.h"
#include "document/document.h"
#include "document/selection.h"
#include "search/searchtext.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <optional>

namespace claimline {

namespace {

// The rows whose annotation matches the folded needle (annotationMatches(): its text, its
// author, its item's id and label), in the model's order: newest first.
class SearchProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setNeedle(const QString &folded)
    {
        if (folded == m_needle)
            return;
        m_needle = folded;
        invalidateFilter();
    }
    const QString &needle() const { return m_needle; }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const auto *model = static_cast<const AnnotationListModel *>(sourceModel());
        return !parent.isValid() && model->matches(row, m_needle);
    }

private:
    QString m_needle;
};

} // namespace

AnnotationsView::AnnotationsView(Document *document, Selection *selection, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_model(new AnnotationListModel(document, this))
    , m_proxy(new SearchProxy(this))
    , m_rebuildTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("annotationsView"));
    m_proxy->setSourceModel(m_model);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("annotationSearch"));
    m_search->setPlaceholderText(tr("Search annotations, authors and items"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Case and accents are ignored"));
    m_search->setAccessibleName(tr("Search annotations"));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("annotationCount"));
    m_count->setTextFormat(Qt::PlainText);

    m_list = new QTreeView(this);
    m_list->setObjectName(QStringLiteral("annotationList"));
    m_list->setModel(m_proxy);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAccessibleName(tr("Annotations, newest first"));
    QHeaderView *header = m_list->header();
    header->setStretchLastSection(true);
    const QFontMetrics metrics(font());
    header->resizeSection(AnnotationListModel::When,
                          metrics.horizontalAdvance(QStringLiteral("28 Dec 2025, 22:00:00 UTC"))
                              + 16);
    header->resizeSection(AnnotationListModel::Author, metrics.averageCharWidth() * 16);
    header->resizeSection(AnnotationListModel::Item, metrics.averageCharWidth() * 36);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("annotationsEmpty"));
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMargin(12);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_list);
    m_stack->addWidget(m_empty);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(6);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(0);
    connect(m_rebuildTimer, &QTimer::timeout, this, &AnnotationsView::rebuild);
    // Any item's annotations or label may change with any of these, undo and redo included.
    connectEach(m_document, this, &AnnotationsView::scheduleRebuild, &Document::reset,
                &Document::eventChanged, &Document::claimChanged, &Document::partyChanged,
                &Document::actorChanged, &Document::sourceChanged, &Document::questionChanged);
    connect(m_document, &Document::structureChanged, this, &AnnotationsView::scheduleRebuild);
    connect(m_search, &QLineEdit::textChanged, this, &AnnotationsView::applySearch);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_restoring)
                    selectRow(current);
            });
    // A click on the current row selects its item again (the selection may have moved since).
    connect(m_list, &QTreeView::clicked, this, &AnnotationsView::selectRow);
    connect(m_list, &QTreeView::activated, this, [this](const QModelIndex &index) {
        selectRow(index);
        const ItemRef item = itemAt(index.row());
        if (item.isValid()) {
            spdlog::info("the user opened an annotated {}", nameOf(item.kind));
            Q_EMIT itemActivated(item);
        }
    });
    updateState();
}

QSize AnnotationsView::sizeHint() const
{
    return {640, 240};
}

int AnnotationsView::rowCount() const
{
    return m_proxy->rowCount();
}

ItemRef AnnotationsView::itemAt(int row) const
{
    if (row < 0 || row >= m_proxy->rowCount())
        return {};
    return AnnotationListModel::unpack(m_proxy->index(row, 0).data(AnnotationListModel::ItemRole));
}

QString AnnotationsView::emptyText() const
{
    return m_stack->currentWidget() == m_empty ? m_empty->text() : QString();
}

QString AnnotationsView::countText() const
{
    return m_count->text();
}

void AnnotationsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        rebuild();
}

void AnnotationsView::scheduleRebuild()
{
    if (!m_rebuildTimer->isActive())
        m_rebuildTimer->start();
}

void AnnotationsView::rebuild()
{
    m_rebuildTimer->stop();
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    // The current annotation stays current when it is still there (same item and place).
    std::optional<AnnotationEntry> current;
    const QModelIndex index = m_proxy->mapToSource(m_list->currentIndex());
    if (index.isValid())
        current = m_model->entry(index.row());
    m_restoring = true;
    m_model->rebuild();
    if (current) {
        const auto &entries = m_model->entries();
        for (std::size_t row = 0; row < entries.size(); ++row) {
            if (entries[row] == *current) {
                const QModelIndex shown = m_proxy->mapFromSource(m_model->index(int(row), 0));
                if (shown.isValid() && shown != m_list->currentIndex())
                    m_list->setCurrentIndex(shown);
                break;
            }
        }
    }
    m_restoring = false;
    updateState();
}

void AnnotationsView::applySearch()
{
    static_cast<SearchProxy *>(m_proxy)->setNeedle(foldForSearch(m_search->text().trimmed()));
    updateState();
}

void AnnotationsView::updateState()
{
    const int all = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const QString query = m_search->text().trimmed();
    if (all == 0) {
        m_empty->setText(tr("No annotations yet.\nSelect an item and write one under its fields "
                            "in the Inspector."));
    } else if (shown == 0) {
        m_empty->setText(tr("No annotation matches \u201C%1\u201D.").arg(query));
    }
    m_stack->setCurrentWidget(shown == 0 ? static_cast<QWidget *>(m_empty) : m_list);
    if (all == 0)
        m_count->clear();
    else if (query.isEmpty())
        m_count->setText(all == 1 ? tr("1 annotation") : tr("%1 annotations").arg(all));
    else
        m_count->setText(tr("%1 of %2").arg(shown).arg(all));
}

void AnnotationsView::selectRow(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const ItemRef item = itemAt(index.row());
    if (!item.isValid() || item.index >= m_document->project().count(item.kind))
        return;
    m_selection->select(item);
}

} // namespace claimline
