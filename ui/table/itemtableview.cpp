#include "table/itemtableview.h"

#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "table/itemtableproxy.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollBar>
#include <QTableView>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>

namespace claimline {

namespace {

// Initial widths of the free-text columns, in average characters (0: fitted to the header or
// to the longest value the column can have). Title and Statement also take the room left.
constexpr int EventWidths[ItemTableModel::EventColumnCount] = {0, 40, 22, 12, 0, 0, 18, 24, 0};
constexpr int ClaimWidths[ItemTableModel::ClaimColumnCount]
    = {0, 20, 14, 44, 20, 20, 0, 0, 0, 0, 0};

} // namespace

ItemTableView::ItemTableView(Document *document, Selection *selection, Filter *filter,
                             QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_filter(filter)
    , m_model(new ItemTableModel(document, this))
    , m_proxy(new ItemTableProxy(filter, this))
    , m_eventsButton(new QToolButton(this))
    , m_claimsButton(new QToolButton(this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_searchTimer(new QTimer(this))
    , m_filterTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("itemTableView"));
    m_proxy->setSourceModel(m_model);

    m_eventsButton->setObjectName(QStringLiteral("tableModeEvents"));
    m_eventsButton->setText(tr("Events"));
    m_eventsButton->setToolTip(tr("Show the events"));
    m_claimsButton->setObjectName(QStringLiteral("tableModeClaims"));
    m_claimsButton->setText(tr("Claims"));
    m_claimsButton->setToolTip(tr("Show the claims"));
    auto *modes = new QButtonGroup(this);
    for (QToolButton *button : {m_eventsButton, m_claimsButton}) {
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        modes->addButton(button);
    }
    modes->setExclusive(true);
    m_eventsButton->setChecked(true);

    m_search->setObjectName(QStringLiteral("tableSearch"));
    m_search->setPlaceholderText(tr("Search titles, statements, names, sources"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_search->setText(m_filter->textQuery());
    m_count->setTextFormat(Qt::PlainText);
    m_count->setObjectName(QStringLiteral("tableCount"));

    m_table->setObjectName(QStringLiteral("itemTable"));
    m_table->setAccessibleName(tr("Events and claims"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setShowGrid(false);
    m_table->setCornerButtonEnabled(false);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Uniform rows: the view never asks every row for its height.
    QHeaderView *rows = m_table->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setSectionsMovable(true);
    columns->setSortIndicatorShown(true);
    columns->setSortIndicatorClearable(true);
    columns->setStretchLastSection(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // In time order at first: the table is the timeline's accessible alternative.
    columns->setSortIndicator(0, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->viewport()->installEventFilter(this);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(4);
    bar->addWidget(m_eventsButton);
    bar->addWidget(m_claimsButton);
    bar->addSpacing(6);
    bar->addWidget(m_search, 1);
    bar->addSpacing(6);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(0);

    connect(m_eventsButton, &QToolButton::clicked, this,
            [this] { setMode(ItemTableModel::Mode::Events); });
    connect(m_claimsButton, &QToolButton::clicked, this,
            [this] { setMode(ItemTableModel::Mode::Claims); });
    connect(m_search, &QLineEdit::textEdited, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &ItemTableView::applySearch);
    // The clear button changes the text without textEdited in some styles: apply it at once.
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty() && !m_filter->textQuery().isEmpty())
            applySearch();
    });
    connect(m_searchTimer, &QTimer::timeout, this, &ItemTableView::applySearch);
    connect(m_filter, &Filter::changed, this, &ItemTableView::filterChanged);
    connect(m_filterTimer, &QTimer::timeout, this, &ItemTableView::refilter);
    connect(m_selection, &Selection::changed, this, &ItemTableView::selectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ItemTableView::tableSelectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ItemTableView::tableSelectionChanged);
    connect(m_model, &ItemTableModel::modeChanged, this, &ItemTableView::modeChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ItemTableView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ItemTableView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ItemTableView::updateCount);
    // A filter pass or a new project resets the rows, and with them the table's selection.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { showSelection(false); });
    // Another project (or the same one opened again) starts at the top-left of its list, not
    // where the previous one was scrolled to: a model reset keeps the scroll bars' values.
    connect(m_document, &Document::reset, this, [this] {
        m_table->horizontalScrollBar()->setValue(0);
        m_table->scrollToTop();
    });
    connect(columns, &QHeaderView::sectionResized, this, [this] {
        if (!m_resizingColumns)
            m_userResized = true;
    });

    setInitialColumnWidths();
    updateCount();
    showSelection(true);
}

ItemTableView::~ItemTableView() = default;

ItemTableModel::Mode ItemTableView::mode() const
{
    return m_model->mode();
}

void ItemTableView::setMode(ItemTableModel::Mode mode)
{
    if (mode == m_model->mode())
        return;
    // Columns mean different things in the two modes; only the first (the time) is shared,
    // so any other sort is dropped rather than applied to an unrelated column.
    if (m_proxy->sortColumn() > 0)
        m_proxy->sort(-1, m_proxy->sortOrder());
    m_model->setMode(mode);
}

QTimeZone ItemTableView::timeZone() const
{
    return m_model->timeZone();
}

void ItemTableView::setTimeZone(const QTimeZone &zone)
{
    m_model->setTimeZone(zone);
}

QString ItemTableView::countText() const
{
    const QLocale locale;
    const QString shown = locale.toString(qlonglong(m_proxy->rowCount()));
    const QString total = locale.toString(qlonglong(m_model->rowCount()));
    return m_model->mode() == ItemTableModel::Mode::Events
        ? tr("%1 of %2 events").arg(shown, total)
        : tr("%1 of %2 claims").arg(shown, total);
}

void ItemTableView::updateCount()
{
    m_count->setText(countText());
}

void ItemTableView::applySearch()
{
    m_searchTimer->stop();
    m_filter->setTextQuery(m_search->text());
}

void ItemTableView::filterChanged()
{
    // A query set elsewhere (a saved view, Clear Filter) shows here, unless the user is in the
    // middle of typing one. setText() does not emit textEdited(): no loop.
    if (!m_searchTimer->isActive() && m_filter->textQuery() != m_search->text())
        m_search->setText(m_filter->textQuery());
    m_filterTimer->start();
}

void ItemTableView::refilter()
{
    m_proxy->invalidateFilter();
    updateCount();
}

void ItemTableView::tableSelectionChanged()
{
    if (m_syncing)
        return;
    const QItemSelectionModel *model = m_table->selectionModel();
    std::vector<ItemRef> items;
    const QItemSelection selected = model->selection();
    // Every selected row, a select-all of a million included: Selection drops the rows that
    // ranges share (a row selected cell by cell) in one pass, without sorting.
    for (const QItemSelectionRange &range : selected) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            items.push_back(m_model->itemAt(m_proxy->sourceRowOf(row)));
    }
    ItemRef current;
    const QModelIndex currentIndex = model->currentIndex();
    if (currentIndex.isValid() && model->isRowSelected(currentIndex.row(), {})) {
        current = m_model->itemAt(m_proxy->sourceRowOf(currentIndex.row()));
    }
    m_syncing = true;
    m_selection->setItems(std::move(items), current);
    m_syncing = false;
}

void ItemTableView::selectionChanged()
{
    if (m_syncing)
        return;
    const ItemRef current = m_selection->current();
    if (current.isValid() && current.kind != m_model->itemKind()) {
        if (current.kind == ItemKind::Event)
            setMode(ItemTableModel::Mode::Events);
        else if (current.kind == ItemKind::Claim)
            setMode(ItemTableModel::Mode::Claims);
    }
    showSelection(true);
}

void ItemTableView::showSelection(bool scroll)
{
    const ItemKind kind = m_model->itemKind();
    std::vector<int> rows;
    for (const ItemRef &item : m_selection->items()) {
        if (item.kind != kind)
            continue;
        if (const int row = m_proxy->proxyRowOf(int(item.index)); row >= 0)
            rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    QItemSelection selection;
    const int lastColumn = m_proxy->columnCount() - 1;
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i + 1;
        while (j < rows.size() && rows[j] == rows[j - 1] + 1)
            ++j;
        selection.select(m_proxy->index(rows[i], 0), m_proxy->index(rows[j - 1], lastColumn));
        i = j;
    }
    QItemSelectionModel *model = m_table->selectionModel();
    m_syncing = true;
    model->select(selection, QItemSelectionModel::ClearAndSelect);
    const ItemRef current = m_selection->current();
    const int currentRow = current.kind == kind ? m_proxy->proxyRowOf(int(current.index)) : -1;
    if (currentRow >= 0) {
        const int column = std::max(0, model->currentIndex().column());
        const QModelIndex index = m_proxy->index(currentRow, column);
        model->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        if (scroll)
            m_table->scrollTo(index, QAbstractItemView::EnsureVisible);
    } else if (rows.empty()) {
        model->clearCurrentIndex();
    }
    m_syncing = false;
}

void ItemTableView::modeChanged()
{
    const bool events = m_model->mode() == ItemTableModel::Mode::Events;
    m_eventsButton->setChecked(events);
    m_claimsButton->setChecked(!events);
    // Show the proxy's sort (kept for the time column, dropped for others); the header's
    // signal comes back to the proxy as the sort it already has.
    m_table->horizontalHeader()->setSortIndicator(m_proxy->sortColumn(), m_proxy->sortOrder());
    m_userResized = false;
    setInitialColumnWidths();
    updateCount();
    // Another list: it opens at its top (or at its selected item), not at the row and column
    // the previous list was scrolled to, which a model reset leaves the scroll bars at.
    m_table->horizontalScrollBar()->setValue(0);
    const QItemSelectionModel *selection = m_table->selectionModel();
    const QModelIndex current = selection->currentIndex();
    if (current.isValid() && selection->isRowSelected(current.row(), {}))
        m_table->scrollTo(current, QAbstractItemView::PositionAtCenter);
    else
        m_table->scrollToTop();
}

void ItemTableView::setInitialColumnWidths()
{
    m_resizingColumns = true;
    QHeaderView *header = m_table->horizontalHeader();
    // The star first, as mail clients show theirs: a narrow column the eye finds at once. The
    // model keeps it last so that the time stays column 0 in both modes; a new mode is a
    // model reset, which puts the sections back in the model's order.
    const int star = m_model->starColumn();
    if (header->visualIndex(star) > 0)
        header->moveSection(header->visualIndex(star), 0);
    for (int column = 0; column < m_model->columnCount(); ++column)
        header->resizeSection(column, baseColumnWidth(column));
    m_resizingColumns = false;
    fitColumns();
}

int ItemTableView::baseColumnWidth(int column) const
{
    const QFontMetrics cells = m_table->fontMetrics();
    const QFontMetrics headers = m_table->horizontalHeader()->fontMetrics();
    const int padding = 2 * cells.height() / 3 + 6;
    const bool events = m_model->mode() == ItemTableModel::Mode::Events;
    // Room for the header's title and its sort arrow.
    int width = headers.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString())
        + 2 * headers.height() + 6;
    const auto widest = [&cells, padding](std::initializer_list<const char *> samples) {
        int w = 0;
        for (const char *sample : samples)
            w = std::max(w, cells.horizontalAdvance(QString::fromUtf8(sample)));
        return w + padding;
    };
    if (column == 0) // a day range, or two times of one day
        width = std::max(
            width, widest({"28 Dec 2025 \u2013 1 Jan 2026", "28 Dec 2025, 22:00\u201323:30 MSK"}));
    else if (column
             == (events ? int(ItemTableModel::EventStatus) : int(ItemTableModel::ClaimStatus)))
        width = std::max(width, widest({"Corroborated", "Unverified", "Retracted"}));
    else if (!events && column == ItemTableModel::ClaimStance)
        width = std::max(width, widest({"Qualifies", "Disputes"}));
    // The font's own average character width is that of all its glyphs; prose is wider.
    const QString prose = QStringLiteral("the quick brown fox jumps over the lazy dog");
    const int chars = events ? EventWidths[column] : ClaimWidths[column];
    return std::max(width, chars * cells.horizontalAdvance(prose) / int(prose.size()));
}

void ItemTableView::fitColumns()
{
    if (m_userResized)
        return;
    // The main text column (title or statement) takes whatever width is left, so the table
    // fills the dock without a ragged empty strip on the right.
    const bool events = m_model->mode() == ItemTableModel::Mode::Events;
    const int wide = events ? int(ItemTableModel::EventTitle) : int(ItemTableModel::ClaimStatement);
    const int base = baseColumnWidth(wide);
    QHeaderView *header = m_table->horizontalHeader();
    int others = 0;
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (column != wide)
            others += header->sectionSize(column);
    }
    const int available = m_table->viewport()->width() - others;
    m_resizingColumns = true;
    header->resizeSection(wide, std::max(base, available));
    m_resizingColumns = false;
}

bool ItemTableView::eventFilter(QObject *watched, QEvent *event)
{
    // The viewport's own size: the table's is only known once it is laid out and shown.
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    if (watched == m_table->viewport() && event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = m_table->indexAt(help->pos());
        const QString text = index.isValid() ? index.data(Qt::ToolTipRole).toString() : QString();
        if (text.isEmpty()) {
            QToolTip::hideText();
        } else {
            // Escaped and wrapped as HTML so that file text is shown literally, never as
            // markup (a plain string that looks like HTML would be rendered as rich text).
            QToolTip::showText(help->globalPos(),
                               Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal),
                               m_table->viewport(), m_table->visualRect(index));
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace claimline
