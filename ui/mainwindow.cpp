#include "mainwindow.h"

#include "document.h"
#include "filter.h"
#include "logging.h"
#include "selection.h"
#include "visibletext.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QLocale>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QClipboard>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <limits>

namespace claimline {

namespace {

const QString FileFilter = QStringLiteral("Claimline projects (*.claimline);;All files (*)");

// A plain-text overview of the project for the central area: what it covers and how much.
QString overviewText(const Project &project)
{
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (const Event &event : project.events()) {
        if (!event.when.isOpenStart())
            first = std::min(first, event.when.start());
        if (!event.when.isOpenEnd())
            last = std::max(last, event.when.end() - 1);
    }
    const auto day = [](std::int64_t seconds) {
        return QLocale(QLocale::English)
            .toString(QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date(),
                      QStringLiteral("d MMM yyyy"));
    };
    QString text;
    if (first <= last)
        text += MainWindow::tr("Events from %1 to %2").arg(day(first), day(last))
            + QLatin1Char('\n');
    text += MainWindow::tr("%1 events · %2 claims · %3 relations · %4 questions · %5 parties · "
                         "%6 sources")
              .arg(project.events().size())
              .arg(project.claims().size())
              .arg(project.relations().size())
              .arg(project.questions().size())
              .arg(project.parties().size())
              .arg(project.sources().size());
    return text;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new Document(this))
    , m_selection(new Selection(this))
    , m_filter(new Filter(this))
    , m_statusLabel(new QLabel(this))
    , m_titleLabel(new QLabel(this))
    , m_overviewLabel(new QLabel(this))
{
    m_statusLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_statusLabel, 1);
    // Until the timeline lands, the central area says what is loaded (plain text: titles
    // come from files and are never interpreted as markup).
    auto *overview = new QWidget(this);
    auto *overviewLayout = new QVBoxLayout(overview);
    overviewLayout->addStretch();
    for (QLabel *label : {m_titleLabel, m_overviewLabel}) {
        label->setTextFormat(Qt::PlainText);
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        overviewLayout->addWidget(label);
    }
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    overviewLayout->addStretch();
    setCentralWidget(overview);

    createActions();
    connect(m_document, &Document::reset, this, &MainWindow::updateStatus);
    connect(m_document, &Document::reset, this, &MainWindow::updateTitle);
    connect(m_document, &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_filter, &Filter::changed, this, &MainWindow::updateStatus);
    resize(1280, 800);
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));

    QAction *openAction = fileMenu->addAction(tr("&Open…"), this, &MainWindow::open);
    openAction->setShortcut(QKeySequence::Open);
    toolBar->addAction(openAction);
    QAction *saveAction = fileMenu->addAction(tr("&Save"), this, &MainWindow::save);
    saveAction->setShortcut(QKeySequence::Save);
    toolBar->addAction(saveAction);
    QAction *saveAsAction = fileMenu->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    editMenu->addAction(undo);
    editMenu->addAction(redo);

    menuBar()->addMenu(tr("&View"));
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Claimline"), this, [this] {
        QMessageBox::about(this, tr("About Claimline"),
                           tr("Claimline %1\nLay out a contested sequence of events on a "
                              "timeline and compare the competing narratives about it.")
                               .arg(QStringLiteral(CLAIMLINE_VERSION)));
    });
}

bool MainWindow::openFile(const QString &path)
{
    spdlog::info("opening a project");
    const Problems problems = m_document->load(path);
    if (problems.empty()) {
        m_selection->clear();
        return true;
    }
    QStringList lines;
    lines.reserve(qsizetype(problems.size()));
    for (const Problem &problem : problems)
        lines << visibleText(problem.toString());
    showProblems(path, lines);
    return false;
}

void MainWindow::showProblems(const QString &path, const QStringList &problems)
{
    // One dialog with every problem, copyable; the current project stays open. Window-modal
    // and non-blocking, so the rest of the app keeps painting.
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("problemsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Cannot open %1").arg(QFileInfo(path).fileName()));
    auto *layout = new QVBoxLayout(dialog);
    auto *intro = new QLabel(tr("%1 has %n problem(s). The project that was open stays open.",
                                nullptr, int(problems.size()))
                                 .arg(QFileInfo(path).fileName()),
                             dialog);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *list = new QPlainTextEdit(problems.join(QLatin1Char('\n')), dialog);
    list->setObjectName(QStringLiteral("problemList"));
    list->setReadOnly(true);
    list->setLineWrapMode(QPlainTextEdit::NoWrap);
    list->setMinimumSize(640, 240);
    layout->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QPushButton *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, dialog,
            [list] { QApplication::clipboard()->setText(list->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->open();
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"),
                                                      QFileInfo(m_document->filePath()).path(),
                                                      FileFilter);
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    const QString error = m_document->save();
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Save failed"), error);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(m_document->displayName()), 3000);
    return true;
}

bool MainWindow::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"),
                                                      m_document->filePath(), FileFilter);
    if (path.isEmpty())
        return false;
    const QString error = m_document->save(path);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Save failed"), error);
        return false;
    }
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("%1 has unsaved changes. Save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (maybeSave())
        event->accept();
    else
        event->ignore();
}

void MainWindow::updateTitle()
{
    setWindowFilePath(m_document->filePath());
    setWindowTitle(visibleText(m_document->displayName()) + QStringLiteral("[*] — Claimline"));
    setWindowModified(m_document->isModified());
}

QString MainWindow::statusText() const
{
    return m_statusLabel->text();
}

void MainWindow::updateStatus()
{
    const Project &project = m_document->project();
    std::size_t events = 0;
    for (std::uint32_t i = 0; i < project.events().size(); ++i)
        events += m_filter->acceptsEvent(project, i) ? 1 : 0;
    std::size_t claims = 0;
    for (std::uint32_t i = 0; i < project.claims().size(); ++i)
        claims += m_filter->acceptsClaim(project, i) ? 1 : 0;
    const QString title = project.text(project.meta().title);
    // File text on one line: controls and bidi overrides shown, never obeyed.
    const QString name = visibleText(title.isEmpty() ? m_document->displayName() : title);
    m_statusLabel->setText(
        tr("%1 — %2 of %3 events, %4 of %5 claims, %6 parties, %7 relations")
            .arg(name)
            .arg(events)
            .arg(project.events().size())
            .arg(claims)
            .arg(project.claims().size())
            .arg(project.parties().size())
            .arg(project.relations().size()));
    m_titleLabel->setText(name);
    m_overviewLabel->setText(project.events().empty()
                                 ? tr("No events yet. Use File ▸ Open to open a .claimline project.")
                                 : overviewText(project));
}

} // namespace claimline
