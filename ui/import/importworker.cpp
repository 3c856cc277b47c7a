#include "import/importworker.h"

#include <QThread>

#include <utility>

namespace claimline {

ImportWorker::ImportWorker(QObject *parent)
    : QObject(parent)
{ }

ImportWorker::~ImportWorker()
{
    stop();
}

void ImportWorker::start(std::function<void()> work, std::function<void()> cancel,
                         std::function<void()> done)
{
    stop();
    m_cancel = std::move(cancel);
    m_done = std::move(done);
    m_thread = QThread::create(std::move(work));
    m_thread->setObjectName(QStringLiteral("importWorker"));
    // The job's number: a finished() already queued from a job that stop() ended must not be
    // taken for this one's.
    const int job = ++m_jobs;
    connect(m_thread, &QThread::finished, this, [this, job] {
        if (job == m_jobs)
            threadFinished();
    });
    m_thread->start();
}

bool ImportWorker::isRunning() const
{
    return m_thread != nullptr;
}

void ImportWorker::cancel()
{
    if (m_thread && m_cancel)
        m_cancel();
}

void ImportWorker::stop()
{
    if (!m_thread)
        return;
    cancel();
    ++m_jobs; // nobody waits for its finished() any more
    m_done = {};
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void ImportWorker::threadFinished()
{
    // QThread::finished() is queued from the job's thread, which may still be winding down
    // (it emits before it is done): wait the moment that takes, then the thread object goes.
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    // Moved out first: `done` may start the next job.
    const std::function<void()> done = std::exchange(m_done, {});
    if (done)
        done();
}

} // namespace claimline
