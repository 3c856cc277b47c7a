// The import wizard on every format beyond ACLED and UCDP, driven offscreen through all its
// steps: the format list, a CSV of no known format going to the column step (or refused as the
// format chosen), a file no format reads, a TimelineJS document (groups become parties, the title
// slide the new project's title), Timesketch JSON lines, and Claimline's own CSV export chosen as
// its folder or as one of its files, imported back into the project it came from. Nothing in the
// steps assumes ACLED: the party step, the import and the report work the same for each.

#include "document/document.h"
#include "export/csvexport.h"
#include "import/filespage.h"
#include "import/importreportpage.h"
#include "import/importrunpage.h"
#include "import/importwizard.h"
#include "import/partymappingmodel.h"
#include "import/partymappingpage.h"
#include "import/previewpage.h"
#include "model/project.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <memory>

using namespace claimline;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(CLAIMLINE_SOURCE_DIR "/tests/ui/fixtures/import/") + QLatin1String(name);
}

class ImportFormatsWizardTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        test::keepSettingsIn(m_dir.path());
        qputenv("CLAIMLINE_RECOVERY_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("r"))));
    }
    void TearDown() override { qunsetenv("CLAIMLINE_RECOVERY_DIR"); }

    // A wizard over `files`: into the open project when the document has one loaded, else into
    // a new one (handed to `m_kept`).
    std::unique_ptr<ImportWizard> openWizard(const QStringList &files, bool projectOpen = false)
    {
        auto wizard = std::make_unique<ImportWizard>(&m_document, projectOpen, files);
        wizard->setNewProjectFunction([this](Project &project) {
            m_kept = std::move(project);
            return true;
        });
        wizard->show();
        QCoreApplication::processEvents();
        return wizard;
    }

    static QString formatShown(ImportWizard *wizard, int file = 0)
    {
        const auto *list
            = wizard->filesPage()->findChild<QTreeWidget *>(QStringLiteral("importFileList"));
        return list->topLevelItem(file)->text(2);
    }

    static void clickNext(ImportWizard *wizard)
    {
        QAbstractButton *next = wizard->button(
            wizard->currentPage()->isCommitPage() ? QWizard::CommitButton : QWizard::NextButton);
        ASSERT_TRUE(next->isEnabled());
        next->click();
        QCoreApplication::processEvents();
    }

    // Files ▸ preview (read through) ▸ parties.
    static void goToParties(ImportWizard *wizard)
    {
        clickNext(wizard);
        ASSERT_EQ(wizard->currentId(), ImportWizard::PreviewPageId);
        ASSERT_TRUE(
            QTest::qWaitFor([wizard] { return wizard->previewPage()->isComplete(); }, 20000))
            << wizard->previewPage()->statusText().toStdString();
        clickNext(wizard);
        ASSERT_EQ(wizard->currentId(), ImportWizard::MappingPageId);
    }

    // Parties ▸ import ▸ report.
    static void importToReport(ImportWizard *wizard)
    {
        clickNext(wizard);
        ASSERT_EQ(wizard->currentId(), ImportWizard::RunPageId);
        clickNext(wizard);
        ASSERT_TRUE(QTest::qWaitFor(
            [wizard] { return wizard->currentId() == ImportWizard::ReportPageId; }, 20000));
    }

    QTemporaryDir m_dir;
    Document m_document;
    Project m_kept;
};

} // namespace

TEST_F(ImportFormatsWizardTest, ATimelineJsDocumentImportsWithItsGroupsAsPartiesAndItsTitle)
{
    const auto wizard = openWizard({fixture("timelinejs-small.json")});
    EXPECT_EQ(formatShown(wizard.get()), QStringLiteral("TimelineJS"));
    goToParties(wizard.get());
    EXPECT_TRUE(wizard->previewPage()->statusText().startsWith(
        QStringLiteral("TimelineJS: 3 rows, none of them refused; 2 party names.")))
        << wizard->previewPage()->statusText().toStdString();
    EXPECT_EQ(wizard->previewPage()->model()->item(0, 2)->text(),
              QStringLiteral("Moscow says drones targeted a state residence"));
    const PartyMappingModel *parties = wizard->mappingPage()->model();
    ASSERT_EQ(parties->rowCount(), 2);
    EXPECT_EQ(parties->name(0), QStringLiteral("Ukraine"));
    EXPECT_EQ(parties->name(1), QStringLiteral("Russia"));
    importToReport(wizard.get());
    EXPECT_TRUE(wizard->reportPage()->summaryText().startsWith(QStringLiteral("3 events added.")))
        << wizard->reportPage()->summaryText().toStdString();
    wizard->button(QWizard::FinishButton)->click();
    QCoreApplication::processEvents();
    EXPECT_EQ(m_kept.events().size(), 3U);
    EXPECT_EQ(m_kept.parties().size(), 2U);
    // The title slide, as plain text, is the new project's title.
    EXPECT_EQ(m_kept.text(m_kept.meta().title), QStringLiteral("Drones over Valdai"));
}

TEST_F(ImportFormatsWizardTest, TimesketchJsonLinesImport)
{
    const auto wizard = openWizard({fixture("timesketch-small.jsonl")});
    EXPECT_EQ(formatShown(wizard.get()), QStringLiteral("Timesketch"));
    goToParties(wizard.get());
    EXPECT_TRUE(wizard->previewPage()->statusText().startsWith(
        QStringLiteral("Timesketch: 2 rows, none of them refused")))
        << wizard->previewPage()->statusText().toStdString();
    EXPECT_EQ(wizard->previewPage()->model()->item(0, 2)->text(),
              QStringLiteral("Post claims drones over Valdai"));
    importToReport(wizard.get());
    EXPECT_TRUE(wizard->reportPage()->summaryText().startsWith(QStringLiteral("2 events added.")))
        << wizard->reportPage()->summaryText().toStdString();
    wizard->button(QWizard::FinishButton)->click();
    QCoreApplication::processEvents();
    EXPECT_EQ(m_kept.events().size(), 2U);
}

TEST_F(ImportFormatsWizardTest, ClaimlinesOwnCsvExportImportsBackAsAFolderOrOneOfItsFiles)
{
    ASSERT_TRUE(m_document.load(test::samplePath()).empty());
    const std::size_t events = m_document.project().events().size();
    const QString folder = m_dir.filePath(QStringLiteral("export"));
    ASSERT_EQ(exportCsv(m_document.project(), folder), QString());

    // One of its files: recognised by its header.
    auto wizard = openWizard({QDir(folder).filePath(QStringLiteral("events.csv"))}, true);
    EXPECT_EQ(formatShown(wizard.get()), QStringLiteral("Claimline CSV"));
    wizard->reject();

    // With a dataset: the export is imported on its own, and the files step says so.
    wizard = openWizard({folder, fixture("acled-small.csv")}, true);
    EXPECT_EQ(formatShown(wizard.get(), 1), QStringLiteral("ACLED"));
    const auto *why = wizard->filesPage()->findChild<QLabel *>(QStringLiteral("detectionProblems"));
    EXPECT_EQ(why->text(),
              QStringLiteral("Claimline's CSV export is imported on its own: remove "
                             "it or the other files."));
    EXPECT_FALSE(wizard->button(QWizard::NextButton)->isEnabled());
    wizard->reject();

    // The folder: shown as one, read as the export, imported back without a change.
    wizard = openWizard({folder}, true);
    const auto *list
        = wizard->filesPage()->findChild<QTreeWidget *>(QStringLiteral("importFileList"));
    EXPECT_EQ(list->topLevelItem(0)->text(0), QStringLiteral("export/"));
    EXPECT_EQ(formatShown(wizard.get()), QStringLiteral("Claimline CSV"));
    goToParties(wizard.get());
    EXPECT_TRUE(wizard->previewPage()->statusText().startsWith(QStringLiteral("Claimline CSV: ")))
        << wizard->previewPage()->statusText().toStdString();
    // Matched by the items' own ids: what the files no longer hold can be removed.
    clickNext(wizard.get());
    ASSERT_EQ(wizard->currentId(), ImportWizard::RunPageId);
    const QCheckBox *remove = wizard->runPage()->removeMissingBox();
    EXPECT_FALSE(remove->isHidden());
    EXPECT_EQ(remove->text(),
              QStringLiteral("&Remove the events and claims the files no longer hold"));
    EXPECT_FALSE(remove->isChecked());
    clickNext(wizard.get()); // Import
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return wizard->currentId() == ImportWizard::ReportPageId; }, 20000));
    EXPECT_EQ(wizard->reportPage()->problemsModel()->rowCount(), 0);
    wizard->button(QWizard::FinishButton)->click();
    QCoreApplication::processEvents();
    EXPECT_EQ(m_document.project().events().size(), events);
    EXPECT_EQ(m_document.undoStack()->count(), 1);
}

TEST_F(ImportFormatsWizardTest, TheFormatListOffersEveryFormat)
{
    const auto wizard = openWizard({fixture("acled-small.csv")});
    auto *combo = wizard->filesPage()->findChild<QComboBox *>(QStringLiteral("formatCombo"));
    QStringList shown;
    for (int i = 0; i < combo->count(); ++i)
        shown << combo->itemText(i);
    EXPECT_EQ(shown,
              (QStringList {QStringLiteral("Automatic (as the file's content says)"),
                            QStringLiteral("ACLED"), QStringLiteral("UCDP GED"),
                            QStringLiteral("TimelineJS"), QStringLiteral("Timesketch"),
                            QStringLiteral("Claimline CSV"),
                            QStringLiteral("CSV with a column mapping")}));
    for (const char *pattern : {"*.csv", "*.tsv", "*.txt", "*.json", "*.jsonl"})
        EXPECT_TRUE(FilesPage::fileFilter().contains(QLatin1String(pattern))) << pattern;
    wizard->reject();
}

TEST_F(ImportFormatsWizardTest, ACsvOfAnotherKindGoesToTheColumnStepUnlessAFormatIsChosen)
{
    const QString other = m_dir.filePath(QStringLiteral("other.csv"));
    ASSERT_TRUE(test::writeFile(other, "date,headline\n2025-12-29,Something happened\n"));
    const auto wizard = openWizard({other});
    EXPECT_EQ(formatShown(wizard.get()), QStringLiteral("CSV with a column mapping"));
    const auto *why = wizard->filesPage()->findChild<QLabel *>(QStringLiteral("detectionProblems"));
    EXPECT_TRUE(why->isVisibleTo(wizard.get()));
    EXPECT_EQ(why->text(),
              QStringLiteral("other.csv: Not a format Claimline knows by its columns: "
                             "map the columns yourself on the next page."));
    // Not a dead end: the columns are mapped on the next step.
    clickNext(wizard.get());
    EXPECT_EQ(wizard->currentId(), ImportWizard::ColumnsPageId);
    wizard->back();
    // Read as ACLED: no column step, the files step says why it is no ACLED file, and so does
    // the preview.
    wizard->filesPage()->setFormat(ImportFormat::Acled);
    EXPECT_EQ(formatShown(wizard.get()), QStringLiteral("Not recognised"));
    EXPECT_TRUE(why->text().startsWith(QStringLiteral("other.csv: not an ACLED")))
        << why->text().toStdString();
    clickNext(wizard.get());
    EXPECT_EQ(wizard->currentId(), ImportWizard::PreviewPageId);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !wizard->previewPage()->isReading(); }, 20000));
    EXPECT_TRUE(wizard->previewPage()->statusText().contains(QStringLiteral("cannot be imported")));
    EXPECT_FALSE(wizard->button(QWizard::NextButton)->isEnabled());
    wizard->reject();
}

TEST_F(ImportFormatsWizardTest, AFileOfNoFormatAtAllIsNotRecognisedUntilAFormatIsChosen)
{
    // JSON, but no TimelineJS document: no format reads it, and no columns can be mapped.
    const QString other = m_dir.filePath(QStringLiteral("other.json"));
    ASSERT_TRUE(test::writeFile(other, "[\n  1,\n  2\n]\n"));
    const auto wizard = openWizard({other});
    EXPECT_EQ(formatShown(wizard.get()), QStringLiteral("Not recognised"));
    const auto *why = wizard->filesPage()->findChild<QLabel *>(QStringLiteral("detectionProblems"));
    EXPECT_TRUE(why->text().startsWith(QStringLiteral("other.json: ")));
    EXPECT_TRUE(why->text().endsWith(QStringLiteral("Choose the format to read it as, if you "
                                                    "know it.")))
        << why->text().toStdString();
    EXPECT_FALSE(wizard->button(QWizard::NextButton)->isEnabled());
    wizard->filesPage()->setFormat(ImportFormat::TimelineJs);
    EXPECT_TRUE(wizard->button(QWizard::NextButton)->isEnabled());
    wizard->reject();
}
