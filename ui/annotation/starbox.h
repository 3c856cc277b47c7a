#pragma once

// StarBox: the Inspector's star toggle for the selected items, whatever their kinds. It shows
// the mixed state honestly (partly checked when only some of them are starred, with how many
// in its text and tooltip), and a click stars them all unless all are starred, then unstars
// them all: one undo step either way (Document::setStarred()).

#include "model/model.h"

#include <QCheckBox>

#include <vector>

namespace claimline {

class Document;

class StarBox final : public QCheckBox
{
    Q_OBJECT

public:
    explicit StarBox(Document *document, QWidget *parent = nullptr);

    // The items a click stars or unstars (the selection, or the item shown).
    void setItems(std::vector<ItemRef> items);
    const std::vector<ItemRef> &items() const { return m_items; }
    // Shows the items' state again (after an edit or an undo).
    void refresh();

protected:
    // Partly or not checked: a click stars all; all checked: it unstars all.
    void nextCheckState() override;

private:
    Document *m_document = nullptr;
    std::vector<ItemRef> m_items;
};

} // namespace claimline
