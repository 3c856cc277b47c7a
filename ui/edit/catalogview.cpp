#include "edit/catalogview.h"

#include "annotation/itemlayer.h"
#include "common/connecteach.h"
#include "common/partyswatch.h"
#include "document/document.h"
#include "document/selection.h"
#include "evidence/evidenceverifier.h"
#include "model/project.h"
#include "text/visibletext.h"

#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QEvent>
#include <QHeaderView>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPixmap>
#include <QSignalBlocker>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace claimline {

namespace {

constexpr int RefRole = Qt::UserRole + 1;

constexpr std::array<ItemKind, 4> Kinds {ItemKind::Party, ItemKind::Actor, ItemKind::Source,
                                         ItemKind::Question};

QString headingText(ItemKind kind, std::size_t count)
{
    switch (kind) {
    case ItemKind::Party:
        return CatalogView::tr("Parties (%1)").arg(count);
    case ItemKind::Actor:
        return CatalogView::tr("Actors (%1)").arg(count);
    case ItemKind::Source:
        return CatalogView::tr("Sources (%1)").arg(count);
    case ItemKind::Question:
        return CatalogView::tr("Questions (%1)").arg(count);
    default:
        break;
    }
    return {};
}

quint64 pack(ItemRef item)
{
    return (quint64(item.kind) << 32) | item.index;
}

ItemRef unpack(const QVariant &value)
{
    if (!value.isValid())
        return {};
    const quint64 v = value.toULongLong();
    return {static_cast<ItemKind>(v >> 32), std::uint32_t(v & 0xffffffffu)};
}

// The mark of a source with no archived copy: an archive box struck through, drawn in the
// palette's text colour (light or dark), so that it is a shape, not a colour. Sources with a
// copy get a blank icon of the same size: every title starts at the same place.
QIcon archiveMark(const QPalette &palette, bool missing)
{
    const qreal ratio = 2.0; // sharp on high-density screens; scaled down elsewhere
    QPixmap pixmap(QSize(12, 12) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    if (!missing)
        return QIcon(pixmap);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor ink = palette.color(QPalette::Text);
    ink.setAlphaF(0.75F);
    painter.setPen(QPen(ink, 1.0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(0.5, 1.5, 11, 3)); // the lid
    painter.drawRect(QRectF(1.5, 4.5, 9, 7)); // the box
    painter.setPen(QPen(ink, 1.4, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(0.8, 11.2), QPointF(11.2, 0.8));
    return QIcon(pixmap);
}
} // namespace

CatalogView::CatalogView(Document *document, Selection *selection, QWidget *parent)
    : QTreeWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_rebuildTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("catalogView"));
    setHeaderHidden(true);
    setColumnCount(1);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setUniformRowHeights(true);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    setAccessibleName(tr("Parties, actors, sources and questions"));
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(0);
    connect(m_rebuildTimer, &QTimer::timeout, this, &CatalogView::rebuild);
    connect(m_document, &Document::reset, this, &CatalogView::rebuild);
    // Rows carry indices: rebuilt at once when items come or go.
    connect(m_document, &Document::structureChanged, this, &CatalogView::rebuild);
    connectEach(m_document, this, &CatalogView::scheduleRebuild, &Document::partyChanged,
                &Document::actorChanged, &Document::sourceChanged, &Document::questionChanged,
                &Document::evidenceChanged);
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    setDropIndicatorShown(true);
    connect(m_selection, &Selection::changed, this, &CatalogView::showSelection);
    connect(this, &QTreeWidget::itemSelectionChanged, this, &CatalogView::userSelected);
    rebuild();
}

QTreeWidgetItem *CatalogView::heading(ItemKind kind) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->data(0, Qt::UserRole).toInt() == int(kind))
            return topLevelItem(i);
    }
    return nullptr;
}

QTreeWidgetItem *CatalogView::itemFor(ItemRef item) const
{
    QTreeWidgetItem *top = heading(item.kind);
    if (!top || item.index >= std::uint32_t(top->childCount()))
        return nullptr;
    return top->child(int(item.index));
}

void CatalogView::changeEvent(QEvent *event)
{
    QTreeWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        scheduleRebuild();
}

void CatalogView::scheduleRebuild()
{
    m_rebuildTimer->start();
}

void CatalogView::rebuild()
{
    m_rebuildTimer->stop();
    const Project &project = m_document->project();
    // Keep which headings are open across rebuilds.
    std::array<bool, ItemKindNames.size()> expanded {};
    expanded[std::size_t(ItemKind::Party)] = true;
    for (const ItemKind kind : Kinds) {
        if (const QTreeWidgetItem *top = heading(kind))
            expanded[std::size_t(kind)] = top->isExpanded();
    }
    const QSignalBlocker blocker(this);
    clear();
    // Each kind under its heading, by label (Project::labelOf), with a kind's decoration.
    const auto add = [&](ItemKind kind, auto decorate) {
        const std::size_t count = project.count(kind);
        auto *top = new QTreeWidgetItem(this, {headingText(kind, count)});
        top->setData(0, Qt::UserRole, int(kind));
        top->setFlags(Qt::ItemIsEnabled);
        QFont bold = font();
        bold.setBold(true);
        top->setFont(0, bold);
        QList<QTreeWidgetItem *> children;
        children.reserve(qsizetype(count));
        for (std::uint32_t i = 0; i < count; ++i) {
            // A starred item is marked with text, not a colour alone: it reads the same in
            // light and dark, and to a screen reader.
            const bool starred = layerOf(project, {kind, i}).starred;
            const QString label = visibleText(project.text(project.labelOf({kind, i})));
            auto *child = new QTreeWidgetItem({starred ? QStringLiteral("★ ") + label : label});
            child->setData(0, RefRole, pack({kind, i}));
            child->setData(0, StarredRole, starred);
            decorate(child, i);
            if (starred) {
                const QString said = child->data(0, Qt::AccessibleDescriptionRole).toString();
                child->setData(0, Qt::AccessibleDescriptionRole,
                               said.isEmpty() ? tr("starred") : tr("starred, %1").arg(said));
            }
            children << child;
        }
        top->addChildren(children);
        top->setExpanded(expanded[std::size_t(kind)]);
    };
    const auto none = [](QTreeWidgetItem *, std::uint32_t) {
    };
    add(ItemKind::Party, [&](QTreeWidgetItem *item, std::uint32_t i) {
        item->setIcon(0, partySwatch(project, i, palette()));
    });
    add(ItemKind::Actor, [&](QTreeWidgetItem *item, std::uint32_t i) {
        const Actor &actor = project.actors()[i];
        if (actor.party < project.parties().size())
            item->setToolTip(0, visibleText(project.text(project.parties()[actor.party].name)));
    });
    const QIcon noCopy = archiveMark(palette(), true);
    const QIcon copy = archiveMark(palette(), false);
    add(ItemKind::Source, [&](QTreeWidgetItem *item, std::uint32_t i) {
        const bool missing = project.sources()[i].archiveUrl.isEmpty();
        item->setIcon(0, missing ? noCopy : copy);
        item->setData(0, NoArchivedCopyRole, missing);
        QStringList tip, description;
        if (missing) {
            tip << tr("No archived copy: its address goes in the Inspector's Archive URL");
            description << tr("no archived copy");
        }
        const EvidenceReport &report = m_document->evidenceReport();
        const bool fails = report.sourceFails(project, i);
        item->setData(0, EvidenceFailsRole, fails);
        if (fails) {
            // The mark is text, not a colour: it reads the same in light and dark.
            item->setText(0, QStringLiteral("⚠ ") + item->text(0));
            for (const Attachment &a : project.attachments(project.sources()[i].attachments)) {
                if (const EvidenceProblem *problem = report.problemFor(project, a))
                    tip.prepend(
                        tr("Evidence failed verification: %1").arg(visibleText(problem->line())));
            }
            description.prepend(tr("evidence failed verification"));
        }
        if (!tip.isEmpty())
            item->setToolTip(0, tip.join(QLatin1Char('\n')));
        if (!description.isEmpty())
            item->setData(0, Qt::AccessibleDescriptionRole, description.join(QStringLiteral(", ")));
    });
    add(ItemKind::Question, none);
    showSelection();
}

std::uint32_t CatalogView::dropTarget(const QMimeData *mime, const QPoint &pos) const
{
    if (!mime || !mime->hasUrls())
        return NoIndex;
    const QList<QUrl> urls = mime->urls();
    const bool files
        = std::all_of(urls.begin(), urls.end(), [](const QUrl &url) { return url.isLocalFile(); });
    const QTreeWidgetItem *row = itemAt(pos);
    if (!files || !row)
        return NoIndex;
    const ItemRef item = unpack(row->data(0, RefRole));
    return item.kind == ItemKind::Source && item.isValid() ? item.index : NoIndex;
}

void CatalogView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && m_document->hasEvidenceFolder())
        event->acceptProposedAction();
    else
        event->ignore();
}

void CatalogView::dragMoveEvent(QDragMoveEvent *event)
{
    if (m_document->hasEvidenceFolder()
        && dropTarget(event->mimeData(), event->position().toPoint()) != NoIndex)
        event->acceptProposedAction();
    else
        event->ignore();
}

void CatalogView::dropEvent(QDropEvent *event)
{
    const std::uint32_t source = dropTarget(event->mimeData(), event->position().toPoint());
    if (source == NoIndex) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls())
        files << url.toLocalFile();
    QStringList errors;
    m_document->attachFiles(source, files, &errors);
    if (!errors.isEmpty())
        QMessageBox::warning(this, tr("Could Not Attach"),
                             tr("Nothing was attached:\n%1").arg(errors.join(QLatin1Char('\n'))));
}

void CatalogView::showSelection()
{
    if (m_syncing)
        return;
    const QSignalBlocker blocker(this);
    clearSelection();
    QTreeWidgetItem *currentRow = nullptr;
    for (const ItemRef &item : m_selection->items()) {
        if (QTreeWidgetItem *row = itemFor(item)) {
            row->setSelected(true);
            if (item == m_selection->current())
                currentRow = row;
        }
    }
    if (currentRow) {
        setCurrentItem(currentRow, 0, QItemSelectionModel::NoUpdate);
        scrollToItem(currentRow);
    }
}

void CatalogView::userSelected()
{
    std::vector<ItemRef> items;
    for (const QTreeWidgetItem *row : selectedItems()) {
        if (const ItemRef item = unpack(row->data(0, RefRole)); item.isValid())
            items.push_back(item);
    }
    if (items.empty())
        return; // a click on a heading: keep the shared selection
    const ItemRef current = currentItem() ? unpack(currentItem()->data(0, RefRole)) : ItemRef {};
    m_syncing = true;
    m_selection->setItems(std::move(items), current);
    m_syncing = false;
}

} // namespace claimline
