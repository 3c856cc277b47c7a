#pragma once

// EvidenceChecker: verifies the project's evidence in the background (evidenceverifier.h) and
// hands the report to the Document, which tells every view (Document::evidenceChanged()).
//
// A check starts by itself when a project is opened or saved somewhere else, so that a missing
// or altered file is flagged without anyone asking; Tools ▸ Verify Evidence starts one on
// demand and shows the report (EvidenceActions). A new check cancels the one running, and only
// the newest check's report is kept. Files are hashed on a thread of its own, cancelled between
// blocks of a megabyte; the destructor cancels and waits for that block.

#include "evidence/evidenceverifier.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace claimline {

class Document;

class EvidenceChecker final : public QObject
{
    Q_OBJECT

public:
    EvidenceChecker(Document *document, QObject *parent = nullptr);
    ~EvidenceChecker() override;

    // Starts checking the project's evidence now (a project without a file or without
    // attachments gives an empty report at once).
    void check();
    bool isChecking() const { return m_running; }
    // Stops the check running; its report is dropped.
    void cancel();

Q_SIGNALS:
    void progress(int done, int total);
    // After the Document has the new report.
    void finished(const claimline::EvidenceReport &report);

private:
    void deliver(std::uint64_t generation, EvidenceReport report);

    Document *m_document = nullptr;
    QThreadPool m_pool;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::uint64_t m_generation = 0;
    bool m_running = false;
};

} // namespace claimline
