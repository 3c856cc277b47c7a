#include "filter/checklist.h"

#include "filter/checkmenu.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QScopedValueRollback>
#include <QStyledItemDelegate>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace claimline {

namespace {

constexpr Qt::KeyboardModifiers OnlyModifiers = Qt::AltModifier | Qt::ControlModifier;

// Clicking anywhere on a row toggles its check box, not only on the box itself: the lists
// have no selection that a click could make instead. Keys (Space) work as usual. A click on
// the hovered row's "only" button, or with Alt or Ctrl held, checks that row alone.
class RowToggleDelegate final : public QStyledItemDelegate
{
public:
    explicit RowToggleDelegate(CheckList *list)
        : QStyledItemDelegate(list)
        , m_list(list)
    { }

    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override
    {
        const Qt::ItemFlags flags = index.flags();
        if (!(flags & Qt::ItemIsUserCheckable) || !(flags & Qt::ItemIsEnabled))
            return false;
        if (event->type() == QEvent::MouseButtonRelease) {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            const QPoint at = mouse->position().toPoint();
            if (mouse->button() != Qt::LeftButton || !option.rect.contains(at))
                return false;
            if ((mouse->modifiers() & OnlyModifiers)
                || m_list->onlyButtonRect(option.rect).contains(at)) {
                m_list->checkOnly(index.row());
                return true;
            }
            const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
            return model->setData(index, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
        }
        // The second click of a double-click toggles again on its release; the double-click
        // itself must not.
        if (event->type() == QEvent::MouseButtonDblClick)
            return true;
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    }

    // The hovered row shows its "only" button over the end of its text: a small framed button
    // in the palette's button colours, readable in light and dark alike.
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        if (!(option.state & QStyle::State_MouseOver) || !(option.state & QStyle::State_Enabled))
            return;
        const QRect button = m_list->onlyButtonRect(option.rect);
        const QPalette &palette = option.palette;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QColor border = palette.color(QPalette::ButtonText);
        border.setAlphaF(0.45f);
        painter->setPen(QPen(border, 1.0));
        painter->setBrush(palette.color(QPalette::Button));
        painter->drawRoundedRect(QRectF(button).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        painter->setPen(palette.color(QPalette::ButtonText));
        painter->setFont(option.font);
        painter->drawText(button, Qt::AlignCenter, CheckList::onlyButtonText());
        painter->restore();
    }

    // The style sizes a wrapped row as if its text had the whole width, but the check box
    // takes some of it: measure the text in the width it is really drawn in, so that a long
    // question gets all the lines it needs.
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        if (!(item.features & QStyleOptionViewItem::WrapText) || item.rect.width() <= 0
            || item.text.isEmpty())
            return size;
        const QWidget *widget = item.widget;
        const QStyle *style = widget ? widget->style() : QApplication::style();
        item.rect.setHeight(size.height());
        const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &item, widget);
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        const int width = std::max(1, textRect.width() - 2 * margin);
        const QRect needed = item.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 20),
                                                           Qt::TextWordWrap, item.text);
        size.setHeight(std::max(size.height(), needed.height() + 4));
        return size;
    }

private:
    CheckList *m_list;
};

QString elidedName(const QString &text)
{
    constexpr qsizetype Length = 40;
    return text.size() > Length ? text.left(Length - 1) + QChar(0x2026) : text;
}

} // namespace

CheckList::CheckList(int maxRows, QWidget *parent)
    : QListWidget(parent)
    , m_maxRows(maxRows)
{
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setResizeMode(QListView::Adjust);
    setItemDelegate(new RowToggleDelegate(this));
    // Rows know when the pointer is over them, to show their "only" button.
    viewport()->setAttribute(Qt::WA_Hover);
    setMouseTracking(true);
    connect(this, &QListWidget::itemChanged, this, [this] {
        if (!m_quiet)
            Q_EMIT checksChanged();
    });
}

QString CheckList::onlyButtonText()
{
    return tr("only");
}

QRect CheckList::onlyButtonRect(const QRect &rowRect) const
{
    const QFontMetrics metrics = fontMetrics();
    const int width = metrics.horizontalAdvance(onlyButtonText()) + 12;
    const int height = std::min(rowRect.height() - 2, metrics.height() + 4);
    return QRect(rowRect.right() - 3 - width, rowRect.center().y() - height / 2 + 1, width, height);
}

QListWidgetItem *CheckList::addCheckItem(const QString &text, std::uint32_t value)
{
    auto *item = new QListWidgetItem(text, this);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Unchecked);
    item->setData(Qt::UserRole, value);
    return item;
}

std::uint32_t CheckList::valueOf(const QListWidgetItem *item) const
{
    return item->data(Qt::UserRole).toUInt();
}

std::set<std::uint32_t> CheckList::checkedValues() const
{
    std::set<std::uint32_t> values;
    for (int row = 0; row < count(); ++row) {
        if (item(row)->checkState() == Qt::Checked)
            values.insert(valueOf(item(row)));
    }
    return values;
}

template<typename Checked>
void CheckList::applyChecks(Checked checked)
{
    bool changed = false;
    {
        const QScopedValueRollback quiet(m_quiet, true);
        for (int row = 0; row < count(); ++row) {
            QListWidgetItem *rowItem = item(row);
            const Qt::CheckState state = checked(row, rowItem) ? Qt::Checked : Qt::Unchecked;
            if (rowItem->checkState() != state) {
                rowItem->setCheckState(state);
                changed = true;
            }
        }
    }
    if (changed)
        Q_EMIT checksChanged();
}

void CheckList::setCheckedValues(const std::set<std::uint32_t> &values)
{
    const QSignalBlocker blocker(this);
    applyChecks([this, &values](int, const QListWidgetItem *rowItem) {
        return values.count(valueOf(rowItem)) > 0;
    });
}

void CheckList::checkOnly(int row)
{
    if (row < 0 || row >= count())
        return;
    spdlog::info("filter: only row {} of {} checked in {}", row, count(),
                 objectName().toStdString());
    applyChecks([row](int other, const QListWidgetItem *) { return other == row; });
}

void CheckList::setAllChecked(bool checked)
{
    spdlog::info("filter: {} rows of {} {}", count(), objectName().toStdString(),
                 checked ? "checked" : "unchecked");
    applyChecks([checked](int, const QListWidgetItem *) { return checked; });
}

QMenu *CheckList::createContextMenu(int row)
{
    const bool onRow = row >= 0 && row < count();
    return createCheckMenu(this,
                           {onRow ? elidedName(item(row)->text()) : QString(),
                            [this, row] { checkOnly(row); },
                            [this](bool checked) { setAllChecked(checked); }, m_offersAll});
}

void CheckList::contextMenuEvent(QContextMenuEvent *event)
{
    // From the keyboard, the menu is the current row's, shown at that row; with the mouse, the
    // row under the pointer's (event positions are the viewport's then).
    if (event->reason() == QContextMenuEvent::Keyboard) {
        popUpMenuAtCurrentRow();
    } else {
        QListWidgetItem *under = itemAt(event->pos());
        popUpMenu(under ? row(under) : -1, event->globalPos());
    }
    event->accept();
}

// Shift+F10 opens the context menu, as the Menu key does (the platform turns that one into a
// context menu event; Shift+F10 is left to the widget).
void CheckList::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_F10 && event->modifiers() == Qt::ShiftModifier) {
        popUpMenuAtCurrentRow();
        event->accept();
        return;
    }
    QListWidget::keyPressEvent(event);
}

void CheckList::popUpMenuAtCurrentRow()
{
    const int row = currentRow() >= 0 ? currentRow() : (count() > 0 ? 0 : -1);
    QPoint at = mapToGlobal(QPoint(width() / 3, height() / 2));
    if (row >= 0) {
        scrollToItem(item(row));
        const QRect rect = visualItemRect(item(row));
        at = viewport()->mapToGlobal(QPoint(rect.left() + rect.width() / 3, rect.bottom()));
    }
    popUpMenu(row, at);
}

void CheckList::popUpMenu(int row, const QPoint &globalPos)
{
    QMenu *menu = createContextMenu(row);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

// As tall as the rows laid out at the current width (wrapped rows differ in height).
QSize CheckList::sizeHint() const
{
    int height = fontMetrics().height() + 6; // empty: one blank row
    const int rows = std::min(count(), m_maxRows);
    if (rows > 0)
        height = rectForIndex(model()->index(rows - 1, 0)).bottom() + 1 + spacing();
    if (count() > m_maxRows) // show that it scrolls: half of the next row peeks out
        height += rectForIndex(model()->index(m_maxRows, 0)).height() / 2;
    return {120, height + 2 * frameWidth()};
}

QSize CheckList::minimumSizeHint() const
{
    return sizeHint();
}

// Wrapped rows change height with the width: ask the layout again.
void CheckList::resizeEvent(QResizeEvent *event)
{
    QListWidget::resizeEvent(event);
    if (event->oldSize().width() != event->size().width()) {
        doItemsLayout();
        updateGeometry();
    }
}

} // namespace claimline
