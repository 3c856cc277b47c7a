#include "evidence/evidenceactions.h"

#include "document/document.h"
#include "document/selection.h"
#include "evidence/evidencechecker.h"
#include "evidence/evidencereportdialog.h"
#include "model/project.h"

#include <QAction>
#include <QEventLoop>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>

#include <spdlog/spdlog.h>

namespace claimline {

EvidenceActions::EvidenceActions(Document *document, Selection *selection, EvidenceChecker *checker,
                                 QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_selection(selection)
    , m_checker(checker)
    , m_window(window)
{
    m_verify = new QAction(tr("&Verify Evidence…"), this);
    m_verify->setObjectName(QStringLiteral("verifyEvidenceAction"));
    m_verify->setStatusTip(tr("Hash every file pinned to a source again and report any that is "
                              "missing or changed"));
    connect(m_verify, &QAction::triggered, this, &EvidenceActions::verify);
    m_attach = new QAction(tr("&Attach File to Source…"), this);
    m_attach->setObjectName(QStringLiteral("attachEvidenceAction"));
    connect(m_attach, &QAction::triggered, this, &EvidenceActions::attachToSelectedSource);
    connect(m_selection, &Selection::changed, this, &EvidenceActions::updateActions);
    connect(m_document, &Document::filePathChanged, this, &EvidenceActions::updateActions);
    connect(m_document, &Document::reset, this, &EvidenceActions::updateActions);
    updateActions();
}

QMenu *EvidenceActions::createMenu(QMenuBar *menuBar)
{
    QMenu *tools = menuBar->addMenu(tr("&Tools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    tools->addAction(m_verify);
    tools->addAction(m_attach);
    return tools;
}

void EvidenceActions::updateActions()
{
    const ItemRef current = m_selection->current();
    const bool source = current.kind == ItemKind::Source
        && current.index < m_document->project().sources().size();
    m_attach->setEnabled(source && m_document->hasEvidenceFolder());
    m_attach->setStatusTip(m_document->hasEvidenceFolder()
                               ? tr("Copy files into the evidence folder beside the project and "
                                    "pin them to the selected source by their SHA-256")
                               : tr("Save the project first: its evidence is kept in a folder "
                                    "beside the project file"));
}

void EvidenceActions::verify()
{
    spdlog::info("the user verifies the evidence");
    QProgressDialog progress(tr("Hashing the evidence files…"), tr("Cancel"), 0, 0, m_window);
    progress.setObjectName(QStringLiteral("evidenceProgress"));
    progress.setWindowTitle(tr("Verify Evidence"));
    progress.setWindowModality(Qt::WindowModal);
    // Shown (and modal) at once: nothing else starts while the files are hashed.
    progress.setMinimumDuration(0);
    m_verify->setEnabled(false);
    const QMetaObject::Connection step = connect(m_checker, &EvidenceChecker::progress, &progress,
                                                 [&progress](int done, int total) {
                                                     progress.setMaximum(total);
                                                     progress.setValue(done);
                                                 });
    bool done = false;
    EvidenceReport report;
    QEventLoop wait;
    const QMetaObject::Connection finish
        = connect(m_checker, &EvidenceChecker::finished, this, [&](const EvidenceReport &result) {
              report = result;
              done = true;
              wait.quit();
          });
    connect(&progress, &QProgressDialog::canceled, &wait, [&] {
        m_checker->cancel();
        wait.quit();
    });
    m_checker->check();
    // A check with nothing to hash has finished inside check().
    if (!done && m_checker->isChecking())
        wait.exec();
    progress.reset();
    m_verify->setEnabled(true);
    disconnect(step);
    disconnect(finish);
    if (!done)
        return; // cancelled: nothing verified, nothing said
    showReport(report);
}

void EvidenceActions::showReport(const EvidenceReport &report)
{
    if (m_showReport) {
        m_showReport(report);
        return;
    }
    EvidenceReportDialog dialog(m_document->project(), report, m_window);
    dialog.exec();
}

void EvidenceActions::attachToSelectedSource()
{
    const ItemRef current = m_selection->current();
    if (current.kind != ItemKind::Source || current.index >= m_document->project().sources().size())
        return;
    const QStringList files = m_chooseFiles
        ? m_chooseFiles()
        : QFileDialog::getOpenFileNames(
            m_window, tr("Attach Evidence to %1").arg(m_document->quotedName(current)));
    if (files.isEmpty())
        return;
    QStringList errors;
    m_document->attachFiles(current.index, files, &errors);
    if (!errors.isEmpty())
        QMessageBox::warning(m_window, tr("Could Not Attach"),
                             tr("Nothing was attached:\n%1").arg(errors.join(QLatin1Char('\n'))));
}

} // namespace claimline
