// Autosave and what it rests on: Project::clone() (the snapshot a worker thread writes while
// the original keeps changing), recovery files and their sidecars, finding the copies a
// crashed process left, and FileWatcher telling another program's change from our own save.

#include "document/document.h"
#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "session/autosave.h"
#include "session/filewatcher.h"
#include "session/recoveryfile.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

using namespace claimline;

namespace {

Project loadSample()
{
    LoadResult result = loadProject(test::samplePath());
    EXPECT_TRUE(result.ok());
    return std::move(*result.project);
}

class AutosaveTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_recovery = m_dir.filePath(QStringLiteral("recovery"));
        qputenv("CLAIMLINE_RECOVERY_DIR", QFile::encodeName(m_recovery));
    }
    void TearDown() override { qunsetenv("CLAIMLINE_RECOVERY_DIR"); }

    QTemporaryDir m_dir;
    QString m_recovery;
};

} // namespace

TEST(ProjectClone, IsEqualAndIndependentOfTheOriginal)
{
    Project original = loadSample();
    const std::string before = projectToString(original);
    Project copy = original.clone();
    EXPECT_EQ(projectToString(copy), before);
    EXPECT_EQ(copy.find("russia"), original.find("russia"));

    // Text added to the original after the copy goes past the copy's end of the shared arena;
    // text added to the copy goes to a chunk of its own. Neither sees the other's.
    original.events()[0].title = original.addText(std::string_view("changed in the original"));
    copy.events()[1].title = copy.addText(std::string_view("changed in the copy"));
    EXPECT_EQ(original.text(original.events()[0].title), QStringLiteral("changed in the original"));
    EXPECT_EQ(copy.text(copy.events()[1].title), QStringLiteral("changed in the copy"));
    EXPECT_NE(copy.text(copy.events()[0].title), QStringLiteral("changed in the original"));
    EXPECT_NE(original.text(original.events()[1].title), QStringLiteral("changed in the copy"));

    // The copy outlives the original (the worker may still write it after a new project is
    // opened): the shared text stays.
    const std::string copied = projectToString(copy);
    original = Project();
    EXPECT_EQ(projectToString(copy), copied);
}

TEST(ProjectClone, CopyToReusesTheTarget)
{
    const Project original = loadSample();
    Project target;
    target.preallocate(original.shape());
    const Event *prepared = target.events().data();
    original.copyTo(target);
    EXPECT_EQ(target.events().data(), prepared); // copied into the preallocated array
    const Event *events = target.events().data();
    original.copyTo(target);
    EXPECT_EQ(target.events().data(), events); // same array, nothing reallocated
    EXPECT_EQ(projectToString(target), projectToString(original));
}

TEST_F(AutosaveTest, RecoveryFileRoundTripAndOrphans)
{
    const Project project = loadSample();
    RecoveryFile file = recoveryFileFor(QStringLiteral("/somewhere/p.claimline"), 1000);
    file.written = QDateTime::currentDateTimeUtc();
    ASSERT_EQ(writeRecoveryFile(project, file), QString());
    EXPECT_TRUE(file.projectPath.startsWith(m_recovery));

    std::vector<RecoveryFile> found = findRecoveryFiles();
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].originalPath, QStringLiteral("/somewhere/p.claimline"));
    EXPECT_EQ(found[0].pid, QCoreApplication::applicationPid());
    EXPECT_EQ(found[0].written.toMSecsSinceEpoch(), file.written.toMSecsSinceEpoch());
    EXPECT_EQ(test::readString(found[0].projectPath), projectToString(project));
    // Written by this running process: not an orphan.
    EXPECT_TRUE(orphanedRecoveryFiles().empty());

    // A copy written by a process that is gone is an orphan.
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0)
        ::_exit(0);
    ASSERT_EQ(::waitpid(child, nullptr, 0), child);
    RecoveryFile dead = file;
    dead.pid = child;
    dead.projectPath = QDir(m_recovery).filePath(QStringLiteral("dead.claimline"));
    dead.infoPath = QDir(m_recovery).filePath(QStringLiteral("dead.json"));
    ASSERT_EQ(writeRecoveryFile(project, dead), QString());
    found = orphanedRecoveryFiles();
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].projectPath, dead.projectPath);

    // A copy without its sidecar, or with an unreadable one, is never offered.
    QFile::remove(dead.infoPath);
    EXPECT_TRUE(orphanedRecoveryFiles().empty());
    ASSERT_TRUE(test::writeFile(dead.infoPath, "{not json"));
    EXPECT_TRUE(orphanedRecoveryFiles().empty());

    removeRecoveryFile(file);
    EXPECT_FALSE(QFile::exists(file.projectPath));
    EXPECT_FALSE(QFile::exists(file.infoPath));
}

TEST_F(AutosaveTest, WritesOnlyWhenModifiedAndChangedAndDeletesOnSave)
{
    const QString path = m_dir.filePath(QStringLiteral("p.claimline"));
    ASSERT_TRUE(QFile::copy(test::samplePath(), path));
    Document document;
    ASSERT_TRUE(document.load(path).empty());
    Autosave autosave(&document);
    autosave.setInterval(0);
    QSignalSpy written(&autosave, &Autosave::written);

    autosave.autosaveNow(); // unmodified: nothing
    autosave.waitForWrite();
    EXPECT_EQ(written.count(), 0);

    document.setEventTitle(0, QStringLiteral("Autosaved title"));
    autosave.autosaveNow();
    EXPECT_TRUE(autosave.isWriting());
    // An edit while the copy is written does not disturb it (the worker has its own copy).
    document.setEventTitle(1, QStringLiteral("Typed while writing"));
    autosave.waitForWrite();
    ASSERT_EQ(written.count(), 1);
    const RecoveryFile file = autosave.recoveryFile();
    LoadResult recovered = loadProject(file.projectPath);
    ASSERT_TRUE(recovered.ok());
    EXPECT_EQ(recovered.project->text(recovered.project->events()[0].title),
              QStringLiteral("Autosaved title"));
    EXPECT_EQ(findRecoveryFiles().at(0).originalPath, path);

    // Changed since: written again; unchanged since: not.
    document.setEventTitle(2, QStringLiteral("Changed since"));
    autosave.autosaveNow();
    autosave.waitForWrite();
    EXPECT_EQ(written.count(), 2);
    autosave.autosaveNow();
    autosave.waitForWrite();
    EXPECT_EQ(written.count(), 2);

    // Saving deletes the copy; the original file has the edits and the copy is not needed.
    ASSERT_EQ(document.save(), QString());
    EXPECT_FALSE(QFile::exists(file.projectPath));
    EXPECT_FALSE(QFile::exists(file.infoPath));
}

TEST_F(AutosaveTest, ACopyFinishingAfterASaveIsDropped)
{
    const QString path = m_dir.filePath(QStringLiteral("p.claimline"));
    ASSERT_TRUE(QFile::copy(test::samplePath(), path));
    Document document;
    ASSERT_TRUE(document.load(path).empty());
    Autosave autosave(&document);
    autosave.setInterval(0);
    document.setEventTitle(0, QStringLiteral("Edited"));
    autosave.autosaveNow();
    autosave.waitForWrite();
    ASSERT_EQ(findRecoveryFiles().size(), 1u);
    document.setEventTitle(0, QStringLiteral("Edited again"));
    autosave.autosaveNow();
    EXPECT_TRUE(autosave.isWriting());
    ASSERT_EQ(document.save(), QString()); // while the copy is being written
    autosave.waitForWrite();
    EXPECT_TRUE(findRecoveryFiles().empty());
}

TEST_F(AutosaveTest, IntervalComesFromSettings)
{
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QSettings().remove(QStringLiteral("autosave/intervalSeconds"));
    Document document;
    EXPECT_EQ(Autosave(&document).interval(), 60'000);
    QSettings().setValue(QStringLiteral("autosave/intervalSeconds"), 5);
    EXPECT_EQ(Autosave(&document).interval(), 5'000);
    QSettings().setValue(QStringLiteral("autosave/intervalSeconds"), 0);
    EXPECT_EQ(Autosave(&document).interval(), 0); // off
    QSettings().remove(QStringLiteral("autosave/intervalSeconds"));
}

TEST(FileWatcher, AnotherProgramsChangeIsReportedOursIsNot)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.claimline"));
    ASSERT_TRUE(QFile::copy(test::samplePath(), path));
    Document document;
    ASSERT_TRUE(document.load(path).empty());
    FileWatcher watcher;
    watcher.setSettleDelay(50);
    watcher.setPath(path);
    QSignalSpy changed(&watcher, &FileWatcher::changedOnDisk);

    // Our own atomic save (a new inode), acknowledged at once as the window does.
    document.setEventTitle(0, QStringLiteral("Ours"));
    ASSERT_EQ(document.save(), QString());
    watcher.acknowledge();
    QTest::qWait(400);
    EXPECT_EQ(changed.count(), 0);

    // Another program rewrites it in place, in several writes: one report.
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::Append));
        for (int i = 0; i < 5; ++i) {
            file.write("\n");
            file.flush();
        }
    }
    EXPECT_TRUE(QTest::qWaitFor([&] { return changed.count() >= 1; }, 5000));
    QTest::qWait(300);
    EXPECT_EQ(changed.count(), 1);

    // And once more after an atomic replace by another program (the watch follows the name).
    const QString other = dir.filePath(QStringLiteral("other.tmp"));
    ASSERT_TRUE(QFile::copy(test::samplePath(), other));
    ASSERT_TRUE(QFile::remove(path));
    ASSERT_TRUE(QFile::rename(other, path));
    EXPECT_TRUE(QTest::qWaitFor([&] { return changed.count() >= 2; }, 5000));
    EXPECT_EQ(changed.last().at(0).toString(), path);
}
