#include "import/columnmappingpage.h"

#include "import/mappingnotes.h"
#include "import/mappingpreviewmodel.h"
#include "import/pagewidgets.h"

#include "import/filespage.h"
#include "import/importwizard.h"
#include "text/visibletext.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>

namespace claimline {

namespace {

using Role = ColumnMappingPage::Role;

constexpr int SampleRows = 50;

// The mapping's member holding each role's column, in the order of Role.
constexpr std::array<std::string ColumnMapping::*, ColumnMappingPage::RoleCount> RoleMembers {
    &ColumnMapping::date,      &ColumnMapping::endDate,    &ColumnMapping::id,
    &ColumnMapping::title,     &ColumnMapping::summary,    &ColumnMapping::party,
    &ColumnMapping::sourceUrl, &ColumnMapping::place,      &ColumnMapping::latitude,
    &ColumnMapping::longitude, &ColumnMapping::coordinates};

// The party separators offered, with how each reads.
struct Separator
{
    char character;
    const char *label;
};
constexpr std::array<Separator, 5> Separators {{
    {';', QT_TRANSLATE_NOOP("claimline::ColumnMappingPage", "Semicolon ( ; )")},
    {',', QT_TRANSLATE_NOOP("claimline::ColumnMappingPage", "Comma ( , )")},
    {'|', QT_TRANSLATE_NOOP("claimline::ColumnMappingPage", "Vertical bar ( | )")},
    {'/', QT_TRANSLATE_NOOP("claimline::ColumnMappingPage", "Slash ( / )")},
    {'+', QT_TRANSLATE_NOOP("claimline::ColumnMappingPage", "Plus ( + )")},
}};

std::vector<std::string_view> viewsOf(const std::vector<std::string> &texts)
{
    return {texts.begin(), texts.end()};
}

QString fileName(const QString &path)
{
    return visibleText(QFileInfo(path).fileName());
}

// Draws its column's text wrapped at word boundaries, and asks for the height that takes at
// the column's width (a table asks its delegates without a width unless it wraps every column).
class WrappingDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem wrapped = option;
        if (const auto *table = qobject_cast<const QTableView *>(option.widget))
            wrapped.rect = QRect(0, 0, table->columnWidth(index.column()), 1); // valid: wraps
        return QStyledItemDelegate::sizeHint(wrapped, index);
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->features |= QStyleOptionViewItem::WrapText;
    }
};

// A list of the page: as wide as the page gives it, never as wide as its longest name.
QComboBox *newCombo(const QString &objectName, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(objectName);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(10);
    return combo;
}

} // namespace

ColumnMappingPage::ColumnMappingPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("importColumnsPage"));
    setTitle(tr("Columns"));
    setSubTitle(tr("Which column of the file holds what. The preview shows the first rows as "
                   "they will read in the project."));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    m_preset = plainLabel(this);
    m_preset->setObjectName(QStringLiteral("mappingPreset"));
    m_preset->setForegroundRole(QPalette::PlaceholderText);
    top->addWidget(m_preset, 1);
    auto *load = new QPushButton(tr("L&oad Mapping…"), this);
    load->setObjectName(QStringLiteral("loadMappingButton"));
    load->setToolTip(tr("Read the columns from a mapping saved before"));
    connect(load, &QPushButton::clicked, this, &ColumnMappingPage::loadMapping);
    auto *save = new QPushButton(tr("Sa&ve Mapping…"), this);
    save->setObjectName(QStringLiteral("saveMappingButton"));
    save->setToolTip(tr("Save these choices as a file, for another import or for "
                        "“claimline import --mapping FILE”"));
    connect(save, &QPushButton::clicked, this, &ColumnMappingPage::saveMapping);
    // Buttons of the page, not of the dialog: Enter never presses them.
    load->setAutoDefault(false);
    save->setAutoDefault(false);
    top->addWidget(load);
    top->addWidget(save);
    layout->addLayout(top);

    // Three short forms side by side (when, what, where): all the choices and the preview fit
    // the wizard at once.
    // In the order of Role.
    const std::array<QString, RoleCount> labels {
        tr("&Date (required):"), tr("&End date:"),  tr("&Id:"),         tr("&Title (required):"),
        tr("S&ummary:"),         tr("&Party:"),     tr("Source U&RL:"), tr("P&lace:"),
        tr("L&atitude:"),        tr("Lon&gitude:"), tr("&Coordinates:")};
    const std::array<const char *, RoleCount> names {
        "dateColumn",     "endDateColumn",   "idColumn",         "titleColumn",
        "summaryColumn",  "partyColumn",     "sourceUrlColumn",  "placeColumn",
        "latitudeColumn", "longitudeColumn", "coordinatesColumn"};
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        m_columns[i] = newCombo(QString::fromLatin1(names[i]), this);
        connect(m_columns[i], &QComboBox::currentIndexChanged, this,
                &ColumnMappingPage::mappingChanged);
    }
    m_columns[std::size_t(Role::Coordinates)]->setToolTip(
        tr("One column with both, as “50.45, 30.52”: instead of latitude and longitude"));
    m_dateOrder = newCombo(QStringLiteral("dateFormatCombo"), this);
    m_dateOrder->addItem(tr("ISO (2023-02-16)"), int(DateOrder::Iso));
    m_dateOrder->addItem(tr("Day first (16/02/2023)"), int(DateOrder::DayFirst));
    m_dateOrder->addItem(tr("Month first (02/16/2023)"), int(DateOrder::MonthFirst));
    m_dateOrder->addItem(tr("Written (16 February 2023)"), int(DateOrder::Written));
    connect(m_dateOrder, &QComboBox::currentIndexChanged, this, &ColumnMappingPage::mappingChanged);
    m_separator = newCombo(QStringLiteral("partySeparatorCombo"), this);
    m_separator->setToolTip(tr("What separates two parties named in one cell"));
    for (const Separator &separator : Separators)
        m_separator->addItem(tr(separator.label), int(separator.character));
    connect(m_separator, &QComboBox::currentIndexChanged, this, &ColumnMappingPage::mappingChanged);

    auto *forms = new QHBoxLayout;
    auto addForm = [&](std::initializer_list<Role> roles, QComboBox *extra, int extraAfter,
                       const QString &extraLabel, int stretch) {
        auto *form = new QFormLayout;
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        int row = 0;
        for (const Role role : roles) {
            form->addRow(labels[std::size_t(role)], m_columns[std::size_t(role)]);
            if (++row == extraAfter && extra)
                form->addRow(extraLabel, extra);
        }
        forms->addLayout(form, stretch);
    };
    // The place's lists hold short names (coordinates are numbers): the others get more room.
    addForm({Role::Date, Role::EndDate, Role::Id}, m_dateOrder, 2, tr("Date &format:"), 4);
    forms->addSpacing(12);
    addForm({Role::Title, Role::Summary, Role::Party, Role::SourceUrl}, m_separator, 3,
            tr("Party &separator:"), 4);
    forms->addSpacing(12);
    addForm({Role::Place, Role::Latitude, Role::Longitude, Role::Coordinates}, nullptr, 0, {}, 3);
    layout->addLayout(forms);

    // The date warning: what the person must look at before going on, so an icon with it.
    auto *warning = new QHBoxLayout;
    m_dateWarningIcon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_dateWarningIcon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    m_dateWarningIcon->setAlignment(Qt::AlignTop);
    m_dateWarning = plainLabel(this);
    m_dateWarning->setObjectName(QStringLiteral("dateWarning"));
    warning->addWidget(m_dateWarningIcon);
    warning->addWidget(m_dateWarning, 1);
    layout->addLayout(warning);

    m_preview = new MappingPreviewModel(this);
    m_table = rowTable(m_preview, this);
    m_table->setObjectName(QStringLiteral("mappingPreviewTable"));
    // Every width is set by fitColumns(): the table never scrolls sideways.
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A refused row's reason wraps in its column, the row as tall as it needs; the other
    // cells stay on one line.
    m_table->setItemDelegateForColumn(MappingPreviewModel::ProblemColumn,
                                      new WrappingDelegate(m_table));
    m_table->viewport()->installEventFilter(this);
    layout->addWidget(m_table, 1);
    m_status = plainLabel(this);
    m_status->setObjectName(QStringLiteral("mappingStatus"));
    layout->addWidget(m_status);
    updateDateWarning({});
}

void ColumnMappingPage::initializePage()
{
    // Coming back keeps the choices, unless the files changed.
    const QStringList files = m_wizard->filesPage()->mappedFiles();
    if (files == m_files && !m_sample.header.empty())
        return;
    m_files = files;
    readFiles();
    fillLists();
    ColumnMapping preset;
    const QString remembered = QSettings().value(settingsKey(m_sample.header)).toString();
    const std::vector<std::string_view> header = viewsOf(m_sample.header);
    if (!remembered.isEmpty() && mappingFromJson(remembered.toStdString(), &preset).isEmpty()
        && checkMapping(preset, header).isEmpty()) {
        showPreset(Preset::Remembered);
    } else {
        preset = m_sample.header.empty() ? ColumnMapping() : guessMapping(m_sample);
        showPreset(Preset::Guessed);
    }
    setMapping(preset);
}

void ColumnMappingPage::readFiles()
{
    m_sample = m_files.isEmpty() ? CsvSample() : readCsvSample(m_files.front(), SampleRows);
    m_otherHeaders.clear();
    for (qsizetype i = 1; i < m_files.size(); ++i) {
        CsvSample other = readCsvSample(m_files.at(i), 0);
        m_otherHeaders.emplace_back(m_files.at(i), std::move(other.header));
    }
    spdlog::info("column step: {} file(s) to map", m_files.size());
}

void ColumnMappingPage::fillLists()
{
    for (std::size_t role = 0; role < m_columns.size(); ++role) {
        QComboBox *combo = m_columns[role];
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(tr("(none)"), QString());
        for (std::size_t column = 0; column < m_sample.header.size(); ++column) {
            const QString name = QString::fromStdString(m_sample.header[column]);
            combo->addItem(visibleText(name), name);
            // The first value, to tell columns of alike names apart.
            if (const QString example = MappingNotes::firstValue(m_sample, int(column));
                !example.isEmpty())
                combo->setItemData(combo->count() - 1, tr("e.g. “%1”").arg(visibleText(example)),
                                   Qt::ToolTipRole);
        }
    }
}

void ColumnMappingPage::showPreset(Preset preset, const QString &file)
{
    switch (preset) {
    case Preset::Remembered:
        m_preset->setText(tr("Set as you mapped the last file with these columns."));
        break;
    case Preset::Guessed:
        m_preset->setText(tr("Guessed from the column names and the first rows: check each choice "
                             "against the preview."));
        break;
    case Preset::Loaded:
        m_preset->setText(tr("Set from “%1”.").arg(fileName(file)));
        break;
    }
}

ColumnMapping ColumnMappingPage::mapping() const
{
    ColumnMapping mapping;
    for (std::size_t role = 0; role < m_columns.size(); ++role)
        mapping.*RoleMembers[role] = m_columns[role]->currentData().toString().toStdString();
    mapping.dateOrder = DateOrder(m_dateOrder->currentData().toInt());
    mapping.partySeparator = char(m_separator->currentData().toInt());
    mapping.header = m_sample.header;
    return mapping;
}

void ColumnMappingPage::setMapping(const ColumnMapping &mapping)
{
    {
        // One preview for the whole mapping, not one per list.
        std::vector<std::unique_ptr<QSignalBlocker>> blockers;
        for (QComboBox *combo : m_columns)
            blockers.push_back(std::make_unique<QSignalBlocker>(combo));
        blockers.push_back(std::make_unique<QSignalBlocker>(m_dateOrder));
        blockers.push_back(std::make_unique<QSignalBlocker>(m_separator));
        for (std::size_t role = 0; role < m_columns.size(); ++role) {
            QComboBox *combo = m_columns[role];
            const int found = combo->findData(QString::fromStdString(mapping.*RoleMembers[role]));
            combo->setCurrentIndex(std::max(0, found));
        }
        m_dateOrder->setCurrentIndex(std::max(0, m_dateOrder->findData(int(mapping.dateOrder))));
        int separator = m_separator->findData(int(mapping.partySeparator));
        if (separator < 0) {
            // A separator from a file or the settings that the list does not offer yet.
            m_separator->addItem(
                QStringLiteral("%1").arg(QChar::fromLatin1(mapping.partySeparator)),
                int(mapping.partySeparator));
            separator = m_separator->count() - 1;
        }
        m_separator->setCurrentIndex(separator);
    }
    mappingChanged();
}

void ColumnMappingPage::mappingChanged()
{
    const ColumnMapping current = mapping();
    m_separator->setEnabled(!current.party.empty());
    m_preview->setRows(m_sample.header.empty() ? std::vector<ImportPreviewRow>()
                                               : previewMapping(m_sample, current));
    fitColumns();
    updateDateWarning(current);
    updateStatus(current);
    Q_EMIT completeChanged();
}

bool ColumnMappingPage::eventFilter(QObject *watched, QEvent *event)
{
    // The table's width is known once it is laid out, and changes with the wizard's.
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    return QWizardPage::eventFilter(watched, event);
}

void ColumnMappingPage::fitColumns()
{
    const int width = m_table->viewport()->width();
    const QHeaderView *header = m_table->horizontalHeader();
    // QTableView's own override is protected; the view's is not (and calls it).
    const QAbstractItemView *view = m_table;
    const auto needs = [view, header](int column) {
        return std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column)) + 12;
    };
    // The short columns as wide as their values (the parties and the place up to a share of
    // the table, the rest of a long value in its tooltip)...
    int used = 0;
    for (const auto &[column, most] :
         {std::pair {int(MappingPreviewModel::LineColumn), width},
          std::pair {int(MappingPreviewModel::WhenColumn), width},
          std::pair {int(MappingPreviewModel::PartiesColumn), width / 4},
          std::pair {int(MappingPreviewModel::PlaceColumn), width / 6}}) {
        m_table->setColumnWidth(column, std::min(needs(column), most));
        used += m_table->columnWidth(column);
    }
    // ...the title and the problem share the rest: without refused rows the problem column
    // is as narrow as its name; with them, the title takes what it needs up to half, and the
    // reasons wrap in what is left.
    const int rest = std::max(0, width - used);
    const int problem = header->sectionSizeHint(MappingPreviewModel::ProblemColumn) + 12;
    const int title = m_preview->refusedRows() > 0
        ? std::min(needs(MappingPreviewModel::TitleColumn), rest / 2)
        : rest - problem;
    m_table->setColumnWidth(MappingPreviewModel::TitleColumn, std::max(0, title));
    m_table->setColumnWidth(MappingPreviewModel::ProblemColumn, std::max(problem, rest - title));
    // A wrapped reason makes its row taller (50 rows at most: cheap).
    m_table->resizeRowsToContents();
}

void ColumnMappingPage::updateDateWarning(const ColumnMapping &mapping)
{
    const QString text = MappingNotes::dateWarning(m_sample, mapping);
    m_dateWarning->setText(text);
    m_dateWarning->setVisible(!text.isEmpty());
    m_dateWarningIcon->setVisible(!text.isEmpty());
}

void ColumnMappingPage::updateStatus(const ColumnMapping &mapping)
{
    m_otherProblem.clear();
    QString problem;
    if (!m_sample.error.isEmpty() || m_sample.header.empty()) {
        problem = m_files.isEmpty()
            ? tr("No file to map.")
            : tr("%1 cannot be read: %2")
                  .arg(fileName(m_files.front()),
                       visibleText(m_sample.error.isEmpty() ? tr("it has no header")
                                                            : m_sample.error));
    } else if (mapping.date.empty() || mapping.title.empty()) {
        problem = tr("Choose the column with each event's date and the one with its title: "
                     "every event needs both.");
    } else if (const QString why = checkMapping(mapping, viewsOf(m_sample.header));
               !why.isEmpty()) {
        problem = tr("This mapping cannot read the file: %1").arg(visibleText(why));
    } else {
        for (const auto &[path, header] : m_otherHeaders) {
            if (const QString why = checkMapping(mapping, viewsOf(header)); !why.isEmpty()) {
                m_otherProblem
                    = tr("%1 has other columns: %2").arg(fileName(path), visibleText(why));
                break;
            }
        }
        problem = m_otherProblem;
    }
    m_complete = problem.isEmpty();
    m_status->setText(m_complete ? MappingNotes::previewSummary(m_preview->rows()) : problem);
}

bool ColumnMappingPage::isComplete() const
{
    return m_complete;
}

QString ColumnMappingPage::dateWarning() const
{
    return m_dateWarning->isHidden() ? QString() : m_dateWarning->text();
}

QString ColumnMappingPage::statusText() const
{
    return m_status->text();
}

QString ColumnMappingPage::presetText() const
{
    return m_preset->text();
}

QString ColumnMappingPage::settingsKey(const std::vector<std::string> &header)
{
    return QStringLiteral("import/mappings/") + headerSignature(viewsOf(header));
}

void ColumnMappingPage::rememberMapping() const
{
    if (m_sample.header.empty())
        return;
    QSettings().setValue(settingsKey(m_sample.header),
                         QString::fromStdString(mappingToJson(mapping())));
    spdlog::info("remembered a column mapping for the next file with these columns");
}

void ColumnMappingPage::saveMapping()
{
    const QFileInfo first(m_files.isEmpty() ? QString() : m_files.front());
    const QString suggested
        = first.dir().filePath(first.completeBaseName() + QStringLiteral("-mapping.json"));
    const QString path = m_chooseSavePath
        ? m_chooseSavePath(suggested)
        : QFileDialog::getSaveFileName(this, tr("Save Mapping"), suggested,
                                       tr("Column mappings (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const QString problem = writeMappingFile(path, mapping()); !problem.isEmpty()) {
        showFileProblem(
            tr("Mapping Not Saved"),
            tr("The mapping was not saved to “%1”: %2").arg(fileName(path), visibleText(problem)));
        return;
    }
    spdlog::info("saved a column mapping");
}

void ColumnMappingPage::loadMapping()
{
    const QString folder
        = m_files.isEmpty() ? QString() : QFileInfo(m_files.front()).absolutePath();
    const QString path = m_chooseLoadPath
        ? m_chooseLoadPath(folder)
        : QFileDialog::getOpenFileName(this, tr("Load Mapping"), folder,
                                       tr("Column mappings (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    ColumnMapping loaded;
    if (const QString problem = readMappingFile(path, &loaded); !problem.isEmpty()) {
        showFileProblem(tr("Mapping Not Loaded"),
                        tr("“%1” cannot be read as a column mapping: %2")
                            .arg(fileName(path), visibleText(problem)));
        return;
    }
    // A mapping made for other columns would show as half empty lists: said, not applied.
    if (const QString problem = checkMapping(loaded, viewsOf(m_sample.header));
        !problem.isEmpty()) {
        showFileProblem(tr("Mapping Not Loaded"),
                        tr("The mapping in “%1” does not fit this file: %2")
                            .arg(fileName(path), visibleText(problem)));
        return;
    }
    setMapping(loaded);
    showPreset(Preset::Loaded, path);
    spdlog::info("loaded a column mapping");
}

void ColumnMappingPage::showFileProblem(const QString &title, const QString &text)
{
    // Window-modal and not blocking: the wizard's own event loop goes on (and a test reads it).
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("mappingFileProblem"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace claimline
