#include "import/partymappingpage.h"

#include "import/filessurvey.h"
#include "import/importwizard.h"
#include "import/partymap.h"
#include "import/partymappingmodel.h"
#include "import/previewpage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <set>

namespace claimline {

namespace {

using Target = PartyMappingModel::Target;

// The "Becomes" cell's editor: the row's choices in a list; picking one applies it at once.
class TargetDelegate final : public QStyledItemDelegate
{
public:
    TargetDelegate(PartyMappingModel *model, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_model(model)
    { }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &,
                          const QModelIndex &index) const override
    {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("partyTargetEditor"));
        const int row = index.data(PartyMappingModel::SourceRowRole).toInt();
        const std::vector<Target> choices = m_model->choices(row);
        for (const Target &target : choices)
            combo->addItem(m_model->label(target, row));
        // Commit as soon as one is picked: a list of names is worked through quickly.
        connect(combo, &QComboBox::activated, this, [this, combo] {
            auto *self = const_cast<TargetDelegate *>(this);
            Q_EMIT self->commitData(combo);
            Q_EMIT self->closeEditor(combo, QAbstractItemDelegate::EditNextItem);
        });
        return combo;
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        const int row = index.data(PartyMappingModel::SourceRowRole).toInt();
        const std::vector<Target> choices = m_model->choices(row);
        const auto found = std::find(choices.begin(), choices.end(), m_model->target(row));
        combo->setCurrentIndex(found == choices.end() ? 0 : int(found - choices.begin()));
    }

    void setModelData(QWidget *editor, QAbstractItemModel *,
                      const QModelIndex &index) const override
    {
        const auto *combo = static_cast<QComboBox *>(editor);
        const int row = index.data(PartyMappingModel::SourceRowRole).toInt();
        const std::vector<Target> choices = m_model->choices(row);
        if (combo->currentIndex() >= 0 && combo->currentIndex() < int(choices.size()))
            m_model->setTarget(row, choices[std::size_t(combo->currentIndex())]);
    }

private:
    PartyMappingModel *m_model;
};

} // namespace

PartyMappingPage::PartyMappingPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("importPartiesPage"));
    setTitle(tr("Parties"));
    setSubTitle(
        tr("Each actor, side or group the files name becomes a party. Send several names to "
           "one party to merge them: “Military Forces of Russia (2000-)” and "
           "“Government of Russia (2000-)” into Russia. The project remembers your "
           "choices for the next import."));
    auto *layout = new QVBoxLayout(this);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("partyFilter"));
    m_filter->setPlaceholderText(tr("Filter names"));
    m_filter->setClearButtonEnabled(true);
    auto *filterLabel = new QLabel(tr("&Find:"), this);
    filterLabel->setBuddy(m_filter);
    auto *top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    layout->addLayout(top);

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(PartyMappingModel::NameColumn);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("partyMappingTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    layout->addWidget(m_table, 1);
    // Down from the filter box goes to the list.
    setTabOrder(m_filter, m_table);

    auto *bulk = new QHBoxLayout;
    auto *bulkLabel = new QLabel(tr("&Selected names become:"), this);
    m_selectionTarget = new QComboBox(this);
    m_selectionTarget->setObjectName(QStringLiteral("selectionTargetCombo"));
    m_selectionTarget->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_selectionTarget->setMinimumContentsLength(24);
    bulkLabel->setBuddy(m_selectionTarget);
    m_apply = new QPushButton(tr("A&pply"), this);
    m_apply->setObjectName(QStringLiteral("applyToSelectionButton"));
    connect(m_apply, &QPushButton::clicked, this, &PartyMappingPage::applyToSelection);
    bulk->addWidget(bulkLabel);
    bulk->addWidget(m_selectionTarget, 1);
    bulk->addWidget(m_apply);
    layout->addLayout(bulk);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("partyMappingSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
}

PartyMappingPage::~PartyMappingPage() = default;

void PartyMappingPage::initializePage()
{
    const FilesSurvey *survey = m_wizard->survey();
    const int surveyCount = m_wizard->previewPage()->surveyCount();
    const int target = int(m_wizard->target());
    // Coming back to the step keeps the choices made, unless what they were made for changed.
    if (m_model && m_builtForSurvey == surveyCount && m_builtForTarget == target)
        return;
    m_builtForSurvey = surveyCount;
    m_builtForTarget = target;
    auto *old = m_model;
    m_model = new PartyMappingModel(
        m_wizard->targetProject(),
        survey ? survey->partyNames : std::vector<ImportSurvey::PartyName>(), this);
    m_proxy->setSourceModel(m_model);
    delete m_table->itemDelegateForColumn(PartyMappingModel::TargetColumn);
    m_table->setItemDelegateForColumn(PartyMappingModel::TargetColumn,
                                      new TargetDelegate(m_model, m_table));
    delete old;
    connect(m_model, &PartyMappingModel::dataChanged, this, [this] {
        updateSelectionTargets();
        updateSummary();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_apply->setEnabled(m_table->selectionModel()->hasSelection()); });
    m_table->resizeColumnsToContents();
    // The names whole, up to half the wizard (the page is not laid out yet: its own width is
    // not known); the target column stretches over the rest.
    const int names = m_table->columnWidth(PartyMappingModel::NameColumn) + 16;
    m_table->setColumnWidth(PartyMappingModel::NameColumn,
                            std::min(names, std::max(240, m_wizard->width() / 2)));
    m_table->setColumnWidth(PartyMappingModel::RowsColumn,
                            m_table->columnWidth(PartyMappingModel::RowsColumn) + 16);
    m_filter->clear();
    m_apply->setEnabled(false);
    updateSelectionTargets();
    updateSummary();
}

QString PartyMappingPage::summaryText() const
{
    return m_summary->text();
}

PartyMap PartyMappingPage::partyMap() const
{
    return m_model ? m_model->partyMap() : PartyMap();
}

void PartyMappingPage::applyToSelection()
{
    if (!m_model)
        return;
    const std::vector<Target> choices = m_model->sharedChoices();
    const int chosen = m_selectionTarget->currentIndex();
    if (chosen < 0 || chosen >= int(choices.size()))
        return;
    const Target target = choices[std::size_t(chosen)];
    std::set<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.insert(m_proxy->mapToSource(index).row());
    for (const int row : rows)
        m_model->setTarget(row, target);
}

void PartyMappingPage::updateSelectionTargets()
{
    const QString current = m_selectionTarget->currentText();
    m_selectionTarget->clear();
    if (!m_model)
        return;
    for (const Target &target : m_model->sharedChoices())
        m_selectionTarget->addItem(m_model->label(target, -1));
    const int again = m_selectionTarget->findText(current);
    m_selectionTarget->setCurrentIndex(std::max(0, again));
}

void PartyMappingPage::updateSummary()
{
    if (!m_model || m_model->rowCount() == 0) {
        m_summary->setText(tr("The files name no parties."));
        return;
    }
    const int names = m_model->rowCount();
    const int existing = m_model->existingPartyRows();
    const int created = m_model->newParties();
    const QString namesText = names == 1 ? tr("1 party name") : tr("%1 party names").arg(names);
    const QString existingText = existing == 1
        ? tr("1 goes to a party the project has")
        : tr("%1 go to parties the project has").arg(existing);
    const QString createdText
        = created == 1 ? tr("1 new party") : tr("%1 new parties").arg(created);
    m_summary->setText(tr("%1: %2; %3.").arg(namesText, existingText, createdText));
}

} // namespace claimline
