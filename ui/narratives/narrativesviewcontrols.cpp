// NarrativesView's controls: the bar above the table (mode, columns, narratives A and B,
// question order and moves) and what it shows as the project and the choices change.

#include "narratives/narrativesview.h"

#include "document/document.h"
#include "model/project.h"
#include "narratives/narrativescanvas.h"
#include "narratives/partylistpicker.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace claimline {

void NarrativesView::createControls()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("narrativesControls"));
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(6, 4, 6, 4);
    row->setSpacing(6);

    m_modeBox = new QComboBox(bar);
    m_modeBox->setObjectName(QStringLiteral("narrativesMode"));
    m_modeBox->addItem(tr("Matrix: questions × parties"));
    m_modeBox->addItem(tr("Side by side: A vs B"));
    m_modeBox->setToolTip(tr("How to compare the narratives"));
    connect(m_modeBox, &QComboBox::activated, this, [this](int index) {
        setMode(index == 0 ? NarrativesMode::Matrix : NarrativesMode::SideBySide);
    });
    row->addWidget(m_modeBox);

    m_columnsPicker = new PartyListPicker(bar);
    m_columnsPicker->setObjectName(QStringLiteral("narrativesColumns"));
    m_columnsPicker->setOrderable(true);
    m_columnsPicker->setToolTip(tr("Which parties are columns, and in what order"));
    connect(m_columnsPicker, &PartyListPicker::partiesChanged, this, &NarrativesView::setParties);
    row->addWidget(m_columnsPicker);

    const auto action = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        m_actions << a;
        return a;
    };
    m_moveUpAction = action(tr("Move Question &Up"), QKeySequence(Qt::ALT | Qt::Key_Up),
                            [this] { moveCurrentRow(-1); });
    m_moveDownAction = action(tr("Move Question &Down"), QKeySequence(Qt::ALT | Qt::Key_Down),
                              [this] { moveCurrentRow(1); });
    m_resetOrderAction
        = action(tr("&Reset Question Order"), QKeySequence(), &NarrativesView::resetRowOrder);
    m_moveUp = new QToolButton(bar);
    m_moveUp->setObjectName(QStringLiteral("narrativesMoveUp"));
    m_moveUpAction->setIconText(tr("Move Up"));
    m_moveUp->setDefaultAction(m_moveUpAction);
    m_moveUp->setArrowType(Qt::UpArrow);
    m_moveUp->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_moveUp->setToolTip(tr("Move the selected question up (Alt+Up); or drag its header"));
    m_moveDown = new QToolButton(bar);
    m_moveDown->setObjectName(QStringLiteral("narrativesMoveDown"));
    m_moveDownAction->setIconText(tr("Move Down"));
    m_moveDown->setDefaultAction(m_moveDownAction);
    m_moveDown->setArrowType(Qt::DownArrow);
    m_moveDown->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_moveDown->setToolTip(tr("Move the selected question down (Alt+Down)"));
    row->addWidget(m_moveUp);
    row->addWidget(m_moveDown);

    m_aPicker = new PartyListPicker(bar);
    m_aPicker->setObjectName(QStringLiteral("narrativesA"));
    m_aPicker->setToolTip(tr("Narrative A: a party or a group of parties"));
    connect(m_aPicker, &PartyListPicker::partiesChanged, this,
            [this](const std::vector<std::uint32_t> &a) { setNarratives(a, m_spec.b); });
    m_versus = new QLabel(tr("vs"), bar);
    m_versus->setTextFormat(Qt::PlainText);
    m_bPicker = new PartyListPicker(bar);
    m_bPicker->setObjectName(QStringLiteral("narrativesB"));
    m_bPicker->setToolTip(tr("Narrative B: a party or a group of parties"));
    connect(m_bPicker, &PartyListPicker::partiesChanged, this,
            [this](const std::vector<std::uint32_t> &b) { setNarratives(m_spec.a, b); });
    m_swap = new QToolButton(bar);
    m_swap->setObjectName(QStringLiteral("narrativesSwap"));
    m_swap->setText(tr("Swap"));
    m_swap->setToolTip(tr("Swap narratives A and B"));
    connect(m_swap, &QToolButton::clicked, this,
            [this] { setNarratives(std::vector(m_spec.b), std::vector(m_spec.a)); });
    m_orderBox = new QComboBox(bar);
    m_orderBox->setObjectName(QStringLiteral("narrativesOrder"));
    m_orderBox->addItem(tr("Grouped by question"));
    m_orderBox->addItem(tr("In order of time said"));
    connect(m_orderBox, &QComboBox::activated, this, [this](int index) {
        setOrder(index == 0 ? NarrativesOrder::ByQuestion : NarrativesOrder::ByTime);
    });
    row->addWidget(m_aPicker);
    row->addWidget(m_versus);
    row->addWidget(m_bPicker);
    row->addWidget(m_swap);
    row->addWidget(m_orderBox);
    row->addStretch(1);

    m_densityBox = new QComboBox(bar);
    m_densityBox->setObjectName(QStringLiteral("narrativesDensity"));
    m_densityBox->addItem(tr("Compact cards"));
    m_densityBox->addItem(tr("Full cards"));
    m_densityBox->setToolTip(
        tr("Compact: more columns in sight and three claims per cell (\"+N more\" shows the "
           "rest). Full: quote, sources and status on every card."));
    connect(m_densityBox, &QComboBox::activated, this,
            [this](int index) { setCompact(index == 0); });
    row->addWidget(m_densityBox);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_canvas, 1);
    setFocusProxy(m_canvas);
    m_canvas->setAccessibleName(tr("Competing narratives"));
    m_canvas->setAccessibleDescription(
        tr("Claims by question and party, or narrative A opposite narrative B. The Table view "
           "lists the same claims as text."));
}

void NarrativesView::updateControls()
{
    const bool matrix = m_spec.mode == NarrativesMode::Matrix;
    const Project &project = m_document->project();
    m_modeBox->setCurrentIndex(matrix ? 0 : 1);
    m_columnsPicker->setVisible(matrix);
    m_moveUp->setVisible(matrix);
    m_moveDown->setVisible(matrix);
    m_moveUpAction->setEnabled(matrix);
    m_moveDownAction->setEnabled(matrix);
    m_resetOrderAction->setEnabled(!m_spec.questions.empty());
    for (QWidget *w : {static_cast<QWidget *>(m_aPicker), static_cast<QWidget *>(m_versus),
                       static_cast<QWidget *>(m_bPicker), static_cast<QWidget *>(m_swap),
                       static_cast<QWidget *>(m_orderBox)})
        w->setVisible(!matrix);
    m_columnsPicker->setParties(m_spec.parties);
    m_columnsPicker->setText(tr("Columns: %1").arg(m_spec.parties.size()));
    m_aPicker->setParties(m_spec.a);
    m_aPicker->setText(tr("A: %1").arg(NarrativesTable::narrativeName(project, m_spec.a)));
    m_bPicker->setParties(m_spec.b);
    m_bPicker->setText(tr("B: %1").arg(NarrativesTable::narrativeName(project, m_spec.b)));
    m_orderBox->setCurrentIndex(m_spec.order == NarrativesOrder::ByQuestion ? 0 : 1);
    m_densityBox->setCurrentIndex(m_canvas->isCompact() ? 0 : 1);
}

} // namespace claimline
