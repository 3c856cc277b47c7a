#pragma once

// DeleteDialog: confirms deleting items and says what else refers to them.
//
// "Delete ‘Russia’?" lists the items that refer to what is deleted (actors, events, claims,
// relations) and offers what to do with them (deletion.h): delete them too (with how many of
// each kind that takes), reassign them to another item of the same kind, or keep them
// without the reference when no reference is required. Without referrers it is a plain
// confirmation. All text is plain.

#include "document/document.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QRadioButton;

namespace claimline {

class DeleteDialog final : public QDialog
{
    Q_OBJECT

public:
    DeleteDialog(const Document *document, std::vector<ItemRef> items, QWidget *parent = nullptr);

    const std::vector<ItemRef> &items() const { return m_items; }
    DeleteMode mode() const;
    // Only the modes offered can be chosen; returns whether it was.
    bool setMode(DeleteMode mode);
    bool isModeOffered(DeleteMode mode) const;
    // The item referrers move to (Reassign), an index of the deleted items' kind.
    std::uint32_t reassignTarget() const;
    bool setReassignTarget(std::uint32_t index);

    // The question and the list of referrers, as shown.
    QString questionText() const;
    QString referencesText() const;

private:
    void updateOk();

    const Document *m_document;
    std::vector<ItemRef> m_items;
    QLabel *m_question = nullptr;
    QLabel *m_references = nullptr;
    QRadioButton *m_cascade = nullptr;
    QRadioButton *m_reassign = nullptr;
    QRadioButton *m_detach = nullptr;
    QComboBox *m_target = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace claimline
