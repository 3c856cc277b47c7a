#pragma once

// Autosave: while the document has unsaved changes, writes a recovery copy of it every
// interval (QSettings "autosave/intervalSeconds", default 60, 0 = off) so that a crash costs
// at most one interval of work (recoveryfile.h says where, and when copies are deleted).
//
// Why a snapshot and a worker thread: serialising a 1M-event project takes ~2 s, far too long
// to freeze the window. The GUI thread only copies the project (Project::clone(): the item
// arrays are copied, the text arena is shared, since it is append-only) and a worker thread
// serialises and writes the copy. At most one write runs at a time; a tick while one runs,
// or without a change since the last copy, does nothing.

#include "recoveryfile.h"

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
    void finished(const RecoveryFile &file, const QString &error, quint64 generation,
                  qint64 milliseconds);

    Document *m_document = nullptr;
    QTimer *m_timer = nullptr;
    std::unique_ptr<QThreadPool> m_pool;
    RecoveryFile m_file;
    std::vector<RecoveryFile> m_adopted;
    bool m_changed = false; // changed since the last copy was taken
    bool m_writing = false;
    bool m_haveCopy = false; // m_file is on disk
    quint64 m_generation = 0; // bumped by discard(): a write that finishes later is dropped
};

} // namespace claimline
