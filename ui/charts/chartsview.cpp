#include "charts/chartsview.h"

#include "common/connecteach.h"
#include "document/timewindow.h"

#include "charts/chartexport.h"
#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "document/structurechange.h"

#include <QtCharts/QChart>
#include <QtCharts/QChartView>

#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QResizeEvent>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>

namespace claimline {

ChartsView::ChartsView(Document *document, Selection *selection, Filter *filter, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_filter(filter)
    , m_rebuildTimer(new QTimer(this))
{
    createControls();
    // One rebuild per turn of the event loop, however many changes arrive in it.
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(0);
    connect(m_rebuildTimer, &QTimer::timeout, this, &ChartsView::rebuild);
    connectEach(m_document, this, &ChartsView::scheduleRebuild, &Document::reset,
                &Document::eventChanged, &Document::claimChanged, &Document::partyChanged,
                &Document::questionChanged);
    // Relations are counted (the response lag), not drawn by name: a recount tells.
    connect(m_document, &Document::relationsChanged, this, &ChartsView::scheduleRecount);
    connect(m_document, &Document::structureChanged, this, &ChartsView::followStructure);
    connect(m_filter, &Filter::changed, this, &ChartsView::scheduleRebuild);
    rebuild();
}

ChartsView::~ChartsView() = default;

void ChartsView::createControls()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);

    auto *bar = new QHBoxLayout;
    m_kindBox = new QComboBox(this);
    m_kindBox->setObjectName(QStringLiteral("chartKind"));
    for (int kind = 0; kind < ChartKindCount; ++kind)
        m_kindBox->addItem(chartTitle(ChartKind(kind)));
    m_kindBox->setAccessibleName(tr("Chart"));
    connect(m_kindBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setKind(ChartKind(index)); });
    m_modeBox = new QComboBox(this);
    m_modeBox->setObjectName(QStringLiteral("chartMode"));
    m_modeBox->addItems({tr("Stacked"), tr("Grouped")});
    m_modeBox->setAccessibleName(tr("Bars"));
    connect(m_modeBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setStacked(index == 0); });
    m_labelsButton = new QToolButton(this);
    m_labelsButton->setText(tr("Edit Labels"));
    m_labelsButton->setCheckable(true);
    m_labelsButton->setToolTip(tr("Edit the title, axis titles and credit line of this chart"));
    bar->addWidget(m_kindBox);
    bar->addWidget(m_modeBox);
    bar->addStretch(1);
    bar->addWidget(m_labelsButton);
    layout->addLayout(bar);

    m_labelsEditor = new QWidget(this);
    auto *grid = new QGridLayout(m_labelsEditor);
    grid->setContentsMargins(0, 0, 0, 0);
    const auto addEdit = [this, grid](const QString &label, int row, int column) {
        auto *edit = new QLineEdit(m_labelsEditor);
        edit->setClearButtonEnabled(true);
        auto *caption = new QLabel(label, m_labelsEditor);
        caption->setTextFormat(Qt::PlainText);
        caption->setBuddy(edit);
        grid->addWidget(caption, row, column * 2);
        grid->addWidget(edit, row, column * 2 + 1);
        connect(edit, &QLineEdit::textEdited, this, &ChartsView::labelEdited);
        return edit;
    };
    m_titleEdit = addEdit(tr("&Title:"), 0, 0);
    m_creditEdit = addEdit(tr("&Credit:"), 0, 1);
    m_xTitleEdit = addEdit(tr("&Horizontal axis:"), 1, 0);
    m_yTitleEdit = addEdit(tr("&Vertical axis:"), 1, 1);
    m_labelsEditor->setVisible(false);
    connect(m_labelsButton, &QToolButton::toggled, m_labelsEditor, &QWidget::setVisible);
    layout->addWidget(m_labelsEditor);

    // The stance matrix needs a line of text per row: it scrolls rather than cutting them.
    m_scrollArea = new QScrollArea(this);
    m_scrollArea->setWidgetResizable(true);
    m_scrollArea->setFrameShape(QFrame::NoFrame);
    m_scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_chart = new QChart;
    m_chartView = new QChartView(m_chart);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setFrameShape(QFrame::NoFrame);
    m_scrollArea->setWidget(m_chartView);
    layout->addWidget(m_scrollArea, 1);

    m_footer = new QLabel(this);
    m_footer->setObjectName(QStringLiteral("chartFooter"));
    m_footer->setTextFormat(Qt::PlainText);
    m_footer->setWordWrap(true);
    layout->addWidget(m_footer);
}

void ChartsView::setKind(ChartKind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    m_kindBox->setCurrentIndex(int(kind));
    m_redrawDue = true;
    rebuild();
}

void ChartsView::setStacked(bool stacked)
{
    if (stacked == m_stacked)
        return;
    m_stacked = stacked;
    m_modeBox->setCurrentIndex(stacked ? 0 : 1);
    m_redrawDue = true;
    rebuild();
}

void ChartsView::setTimeZone(const QTimeZone &zone)
{
    if (zone == m_zone)
        return;
    m_zone = zone;
    scheduleRebuild();
}

void ChartsView::setLabels(const ChartLabels &labels)
{
    m_labels[std::size_t(m_kind)] = labels;
    m_redrawDue = true;
    rebuild();
}

void ChartsView::setTimeWindow(TimeWindow *window)
{
    connect(window, &TimeWindow::rangeChanged, this, &ChartsView::setVisibleRange);
    connect(window, &TimeWindow::zoneChanged, this, &ChartsView::setTimeZone);
    setTimeZone(window->zone());
    setVisibleRange(window->from(), window->to());
}

void ChartsView::setVisibleRange(double from, double to)
{
    // Every chart follows the window: the time charts span it, the others count what is in
    // it. An empty range (TimeWindow::clearRange, a new project) means "everything", not
    // "keep the last one".
    std::optional<std::pair<std::int64_t, std::int64_t>> range;
    if (to > from)
        range = std::pair(std::int64_t(std::floor(from)), std::int64_t(std::ceil(to)));
    if (m_range == range)
        return;
    m_range = range;
    // A pan or zoom moves the window many times a second; the charts follow it at most every
    // RangeFollowMs (a pass over every item in the window at a million), so the timeline's
    // frames stay free of them. A rebuild already due sooner (a filter change) is kept.
    if (!isVisible()) {
        scheduleRebuild();
        return;
    }
    if (!m_rebuildTimer->isActive())
        m_rebuildTimer->start(RangeFollowMs);
}

void ChartsView::followStructure(const StructureChange &change)
{
    // Events and claims that went or came back change counts, if any, which the data holds
    // (none when they are not of the kind the chart counts); parties, questions or rewritten
    // references may change names and colours.
    if (change.onlyEventsAndClaims() && !change.touches(m_data.itemKind))
        return;
    if (change.onlyEventsAndClaims())
        scheduleRecount();
    else
        scheduleRebuild();
}

void ChartsView::scheduleRebuild()
{
    m_redrawDue = true;
    scheduleRecount();
}

void ChartsView::scheduleRecount()
{
    // A hidden view (by default, a tab behind the table) recomputes when it is shown, not on
    // every filter change, pan or zoom: at a million items that is a pass over every one.
    if (!isVisible()) {
        m_rebuildTimer->stop();
        m_stale = true;
        return;
    }
    m_rebuildTimer->start(0);
}

void ChartsView::flush()
{
    if (m_rebuildTimer->isActive() || m_stale)
        rebuild();
}

void ChartsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        m_rebuildTimer->start(0);
}

void ChartsView::rebuild()
{
    m_rebuildTimer->stop();
    m_stale = false;
    QElapsedTimer timer;
    timer.start();
    ChartRequest request;
    request.kind = m_kind;
    request.zone = m_zone;
    request.range = m_range;
    ChartData data = computeChart(m_document->project(), *m_filter, request);
    const qint64 computed = timer.nsecsElapsed();
    // At a million items, drawing costs as much as counting: a deletion that changed no count
    // keeps the drawing (with the cells' items renumbered, for a click).
    const bool same = !m_redrawDue && drawsTheSame(m_data, data);
    m_data = std::move(data);
    if (!same)
        redraw();
    m_redrawDue = false;
    ++m_rebuildCount;
    spdlog::debug("Chart {}: {} categories × {} series, computed in {:.2f} ms, drawn in {:.2f} ms",
                  chartName(m_kind).toStdString(), m_data.categories.size(), m_data.series.size(),
                  double(computed) / 1e6, double(timer.nsecsElapsed() - computed) / 1e6);
    updateControls();
    updateFooter();
}

void ChartsView::updateControls()
{
    m_modeBox->setEnabled(canStack(m_data));
    const ChartLabels user = labels();
    const std::pair<QLineEdit *, std::pair<QString, QString>> fields[] {
        {m_titleEdit, {user.title, m_data.title}},
        {m_creditEdit, {user.credit, m_data.credit}},
        {m_xTitleEdit, {user.xTitle, m_data.xTitle}},
        {m_yTitleEdit, {user.yTitle, m_data.yTitle}},
    };
    for (const auto &[edit, text] : fields) {
        if (edit->text() != text.first)
            edit->setText(text.first);
        edit->setPlaceholderText(text.second);
    }
}

void ChartsView::updateFooter()
{
    const ChartLabels text = labels().resolved(m_data);
    QString footer;
    if (m_data.isEmpty())
        footer = tr("Nothing to chart: no item the filter shows counts here.") + QLatin1Char('\n');
    else if (!m_data.note.isEmpty())
        footer = m_data.note + QLatin1Char('\n');
    m_footer->setText(footer + text.credit);
}

void ChartsView::labelEdited()
{
    ChartLabels &user = m_labels[std::size_t(m_kind)];
    user.title = m_titleEdit->text();
    user.xTitle = m_xTitleEdit->text();
    user.yTitle = m_yTitleEdit->text();
    user.credit = m_creditEdit->text();
    redraw();
    updateFooter();
}

void ChartsView::redraw()
{
    ++m_redrawCount;
    ChartStyle style;
    style.palette = palette();
    style.stacked = m_stacked;
    style.font = font();
    style.width = m_scrollArea->viewport()->width();
    populateChart(
        *m_chart, m_document->project(), m_data, labels(), style,
        [this](std::size_t series, std::size_t category) { activateCell(series, category); });
    const ChartTheme theme = ChartTheme::from(palette());
    m_chartView->setBackgroundBrush(theme.background);
    // Nothing is cut: a dock too short for the chart's title, legend and rows scrolls.
    m_chartView->setMinimumHeight(int(std::ceil(chartMinimumHeight(*m_chart, m_data, style))));
    m_drawnWidth = style.width;
}

void ChartsView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Time labels are chosen for the width: redraw when it changed noticeably.
    if (std::abs(m_scrollArea->viewport()->width() - m_drawnWidth) > 40)
        scheduleRebuild();
}

void ChartsView::activateCell(std::size_t series, std::size_t category)
{
    if (series >= m_data.series.size() || category >= m_data.categories.size())
        return;
    const auto items = m_data.items(series, category);
    std::vector<std::uint32_t> indices(items.begin(), items.end());
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    std::vector<ItemRef> refs;
    refs.reserve(indices.size());
    for (const std::uint32_t index : indices)
        refs.push_back({m_data.itemKind, index});
    const ItemRef current = refs.empty() ? ItemRef() : refs.front();
    m_selection->setItems(std::move(refs), current);
}

Picture ChartsView::picture(QSizeF size) const
{
    // The view's matrix scrolls; a picture keeps the rows that fit its height.
    if ((m_kind == ChartKind::StanceMatrix && m_data.rows.size() > matrixRowsFitting(size.height()))
        || (m_kind == ChartKind::ResponseLag
            && m_data.categories.size() > matrixRowsFitting(size.height()))) {
        ChartRequest request;
        request.kind = m_kind;
        request.zone = m_zone;
        request.range = m_range;
        request.maxRows = matrixRowsFitting(size.height());
        return chartPicture(m_document->project(),
                            computeChart(m_document->project(), *m_filter, request), size,
                            publicationPalette(), labels(), m_stacked);
    }
    return chartPicture(m_document->project(), m_data, size, publicationPalette(), labels(),
                        m_stacked);
}

void ChartsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        scheduleRebuild();
}

} // namespace claimline
