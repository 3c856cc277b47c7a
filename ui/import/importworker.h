#pragma once

// ImportWorker: runs one job of the import wizard (reading the files through for the preview,
// the import itself) on a thread of its own, so that the wizard keeps painting, shows the
// progress and answers Cancel while a 400 MB file is read.
//
// The job's data belongs to the job (a shared_ptr it captures), never to a widget that may be
// gone when it ends; the page that started it reads the progress and the result from the same
// shared_ptr. Whoever owns the worker stops it before anything the job uses goes away (the
// destructor does).

#include <QObject>

#include <functional>

class QThread;

namespace claimline {

class ImportWorker final : public QObject
{
    Q_OBJECT

public:
    explicit ImportWorker(QObject *parent = nullptr);
    ~ImportWorker() override;

    // Runs `work` on a new thread; `cancel` asks it to stop (sets its progress's cancel);
    // `done` is called on this object's thread once `work` returned (done or cancelled), and
    // the results can be read. A job already running is stopped first.
    void start(std::function<void()> work, std::function<void()> cancel,
               std::function<void()> done);
    bool isRunning() const;
    // Asks the running job to stop (it returns soon after); `done` still follows.
    void cancel();
    // Cancels and blocks until the job has returned; its `done` is not called.
    void stop();

private:
    void threadFinished();

    QThread *m_thread = nullptr;
    std::function<void()> m_cancel;
    std::function<void()> m_done;
    int m_jobs = 0;
};

} // namespace claimline
