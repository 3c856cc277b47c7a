#pragma once

// FileWatcher: notices when another program changes the open project file.
//
// QFileSystemWatcher reports every write, and an atomic save (ours or another editor's)
// replaces the file's inode, after which the watch is gone: the path is added again after
// each change. Bursts (an editor writing in pieces) are coalesced into one check a little
// later. The check compares what the file is now (size, modification time in nanoseconds,
// inode) with what we last read or wrote ourselves (acknowledge()), so the app's own saves
// never count as changes from outside.

#include <QObject>
#include <QString>

#include <cstdint>

class QFileSystemWatcher;
class QTimer;

namespace claimline {

class FileWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit FileWatcher(QObject *parent = nullptr);
    ~FileWatcher() override;

    // Watches this file (empty: nothing) and takes what it is now as known.
    void setPath(const QString &path);
    QString path() const { return m_path; }
    // What the file is now is ours (we just loaded or saved it, or the user declined to
    // reload it): only a later change counts.
    void acknowledge();
    // How long to wait for a burst of changes to settle (default 300 ms).
    void setSettleDelay(int milliseconds);

Q_SIGNALS:
    // The file differs from what we last read or wrote. Emitted once per change.
    void changedOnDisk(const QString &path);

private:
    struct Signature
    {
        bool exists = false;
        std::int64_t size = 0;
        std::int64_t modifiedNs = 0;
        std::uint64_t inode = 0;
        friend bool operator==(const Signature &, const Signature &) = default;
    };
    static Signature signatureOf(const QString &path);
    void check();
    void watch();

    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_settle = nullptr;
    QString m_path;
    Signature m_known;
};

} // namespace claimline
