// The import wizard (File ▸ Import…, a dataset dropped on the window, the start page), driven
// offscreen on a small ACLED file with two bad rows: the format detected, the preview's rows,
// the party mapping preset from the project's remembered map, the import on its worker thread,
// the report with each bad row's line and reason, Keep as one undo step, and Cancel or Discard
// at any step leaving the project as it was.

#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "import/filespage.h"
#include "import/filessurvey.h"
#include "import/importreportpage.h"
#include "import/importrunpage.h"
#include "import/importwizard.h"
#include "import/partymap.h"
#include "import/partymappingmodel.h"
#include "import/partymappingpage.h"
#include "import/previewpage.h"
#include "model/project.h"
#include "start/startpage.h"
#include "start/startstack.h"
#include "testproject.h"
#include "testsupport.h"
#include "window/importactions.h"
#include "window/mainwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDropEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>
#include <QUrl>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace claimline;

namespace {

// Every item a reader of the project sees: kind, index, id and label.
using Fingerprint = std::vector<std::tuple<int, std::uint32_t, std::string, std::string>>;

Fingerprint fingerprint(const Project &project)
{
    Fingerprint result;
    for (std::size_t k = 0; k < ItemKindNames.size(); ++k) {
        const auto kind = ItemKind(k);
        for (std::uint32_t i = 0; i < project.count(kind); ++i) {
            const ItemRef item {kind, i};
            result.emplace_back(int(k), i, std::string(project.view(project.idOf(item))),
                                std::string(project.view(project.labelOf(item))));
        }
    }
    return result;
}

QString fixture(const char *name)
{
    return QStringLiteral(CLAIMLINE_SOURCE_DIR "/tests/ui/fixtures/import/") + QLatin1String(name);
}

// The row of the mapping model with this dataset name.
int mappingRow(const PartyMappingModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.name(row) == name)
            return row;
    }
    ADD_FAILURE() << "no row " << name.toStdString();
    return -1;
}

class ImportWizardTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        test::keepSettingsIn(m_dir.path());
        qputenv("CLAIMLINE_RECOVERY_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("r"))));
    }
    void TearDown() override { qunsetenv("CLAIMLINE_RECOVERY_DIR"); }

    // The sample, with a remembered party map that merges two of ACLED's names for Russia's
    // forces into the sample's Russia.
    QString sampleWithPartyMap()
    {
        nlohmann::json project = nlohmann::json::parse(test::readString(test::samplePath()));
        project["party_map"] = {{"Military Forces of Russia (2000-)", "Russia"},
                                {"Government of Russia (2000-)", "russia"}};
        const QString path = m_dir.filePath(QStringLiteral("sample.claimline"));
        EXPECT_TRUE(test::writeFile(path, project.dump(2)));
        return path;
    }

    // A window showing the project at `path`, its questions answered with `answer`.
    void openWindow(MainWindow &window, const QString &path,
                    QMessageBox::StandardButton answer = QMessageBox::Cancel)
    {
        window.setAskFunction([answer](QMessageBox &) { return answer; });
        window.resize(1200, 800);
        window.show();
        if (!path.isEmpty()) {
            ASSERT_TRUE(window.openFile(path));
        }
        QCoreApplication::processEvents();
    }

    static void waitFor(const std::function<bool()> &done)
    {
        EXPECT_TRUE(QTest::qWaitFor(done, 20000));
    }

    static void clickNext(ImportWizard *wizard)
    {
        QAbstractButton *next = wizard->button(
            wizard->currentPage()->isCommitPage() ? QWizard::CommitButton : QWizard::NextButton);
        ASSERT_TRUE(next->isEnabled());
        next->click();
    }

    // From the files step to the party mapping, the preview read through.
    static void goToMapping(ImportWizard *wizard)
    {
        clickNext(wizard);
        ASSERT_EQ(wizard->currentId(), ImportWizard::PreviewPageId);
        waitFor([wizard] { return wizard->previewPage()->isComplete(); });
        clickNext(wizard);
        ASSERT_EQ(wizard->currentId(), ImportWizard::MappingPageId);
    }

    // From the party mapping through the import to the report.
    static void importToReport(ImportWizard *wizard)
    {
        clickNext(wizard);
        ASSERT_EQ(wizard->currentId(), ImportWizard::RunPageId);
        clickNext(wizard); // Import
        waitFor([wizard] { return wizard->currentId() == ImportWizard::ReportPageId; });
    }

    // Enter, where the keyboard focus is.
    static void pressEnter(ImportWizard *wizard)
    {
        QWidget *focus = QApplication::focusWidget();
        QTest::keyClick(focus && wizard->isAncestorOf(focus) ? focus : wizard, Qt::Key_Return);
        QCoreApplication::processEvents();
    }

    QTemporaryDir m_dir;
};

} // namespace

TEST_F(ImportWizardTest, ImportIntoTheOpenProjectIsOneUndoStep)
{
    MainWindow window;
    openWindow(window, sampleWithPartyMap());
    Document *document = window.document();
    const std::size_t events = document->project().events().size();
    const std::size_t parties = document->project().parties().size();

    ImportWizard *wizard = window.importActions()->importFiles({fixture("acled-small.csv")});
    ASSERT_NE(wizard, nullptr);
    QCoreApplication::processEvents();
    EXPECT_TRUE(wizard->isVisible());

    // Files and format: the format the header shows; into the open project by default.
    auto *list = wizard->filesPage()->findChild<QTreeWidget *>(QStringLiteral("importFileList"));
    ASSERT_EQ(list->topLevelItemCount(), 1);
    EXPECT_EQ(list->topLevelItem(0)->text(0), QStringLiteral("acled-small.csv"));
    EXPECT_EQ(list->topLevelItem(0)->text(2), QStringLiteral("ACLED"));
    EXPECT_TRUE(wizard->filesPage()
                    ->findChild<QRadioButton *>(QStringLiteral("intoThisProject"))
                    ->isChecked());
    EXPECT_EQ(wizard->target(), ImportWizard::Target::ThisProject);

    // Preview: the rows as they will read, the refused ones with line and reason.
    goToMapping(wizard);
    const QStandardItemModel *preview = wizard->previewPage()->model();
    ASSERT_EQ(preview->rowCount(), 5);
    EXPECT_EQ(preview->item(0, 0)->text(), QStringLiteral("2"));
    EXPECT_EQ(preview->item(0, 2)->text(), QStringLiteral("Air/drone strike in Valdai"));
    EXPECT_TRUE(preview->item(0, 3)->text().contains(QStringLiteral("Military Forces of Russia")));
    // The quoted note spans lines 3 and 4: the bad date is on line 5, the short row on line 6.
    EXPECT_EQ(preview->item(2, 0)->text(), QStringLiteral("5"));
    EXPECT_TRUE(preview->item(2, 2)->text().startsWith(QStringLiteral("Refused: ")));
    EXPECT_TRUE(preview->item(2, 2)->text().contains(QStringLiteral("2026-02-30")));
    EXPECT_EQ(preview->item(3, 0)->text(), QStringLiteral("6"));
    EXPECT_TRUE(wizard->previewPage()->statusText().contains(QStringLiteral("ACLED")));
    EXPECT_TRUE(wizard->previewPage()->statusText().contains(QStringLiteral("5 rows")));

    // Party mapping: preset from the project's remembered map.
    PartyMappingModel *mapping = wizard->mappingPage()->model();
    ASSERT_NE(mapping, nullptr);
    EXPECT_EQ(mapping->rowCount(), 4);
    // Most rows first.
    EXPECT_EQ(mapping->name(0), QStringLiteral("Military Forces of Russia (2000-)"));
    const std::uint32_t russia = test::indexOf(document->project(), "russia", ItemKind::Party);
    const std::uint32_t ukraine = test::indexOf(document->project(), "ukraine", ItemKind::Party);
    const PartyMappingModel::Target toRussia {PartyMappingModel::Target::Kind::Party, russia, {}};
    EXPECT_EQ(mapping->target(mappingRow(*mapping,
                                         QStringLiteral("Military Forces of Russia "
                                                        "(2000-)"))),
              toRussia);
    EXPECT_EQ(mapping->target(mappingRow(*mapping, QStringLiteral("Government of Russia (2000-)"))),
              toRussia);
    const int ukraineRow
        = mappingRow(*mapping, QStringLiteral("Military Forces of Ukraine (2019-)"));
    EXPECT_EQ(mapping->target(ukraineRow).kind, PartyMappingModel::Target::Kind::OwnNew);
    EXPECT_EQ(mapping->index(ukraineRow, PartyMappingModel::TargetColumn).data().toString(),
              QStringLiteral("New party “Military Forces of Ukraine (2019-)”"));
    // The user sends Ukraine's forces to the sample's Ukraine, in the row's own list.
    QTableView *table = wizard->mappingPage()->table();
    table->setFocus();
    table->setCurrentIndex(table->model()->index(ukraineRow, PartyMappingModel::TargetColumn));
    QTest::keyClick(table, Qt::Key_F2);
    auto *editor = table->findChild<QComboBox *>(QStringLiteral("partyTargetEditor"));
    ASSERT_NE(editor, nullptr);
    const int ukraineChoice = editor->findText(QStringLiteral("Ukraine"));
    ASSERT_GE(ukraineChoice, 0);
    editor->setCurrentIndex(ukraineChoice);
    Q_EMIT editor->activated(ukraineChoice);
    EXPECT_EQ(mapping->target(ukraineRow),
              (PartyMappingModel::Target {PartyMappingModel::Target::Kind::Party, ukraine, {}}));

    // The import, then the report with each refused row's line and reason.
    importToReport(wizard);
    ASSERT_NE(wizard->job(), nullptr);
    EXPECT_TRUE(wizard->reportPage()->summaryText().startsWith(QStringLiteral("3 events added")))
        << wizard->reportPage()->summaryText().toStdString();
    const QStandardItemModel *refused = wizard->reportPage()->problemsModel();
    ASSERT_EQ(refused->rowCount(), 2);
    EXPECT_EQ(refused->item(0, 0)->text(), QStringLiteral("5"));
    EXPECT_EQ(refused->item(0, 1)->text(),
              QStringLiteral("event_date \"2026-02-30\" is not a date"));
    EXPECT_EQ(refused->item(1, 0)->text(), QStringLiteral("6"));
    EXPECT_EQ(refused->item(1, 1)->text(), QStringLiteral("5 fields where the header has 31"));
    EXPECT_TRUE(wizard->reportPage()->problemsTable()->isVisible());
    // Copy gives the command line's lines.
    wizard->reportPage()->copyProblems();
    EXPECT_TRUE(QGuiApplication::clipboard()->text().contains(
        QStringLiteral("acled-small.csv:5: event_date \"2026-02-30\" is not a date")));
    // Refused rows: Enter decides nothing.
    pressEnter(wizard);
    EXPECT_EQ(window.importActions()->wizard(), wizard);
    EXPECT_EQ(wizard->currentId(), ImportWizard::ReportPageId);
    EXPECT_EQ(wizard->button(QWizard::FinishButton)->text(), QStringLiteral("&Keep"));
    // Until Keep, the open project is as it was.
    EXPECT_EQ(document->project().events().size(), events);
    EXPECT_EQ(document->undoStack()->count(), 0);

    wizard->button(QWizard::FinishButton)->click();
    QCoreApplication::processEvents();
    EXPECT_EQ(window.importActions()->wizard(), nullptr);
    const Project &project = document->project();
    EXPECT_EQ(project.events().size(), events + 3);
    // Every actor went to a party the sample has, but the civilians.
    EXPECT_EQ(project.parties().size(), parties + 1);
    const std::uint32_t strike = test::indexOf(project, "acled-RUS20001", ItemKind::Event);
    const auto strikeParties = project.indices(project.events()[strike].parties);
    EXPECT_EQ(std::vector<std::uint32_t>(strikeParties.begin(), strikeParties.end()),
              (std::vector<std::uint32_t> {ukraine, russia}));
    // The project remembers the choice for the next import.
    EXPECT_EQ(PartyMap::ofProject(project).target("Military Forces of Ukraine (2019-)"),
              std::optional<std::string_view>("ukraine"));
    EXPECT_EQ(document->undoStack()->count(), 1);
    EXPECT_EQ(document->undoStack()->undoText(),
              QStringLiteral("Import 3 events from acled-small.csv"));
    EXPECT_TRUE(document->isModified());

    document->undoStack()->undo();
    EXPECT_EQ(document->project().events().size(), events);
    EXPECT_EQ(document->project().parties().size(), parties);
    EXPECT_FALSE(document->isModified());
}

TEST_F(ImportWizardTest, UndoingAnImportDropsTheSelectionAndFilterOfWhatItAdded)
{
    MainWindow window;
    openWindow(window, test::samplePath());
    const std::size_t parties = window.document()->project().parties().size();
    ImportWizard *wizard = window.importActions()->importFiles({fixture("acled-small.csv")});
    goToMapping(wizard);
    importToReport(wizard);
    wizard->button(QWizard::FinishButton)->click();
    QCoreApplication::processEvents();
    const Project &project = window.document()->project();
    ASSERT_GT(project.parties().size(), parties);
    // An imported event selected, an imported party and an old one hidden.
    const std::uint32_t strike = test::indexOf(project, "acled-RUS20001", ItemKind::Event);
    window.selection()->select({ItemKind::Event, strike});
    window.filter()->setPartyHidden(std::uint32_t(parties), true);
    window.filter()->setPartyHidden(0, true);
    window.document()->undoStack()->undo();
    QCoreApplication::processEvents();
    // The project before the import has neither: nothing points past its ends.
    EXPECT_TRUE(window.selection()->isEmpty());
    EXPECT_EQ(window.filter()->hiddenParties(), (std::set<std::uint32_t> {0}));
    // Every view still draws.
    window.grab();
}

TEST_F(ImportWizardTest, CancelDuringTheImportLeavesTheProjectUntouched)
{
    MainWindow window;
    openWindow(window, sampleWithPartyMap());
    Document *document = window.document();
    const Fingerprint before = fingerprint(document->project());
    ImportWizard *wizard = window.importActions()->importFiles({fixture("acled-small.csv")});
    goToMapping(wizard);
    clickNext(wizard);
    clickNext(wizard); // Import: the worker starts
    EXPECT_TRUE(wizard->runPage()->isImporting());
    // Cancel while it runs: the job stops (or its result is dropped), the wizard closes.
    wizard->button(QWizard::CancelButton)->click();
    QCoreApplication::processEvents();
    QTest::qWait(50);
    EXPECT_EQ(window.importActions()->wizard(), nullptr);
    EXPECT_EQ(fingerprint(document->project()), before);
    EXPECT_EQ(document->undoStack()->count(), 0);
    EXPECT_FALSE(document->isModified());
}

TEST_F(ImportWizardTest, CancelBeforeTheImportAndDiscardAfterItLeaveTheProjectUntouched)
{
    MainWindow window;
    openWindow(window, sampleWithPartyMap());
    Document *document = window.document();
    const Fingerprint before = fingerprint(document->project());

    ImportWizard *wizard = window.importActions()->importFiles({fixture("acled-small.csv")});
    goToMapping(wizard);
    wizard->button(QWizard::CancelButton)->click();
    QCoreApplication::processEvents();
    EXPECT_EQ(window.importActions()->wizard(), nullptr);
    EXPECT_EQ(fingerprint(document->project()), before);

    wizard = window.importActions()->importFiles({fixture("acled-small.csv")});
    goToMapping(wizard);
    importToReport(wizard);
    // A stray Escape on the report keeps the finished import on offer.
    QTest::keyClick(wizard, Qt::Key_Escape);
    QCoreApplication::processEvents();
    ASSERT_EQ(window.importActions()->wizard(), wizard);
    EXPECT_TRUE(wizard->isVisible());
    EXPECT_EQ(wizard->currentPage(), wizard->reportPage());
    EXPECT_EQ(wizard->button(QWizard::CancelButton)->text(), QStringLiteral("&Discard"));
    wizard->button(QWizard::CancelButton)->click();
    QCoreApplication::processEvents();
    EXPECT_EQ(window.importActions()->wizard(), nullptr);
    EXPECT_EQ(fingerprint(document->project()), before);
    EXPECT_EQ(document->undoStack()->count(), 0);
    EXPECT_FALSE(document->isModified());
}

TEST_F(ImportWizardTest, ACleanImportKeepsOnEnter)
{
    // The fixture without its two bad rows (lines 5 and 6).
    const QStringList lines
        = QString::fromUtf8(test::readBytes(fixture("acled-small.csv"))).split(u'\n');
    QStringList good = lines;
    good.removeAt(5);
    good.removeAt(4);
    const QString clean = m_dir.filePath(QStringLiteral("clean.csv"));
    ASSERT_TRUE(test::writeFile(clean, good.join(u'\n').toUtf8()));

    MainWindow window;
    openWindow(window, test::samplePath());
    ImportWizard *wizard = window.importActions()->importFiles({clean});
    goToMapping(wizard);
    importToReport(wizard);
    EXPECT_EQ(wizard->reportPage()->problemsModel()->rowCount(), 0);
    EXPECT_FALSE(wizard->reportPage()->problemsTable()->isVisibleTo(wizard));
    pressEnter(wizard);
    EXPECT_EQ(window.importActions()->wizard(), nullptr);
    EXPECT_EQ(window.document()->undoStack()->count(), 1);
}

TEST_F(ImportWizardTest, IntoANewProjectAsksToSaveThenOpensItUntitledAndModified)
{
    MainWindow window;
    // Unsaved changes in the open project: the question comes first, answered Discard.
    openWindow(window, test::samplePath(), QMessageBox::Discard);
    window.document()->setEventTitle(0, QStringLiteral("An unsaved change"));
    ASSERT_TRUE(window.document()->isModified());
    ImportWizard *wizard = window.importActions()->importFiles({fixture("acled-small.csv")});
    wizard->filesPage()->findChild<QRadioButton *>(QStringLiteral("intoNewProject"))->click();
    EXPECT_EQ(wizard->target(), ImportWizard::Target::NewProject);
    goToMapping(wizard);
    // A new project has no parties: every name makes one.
    PartyMappingModel *mapping = wizard->mappingPage()->model();
    for (int row = 0; row < mapping->rowCount(); ++row)
        EXPECT_EQ(mapping->target(row).kind, PartyMappingModel::Target::Kind::OwnNew);
    importToReport(wizard);
    wizard->button(QWizard::FinishButton)->click();
    QCoreApplication::processEvents();
    Document *document = window.document();
    EXPECT_TRUE(document->filePath().isEmpty());
    EXPECT_TRUE(document->isModified());
    EXPECT_EQ(document->project().events().size(), 3U);
    EXPECT_EQ(document->project().parties().size(), 4U);
    EXPECT_FALSE(window.startStack()->isShowingStartPage());
}

TEST_F(ImportWizardTest, IntoANewProjectStaysOpenWhenSavingIsCancelled)
{
    MainWindow window;
    openWindow(window, test::samplePath(), QMessageBox::Cancel);
    window.document()->setEventTitle(0, QStringLiteral("An unsaved change"));
    const Fingerprint before = fingerprint(window.document()->project());
    ImportWizard *wizard = window.importActions()->importFiles({fixture("acled-small.csv")});
    wizard->filesPage()->setIntoNewProject(true);
    goToMapping(wizard);
    importToReport(wizard);
    wizard->button(QWizard::FinishButton)->click();
    QCoreApplication::processEvents();
    // The question was cancelled: the wizard stays with its import, the project as it was.
    EXPECT_EQ(window.importActions()->wizard(), wizard);
    EXPECT_EQ(wizard->currentId(), ImportWizard::ReportPageId);
    EXPECT_EQ(fingerprint(window.document()->project()), before);
    wizard->button(QWizard::CancelButton)->click();
}

TEST_F(ImportWizardTest, AUcdpGedFileIsRecognisedAndPreviewed)
{
    MainWindow window;
    openWindow(window, test::samplePath());
    ImportWizard *wizard = window.importActions()->importFiles({fixture("ucdp-small.csv")});
    auto *list = wizard->filesPage()->findChild<QTreeWidget *>(QStringLiteral("importFileList"));
    EXPECT_EQ(list->topLevelItem(0)->text(2), QStringLiteral("UCDP GED"));
    goToMapping(wizard);
    EXPECT_TRUE(wizard->previewPage()->statusText().startsWith(QStringLiteral("UCDP GED: 2 rows")))
        << wizard->previewPage()->statusText().toStdString();
    EXPECT_EQ(wizard->mappingPage()->model()->name(0),
              QStringLiteral("Government of Russia (Soviet Union)"));
    wizard->reject();
}

TEST_F(ImportWizardTest, ReimportOffersToRemoveWhatTheFileNoLongerHolds)
{
    MainWindow window;
    openWindow(window, test::samplePath());
    ImportWizard *wizard = window.importActions()->importFiles({fixture("acled-small.csv")});
    goToMapping(wizard);
    clickNext(wizard);
    // A first import: nothing to remove.
    EXPECT_TRUE(wizard->runPage()->removeMissingBox()->isHidden());
    clickNext(wizard);
    waitFor([wizard] { return wizard->currentId() == ImportWizard::ReportPageId; });
    wizard->button(QWizard::FinishButton)->click();
    QCoreApplication::processEvents();
    const std::size_t events = window.document()->project().events().size();

    // A newer export without the Kharkiv row (lines 3 and 4).
    QStringList lines = QString::fromUtf8(test::readBytes(fixture("acled-small.csv"))).split(u'\n');
    lines.removeAt(3);
    lines.removeAt(2);
    const QString newer = m_dir.filePath(QStringLiteral("newer.csv"));
    ASSERT_TRUE(test::writeFile(newer, lines.join(u'\n').toUtf8()));
    wizard = window.importActions()->importFiles({newer});
    goToMapping(wizard);
    clickNext(wizard);
    QCheckBox *remove = wizard->runPage()->removeMissingBox();
    EXPECT_FALSE(remove->isHidden());
    remove->setChecked(true);
    clickNext(wizard);
    waitFor([wizard] { return wizard->currentId() == ImportWizard::ReportPageId; });
    EXPECT_TRUE(wizard->reportPage()->missingText().contains(QStringLiteral("UKR30002")))
        << wizard->reportPage()->missingText().toStdString();
    EXPECT_TRUE(wizard->reportPage()->missingText().contains(QStringLiteral("removed")));
    // Something is missing: Enter decides nothing.
    pressEnter(wizard);
    ASSERT_EQ(window.importActions()->wizard(), wizard);
    wizard->button(QWizard::FinishButton)->click();
    QCoreApplication::processEvents();
    EXPECT_EQ(window.document()->project().events().size(), events - 1);
    EXPECT_FALSE(window.document()->project().find("acled-UKR30002").has_value());
}

TEST_F(ImportWizardTest, DroppingADatasetOpensTheWizardWithIt)
{
    MainWindow window;
    openWindow(window, test::samplePath());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(fixture("acled-small.csv"))});
    QDragEnterEvent enter(QPoint(300, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(300, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    EXPECT_TRUE(drop.isAccepted());
    ImportWizard *wizard = window.importActions()->wizard();
    ASSERT_NE(wizard, nullptr);
    EXPECT_EQ(wizard->files(), QStringList {fixture("acled-small.csv")});
    EXPECT_EQ(wizard->currentId(), ImportWizard::FilesPageId);
    wizard->reject();

    // A project file dropped still opens as a project, not in the wizard.
    QMimeData project;
    project.setUrls({QUrl::fromLocalFile(sampleWithPartyMap())});
    // A drop goes where the drag last entered.
    QDragEnterEvent enterProject(QPoint(300, 300), Qt::CopyAction, &project, Qt::LeftButton,
                                 Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enterProject);
    EXPECT_TRUE(enterProject.isAccepted());
    QDropEvent dropProject(QPointF(300, 300), Qt::CopyAction, &project, Qt::LeftButton,
                           Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &dropProject);
    QCoreApplication::processEvents();
    EXPECT_EQ(window.importActions()->wizard(), nullptr);
    EXPECT_EQ(QFileInfo(window.document()->filePath()).fileName(),
              QStringLiteral("sample.claimline"));
}

TEST_F(ImportWizardTest, TheStartPageAndTheFileMenuOpenTheWizardIntoANewProject)
{
    MainWindow window;
    openWindow(window, {});
    ASSERT_TRUE(window.startStack()->isShowingStartPage());
    window.importActions()->setChooseFilesFunction(
        [] { return QStringList {fixture("acled-small.csv")}; });
    auto *button = window.startStack()->startPage()->findChild<QAbstractButton *>(
        QStringLiteral("importButton"));
    ASSERT_NE(button, nullptr);
    EXPECT_TRUE(button->isVisibleTo(&window));
    button->click();
    ImportWizard *wizard = window.importActions()->wizard();
    ASSERT_NE(wizard, nullptr);
    // Nothing is open: a new project, and "this project" cannot be chosen.
    EXPECT_EQ(wizard->target(), ImportWizard::Target::NewProject);
    EXPECT_FALSE(wizard->filesPage()
                     ->findChild<QRadioButton *>(QStringLiteral("intoThisProject"))
                     ->isEnabled());
    wizard->reject();
    QCoreApplication::processEvents();

    auto *action = window.findChild<QAction *>(QStringLiteral("importAction"));
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    action->trigger();
    ASSERT_NE(window.importActions()->wizard(), nullptr);
    window.importActions()->wizard()->reject();
}
