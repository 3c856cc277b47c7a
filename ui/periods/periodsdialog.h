#pragma once

// PeriodsDialog: Edit ▸ Periods…, the list of the project's periods (named spans of time the
// record is set against, drawn as bands behind the timeline's lanes). The table edits a
// period's title and time in place; the fields below add one; Remove removes the selected
// ones. Every change is one undo step of the document (Ctrl+Z works in the dialog too), and a
// time is EDTF, read live as it is typed: what it reads as, or why it is not a time.

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace claimline {

class Document;
class PeriodsModel;

class PeriodsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit PeriodsDialog(Document *document, QWidget *parent = nullptr);

    // The window's one Periods dialog, made on first use, shown and raised.
    static PeriodsDialog *showFor(Document *document, QWidget *window);

    QTableView *table() const { return m_table; }
    PeriodsModel *model() const { return m_model; }

    // Adds the period typed in the fields below the table; false (with the reason shown)
    // when its title is empty or its time is not EDTF.
    bool addTyped();
    // Removes the selected periods (one undo step each, last first so indices hold).
    void removeSelected();

private:
    // Shows a reading or a problem under the table, red for a problem.
    void showStatus(const QString &text, bool problem);
    void updateButtons();

    Document *m_document = nullptr;
    PeriodsModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_when = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace claimline
