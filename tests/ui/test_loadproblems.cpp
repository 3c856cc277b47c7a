// A file that cannot be opened: the message leads with plain words for what happened ("ends in
// the middle: it may have been cut off while copying"), keeps the reader's technical lines in
// its details, wrapped, and offers the backup copy every save keeps (FILE.bak), with its date.
// Opening the backup changes neither file.

#include "document/document.h"
#include "model/project.h"
#include "testsupport.h"
#include "window/loadproblemsmessage.h"
#include "window/mainwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextEdit>

#include <gtest/gtest.h>

using namespace claimline;

namespace {

class LoadProblemsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_settingsDir.isValid());
        test::keepSettingsIn(m_settingsDir.path());
        m_path = m_dir.filePath(QStringLiteral("residence.claimline"));
        ASSERT_TRUE(QFile::copy(test::samplePath(), m_path));
    }

    // The message the window shows (non-blocking, window-modal), or nullptr.
    static LoadProblemsMessage *message(const MainWindow &window)
    {
        return window.findChild<LoadProblemsMessage *>(QStringLiteral("problemsDialog"));
    }

    // Saves the copy once through the app, so that the app itself keeps FILE.bak.
    void saveOnceThroughTheApp()
    {
        MainWindow window;
        ASSERT_TRUE(window.openFile(m_path));
        window.document()->setEventTitle(0, QStringLiteral("Renamed before the damage"));
        ASSERT_TRUE(window.save());
        ASSERT_TRUE(QFileInfo::exists(m_path + QStringLiteral(".bak")));
    }

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace

// The report: a truncated copy said "/events/27/id: not valid JSON at line 70, column 20:
// invalid string: missing closing quote" on a line that needed scrolling.
TEST_F(LoadProblemsTest, ATruncatedFileSaysSoInPlainWordsAndOffersTheBackup)
{
    saveOnceThroughTheApp();
    const QString backup = m_path + QStringLiteral(".bak");
    // Cut in the middle of a string, as a copy that stopped early.
    const QByteArray whole = test::readBytes(m_path);
    const qsizetype title = whole.indexOf("\"title\": \"", whole.indexOf("\"events\""));
    ASSERT_GT(title, 0);
    const QByteArray cut = whole.left(title + 16);
    ASSERT_TRUE(test::writeFile(m_path, cut));
    const QByteArray backupBytes = test::readBytes(backup);

    MainWindow window;
    const QString other = m_dir.filePath(QStringLiteral("other.claimline"));
    ASSERT_TRUE(QFile::copy(test::samplePath(), other));
    ASSERT_TRUE(window.openFile(other));
    EXPECT_FALSE(window.openFile(m_path));
    EXPECT_EQ(window.document()->filePath(), other); // what was open stays open

    LoadProblemsMessage *box = message(window);
    ASSERT_NE(box, nullptr);
    EXPECT_EQ(box->failure(), LoadFailure::Truncated);
    // Plain words first.
    EXPECT_TRUE(box->text().contains(QStringLiteral("ends in the middle")))
        << box->text().toStdString();
    EXPECT_TRUE(box->text().contains(QStringLiteral("cut off while copying")));
    EXPECT_TRUE(box->text().contains(QStringLiteral("residence.claimline")));
    EXPECT_FALSE(box->text().contains(QStringLiteral("JSON")));
    // The technical line below, whole, as `claimline validate` prints it.
    EXPECT_TRUE(box->detailedText().contains(QStringLiteral(": not valid JSON at line ")))
        << box->detailedText().toStdString();
    EXPECT_TRUE(box->detailedText().contains(QStringLiteral("missing closing quote")));
    // Wrapped where it is shown: nothing to scroll sideways.
    const auto *details = box->findChild<QTextEdit *>();
    ASSERT_NE(details, nullptr);
    EXPECT_NE(details->lineWrapMode(), QTextEdit::NoWrap);
    EXPECT_EQ(details->toPlainText(), box->detailedText());

    // The backup, with the date it was saved.
    ASSERT_NE(box->backupButton(), nullptr);
    EXPECT_EQ(box->backupButton()->text(), QStringLiteral("Open the Backup Copy"));
    EXPECT_EQ(box->backupPath(), backup);
    const QDate saved = QFileInfo(backup).lastModified().toLocalTime().date();
    EXPECT_TRUE(box->informativeText().contains(QLocale().toString(saved, QLocale::LongFormat)))
        << box->informativeText().toStdString();
    EXPECT_TRUE(box->informativeText().contains(QStringLiteral("residence.claimline.bak")));

    QDir().mkpath(QStringLiteral("/tmp/shots/theme-start"));
    box->show();
    QApplication::processEvents();
    box->grab().save(QStringLiteral("/tmp/shots/theme-start/test-truncated-message.png"));
    for (QAbstractButton *b : box->buttons()) {
        if (box->buttonRole(b) == QMessageBox::ActionRole)
            b->click(); // Show Details…
    }
    QApplication::processEvents();
    box->adjustSize();
    box->grab().save(QStringLiteral("/tmp/shots/theme-start/test-truncated-details.png"));

    // Open the Backup Copy: the backup is open, as itself; neither file changed.
    box->backupButton()->click();
    QApplication::processEvents();
    EXPECT_EQ(window.document()->filePath(), backup);
    // The backup is the version before the last save: the sample, whole.
    Document sample;
    ASSERT_TRUE(sample.load(test::samplePath()).empty());
    const Project &opened = window.document()->project();
    EXPECT_EQ(opened.events().size(), sample.project().events().size());
    EXPECT_EQ(opened.claims().size(), sample.project().claims().size());
    EXPECT_EQ(opened.text(opened.events()[0].title),
              sample.project().text(sample.project().events()[0].title));
    EXPECT_FALSE(window.document()->isModified());
    EXPECT_EQ(test::readBytes(m_path), cut);
    EXPECT_EQ(test::readBytes(backup), backupBytes);
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("backup copy")));
    EXPECT_EQ(message(window), nullptr);
}

TEST_F(LoadProblemsTest, WithoutABackupItSaysWhereElseToLook)
{
    const QByteArray whole = test::readBytes(m_path);
    ASSERT_TRUE(test::writeFile(m_path, whole.left(whole.size() / 2)));
    MainWindow window;
    EXPECT_FALSE(window.openFile(m_path));
    LoadProblemsMessage *box = message(window);
    ASSERT_NE(box, nullptr);
    EXPECT_EQ(box->failure(), LoadFailure::Truncated);
    EXPECT_EQ(box->backupButton(), nullptr);
    EXPECT_TRUE(box->informativeText().contains(QStringLiteral("another copy")));
    // No button that opens nothing.
    for (const QAbstractButton *b : box->buttons())
        EXPECT_FALSE(b->text().contains(QStringLiteral("Backup")));
    box->close();
}

TEST_F(LoadProblemsTest, EachKindLeadsWithItsOwnWords)
{
    struct Case
    {
        const char *bytes;
        const char *lead;
        LoadFailure kind;
    };
    const Case cases[] = {
        {"", "is empty", LoadFailure::Empty},
        {R"({"format": "claimline", @})", "is damaged", LoadFailure::NotJson},
        {R"([{"title": "not a project"}])", "is not a Claimline project", LoadFailure::NotProject},
        {R"({"format": "claimline", "version": 7})", "newer version of Claimline",
         LoadFailure::NewerVersion},
        {R"({"format": "claimline", "version": 1, "parties": [{"id": "ru"}]})",
         "is a Claimline project, but one thing in it is wrong", LoadFailure::InvalidValues},
        {R"({"format": "claimline", "version": 1, "parties": [{"id": "ru"}, {"id": "ua"}]})",
         "is a Claimline project, but 2 things in it are wrong", LoadFailure::InvalidValues},
    };
    for (const Case &c : cases) {
        ASSERT_TRUE(test::writeFile(m_path, c.bytes));
        MainWindow window;
        EXPECT_FALSE(window.openFile(m_path));
        LoadProblemsMessage *box = message(window);
        ASSERT_NE(box, nullptr) << c.bytes;
        EXPECT_EQ(box->failure(), c.kind) << c.bytes;
        EXPECT_TRUE(box->text().contains(QLatin1String(c.lead))) << box->text().toStdString();
        EXPECT_FALSE(box->detailedText().isEmpty());
        box->close();
    }
    // A missing file: the system's reason, in a sentence.
    MainWindow window;
    EXPECT_FALSE(window.openFile(m_dir.filePath(QStringLiteral("gone.claimline"))));
    LoadProblemsMessage *box = message(window);
    ASSERT_NE(box, nullptr);
    EXPECT_EQ(box->failure(), LoadFailure::Unreadable);
    EXPECT_TRUE(box->text().contains(QStringLiteral("could not be read")));
    EXPECT_TRUE(box->informativeText().contains(QStringLiteral("Cannot open the file")))
        << box->informativeText().toStdString();
    box->close();
}

// A newer version's backup is from that version too: no backup is offered for it.
TEST_F(LoadProblemsTest, ANewerVersionOffersNoBackup)
{
    ASSERT_TRUE(QFile::copy(test::samplePath(), m_path + QStringLiteral(".bak")));
    ASSERT_TRUE(test::writeFile(m_path, R"({"format": "claimline", "version": 7})"));
    MainWindow window;
    EXPECT_FALSE(window.openFile(m_path));
    LoadProblemsMessage *box = message(window);
    ASSERT_NE(box, nullptr);
    EXPECT_EQ(box->backupButton(), nullptr);
    EXPECT_TRUE(box->informativeText().contains(QStringLiteral("Update Claimline")));
    box->close();
}
