// The project lifecycle in the window: New, Close, Revert and Quit ask Save / Discard /
// Cancel and do what the answer says; a failed save (missing folder, full disk, read-only
// folder as an unprivileged user) says why, keeps the document modified and leaves the file
// byte-identical; a crash (SIGKILL after an autosave) is recovered at the next start; a
// change by another program is noticed, our own saves are not; a file from a newer version
// says so.
//
// The questions are QMessageBoxes handed to MainWindow's ask function: the tests answer them
// and check what they said.

#include "document/document.h"
#include "format/projectreader.h"
#include "session/autosave.h"
#include "session/filewatcher.h"
#include "session/recoveryfile.h"
#include "testsupport.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace claimline;

namespace {

const QString Helper = QStringLiteral(CLAIMLINE_LIFECYCLE_HELPER);

struct Asked
{
    QString name; // the box's object name
    QString title;
    QString text;
    QString informative;
};

class LifecycleTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        test::keepSettingsIn(m_dir.path());
        m_recovery = m_dir.filePath(QStringLiteral("recovery"));
        qputenv("CLAIMLINE_RECOVERY_DIR", QFile::encodeName(m_recovery));
    }
    void TearDown() override { qunsetenv("CLAIMLINE_RECOVERY_DIR"); }

    QString copySample(const QString &name = QStringLiteral("p.claimline"))
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        EXPECT_TRUE(QFile::copy(test::samplePath(), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        return path;
    }

    // A window whose questions get the given answers in turn (then Cancel), recorded.
    void answer(MainWindow &window, QList<QMessageBox::StandardButton> answers)
    {
        m_answers = std::move(answers);
        window.setAskFunction([this](QMessageBox &box) {
            m_asked.push_back(
                {box.objectName(), box.windowTitle(), box.text(), box.informativeText()});
            return m_answers.isEmpty() ? QMessageBox::Cancel : m_answers.takeFirst();
        });
    }

    static QString title(const Document &document, std::uint32_t event)
    {
        return document.project().text(document.project().events()[event].title);
    }

    QTemporaryDir m_dir;
    QString m_recovery;
    QList<QMessageBox::StandardButton> m_answers;
    std::vector<Asked> m_asked;
};

} // namespace

TEST_F(LifecycleTest, NewWithUnsavedChangesAsksAndCancelKeepsEverything)
{
    const QString path = copySample();
    const QByteArray onDisk = test::readBytes(path);
    MainWindow window;
    ASSERT_TRUE(window.openFile(path));
    window.document()->setEventTitle(0, QStringLiteral("Edited"));
    answer(window, {QMessageBox::Cancel});

    EXPECT_FALSE(window.newProject());
    ASSERT_EQ(m_asked.size(), 1u);
    EXPECT_EQ(m_asked[0].name, QStringLiteral("unsavedChangesMessage"));
    EXPECT_TRUE(m_asked[0].text.contains(QStringLiteral("p.claimline")));
    EXPECT_TRUE(window.document()->isModified());
    EXPECT_EQ(title(*window.document(), 0), QStringLiteral("Edited"));
    EXPECT_EQ(window.document()->filePath(), path);
    EXPECT_TRUE(test::readBytes(path) == onDisk);
}

TEST_F(LifecycleTest, NewDiscardGivesAnEmptyUntitledProjectAndLeavesTheFile)
{
    const QString path = copySample();
    const QByteArray onDisk = test::readBytes(path);
    MainWindow window;
    ASSERT_TRUE(window.openFile(path));
    window.document()->setEventTitle(0, QStringLiteral("Edited"));
    answer(window, {QMessageBox::Discard});

    EXPECT_TRUE(window.newProject());
    EXPECT_EQ(m_asked.size(), 1u);
    EXPECT_FALSE(window.document()->isModified());
    EXPECT_TRUE(window.document()->filePath().isEmpty());
    EXPECT_TRUE(window.document()->project().events().empty());
    EXPECT_TRUE(window.windowTitle().startsWith(QStringLiteral("Untitled")));
    EXPECT_TRUE(test::readBytes(path) == onDisk);

    // Unmodified: no question.
    EXPECT_TRUE(window.newProject());
    EXPECT_EQ(m_asked.size(), 1u);
}

TEST_F(LifecycleTest, CloseWithSaveSavesThenCloses)
{
    const QString path = copySample();
    MainWindow window;
    ASSERT_TRUE(window.openFile(path));
    window.document()->setEventTitle(0, QStringLiteral("Saved on close"));
    answer(window, {QMessageBox::Save});

    EXPECT_TRUE(window.closeProject());
    EXPECT_TRUE(window.document()->filePath().isEmpty());
    EXPECT_FALSE(window.document()->isModified());
    LoadResult saved = loadProject(path);
    ASSERT_TRUE(saved.ok());
    EXPECT_EQ(saved.project->text(saved.project->events()[0].title),
              QStringLiteral("Saved on close"));
    EXPECT_TRUE(QFile::exists(path + QStringLiteral(".bak")));
}

TEST_F(LifecycleTest, SaveOfAnUntitledProjectAsksWhereAndCancellingThatCancels)
{
    MainWindow window;
    window.document()->setViews(nlohmann::json::array({{{"name", "v"}}}), QStringLiteral("v"));
    ASSERT_TRUE(window.document()->isModified());
    QString suggested;
    window.setSavePathFunction([&suggested](const QString &s) {
        suggested = s;
        return QString();
    });
    answer(window, {QMessageBox::Save});
    EXPECT_FALSE(window.closeProject()); // the Save As dialog was cancelled
    EXPECT_TRUE(suggested.endsWith(QStringLiteral("Untitled.claimline")));
    EXPECT_TRUE(window.document()->isModified());

    const QString target = m_dir.filePath(QStringLiteral("new.claimline"));
    window.setSavePathFunction([&target](const QString &) { return target; });
    answer(window, {QMessageBox::Save});
    EXPECT_TRUE(window.closeProject());
    EXPECT_TRUE(loadProject(target).ok());
}

TEST_F(LifecycleTest, RevertAsksThenReloadsFromDisk)
{
    const QString path = copySample();
    MainWindow window;
    auto *revert = window.findChild<QAction *>(QStringLiteral("revertAction"));
    ASSERT_NE(revert, nullptr);
    EXPECT_FALSE(revert->isEnabled()); // untitled
    ASSERT_TRUE(window.openFile(path));
    EXPECT_FALSE(revert->isEnabled()); // unmodified
    const QString original = title(*window.document(), 0);
    window.document()->setEventTitle(0, QStringLiteral("Edited"));
    EXPECT_TRUE(revert->isEnabled());

    answer(window, {QMessageBox::Cancel});
    EXPECT_FALSE(window.revert());
    EXPECT_EQ(m_asked.back().name, QStringLiteral("revertMessage"));
    EXPECT_EQ(title(*window.document(), 0), QStringLiteral("Edited"));

    answer(window, {QMessageBox::Yes});
    EXPECT_TRUE(window.revert());
    EXPECT_EQ(title(*window.document(), 0), original);
    EXPECT_FALSE(window.document()->isModified());
    EXPECT_FALSE(revert->isEnabled());
}

TEST_F(LifecycleTest, QuitAsksAndCancelKeepsTheWindowDiscardRemovesTheRecoveryCopy)
{
    const QString path = copySample();
    MainWindow window;
    window.show();
    ASSERT_TRUE(window.openFile(path));
    window.document()->setEventTitle(0, QStringLiteral("Edited"));
    window.autosave()->autosaveNow();
    window.autosave()->waitForWrite();
    ASSERT_EQ(findRecoveryFiles().size(), 1u);

    answer(window, {QMessageBox::Cancel});
    EXPECT_FALSE(window.close());
    EXPECT_TRUE(window.isVisible());
    EXPECT_EQ(findRecoveryFiles().size(), 1u);

    answer(window, {QMessageBox::Discard});
    EXPECT_TRUE(window.close());
    EXPECT_TRUE(findRecoveryFiles().empty());
}

TEST_F(LifecycleTest, SaveIntoAVanishedFolderSaysWhyAndStaysModified)
{
    QTemporaryDir folder;
    const QString path = QDir(folder.path()).filePath(QStringLiteral("p.claimline"));
    ASSERT_TRUE(QFile::copy(test::samplePath(), path));
    MainWindow window;
    ASSERT_TRUE(window.openFile(path));
    window.document()->setEventTitle(0, QStringLiteral("Edited"));
    ASSERT_TRUE(folder.remove());
    answer(window, {QMessageBox::Ok});

    EXPECT_FALSE(window.save());
    ASSERT_EQ(m_asked.size(), 1u);
    EXPECT_EQ(m_asked[0].name, QStringLiteral("saveFailedMessage"));
    EXPECT_TRUE(m_asked[0].text.contains(QStringLiteral("“p.claimline” was not saved")));
    EXPECT_TRUE(m_asked[0].informative.contains(path)) << m_asked[0].informative.toStdString();
    EXPECT_TRUE(m_asked[0].informative.contains(QStringLiteral("folder does not exist")));
    EXPECT_TRUE(window.document()->isModified());
    EXPECT_TRUE(window.isWindowModified());
}

TEST_F(LifecycleTest, FullDiskSaysWhyKeepsTheFileByteIdenticalAndStaysModified)
{
    if (::geteuid() != 0)
        GTEST_SKIP() << "mounting a small tmpfs needs root";
    QTemporaryDir mountPoint;
    // Room for the sample (62 KiB) but not for a second, larger version of it.
    if (QProcess::execute(QStringLiteral("mount"),
                          {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                           QStringLiteral("size=128k"), QStringLiteral("tmpfs"), mountPoint.path()})
        != 0) {
        GTEST_SKIP() << "mount -t tmpfs is not permitted here (needs CAP_SYS_ADMIN)";
    }
    struct Unmount
    {
        QString path;
        ~Unmount() { QProcess::execute(QStringLiteral("umount"), {path}); }
    } unmount {mountPoint.path()};
    const QString path = QDir(mountPoint.path()).filePath(QStringLiteral("p.claimline"));
    ASSERT_TRUE(QFile::copy(test::samplePath(), path));
    const QByteArray onDisk = test::readBytes(path);

    MainWindow window;
    ASSERT_TRUE(window.openFile(path));
    window.document()->setEventTitle(0, QString(100'000, QLatin1Char('x')));
    answer(window, {QMessageBox::Ok});
    EXPECT_FALSE(window.save());
    ASSERT_EQ(m_asked.size(), 1u);
    EXPECT_TRUE(m_asked[0].informative.contains(QStringLiteral("No space left on device")))
        << m_asked[0].informative.toStdString();
    EXPECT_TRUE(m_asked[0].informative.contains(path));
    EXPECT_TRUE(window.document()->isModified());
    EXPECT_TRUE(test::readBytes(path) == onDisk);
    EXPECT_EQ(QDir(mountPoint.path()).entryList(QDir::Files | QDir::Hidden),
              QStringList {QStringLiteral("p.claimline")});
    // Answering the quit question, so that the window closes without asking the test.
    window.autosave()->discard();
    answer(window, {QMessageBox::Discard});
}

TEST_F(LifecycleTest, ReadOnlyFolderAsAnUnprivilegedUserSaysWhyAndKeepsTheFile)
{
    if (::geteuid() != 0)
        GTEST_SKIP() << "this test drops root privileges to nobody; run it as root";
    // Everything the child needs, readable (and where needed writable) by nobody.
    QTemporaryDir base;
    ::chmod(QFile::encodeName(base.path()).constData(), 0755);
    const QString folder = QDir(base.path()).filePath(QStringLiteral("read-only"));
    const QString home = QDir(base.path()).filePath(QStringLiteral("home"));
    ASSERT_TRUE(QDir().mkdir(folder));
    ASSERT_TRUE(QDir().mkdir(home));
    ::chmod(QFile::encodeName(home).constData(), 0777);
    const QString path = QDir(folder).filePath(QStringLiteral("p.claimline"));
    ASSERT_TRUE(QFile::copy(test::samplePath(), path));
    ::chmod(QFile::encodeName(path).constData(), 0666); // the file is writable, its folder not
    ::chmod(QFile::encodeName(folder).constData(), 0555);
    const QByteArray onDisk = test::readBytes(path);

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home);
    env.insert(QStringLiteral("CLAIMLINE_RECOVERY_DIR"), home + QStringLiteral("/recovery"));
    child.setProcessEnvironment(env);
    child.start(QStringLiteral("setpriv"),
                {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                 QStringLiteral("--clear-groups"), Helper, QStringLiteral("save"), path,
                 QStringLiteral("Edited by nobody")});
    ASSERT_TRUE(child.waitForFinished(60'000));
    const QString output = QString::fromLocal8Bit(child.readAllStandardOutput());
    const QString errors = QString::fromLocal8Bit(child.readAllStandardError());
    if (child.exitCode() == 127 || errors.contains(QStringLiteral("setpriv:")))
        GTEST_SKIP() << "cannot drop privileges with setpriv: " << errors.toStdString();
    EXPECT_EQ(child.exitCode(), 0) << "the save did not fail as expected:\n"
                                   << output.toStdString() << errors.toStdString();
    EXPECT_TRUE(output.contains(QStringLiteral("“p.claimline” was not saved")))
        << output.toStdString();
    EXPECT_TRUE(output.contains(path)) << output.toStdString();
    EXPECT_TRUE(output.contains(QStringLiteral("Permission denied"))) << output.toStdString();
    EXPECT_TRUE(test::readBytes(path) == onDisk);
    EXPECT_EQ(QDir(folder).entryList(QDir::Files | QDir::Hidden),
              QStringList {QStringLiteral("p.claimline")});
    ::chmod(QFile::encodeName(folder).constData(), 0755);
}

TEST_F(LifecycleTest, CrashAfterAnAutosaveIsRecoveredAtTheNextStart)
{
    const QString path = copySample();
    const QByteArray onDisk = test::readBytes(path);
    const QString edited = QStringLiteral("Edited before the crash");

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CLAIMLINE_RECOVERY_DIR"), m_recovery);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("child-config")));
    child.setProcessEnvironment(env);
    child.start(Helper, {QStringLiteral("crash"), path, edited});
    ASSERT_TRUE(child.waitForStarted());
    QByteArray output;
    while (!output.contains("autosaved") && child.waitForReadyRead(30'000))
        output += child.readAllStandardOutput();
    ASSERT_TRUE(output.contains("autosaved"))
        << output.toStdString() << child.readAllStandardError().toStdString();
    ::kill(pid_t(child.processId()), SIGKILL);
    ASSERT_TRUE(child.waitForFinished());
    EXPECT_EQ(child.exitStatus(), QProcess::CrashExit);
    EXPECT_TRUE(test::readBytes(path) == onDisk); // the edits never reached the file

    // "Decide later" keeps the copy; the next start asks again.
    {
        MainWindow window;
        answer(window, {QMessageBox::Cancel});
        EXPECT_FALSE(window.offerRecovery());
        ASSERT_EQ(m_asked.size(), 1u);
        EXPECT_EQ(m_asked[0].name, QStringLiteral("recoveryMessage"));
        EXPECT_TRUE(m_asked[0].text.contains(QStringLiteral("“p.claimline”")))
            << m_asked[0].text.toStdString();
        EXPECT_TRUE(m_asked[0].informative.contains(QStringLiteral("It was written")));
        EXPECT_TRUE(m_asked[0].informative.contains(path));
        EXPECT_EQ(orphanedRecoveryFiles().size(), 1u);
    }

    // Restore: the edits are back, unsaved, with the original path.
    m_asked.clear();
    MainWindow window;
    answer(window, {QMessageBox::Open});
    ASSERT_TRUE(window.offerRecovery());
    EXPECT_EQ(title(*window.document(), 0), edited);
    EXPECT_EQ(title(*window.document(), 1), edited + QStringLiteral(" (second)"));
    EXPECT_EQ(window.document()->filePath(), path);
    EXPECT_TRUE(window.document()->isModified());
    EXPECT_TRUE(window.isWindowModified());
    // Kept until the user saves (a second crash before the next autosave must not lose it).
    EXPECT_EQ(findRecoveryFiles().size(), 1u);
    ASSERT_TRUE(window.save());
    EXPECT_TRUE(findRecoveryFiles().empty());
    LoadResult saved = loadProject(path);
    ASSERT_TRUE(saved.ok());
    EXPECT_EQ(saved.project->text(saved.project->events()[0].title), edited);
}

TEST_F(LifecycleTest, DiscardingARecoveryCopyDeletesIt)
{
    const QString path = copySample();
    Document document;
    ASSERT_TRUE(document.load(path).empty());
    RecoveryFile file = recoveryFileFor(path, 77);
    file.pid = 0x7ffffff0; // no such process
    file.written = QDateTime::currentDateTimeUtc();
    ASSERT_EQ(writeRecoveryFile(document.project(), file), QString());
    ASSERT_EQ(orphanedRecoveryFiles().size(), 1u);
    MainWindow window;
    answer(window, {QMessageBox::Discard});
    EXPECT_FALSE(window.offerRecovery());
    EXPECT_TRUE(findRecoveryFiles().empty());
}

TEST_F(LifecycleTest, AnotherProgramsChangeAsksToReloadOurOwnSaveDoesNot)
{
    const QString path = copySample();
    MainWindow window;
    window.fileWatcher()->setSettleDelay(50);
    ASSERT_TRUE(window.openFile(path));
    answer(window, {});

    // Our own save: no question, however long we wait.
    window.document()->setEventTitle(0, QStringLiteral("Saved by us"));
    ASSERT_TRUE(window.save());
    QTest::qWait(500);
    EXPECT_TRUE(m_asked.empty());

    // Another program writes a new version: one question; Reload loads it.
    Document other;
    ASSERT_TRUE(other.load(path).empty());
    other.setEventTitle(0, QStringLiteral("Saved by another program"));
    m_answers = {QMessageBox::Yes};
    ASSERT_EQ(other.save(), QString());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_asked.empty(); }, 5000));
    QTest::qWait(300);
    ASSERT_EQ(m_asked.size(), 1u);
    EXPECT_EQ(m_asked[0].name, QStringLiteral("reloadMessage"));
    EXPECT_FALSE(m_asked[0].informative.contains(QStringLiteral("discards")));
    EXPECT_EQ(title(*window.document(), 0), QStringLiteral("Saved by another program"));

    // With unsaved changes the question warns that they would be lost; keeping them keeps
    // them.
    window.document()->setEventTitle(1, QStringLiteral("Unsaved here"));
    other.setEventTitle(0, QStringLiteral("Again"));
    m_answers = {QMessageBox::No};
    ASSERT_EQ(other.save(), QString());
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_asked.size() >= 2; }, 5000));
    EXPECT_TRUE(m_asked[1].informative.contains(QStringLiteral("discards the changes")));
    EXPECT_EQ(title(*window.document(), 1), QStringLiteral("Unsaved here"));
    EXPECT_TRUE(window.document()->isModified());
    window.autosave()->discard();
    answer(window, {QMessageBox::Discard});
}

TEST_F(LifecycleTest, FileFromANewerVersionSaysSoAndKeepsTheOpenProject)
{
    const QString path = copySample();
    const QString newer = m_dir.filePath(QStringLiteral("future.claimline"));
    ASSERT_TRUE(test::writeFile(newer, R"({"format": "claimline", "version": 7, "events": 3})"));
    MainWindow window;
    ASSERT_TRUE(window.openFile(path));
    EXPECT_FALSE(window.openFile(newer));
    EXPECT_EQ(window.document()->filePath(), path);
    auto *dialog = window.findChild<QMessageBox *>(QStringLiteral("problemsDialog"));
    ASSERT_NE(dialog, nullptr);
    const QString list = dialog->detailedText();
    EXPECT_EQ(list,
              QStringLiteral("/version: this file was written by a newer version of "
                             "Claimline (format version 7; this version reads up to 1). "
                             "Update Claimline to open it."));
    dialog->close();
}

// A file with a repeated "version" once aborted the app on opening, losing whatever was not
// yet autosaved (issue 23). Now it is a list of problems; the edited project stays open.
TEST_F(LifecycleTest, FileWithARepeatedVersionSaysWhyAndKeepsTheEditedProject)
{
    const QString path = copySample();
    const QString repeated = m_dir.filePath(QStringLiteral("repeated.claimline"));
    ASSERT_TRUE(test::writeFile(repeated, R"({"format":"claimline","version":0,"version":[1]})"));
    MainWindow window;
    ASSERT_TRUE(window.openFile(path));
    window.document()->setEventTitle(0, QStringLiteral("Edited, not saved"));
    EXPECT_FALSE(window.openFile(repeated));
    EXPECT_EQ(window.document()->filePath(), path);
    EXPECT_TRUE(window.document()->isModified());
    EXPECT_EQ(title(*window.document(), 0), QStringLiteral("Edited, not saved"));
    auto *dialog = window.findChild<QMessageBox *>(QStringLiteral("problemsDialog"));
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->detailedText(),
              QStringLiteral("/version: the field appears twice in the same object\n"
                             "/version: must be a whole number, not an array"));
    dialog->close();
}
