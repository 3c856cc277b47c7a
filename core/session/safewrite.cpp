#include "session/safewrite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace claimline {

namespace {

QString describe(const QString &path, const QString &what, const QString &why)
{
    return QStringLiteral("Could not save \"%1\": %2 (%3).").arg(path, what, why);
}

// Writes straight to a stream or device that must not be renamed over.
QString writeDirect(const QString &path, const ContentWriter &write)
{
    QFile file;
    bool opened = false;
    if (path == QLatin1String("-"))
        opened = file.open(stdout, QIODevice::WriteOnly, QFileDevice::DontCloseHandle);
    else {
        file.setFileName(path);
        opened = file.open(QIODevice::WriteOnly);
    }
    if (!opened)
        return describe(path, QStringLiteral("cannot open it for writing"), file.errorString());
    QString error;
    if (!write(file, &error))
        return describe(path, QStringLiteral("writing failed"), error);
    // A device like /dev/full accepts buffered writes and fails on flush.
    if (!file.flush())
        return describe(path, QStringLiteral("writing failed"), file.errorString());
    if (path == QLatin1String("-") && std::fflush(stdout) != 0)
        return describe(path, QStringLiteral("writing failed"),
                        QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

// Keeps the current version of the target as PATH.bak before it is replaced: a hard link
// costs nothing and keeps the old inode when the rename replaces the name; where links are
// not supported, a copy. When PATH is a symlink, QSaveFile replaces the file it points to, so
// the link must follow it too (plain link() would link the symlink itself, and the backup
// would then show the new content).
bool keepBackup(const QString &path)
{
    const QString backup = backupPathFor(path);
    const QString temporary = backup + QStringLiteral(".tmp");
    QFile::remove(temporary);
#ifdef Q_OS_UNIX
    if (::linkat(AT_FDCWD, QFile::encodeName(path).constData(), AT_FDCWD,
                 QFile::encodeName(temporary).constData(), AT_SYMLINK_FOLLOW)
        != 0) {
        if (!QFile::copy(path, temporary))
            return false;
    }
#else
    if (!QFile::copy(path, temporary))
        return false;
#endif
    QFile::remove(backup);
    if (!QFile::rename(temporary, backup)) {
        QFile::remove(temporary);
        return false;
    }
    return true;
}

void syncDirectory(const QString &directory)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        if (::fsync(fd) != 0)
            spdlog::debug("fsync of the folder failed: {}", std::strerror(errno));
        ::close(fd);
    }
#else
    Q_UNUSED(directory);
#endif
}

} // namespace

QString backupPathFor(const QString &path)
{
    return path + QStringLiteral(".bak");
}

QString safeWrite(const QString &path, const ContentWriter &write, const SafeWriteOptions &options)
{
    const QFileInfo info(path);
    if (path == QLatin1String("-") || (info.exists() && !info.isFile() && !info.isDir()))
        return writeDirect(path, write);
    if (info.isDir())
        return describe(path, QStringLiteral("it is a folder"),
                        QStringLiteral("choose a file name"));
    const QDir directory = info.absoluteDir();
    if (!directory.exists())
        return describe(path, QStringLiteral("the folder does not exist"), directory.path());

    QSaveFile file(path);
    // Unbuffered: the content writer writes large chunks itself, and a disk that fills up in
    // the middle of QFileDevice's buffer flush is reported as "Unknown error" (Qt records no
    // errno for a short write). Unbuffered, the short write reaches the writer, whose retry
    // of the rest fails with the real reason ("No space left on device").
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return describe(path, QStringLiteral("cannot create a file in %1").arg(directory.path()),
                        file.errorString());
    QString error;
    if (!write(file, &error)) {
        file.cancelWriting();
        return describe(path, QStringLiteral("writing failed"), error);
    }
    // The backup is made only once the new content is fully written: if writing fails, the
    // old file and the old backup both stay as they were.
    if (options.keepBackup && info.isFile() && !keepBackup(path)) {
        file.cancelWriting();
        return describe(
            path, QStringLiteral("cannot keep the previous version as %1").arg(backupPathFor(path)),
            QStringLiteral("check the folder's permissions"));
    }
    if (!file.commit())
        return describe(path, QStringLiteral("writing failed"), file.errorString());
    syncDirectory(directory.absolutePath());
    return {};
}

} // namespace claimline
