// Saving so that a failure never costs what was there before: the previous version is kept
// as PATH.bak, a failed save leaves the file and the folder exactly as they were (no
// temporary files), and targets that are not regular files (stdout, devices, pipes) are
// written to, never renamed over.

#include "format/projectreader.h"
#include "format/projectwriter.h"
#include "session/safewrite.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTemporaryFile>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace claimline;

namespace {

// Every entry of a folder, hidden ones included, sorted.
QStringList entries(const QString &directory)
{
    return QDir(directory).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// A content writer that writes `bytes` in 4 KiB pieces, retrying after a short write, as the
// project writer does.
ContentWriter writing(QByteArray bytes)
{
    return [bytes](QIODevice &device, QString *error) {
        for (qsizetype at = 0; at < bytes.size();) {
            const qint64 written
                = device.write(bytes.constData() + at, std::min<qint64>(4096, bytes.size() - at));
            if (written <= 0) {
                *error = device.errorString();
                return false;
            }
            at += written;
        }
        return true;
    };
}

// The project writer itself, as the application saves.
ContentWriter writingProject(std::shared_ptr<const Project> project)
{
    return [project](QIODevice &device, QString *error) {
        return writeProject(*project, device, error);
    };
}

// A project whose text is a little over `size` bytes.
std::shared_ptr<const Project> projectOfSize(std::size_t size)
{
    const std::string text = R"({"format": "claimline", "version": 1, "meta": {"title": ")"
        + std::string(size, 't') + "\"}}";
    LoadResult result = readProject(text);
    if (!result.ok())
        return nullptr;
    return std::make_shared<const Project>(std::move(*result.project));
}

// A content writer that writes part of the content and then fails.
ContentWriter failingAfter(QByteArray partial)
{
    return [partial](QIODevice &device, QString *error) {
        device.write(partial);
        *error = QStringLiteral("the project could not be serialised");
        return false;
    };
}

struct stat statOf(const QString &path)
{
    struct stat st = {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        st.st_mode = 0;
    return st;
}

} // namespace

TEST(SafeWrite, CreatesANewFile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("new.claimline"));
    EXPECT_EQ(safeWrite(path, writing("{\"format\": \"claimline\"}\n")), QString());
    EXPECT_EQ(test::readBytes(path), "{\"format\": \"claimline\"}\n");
    // Nothing to back up, and nothing left over.
    EXPECT_EQ(entries(dir.path()), QStringList {QStringLiteral("new.claimline")});
}

TEST(SafeWrite, ReplacingKeepsThePreviousVersionAsBak)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.claimline"));
    const QString backup = path + QStringLiteral(".bak");
    EXPECT_EQ(backupPathFor(path), backup);
    ASSERT_TRUE(test::writeFile(path, "version one"));

    EXPECT_EQ(safeWrite(path, writing("version two")), QString());
    EXPECT_EQ(test::readBytes(path), "version two");
    EXPECT_EQ(test::readBytes(backup), "version one");

    // The backup is always the version just replaced, not the first one.
    EXPECT_EQ(safeWrite(path, writing("version three")), QString());
    EXPECT_EQ(test::readBytes(path), "version three");
    EXPECT_EQ(test::readBytes(backup), "version two");
    EXPECT_EQ(entries(dir.path()),
              (QStringList {QStringLiteral("p.claimline"), QStringLiteral("p.claimline.bak")}));

    // The backup is a file of its own: the next save does not change what it holds.
    EXPECT_NE(statOf(path).st_ino, statOf(backup).st_ino);

    // Without a backup asked for, the old backup is left alone.
    SafeWriteOptions noBackup;
    noBackup.keepBackup = false;
    EXPECT_EQ(safeWrite(path, writing("version four"), noBackup), QString());
    EXPECT_EQ(test::readBytes(path), "version four");
    EXPECT_EQ(test::readBytes(backup), "version two");
}

TEST(SafeWrite, LargeContentIsWrittenWhole)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.claimline"));
    QByteArray content;
    for (int i = 0; i < 200'000; ++i)
        content += QByteArray::number(i) + ',';
    ASSERT_TRUE(test::writeFile(path, "old"));
    EXPECT_EQ(safeWrite(path, writing(content)), QString());
    EXPECT_TRUE(test::readBytes(path) == content);
    EXPECT_EQ(test::readBytes(path + QStringLiteral(".bak")), "old");
}

TEST(SafeWrite, WriterFailureLeavesEverythingAsItWas)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.claimline"));
    const QString backup = backupPathFor(path);
    ASSERT_TRUE(test::writeFile(path, "current"));
    ASSERT_TRUE(test::writeFile(backup, "previous"));
    const struct stat before = statOf(path);
    const struct stat backupBefore = statOf(backup);
    const QStringList listing = entries(dir.path());

    const QString error = safeWrite(path, failingAfter(QByteArray(100'000, 'x')));
    EXPECT_TRUE(error.contains(path)) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("the project could not be serialised")))
        << error.toStdString();
    EXPECT_EQ(test::readBytes(path), "current");
    EXPECT_EQ(test::readBytes(backup), "previous");
    EXPECT_EQ(statOf(path).st_ino, before.st_ino);
    EXPECT_EQ(statOf(backup).st_ino, backupBefore.st_ino);
    EXPECT_EQ(entries(dir.path()), listing); // no temporary file left

    // Also when the target did not exist yet: nothing is created.
    const QString fresh = dir.filePath(QStringLiteral("fresh.claimline"));
    EXPECT_FALSE(safeWrite(fresh, failingAfter("partial")).isEmpty());
    EXPECT_FALSE(QFileInfo::exists(fresh));
    EXPECT_EQ(entries(dir.path()), listing);
}

TEST(SafeWrite, MissingFolderIsReportedAndNothingCreated)
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("no/such/folder"));
    const QString path = missing + QStringLiteral("/p.claimline");
    const QString error = safeWrite(path, writing("content"));
    EXPECT_TRUE(error.contains(QStringLiteral("the folder does not exist"))) << error.toStdString();
    EXPECT_TRUE(error.contains(path)) << error.toStdString();
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("no"))));
    EXPECT_TRUE(entries(dir.path()).isEmpty());
}

TEST(SafeWrite, TargetThatIsAFolderIsReported)
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("project.claimline"));
    ASSERT_TRUE(QDir().mkdir(folder));
    const QString error = safeWrite(folder, writing("content"));
    EXPECT_TRUE(error.contains(QStringLiteral("it is a folder"))) << error.toStdString();
    EXPECT_TRUE(QFileInfo(folder).isDir());
    EXPECT_TRUE(entries(folder).isEmpty());
    EXPECT_EQ(entries(dir.path()), QStringList {QStringLiteral("project.claimline")});
}

TEST(SafeWrite, DashWritesToStdout)
{
    QTemporaryFile capture;
    ASSERT_TRUE(capture.open());
    const QString cwd = QDir::currentPath();

    std::fflush(stdout);
    const int savedStdout = ::dup(STDOUT_FILENO);
    ASSERT_GE(savedStdout, 0);
    ASSERT_GE(::dup2(capture.handle(), STDOUT_FILENO), 0);
    const QString error = safeWrite(QStringLiteral("-"), writing("to stdout\n"));
    std::fflush(stdout);
    ::dup2(savedStdout, STDOUT_FILENO);
    ::close(savedStdout);

    EXPECT_EQ(error, QString());
    EXPECT_EQ(test::readBytes(capture.fileName()), "to stdout\n");
    // Not a file called "-" (or its backup) in the working folder.
    EXPECT_FALSE(QFileInfo::exists(QDir(cwd).filePath(QStringLiteral("-"))));
    EXPECT_FALSE(QFileInfo::exists(QDir(cwd).filePath(QStringLiteral("-.bak"))));
}

TEST(SafeWrite, DevFullFailsAndStaysADevice)
{
    const QString full = QStringLiteral("/dev/full");
    if (!S_ISCHR(statOf(full).st_mode))
        GTEST_SKIP() << "/dev/full is not available";
    const QStringList devBefore = entries(QStringLiteral("/dev"));

    for (const QByteArray &content : {QByteArray("small"), QByteArray(1 << 20, 'x')}) {
        const QString error = safeWrite(full, writing(content));
        EXPECT_TRUE(error.contains(QStringLiteral("No space left on device")))
            << error.toStdString();
        EXPECT_TRUE(error.contains(full));
        // Root could rename a regular file over the device node; it must still be the device.
        EXPECT_TRUE(S_ISCHR(statOf(full).st_mode));
        EXPECT_TRUE(QFileInfo(full).exists() && !QFileInfo(full).isFile());
    }
    EXPECT_FALSE(QFileInfo::exists(QStringLiteral("/dev/full.bak")));
    EXPECT_EQ(entries(QStringLiteral("/dev")), devBefore);
}

TEST(SafeWrite, FifoIsWrittenToNotReplaced)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pipe"));
    const QByteArray name = QFile::encodeName(path);
    ASSERT_EQ(::mkfifo(name.constData(), 0600), 0);

    // The reader opens without blocking, so that a save that replaced the pipe instead of
    // writing to it fails the test rather than hanging it. More than a pipe's 64 KiB buffer
    // is written, so the reader must drain while the writer writes.
    QByteArray content;
    for (int i = 0; i < 30'000; ++i)
        content += "line " + QByteArray::number(i) + '\n';
    std::atomic<bool> saved = false;
    QByteArray received;
    const int fd = ::open(name.constData(), O_RDONLY | O_NONBLOCK);
    ASSERT_GE(fd, 0);
    std::thread reader([&] {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        char buffer[8192];
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd p {fd, POLLIN, 0};
            ::poll(&p, 1, 10);
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n > 0)
                received.append(buffer, n);
            else if (saved)
                break; // the writer is done and everything is read
        }
        ::close(fd);
    });
    const QString error = safeWrite(path, writing(content));
    saved = true;
    reader.join();

    EXPECT_EQ(error, QString());
    EXPECT_EQ(received.size(), content.size());
    EXPECT_TRUE(received == content);
    EXPECT_TRUE(S_ISFIFO(statOf(path).st_mode));
    EXPECT_EQ(entries(dir.path()), QStringList {QStringLiteral("pipe")});
}

TEST(SafeWrite, SymlinkKeepsTheLinkAndBacksUpTheOldContent)
{
    QTemporaryDir dir;
    const QString real = dir.filePath(QStringLiteral("real.claimline"));
    const QString link = dir.filePath(QStringLiteral("link.claimline"));
    ASSERT_TRUE(test::writeFile(real, "old content"));
    ASSERT_TRUE(QFile::link(real, link));

    EXPECT_EQ(safeWrite(link, writing("new content")), QString());
    EXPECT_TRUE(S_ISLNK(statOf(link).st_mode)) << "the link was replaced by a file";
    EXPECT_EQ(test::readBytes(real), "new content");
    // The backup holds the previous content, not a second link to the new one.
    EXPECT_EQ(test::readBytes(backupPathFor(link)), "old content");
    EXPECT_TRUE(S_ISREG(statOf(backupPathFor(link)).st_mode));
}

TEST(SafeWrite, FullDiskKeepsThePreviousFile)
{
    if (::geteuid() != 0)
        GTEST_SKIP() << "mounting a small tmpfs needs root";
    QTemporaryDir dir;
    const QString mountPoint = dir.path();
    if (QProcess::execute(QStringLiteral("mount"),
                          {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                           QStringLiteral("size=64k"), QStringLiteral("tmpfs"), mountPoint})
        != 0) {
        GTEST_SKIP() << "mount -t tmpfs -o size=64k is not permitted here (needs CAP_SYS_ADMIN)";
    }
    struct Unmount
    {
        QString path;
        ~Unmount() { QProcess::execute(QStringLiteral("umount"), {path}); }
    } unmount {mountPoint};

    const QString path = QDir(mountPoint).filePath(QStringLiteral("p.claimline"));
    const QString backup = backupPathFor(path);
    const auto bigProject = projectOfSize(200'000);
    ASSERT_TRUE(bigProject);
    // The disk fills at a different point of the write for each size of the previous file:
    // exactly at a write, or in the middle of one (a short write, then the failure).
    for (const int previousSize : {100, 10'000, 20'000, 30'000}) {
        for (const bool useProjectWriter : {false, true}) {
            SCOPED_TRACE(std::to_string(previousSize)
                         + (useProjectWriter ? " writeProject" : " 4 KiB pieces"));
            QFile::remove(backup);
            const QByteArray previous(previousSize, 'p');
            ASSERT_TRUE(test::writeFile(path, previous));
            const QString error = safeWrite(path,
                                            useProjectWriter ? writingProject(bigProject)
                                                             : writing(QByteArray(200'000, 'n')));
            EXPECT_TRUE(error.contains(QStringLiteral("Could not save")));
            EXPECT_TRUE(error.contains(QStringLiteral("No space left on device")))
                << error.toStdString();
            EXPECT_TRUE(test::readBytes(path) == previous);
            EXPECT_EQ(entries(mountPoint), QStringList {QStringLiteral("p.claimline")});
        }
    }

    // An existing backup is kept as it was.
    ASSERT_TRUE(test::writeFile(backup, "older"));
    EXPECT_FALSE(safeWrite(path, writing(QByteArray(200'000, 'n'))).isEmpty());
    EXPECT_EQ(test::readBytes(backup), "older");
    EXPECT_EQ(entries(mountPoint),
              (QStringList {QStringLiteral("p.claimline"), QStringLiteral("p.claimline.bak")}));

    // With room for it, the same kind of save works.
    const QByteArray previous = test::readBytes(path);
    ASSERT_TRUE(QFile::remove(backup));
    EXPECT_EQ(safeWrite(path, writing(QByteArray(20'000, 'n'))), QString());
    EXPECT_EQ(test::readBytes(path), QByteArray(20'000, 'n'));
    EXPECT_TRUE(test::readBytes(backup) == previous);
}

TEST(SafeWrite, ReadOnlyFolderAndReadOnlyFileFailAndKeepTheFile)
{
    // Root ignores permissions, so the saves are tried by a child process running as nobody:
    // one into a folder nobody may not write in (the file itself is writable), one over a
    // file nobody may not write (in a folder anyone may write in).
    QTemporaryDir base;
    const QString lockedFolder = base.filePath(QStringLiteral("read-only-folder"));
    const QString openFolder = base.filePath(QStringLiteral("open-folder"));
    ASSERT_TRUE(QDir().mkdir(lockedFolder));
    ASSERT_TRUE(QDir().mkdir(openFolder));
    const QString inLockedFolder = QDir(lockedFolder).filePath(QStringLiteral("p.claimline"));
    const QString lockedFile = QDir(openFolder).filePath(QStringLiteral("p.claimline"));
    ASSERT_TRUE(test::writeFile(inLockedFolder, "current"));
    ASSERT_TRUE(test::writeFile(lockedFile, "current"));
    const auto mode = [](const QString &path, mode_t m) {
        return ::chmod(QFile::encodeName(path).constData(), m) == 0;
    };
    ASSERT_TRUE(mode(base.path(), 0755));
    ASSERT_TRUE(mode(lockedFolder, ::geteuid() == 0 ? 0755 : 0555));
    ASSERT_TRUE(mode(inLockedFolder, 0666));
    ASSERT_TRUE(mode(openFolder, 0777));
    ASSERT_TRUE(mode(lockedFile, 0444));

    int report[2];
    ASSERT_EQ(::pipe(report), 0);
    std::fflush(nullptr);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // Only async-signal-safe calls until the privileges are dropped; exit codes report.
        ::close(report[0]);
        ::alarm(20);
        if (::geteuid() == 0
            && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(2);
        if (::geteuid() == 0)
            ::_exit(2);
        const QByteArray folderError = safeWrite(inLockedFolder, writing("new")).toUtf8();
        const QByteArray fileError = safeWrite(lockedFile, writing("new")).toUtf8();
        const QByteArray message = folderError + '\n' + fileError;
        [[maybe_unused]] const auto n
            = ::write(report[1], message.constData(), std::size_t(message.size()));
        ::_exit(folderError.isEmpty() || fileError.isEmpty() ? 1 : 0);
    }
    ::close(report[1]);
    QByteArray message;
    char buffer[1024];
    for (ssize_t n; (n = ::read(report[0], buffer, sizeof buffer)) > 0;)
        message.append(buffer, n);
    ::close(report[0]);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    mode(lockedFolder, 0755);
    ASSERT_TRUE(WIFEXITED(status)) << "the child process did not finish";
    if (WEXITSTATUS(status) == 2)
        GTEST_SKIP() << "cannot drop root privileges to nobody (setuid 65534 failed)";
    EXPECT_EQ(WEXITSTATUS(status), 0) << "a save that must fail succeeded:\n"
                                      << message.toStdString();
    const QList<QByteArray> messages = message.split('\n');
    ASSERT_EQ(messages.size(), 2);
    const QByteArray folderSave = "Could not save \"" + QFile::encodeName(inLockedFolder);
    const QByteArray fileSave = "Could not save \"" + QFile::encodeName(lockedFile);
    EXPECT_TRUE(messages[0].contains(folderSave)) << messages[0].toStdString();
    EXPECT_TRUE(messages[0].contains("Permission denied")) << messages[0].toStdString();
    EXPECT_TRUE(messages[1].contains(fileSave)) << messages[1].toStdString();
    EXPECT_TRUE(messages[1].contains("not writable")) << messages[1].toStdString();
    EXPECT_EQ(test::readBytes(inLockedFolder), "current");
    EXPECT_EQ(test::readBytes(lockedFile), "current");
    EXPECT_EQ(entries(lockedFolder), QStringList {QStringLiteral("p.claimline")});
    EXPECT_EQ(entries(openFolder), QStringList {QStringLiteral("p.claimline")});
}
