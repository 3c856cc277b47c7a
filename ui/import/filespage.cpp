#include "import/filespage.h"

#include "import/pagewidgets.h"

#include "import/filessurvey.h"
#include "import/importsource.h"
#include "import/importwizard.h"
#include "import/mapping/columnmapping.h"
#include "text/visibletext.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <array>

namespace claimline {

namespace {

enum Column { FileColumn, SizeColumn, FormatColumn };

// A file of no format Claimline knows whose columns can be mapped: a CSV or TSV (by its name:
// JSON of another kind is not) with a header.
bool isMappableCsv(const QString &path)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (info.isDir()
        || (suffix != QLatin1String("csv") && suffix != QLatin1String("tsv")
            && suffix != QLatin1String("txt")))
        return false;
    const CsvSample sample = readCsvSample(path, 0);
    return sample.error.isEmpty() && !sample.header.empty();
}

// The formats the "Read as" box offers after Automatic, in the order people look for them.
constexpr std::array ChosenFormats {ImportFormat::Acled,        ImportFormat::Ucdp,
                                    ImportFormat::TimelineJs,   ImportFormat::Timesketch,
                                    ImportFormat::ClaimlineCsv, ImportFormat::Csv};

} // namespace

FilesPage::FilesPage(ImportWizard *wizard, bool projectOpen, const QString &projectName)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("importFilesPage"));
    setTitle(tr("Files and Format"));
    setSubTitle(tr("Events from ACLED, UCDP GED, TimelineJS or Timesketch, Claimline's own CSV "
                   "export, or any spreadsheet saved as CSV. Nothing changes in your project "
                   "until you keep the import at the end."));

    auto *layout = new QVBoxLayout(this);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("importFileList"));
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({tr("File"), tr("Size"), tr("Format")});
    m_list->headerItem()->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
    m_list->header()->setStretchLastSection(true);
    // A few files at most, usually one: room for five without scrolling, not a page of nothing.
    m_list->setMinimumHeight(60);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 9);
    layout->addWidget(m_list);

    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add Files…"), this);
    add->setObjectName(QStringLiteral("addFilesButton"));
    connect(add, &QPushButton::clicked, this, &FilesPage::addFiles);
    m_remove = new QPushButton(tr("Re&move"), this);
    m_remove->setObjectName(QStringLiteral("removeFilesButton"));
    connect(m_remove, &QPushButton::clicked, this, &FilesPage::removeSelectedFiles);
    auto *addFolder = new QPushButton(tr("Add &Folder…"), this);
    addFolder->setObjectName(QStringLiteral("addFolderButton"));
    addFolder->setToolTip(tr("The folder of a Claimline CSV export (events.csv, claims.csv, "
                             "relations.csv)"));
    connect(addFolder, &QPushButton::clicked, this, &FilesPage::addFolder);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });
    buttons->addWidget(add);
    buttons->addWidget(addFolder);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    // Why a file is not recognised, one line per file.
    m_problems = plainLabel(this);
    m_problems->setObjectName(QStringLiteral("detectionProblems"));
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_problems);

    auto *form = new QFormLayout;
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_format->addItem(tr("Automatic (as the file's content says)"), int(ImportFormat::Auto));
    for (const ImportFormat format : ChosenFormats)
        m_format->addItem(displayName(format), int(format));
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        updateList();
        Q_EMIT completeChanged();
    });
    form->addRow(tr("&Read as:"), m_format);

    // The project's title is file text: shown, never obeyed, and "&" is not a mnemonic.
    QString shownName = visibleText(projectName);
    shownName.replace(QLatin1Char('&'), QStringLiteral("&&"));
    m_intoThis = new QRadioButton(projectOpen ? tr("This &project (“%1”)").arg(shownName)
                                              : tr("This &project (none is open)"),
                                  this);
    m_intoThis->setObjectName(QStringLiteral("intoThisProject"));
    m_intoThis->setEnabled(projectOpen);
    m_intoNew = new QRadioButton(tr("A ne&w project"), this);
    m_intoNew->setObjectName(QStringLiteral("intoNewProject"));
    (projectOpen ? m_intoThis : m_intoNew)->setChecked(true);
    auto *targets = new QVBoxLayout;
    targets->addWidget(m_intoThis);
    targets->addWidget(m_intoNew);
    form->addRow(tr("Import into:"), targets);
    layout->addSpacing(12);
    layout->addLayout(form);
    layout->addStretch(1);
    updateList();
}

QString FilesPage::fileFilter()
{
    return tr("Datasets (*.csv *.tsv *.txt *.json *.jsonl);;All files (*)");
}

QStringList FilesPage::files() const
{
    QStringList paths;
    for (const File &file : m_files)
        paths << file.path;
    return paths;
}

void FilesPage::setFiles(const QStringList &files)
{
    m_files.clear();
    for (const QString &path : files) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (std::any_of(m_files.begin(), m_files.end(),
                        [&absolute](const File &f) { return f.path == absolute; }))
            continue;
        // The header alone: one block of a CSV file.
        File file {absolute, std::nullopt, {}};
        const DatasetProbe probe = probeDataset(absolute, ImportFormat::Auto);
        file.problem = probe.problem;
        if (file.problem.isEmpty())
            file.format = probe.format;
        else
            file.mappable = isMappableCsv(absolute);
        m_files.push_back(std::move(file));
    }
    updateList();
    Q_EMIT completeChanged();
}

void FilesPage::addFiles()
{
    const QString folder = m_files.empty() ? QString() : QFileInfo(m_files.back().path).path();
    const QStringList chosen
        = QFileDialog::getOpenFileNames(this, tr("Import Files"), folder, fileFilter());
    if (!chosen.isEmpty())
        setFiles(files() + chosen);
}

void FilesPage::addFolder()
{
    const QString from = m_files.empty() ? QString() : QFileInfo(m_files.back().path).path();
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Import Folder"), from);
    if (!chosen.isEmpty())
        setFiles(files() << chosen);
}

void FilesPage::removeSelectedFiles()
{
    QStringList kept;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (!m_list->topLevelItem(i)->isSelected())
            kept << m_files[std::size_t(i)].path;
    }
    setFiles(kept);
}

std::optional<ImportFormat> FilesPage::detectedFormat(int file) const
{
    return m_files.at(std::size_t(file)).format;
}

QString FilesPage::detectionProblem(int file) const
{
    return m_files.at(std::size_t(file)).problem;
}

ImportFormat FilesPage::format() const
{
    return ImportFormat(m_format->currentData().toInt());
}

void FilesPage::setFormat(ImportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

ImportFormat FilesPage::readFormat() const
{
    const ImportFormat asked = format();
    if (asked != ImportFormat::Auto || m_files.empty())
        return asked;
    const bool noneKnown = std::none_of(m_files.begin(), m_files.end(),
                                        [](const File &file) { return file.format.has_value(); });
    const bool allMappable = std::all_of(m_files.begin(), m_files.end(),
                                         [](const File &file) { return file.mappable; });
    return noneKnown && allMappable ? ImportFormat::Csv : asked;
}

QStringList FilesPage::mappedFiles() const
{
    QStringList mapped;
    const ImportFormat asked = format();
    if (asked == ImportFormat::Csv)
        return files();
    if (asked != ImportFormat::Auto)
        return {};
    // Auto: a file of a known format is read as that; the others through the mapping, when
    // each of them can be.
    for (const File &file : m_files) {
        if (file.format)
            continue;
        if (!file.mappable)
            return {};
        mapped << file.path;
    }
    return mapped;
}

bool FilesPage::intoNewProject() const
{
    return m_intoNew->isChecked();
}

void FilesPage::setIntoNewProject(bool intoNew)
{
    (intoNew || !m_intoThis->isEnabled() ? m_intoNew : m_intoThis)->setChecked(true);
}

bool FilesPage::mixesOwnExport() const
{
    // Auto only: a format chosen reads every file as that.
    if (format() != ImportFormat::Auto)
        return false;
    const auto isExport = [](const File &file) {
        return file.format == ImportFormat::ClaimlineCsv;
    };
    return std::any_of(m_files.begin(), m_files.end(), isExport)
        && !std::all_of(m_files.begin(), m_files.end(), isExport);
}

bool FilesPage::isComplete() const
{
    if (m_files.empty() || mixesOwnExport())
        return false;
    // A file the content does not tell can still be read as the format chosen, or through a
    // column mapping.
    return format() != ImportFormat::Auto || needsColumnMapping()
        || std::all_of(m_files.begin(), m_files.end(),
                       [](const File &file) { return file.format.has_value(); });
}

int FilesPage::nextId() const
{
    return needsColumnMapping() ? ImportWizard::ColumnsPageId : ImportWizard::PreviewPageId;
}

void FilesPage::updateList()
{
    m_list->clear();
    QStringList problems;
    const QLocale locale;
    const bool mapping = needsColumnMapping();
    bool unknown = false;
    for (const File &file : m_files) {
        const QFileInfo info(file.path);
        auto *item = new QTreeWidgetItem(m_list);
        // File names are file text: shown, never obeyed. A folder reads as one.
        const QString name = visibleText(info.fileName());
        item->setText(FileColumn, info.isDir() ? name + u'/' : name);
        item->setToolTip(FileColumn, visibleText(QDir::toNativeSeparators(file.path)));
        item->setText(SizeColumn, locale.formattedDataSize(datasetSize(file.path)));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (file.format) {
            item->setText(FormatColumn, displayName(*file.format));
        } else if (mapping && file.mappable) {
            item->setText(FormatColumn, displayName(ImportFormat::Csv));
            problems << tr("%1: Not a format Claimline knows by its columns: map the columns "
                           "yourself on the next page.")
                            .arg(name);
        } else {
            // Why it cannot be read as the format chosen, rather than why it is none of them.
            QString problem = file.problem;
            const ImportFormat asked = format();
            if (asked != ImportFormat::Auto && asked != ImportFormat::Csv) {
                const DatasetProbe probe = probeDataset(file.path, asked);
                if (probe.problem.isEmpty()) {
                    item->setText(FormatColumn, displayName(probe.format));
                    continue;
                }
                problem = probe.problem;
            }
            item->setText(FormatColumn, tr("Not recognised"));
            problems << tr("%1: %2").arg(name, visibleText(problem));
            unknown = true;
        }
    }
    // Room after each value, so that columns read apart.
    for (const int column : {int(FileColumn), int(SizeColumn)}) {
        m_list->resizeColumnToContents(column);
        m_list->setColumnWidth(column, m_list->columnWidth(column) + 24);
    }
    if (unknown && format() == ImportFormat::Auto)
        problems << tr("Choose the format to read it as, if you know it.");
    // The export updates the project's items by their ids; a dataset's rows would be taken
    // for items it no longer holds (importFiles() refuses the mix too).
    if (mixesOwnExport())
        problems << tr("Claimline's CSV export is imported on its own: remove it or the other "
                       "files.");
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());
    m_remove->setEnabled(!m_list->selectedItems().isEmpty());
}

} // namespace claimline
