#pragma once

// LoadProblemsMessage: what the window says when a file cannot be opened. It leads with plain
// words for the kind of failure ("ends in the middle: it may have been cut off while
// copying"), says what to do, and keeps the reader's technical lines (JSON Pointer: message)
// in the details, wrapped, with nothing to scroll sideways. When the file has a backup copy
// (FILE.bak, which every save keeps) it offers to open that, and says when it was saved. It
// only says; ProjectSession opens the backup when its button is clicked.

#include "format/loadfailure.h"
#include "format/problem.h"

#include <QMessageBox>

class QPushButton;

namespace claimline {

class LoadProblemsMessage final : public QMessageBox
{
    Q_OBJECT

public:
    LoadProblemsMessage(const QString &path, const Problems &problems, QWidget *parent);

    LoadFailure failure() const { return m_failure; }
    // The backup copy offered, or empty when there is none (or it would not help).
    QString backupPath() const { return m_backupPath; }
    // "Open the Backup Copy", or nullptr when no backup is offered.
    QPushButton *backupButton() const { return m_backupButton; }

    // The lead sentence and what it means, for a kind of failure of the file `name`.
    static QString lead(LoadFailure failure, const QString &name, std::size_t problems);
    static QString explanation(LoadFailure failure, const Problems &problems);

private:
    LoadFailure m_failure = LoadFailure::None;
    QString m_backupPath;
    QPushButton *m_backupButton = nullptr;
};

} // namespace claimline
