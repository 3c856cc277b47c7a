#include "positions/positionsview.h"

#include "document/document.h"
#include "document/filter.h"
#include "document/structurechange.h"
#include "export/positionstable.h"
#include "positions/positionsdelegate.h"
#include "positions/positionsheader.h"
#include "positions/positionsmodel.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace claimline {

PositionsView::PositionsView(Document *document, Filter *filter, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_filter(filter)
    , m_model(new PositionsModel(document, filter, this))
    , m_table(new QTableView(this))
    , m_rowHeader(new PositionsHeader(Qt::Vertical, m_table))
    , m_columnHeader(new PositionsHeader(Qt::Horizontal, m_table))
    , m_allParties(new QCheckBox(tr("&All parties"), this))
    , m_hint(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_layoutTimer(new QTimer(this))
{
    Q_ASSERT(document && filter);
    setObjectName(QStringLiteral("positionsView"));

    m_hint->setText(tr("Each party's position on each question, in a few words. Double-click "
                       "a cell or select it and type to write one: Enter keeps it, Esc "
                       "cancels, an empty text clears it."));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_allParties->setObjectName(QStringLiteral("positionsAllParties"));
    m_allParties->setToolTip(tr("A column for every party, not only those with a position"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_hint, 1);
    top->addWidget(m_allParties, 0, Qt::AlignTop);

    m_table->setObjectName(QStringLiteral("positionsTable"));
    m_table->setVerticalHeader(m_rowHeader);
    m_table->setHorizontalHeader(m_columnHeader);
    m_table->setModel(m_model);
    m_table->setItemDelegate(new PositionsDelegate(m_table));
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(true);
    m_table->setCornerButtonEnabled(false);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_columnHeader->setSectionResizeMode(QHeaderView::Stretch);
    m_columnHeader->setSectionsClickable(false);
    m_rowHeader->setSectionResizeMode(QHeaderView::Fixed);
    m_rowHeader->setSectionsClickable(false);

    m_empty->setObjectName(QStringLiteral("positionsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);

    // Row heights follow the wrapped text: one layout per turn of the event loop, however
    // many changes (a reset, cells, a column resize) arrive in it.
    m_layoutTimer->setSingleShot(true);
    m_layoutTimer->setInterval(0);
    connect(m_layoutTimer, &QTimer::timeout, this, &PositionsView::layoutTable);
    connect(m_columnHeader, &QHeaderView::sectionResized, this, &PositionsView::scheduleLayout);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PositionsView::scheduleLayout);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PositionsView::scheduleLayout);

    connect(m_document, &Document::reset, this, &PositionsView::documentReset);
    connect(m_document, &Document::positionsChanged, this, &PositionsView::positionsChanged);
    connect(m_document, &Document::structureChanged, this, &PositionsView::structureChanged);
    // Names and colours of parties, question texts: the headers show them.
    connect(m_document, &Document::partyChanged, this, &PositionsView::rebuild);
    connect(m_document, &Document::questionChanged, this, &PositionsView::rebuild);
    connect(m_filter, &Filter::changed, this, &PositionsView::rebuild);
    connect(m_allParties, &QCheckBox::toggled, this, &PositionsView::setShowsAllParties);

    updatePalette();
    documentReset();
}

PositionsView::~PositionsView() = default;

bool PositionsView::showsAllParties() const
{
    return m_allParties->isChecked();
}

void PositionsView::setShowsAllParties(bool all)
{
    if (m_allParties->isChecked() != all) {
        m_allParties->setChecked(all); // comes back here through toggled()
        return;
    }
    spdlog::info("positions: {}", all ? "every party" : "parties with a position");
    m_parties = defaultParties();
    rebuild();
}

std::vector<std::uint32_t> PositionsView::defaultParties() const
{
    const Project &project = m_document->project();
    if (showsAllParties())
        return PositionsTable::allParties(project);
    std::vector<std::uint32_t> parties = PositionsTable::partiesWithPositions(project);
    // Without any position there is nothing to be compact about, and every cell is a place to
    // write the first one.
    return parties.empty() ? PositionsTable::allParties(project) : parties;
}

void PositionsView::documentReset()
{
    m_parties = defaultParties();
    rebuild();
    m_table->scrollToTop();
}

bool PositionsView::followPositions()
{
    // A party that gets a position (typed in, or back with an undo) gets its column; one that
    // loses its last keeps it until the columns are chosen again, so that clearing a cell
    // never moves the table.
    bool added = false;
    for (const std::uint32_t party : PositionsTable::partiesWithPositions(m_document->project())) {
        if (std::find(m_parties.begin(), m_parties.end(), party) == m_parties.end()) {
            m_parties.insert(std::upper_bound(m_parties.begin(), m_parties.end(), party), party);
            added = true;
        }
    }
    return added;
}

void PositionsView::positionsChanged()
{
    if (!followPositions()) {
        m_model->refreshCells();
        return;
    }
    // Not now: this runs inside the edit that committed the cell, and a model reset there
    // would pull the editor from under the view.
    QTimer::singleShot(0, this, &PositionsView::rebuild);
}

void PositionsView::structureChanged(const StructureChange &change)
{
    change.remap(ItemKind::Party, m_parties);
    if (change.inserted && change.touches(ItemKind::Party)) {
        // A new party gets a column where every party has one.
        if (showsAllParties()
            || PositionsTable::partiesWithPositions(m_document->project()).empty())
            m_parties = defaultParties();
    }
    followPositions();
    // Now: the rows and columns hold indices, which may name other items after the change.
    rebuild();
}

void PositionsView::rebuild()
{
    // The current cell stays the current cell across the reset (found again by its question
    // and party, which a rebuild may have moved).
    const QModelIndex current = m_table->currentIndex();
    const QVariant question = current.data(PositionsModel::QuestionRole);
    const QVariant party = current.data(PositionsModel::PartyRole);
    m_model->setParties(m_parties);
    if (question.isValid() && party.isValid()) {
        const QModelIndex again = m_model->indexOf(question.toUInt(), party.toUInt());
        if (again.isValid())
            m_table->setCurrentIndex(again);
    }
    updateEmptyState();
    scheduleLayout();
}

void PositionsView::updateEmptyState()
{
    const Project &project = m_document->project();
    QString empty;
    if (project.questions().empty())
        empty = tr("No questions yet. Add one with Insert ▸ New Question; each party's position "
                   "on it is written here.");
    else if (project.parties().empty())
        empty = tr("No parties yet. Add one with Insert ▸ New Party.");
    else if (m_model->columnCount() == 0)
        empty = tr("The filter hides every party of this table.");
    m_empty->setText(empty);
    m_stack->setCurrentWidget(empty.isEmpty() ? static_cast<QWidget *>(m_table) : m_empty);
}

void PositionsView::scheduleLayout()
{
    m_layoutTimer->start();
}

void PositionsView::flushLayout()
{
    if (m_layoutTimer->isActive())
        layoutTable();
}

void PositionsView::layoutTable()
{
    m_layoutTimer->stop();
    const QFontMetrics metrics = m_table->fontMetrics();
    const int character = std::max(1, metrics.averageCharWidth());
    // The questions wrap in a column of at most 40 characters and a third of the view, at
    // least 14 characters: long enough to read, never crowding out the parties.
    int longest = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        longest = std::max(
            longest, metrics.horizontalAdvance(m_model->headerData(row, Qt::Vertical).toString()));
    const int widest = std::max(14 * character, std::min(40 * character, width() / 3));
    m_rowHeader->setTextWidth(std::clamp(longest, 14 * character, widest));
    // A party column shows at least a short phrase per line; past that the table scrolls
    // sideways and the questions stay in view.
    m_columnHeader->setMinimumSectionSize(22 * character);
    m_columnHeader->fitHeight();
    m_table->resizeRowsToContents();
}

void PositionsView::updatePalette()
{
    m_model->setSwatchBackground(m_table->palette().color(QPalette::Base),
                                 m_table->palette().color(QPalette::Text));
}

void PositionsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updatePalette();
    else if (event->type() == QEvent::FontChange)
        scheduleLayout();
}

void PositionsView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    scheduleLayout();
}

} // namespace claimline
