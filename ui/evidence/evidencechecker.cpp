#include "evidence/evidencechecker.h"

#include "document/document.h"
#include "evidence/evidencestore.h"
#include "model/project.h"

#include <QMetaObject>

#include <spdlog/spdlog.h>

namespace claimline {

EvidenceChecker::EvidenceChecker(Document *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    m_pool.setMaxThreadCount(1);
    connect(document, &Document::reset, this, &EvidenceChecker::check);
    // Saved into another folder: the evidence is looked for there now.
    connect(document, &Document::filePathChanged, this, &EvidenceChecker::check);
}

EvidenceChecker::~EvidenceChecker()
{
    cancel();
    m_pool.waitForDone();
}

void EvidenceChecker::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    ++m_generation;
    m_running = false;
}

void EvidenceChecker::check()
{
    cancel();
    const std::uint64_t generation = m_generation;
    // The list is read here, on the GUI thread, where the project lives; the worker only reads
    // files.
    EvidenceCheckList list = evidenceCheckList(m_document->project());
    if (list.entries.empty() || !m_document->hasEvidenceFolder()) {
        EvidenceReport empty;
        empty.attachments = list.attachments;
        deliver(generation, std::move(empty));
        return;
    }
    m_running = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    spdlog::debug("verifying {} evidence file(s)", list.entries.size());
    m_pool.start([this, generation, list = std::move(list), cancel = m_cancel,
                  store = EvidenceStore::forProjectFile(m_document->filePath())] {
        EvidenceReport report
            = verifyEvidence(list, store, cancel.get(), [this, generation](int done, int total) {
                  QMetaObject::invokeMethod(
                      this,
                      [this, generation, done, total] {
                          if (generation == m_generation)
                              Q_EMIT progress(done, total);
                      },
                      Qt::QueuedConnection);
              });
        // The destructor waits for this task, so `this` outlives it; a queued call to an
        // object deleted meanwhile is dropped with it.
        QMetaObject::invokeMethod(
            this,
            [this, generation, report = std::move(report)]() mutable {
                deliver(generation, std::move(report));
            },
            Qt::QueuedConnection);
    });
}

void EvidenceChecker::deliver(std::uint64_t generation, EvidenceReport report)
{
    if (generation != m_generation || report.cancelled)
        return;
    m_running = false;
    spdlog::info("verified the evidence: {} file(s), {} problem(s)", report.files,
                 report.problems.size());
    m_document->setEvidenceReport(report);
    Q_EMIT finished(report);
}

} // namespace claimline
