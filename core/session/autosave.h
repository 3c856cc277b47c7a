#pragma once

// Autosave: while the document has unsaved changes, writes a recovery copy of it every
// interval (QSettings "autosave/intervalSeconds", default 60, 0 = off) so that a crash costs
// at most one interval of work (recoveryfile.h says where, and when copies are deleted).
//
// Why a snapshot and a worker thread: serialising a 1M-event project takes ~2-3 s, far too
// long to freeze the window. The GUI thread only copies the project (Project::copyTo(): the
// item arrays are copied, the text arena is shared, since it is append-only) and a worker
// thread serialises and writes the copy. The copy goes into a target kept between copies
// whose memory the worker allocated and touched beforehand: a copy into fresh memory costs a
// page fault per 4 KiB (~0.6 s at 1M events here), into touched memory ~50 ms. The target
// is dropped when the project is saved or discarded. At most one job runs at a time; a tick
// while one runs, or without a change since the last copy, does nothing.

#include "session/recoveryfile.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QThreadPool;
class QTimer;

namespace claimline {

class Document;
class Project;

class Autosave final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultIntervalSeconds = 60;

    explicit Autosave(Document *document, QObject *parent = nullptr);
    // Waits for a write in progress: the worker uses this object's files.
    ~Autosave() override;

    // The interval from QSettings (seconds; 0 or less turns autosave off).
    static int intervalFromSettings();
    // Milliseconds between copies; 0 = off.
    void setInterval(int milliseconds);
    int interval() const;

    // Writes a copy now if there is something new to save (the timer calls it).
    void autosaveNow();
    bool isWriting() const { return m_writing; }
    // Blocks until the write in progress (if any) has finished and reported (tests).
    void waitForWrite();
    // The copy this session writes (it exists once written() was emitted).
    const RecoveryFile &recoveryFile() const { return m_file; }
    // How long the GUI thread spent on the last snapshot, in nanoseconds (the benchmark).
    qint64 lastSnapshotNs() const { return m_lastSnapshotNs; }

    // The project was saved, discarded or closed: its copies go.
    void discard();
    // The document was restored from this copy: keep it until a copy of ours replaces it or
    // the document is saved or discarded, and write a copy of ours at the next tick.
    void adopt(const RecoveryFile &file);

Q_SIGNALS:
    void written(const QString &recoveryPath);
    void failed(const QString &error);

private:
    void onChanged();
    void prepareTarget();
    void finished(std::shared_ptr<Project> snapshot, const RecoveryFile &file, const QString &error,
                  quint64 generation, qint64 milliseconds);

    Document *m_document = nullptr;
    QTimer *m_timer = nullptr;
    std::unique_ptr<QThreadPool> m_pool;
    RecoveryFile m_file;
    std::vector<RecoveryFile> m_adopted;
    bool m_changed = false; // changed since the last copy was taken
    bool m_writing = false; // a write, or the preparation of m_target, is under way
    std::shared_ptr<Project> m_target; // where the next snapshot is copied to
    bool m_haveCopy = false; // m_file is on disk
    qint64 m_lastSnapshotNs = 0;
    quint64 m_generation = 0; // bumped by discard(): a write that finishes later is dropped
};

} // namespace claimline
