#pragma once

// CitationEditor: the sources an event or a claim cites, each with its excerpt, for the
// Inspector. One piece of code for both kinds of item.
//
// It lists the citations (source title and excerpt), edits the excerpt of the chosen one,
// adds a citation of an existing source (picked from a combo) and removes the chosen one. It
// changes nothing itself: every change is announced as the whole new list of citations
// (edited()), and the Inspector writes it into the item as one undo step. Excerpt text goes
// into the Document's append-only text pool (Document::addText()) first.

#include "model/model.h"

#include <QStringList>
#include <QWidget>

#include <span>
#include <vector>

class QComboBox;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace claimline {

class Document;

class CitationEditor final : public QWidget
{
    Q_OBJECT

public:
    enum class Change { Add, Remove, Excerpt };

    explicit CitationEditor(Document *document, QWidget *parent = nullptr);
    ~CitationEditor() override;

    // Shows an item's citations. A new item starts at its first citation; the same item (after
    // an edit or an undo) keeps the chosen row.
    void setCitations(std::span<const Citation> citations, bool newItem);
    const std::vector<Citation> &citations() const { return m_citations; }
    // The chosen citation's row, or -1.
    int currentRow() const;
    // The chosen citation's excerpt, edited as typed.
    QPlainTextEdit *excerptEdit() const { return m_excerpt; }

Q_SIGNALS:
    // The item's citations should become `citations`: `change` of a citation of `source`.
    void edited(const std::vector<claimline::Citation> &citations,
                claimline::CitationEditor::Change change, std::uint32_t source);

private:
    void fillSources();
    void showExcerpt();
    void add();
    void remove();
    void commitExcerpt();

    Document *m_document = nullptr;
    std::vector<Citation> m_citations;
    QStringList m_sourceNames; // what m_sourceChoice holds, to refill only on a change
    int m_pendingRow = -1; // the row to choose once the edited list comes back
    bool m_updating = false;

    QListWidget *m_list = nullptr;
    QPlainTextEdit *m_excerpt = nullptr;
    QComboBox *m_sourceChoice = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace claimline
