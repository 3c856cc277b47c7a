// The import wizard cancelled while it works on a large file (100,000 generated ACLED rows):
// during the preview's reading and during the import itself, Cancel stops the worker and
// closes the wizard, and the open project is exactly as it was, with nothing to undo.

#include "document/document.h"
#include "import/acledgenerator.h"
#include "import/importrunpage.h"
#include "import/importwizard.h"
#include "import/previewpage.h"
#include "model/project.h"
#include "testsupport.h"
#include "window/importactions.h"
#include "window/mainwindow.h"

#include <QAbstractButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace claimline;

namespace {

class ImportCancelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        test::keepSettingsIn(m_dir.path());
        qputenv("CLAIMLINE_RECOVERY_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("r"))));
        m_large = m_dir.filePath(QStringLiteral("acled-large.csv"));
        AcledGeneratorOptions options;
        options.rows = 100000;
        ASSERT_TRUE(saveAcledCsv(m_large, options).isEmpty());
        m_window.setAskFunction([](QMessageBox &) { return QMessageBox::Cancel; });
        m_window.show();
        ASSERT_TRUE(m_window.openFile(test::samplePath()));
        m_events = m_window.document()->project().events().size();
        m_parties = m_window.document()->project().parties().size();
    }
    void TearDown() override { qunsetenv("CLAIMLINE_RECOVERY_DIR"); }

    // The project as it was opened, nothing to undo, the wizard gone.
    void expectUntouched()
    {
        QCoreApplication::processEvents();
        EXPECT_EQ(m_window.importActions()->wizard(), nullptr);
        EXPECT_EQ(m_window.document()->project().events().size(), m_events);
        EXPECT_EQ(m_window.document()->project().parties().size(), m_parties);
        EXPECT_EQ(m_window.document()->undoStack()->count(), 0);
        EXPECT_FALSE(m_window.document()->isModified());
    }

    QTemporaryDir m_dir;
    QString m_large;
    MainWindow m_window;
    std::size_t m_events = 0;
    std::size_t m_parties = 0;
};

} // namespace

TEST_F(ImportCancelTest, CancelWhileThePreviewReadsTheFile)
{
    ImportWizard *wizard = m_window.importActions()->importFiles({m_large});
    wizard->button(QWizard::NextButton)->click();
    PreviewPage *preview = wizard->previewPage();
    ASSERT_TRUE(QTest::qWaitFor([preview] { return preview->percent() > 0; }, 20000));
    ASSERT_TRUE(preview->isReading()) << "the file was read before it could be cancelled";
    wizard->button(QWizard::CancelButton)->click();
    expectUntouched();
}

TEST_F(ImportCancelTest, CancelWhileImporting)
{
    ImportWizard *wizard = m_window.importActions()->importFiles({m_large});
    wizard->button(QWizard::NextButton)->click();
    ASSERT_TRUE(QTest::qWaitFor([wizard] { return wizard->previewPage()->isComplete(); }, 60000));
    wizard->button(QWizard::NextButton)->click(); // the parties
    wizard->button(QWizard::NextButton)->click(); // the import step
    ASSERT_EQ(wizard->currentId(), ImportWizard::RunPageId);
    wizard->button(QWizard::CommitButton)->click();
    ImportRunPage *run = wizard->runPage();
    ASSERT_TRUE(
        QTest::qWaitFor([run] { return run->percent() > 0 || !run->isImporting(); }, 60000));
    ASSERT_TRUE(run->isImporting()) << "the import ended before it could be cancelled";
    EXPECT_LT(run->percent(), 100);
    wizard->button(QWizard::CancelButton)->click();
    expectUntouched();
}
