#include "session/filewatcher.h"

#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

#include <spdlog/spdlog.h>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace claimline {

FileWatcher::FileWatcher(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this))
    , m_settle(new QTimer(this))
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(300);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &changed) {
        if (changed == m_path)
            m_settle->start(); // restarts: one check after the burst
    });
    // A file replaced by a rename is reported as a change of its folder once the watch on
    // the old inode is gone.
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        if (!m_path.isEmpty())
            m_settle->start();
    });
    connect(m_settle, &QTimer::timeout, this, &FileWatcher::check);
}

FileWatcher::~FileWatcher() = default;

void FileWatcher::setSettleDelay(int milliseconds)
{
    m_settle->setInterval(milliseconds);
}

void FileWatcher::setPath(const QString &path)
{
    m_settle->stop();
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_path = path;
    m_known = signatureOf(m_path);
    watch();
}

void FileWatcher::acknowledge()
{
    m_known = signatureOf(m_path);
    watch();
}

void FileWatcher::watch()
{
    if (m_path.isEmpty())
        return;
    if (QFileInfo::exists(m_path) && !m_watcher->files().contains(m_path))
        m_watcher->addPath(m_path);
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!m_watcher->directories().contains(folder))
        m_watcher->addPath(folder);
}

void FileWatcher::check()
{
    if (m_path.isEmpty())
        return;
    watch(); // an atomic save replaced the inode: watch the new one
    const Signature now = signatureOf(m_path);
    if (now == m_known)
        return;
    // A file that vanished (moved away, or half-way through another program's save) is not a
    // new version to load: wait until it is back.
    if (!now.exists)
        return;
    m_known = now;
    spdlog::info("the open project file changed on disk");
    Q_EMIT changedOnDisk(m_path);
}

FileWatcher::Signature FileWatcher::signatureOf(const QString &path)
{
    Signature signature;
    if (path.isEmpty())
        return signature;
#ifdef Q_OS_UNIX
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return signature;
    signature.exists = true;
    signature.size = std::int64_t(st.st_size);
    signature.modifiedNs = std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    signature.inode = std::uint64_t(st.st_ino);
#else
    const QFileInfo info(path);
    if (!info.exists())
        return signature;
    signature.exists = true;
    signature.size = info.size();
    signature.modifiedNs = info.lastModified().toMSecsSinceEpoch() * 1'000'000;
#endif
    return signature;
}

} // namespace claimline
