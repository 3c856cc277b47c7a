#include "import/filespage.h"

#include "import/pagewidgets.h"

#include "import/datasetfile.h"
#include "import/importwizard.h"
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

namespace claimline {

namespace {

enum Column { FileColumn, SizeColumn, FormatColumn };

} // namespace

FilesPage::FilesPage(ImportWizard *wizard, bool projectOpen, const QString &projectName)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("importFilesPage"));
    setTitle(tr("Files and Format"));
    setSubTitle(tr("Events from ACLED or UCDP GED exports (CSV). Nothing changes in your "
                   "project until you keep the import at the end."));

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
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeFilesButton"));
    connect(m_remove, &QPushButton::clicked, this, &FilesPage::removeSelectedFiles);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });
    buttons->addWidget(add);
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
    m_format->addItem(tr("Automatic (as the file's header says)"), int(ImportFormat::Auto));
    m_format->addItem(displayName(ImportFormat::Acled), int(ImportFormat::Acled));
    m_format->addItem(displayName(ImportFormat::Ucdp), int(ImportFormat::Ucdp));
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        updateList();
        Q_EMIT completeChanged();
    });
    form->addRow(tr("Read &as:"), m_format);

    // The project's title is file text: shown, never obeyed, and "&" is not a mnemonic.
    QString shownName = visibleText(projectName);
    shownName.replace(QLatin1Char('&'), QStringLiteral("&&"));
    m_intoThis = new QRadioButton(projectOpen ? tr("This &project (“%1”)").arg(shownName)
                                              : tr("This &project (none is open)"),
                                  this);
    m_intoThis->setObjectName(QStringLiteral("intoThisProject"));
    m_intoThis->setEnabled(projectOpen);
    m_intoNew = new QRadioButton(tr("A &new project"), this);
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
    return tr("Datasets (*.csv *.tsv *.txt);;All files (*)");
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
        // The header alone: one block of the file.
        File file {absolute, std::nullopt, {}};
        DatasetFile dataset;
        file.problem = dataset.open(absolute, ImportFormat::Auto);
        if (file.problem.isEmpty())
            file.format = dataset.format();
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

bool FilesPage::intoNewProject() const
{
    return m_intoNew->isChecked();
}

void FilesPage::setIntoNewProject(bool intoNew)
{
    (intoNew || !m_intoThis->isEnabled() ? m_intoNew : m_intoThis)->setChecked(true);
}

bool FilesPage::isComplete() const
{
    if (m_files.empty())
        return false;
    // A file the header does not tell can still be read as the format chosen.
    return format() != ImportFormat::Auto
        || std::all_of(m_files.begin(), m_files.end(),
                       [](const File &file) { return file.format.has_value(); });
}

void FilesPage::updateList()
{
    m_list->clear();
    QStringList problems;
    const QLocale locale;
    for (const File &file : m_files) {
        const QFileInfo info(file.path);
        auto *item = new QTreeWidgetItem(m_list);
        // File names are file text: shown, never obeyed.
        item->setText(FileColumn, visibleText(info.fileName()));
        item->setToolTip(FileColumn, visibleText(QDir::toNativeSeparators(file.path)));
        item->setText(SizeColumn, locale.formattedDataSize(info.size()));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(FormatColumn, file.format ? displayName(*file.format) : tr("Not recognised"));
        if (!file.problem.isEmpty())
            problems << tr("%1: %2").arg(visibleText(info.fileName()), visibleText(file.problem));
    }
    // Room after each value, so that columns read apart.
    for (const int column : {int(FileColumn), int(SizeColumn)}) {
        m_list->resizeColumnToContents(column);
        m_list->setColumnWidth(column, m_list->columnWidth(column) + 24);
    }
    if (!problems.isEmpty() && format() == ImportFormat::Auto)
        problems << tr("Choose the format to read it as, if you know it.");
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());
    m_remove->setEnabled(!m_list->selectedItems().isEmpty());
}

} // namespace claimline
