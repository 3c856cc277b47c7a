#include "session/autosave.h"

#include "document/document.h"
#include "model/project.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSettings>
#include <QThreadPool>
#include <QTimer>
#include <QUndoStack>

#include <spdlog/spdlog.h>

#include <atomic>

namespace claimline {

namespace {

const QString IntervalKey = QStringLiteral("autosave/intervalSeconds");

int nextSerial()
{
    static std::atomic<int> serial {0};
    return ++serial;
}

} // namespace

Autosave::Autosave(Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_timer(new QTimer(this))
    , m_pool(std::make_unique<QThreadPool>())
    , m_file(recoveryFileFor({}, nextSerial()))
{
    m_pool->setMaxThreadCount(1);
    connect(m_timer, &QTimer::timeout, this, &Autosave::autosaveNow);
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, &Autosave::onChanged);
    // Saved (or undone back to the saved state): the copy is no longer needed.
    connect(m_document, &Document::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            discard();
    });
    // Another project replaced this one (new, open, revert): the user saved or discarded it.
    connect(m_document, &Document::reset, this, &Autosave::discard);
    setInterval(intervalFromSettings() * 1000);
}

Autosave::~Autosave()
{
    m_pool->waitForDone();
}

int Autosave::intervalFromSettings()
{
    bool ok = false;
    const int seconds = QSettings().value(IntervalKey, DefaultIntervalSeconds).toInt(&ok);
    return ok ? std::max(seconds, 0) : DefaultIntervalSeconds;
}

void Autosave::setInterval(int milliseconds)
{
    if (milliseconds <= 0) {
        m_timer->stop();
        m_timer->setInterval(0);
        return;
    }
    m_timer->start(milliseconds);
}

int Autosave::interval() const
{
    return m_timer->isActive() ? m_timer->interval() : 0;
}

void Autosave::onChanged()
{
    m_changed = true;
}

void Autosave::autosaveNow()
{
    if (m_writing || !m_changed || !m_document->isModified())
        return;
    if (!m_target) {
        prepareTarget(); // calls this again when the target is ready
        return;
    }
    m_changed = false;
    QElapsedTimer timer;
    timer.start();
    // The only part on the GUI thread: a copy of the arrays into touched memory, the text
    // shared.
    std::shared_ptr<Project> snapshot = std::move(m_target);
    m_document->project().copyTo(*snapshot);
    m_lastSnapshotNs = timer.nsecsElapsed();
    spdlog::debug("autosave: snapshot of the project took {} ms", timer.elapsed());
    RecoveryFile file = m_file;
    file.originalPath = m_document->filePath();
    file.written = QDateTime::currentDateTimeUtc();
    m_writing = true;
    const quint64 generation = m_generation;
    m_pool->start([this, snapshot = std::move(snapshot), file, generation] {
        QElapsedTimer writeTimer;
        writeTimer.start();
        const QString error = writeRecoveryFile(*snapshot, file);
        const qint64 elapsed = writeTimer.elapsed();
        // The destructor waits for this function, so `this` is alive here; the queued call
        // is dropped if it is destroyed before the call is delivered.
        QMetaObject::invokeMethod(
            this,
            [this, snapshot, file, error, generation, elapsed] {
                finished(snapshot, file, error, generation, elapsed);
            },
            Qt::QueuedConnection);
    });
}

void Autosave::prepareTarget()
{
    m_writing = true;
    const Project::Shape shape = m_document->project().shape();
    const quint64 generation = m_generation;
    m_pool->start([this, shape, generation] {
        auto target = std::make_shared<Project>();
        target->preallocate(shape);
        QMetaObject::invokeMethod(
            this,
            [this, target, generation] {
                m_writing = false;
                if (generation != m_generation)
                    return; // saved or discarded meanwhile
                m_target = target;
                autosaveNow();
            },
            Qt::QueuedConnection);
    });
}

void Autosave::finished(std::shared_ptr<Project> snapshot, const RecoveryFile &file,
                        const QString &error, quint64 generation, qint64 milliseconds)
{
    m_writing = false;
    if (generation == m_generation)
        m_target = std::move(snapshot); // reused for the next copy
    if (generation != m_generation) {
        // Saved or discarded while the copy was being written: it must not outlive that.
        removeRecoveryFile(file);
        return;
    }
    if (!error.isEmpty()) {
        spdlog::warn("autosave failed: {}", error.toStdString());
        m_changed = true; // try again at the next tick
        Q_EMIT failed(error);
        return;
    }
    m_file = file;
    m_haveCopy = true;
    spdlog::info("autosaved a recovery copy to {} in {} ms", file.projectPath.toStdString(),
                 milliseconds);
    // Our copy now holds everything a restored one did.
    for (const RecoveryFile &adopted : std::as_const(m_adopted))
        removeRecoveryFile(adopted);
    m_adopted.clear();
    Q_EMIT written(file.projectPath);
}

void Autosave::waitForWrite()
{
    // Preparing the target is followed by the write itself.
    do {
        m_pool->waitForDone();
        QCoreApplication::sendPostedEvents(this);
    } while (m_writing);
}

void Autosave::discard()
{
    ++m_generation;
    m_changed = false;
    m_target.reset(); // its memory is only worth keeping while there are changes to copy
    if (m_haveCopy) {
        removeRecoveryFile(m_file);
        m_haveCopy = false;
    }
    for (const RecoveryFile &adopted : std::as_const(m_adopted))
        removeRecoveryFile(adopted);
    m_adopted.clear();
}

void Autosave::adopt(const RecoveryFile &file)
{
    m_adopted.push_back(file);
    m_changed = true;
}

} // namespace claimline
