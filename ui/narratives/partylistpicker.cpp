#include "narratives/partylistpicker.h"

#include "common/partyswatch.h"

#include "model/project.h"
#include "present/narrativestext.h"

#include <QAbstractItemModel>
#include <QListWidget>
#include <QMenu>
#include <QTimer>
#include <QWidgetAction>

#include <algorithm>

namespace claimline {

namespace {

constexpr int PartyRole = Qt::UserRole + 1;

} // namespace

PartyListPicker::PartyListPicker(QWidget *parent)
    : QPushButton(parent)
    , m_menu(new QMenu(this))
    , m_list(new QListWidget)
{
    // A push button draws its menu indicator beside the text, never over it.
    setMenu(m_menu);
    m_list->setObjectName(QStringLiteral("partyList"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setMinimumWidth(220);
    // The list lives in the menu for good (the action owns it); presets come and go above it.
    m_section = m_menu->addSection(tr("Build a group"));
    auto *listAction = new QWidgetAction(m_menu);
    listAction->setDefaultWidget(m_list);
    m_menu->addAction(listAction);
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        if (!m_filling)
            readList();
    });
    // A drag inside the list may move rows or remove and insert them: read the order once
    // the drop is over.
    const auto readLater = [this] {
        if (!m_filling)
            QTimer::singleShot(0, this, &PartyListPicker::readList);
    };
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, readLater);
    connect(m_list->model(), &QAbstractItemModel::rowsInserted, this, readLater);
}

PartyListPicker::~PartyListPicker() = default;

void PartyListPicker::setOrderable(bool orderable)
{
    m_list->setDragDropMode(orderable ? QAbstractItemView::InternalMove
                                      : QAbstractItemView::NoDragDrop);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_section->setText(orderable ? tr("Check and drag to order") : tr("Build a group"));
}

void PartyListPicker::setProject(const Project *project, const std::vector<Preset> &presets)
{
    m_project = project;
    qDeleteAll(m_presets);
    m_presets.clear();
    for (const Preset &preset : presets) {
        auto *action = new QAction(preset.name, m_menu);
        m_menu->insertAction(m_section, action);
        m_presets << action;
        if (preset.parties.size() == 1 && m_project)
            action->setIcon(partySwatch(*m_project, preset.parties.front(), palette()));
        const std::vector<std::uint32_t> parties = preset.parties;
        connect(action, &QAction::triggered, this, [this, parties] { choose(parties); });
    }
    std::vector<std::uint32_t> kept;
    for (const std::uint32_t p : m_parties) {
        if (m_project && p < m_project->parties().size())
            kept.push_back(p);
    }
    m_parties = kept;
    fillList();
}

void PartyListPicker::setParties(const std::vector<std::uint32_t> &parties)
{
    // Unchanged: keep the list as the user left it (an entry just checked stays put).
    if (parties == m_parties && m_list->count() > 0)
        return;
    m_parties = parties;
    fillList();
}

void PartyListPicker::choose(const std::vector<std::uint32_t> &parties)
{
    if (parties == m_parties)
        return;
    setParties(parties);
    Q_EMIT partiesChanged(m_parties);
}

void PartyListPicker::fillList()
{
    m_filling = true;
    m_list->clear();
    if (m_project) {
        const auto add = [&](std::uint32_t party, bool checked) {
            auto *item = new QListWidgetItem(partySwatch(*m_project, party, palette()),
                                             NarrativesText::partyName(*m_project, party));
            item->setData(PartyRole, party);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable
                           | Qt::ItemIsDragEnabled);
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
            m_list->addItem(item);
        };
        // Chosen parties first, in their order; the others after, in file order.
        for (const std::uint32_t p : m_parties)
            add(p, true);
        for (std::uint32_t p = 0; p < m_project->parties().size(); ++p) {
            if (std::find(m_parties.begin(), m_parties.end(), p) == m_parties.end())
                add(p, false);
        }
        const int rows = std::min(m_list->count(), 12);
        m_list->setFixedHeight(rows * m_list->sizeHintForRow(0) + 2 * m_list->frameWidth() + 4);
    }
    m_filling = false;
}

void PartyListPicker::readList()
{
    std::vector<std::uint32_t> parties;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem *item = m_list->item(i);
        if (item->checkState() == Qt::Checked)
            parties.push_back(item->data(PartyRole).toUInt());
    }
    if (parties == m_parties)
        return;
    m_parties = parties;
    Q_EMIT partiesChanged(m_parties);
}

} // namespace claimline
