#pragma once

// EvidenceActions: the Tools menu's evidence actions.
//
//   Verify Evidence…   hashes every pinned file again (EvidenceChecker), with a progress
//                      dialog that can cancel, then shows what it found (EvidenceReportDialog)
//   Attach File…       pins files to the selected source (Document::attachFiles()), after a
//                      file dialog; enabled when a source is selected and the project has a
//                      file (its evidence folder lives beside it)
//
// The Inspector's source form and the Catalog (drop a file on a source) attach too, through
// the same Document function.

#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QMenuBar;
class QWidget;

namespace claimline {

class Document;
class EvidenceChecker;
class Selection;
struct EvidenceReport;

class EvidenceActions final : public QObject
{
    Q_OBJECT

public:
    EvidenceActions(Document *document, Selection *selection, EvidenceChecker *checker,
                    QWidget *window);

    // Adds the Tools menu with the actions, and returns it for the window to add more.
    QMenu *createMenu(QMenuBar *menuBar);

    void verify();
    void attachToSelectedSource();

    QAction *verifyAction() const { return m_verify; }
    QAction *attachAction() const { return m_attach; }

    // For tests: what shows the report (default: EvidenceReportDialog) and what asks for the
    // files to attach (default: a file dialog).
    using ShowReport = std::function<void(const EvidenceReport &report)>;
    using ChooseFiles = std::function<QStringList()>;
    void setShowReport(ShowReport show) { m_showReport = std::move(show); }
    void setChooseFiles(ChooseFiles choose) { m_chooseFiles = std::move(choose); }

private:
    void updateActions();
    void showReport(const EvidenceReport &report);

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    EvidenceChecker *m_checker = nullptr;
    QWidget *m_window = nullptr;
    QAction *m_verify = nullptr;
    QAction *m_attach = nullptr;
    ShowReport m_showReport;
    ChooseFiles m_chooseFiles;
};

} // namespace claimline
