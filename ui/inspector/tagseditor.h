#pragma once

// TagsEditor: the Inspector's Tags field, for an item of any kind: a comma-separated line edit
// with a note under it.
//
// One item shown alone: the field is its tags, and what is typed replaces them in that order
// (one undo step; typing again in the field merges, Document::Field::Tags). Several items of
// one kind selected together: the field shows the tags they all share and the note lists the
// ones only some have (kept); a tag added is added to each, a tag removed is removed from each,
// and each keeps its other tags (Document::setTags(), one undo step).
//
// It commits when it is left (the form registers it with its FieldUndo as such): the form
// calls fill() and commit(), since it knows when its fields are edits.

#include "model/model.h"

#include <QWidget>

#include <span>
#include <string>
#include <vector>

class QLabel;
class QLineEdit;

namespace claimline {

class Document;
class Project;

class TagsEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit TagsEditor(QWidget *parent = nullptr);

    QLineEdit *edit() const { return m_edit; }
    QLabel *note() const { return m_note; }

    // Shows the tags of `shown`, or those all of `group` share (items of shown's kind; fewer
    // than two: shown alone). `overwrite`: whether the field's text may be replaced (not while
    // it holds typing not yet committed).
    void fill(const Project &project, ItemRef shown, std::span<const std::uint32_t> group,
              bool overwrite);
    // Commits what is typed to `shown` or to the group, as one undo step (nothing when the
    // tags are already so).
    void commit(Document *document, ItemRef shown, std::span<const std::uint32_t> group);

    // The tags typed in the field, in order, each once.
    std::vector<std::string> typedTags() const;
    // The tags (word indices) of `shown` that every item of `group` has too, in shown's order.
    static std::vector<std::uint32_t> sharedTags(const Project &project, ItemRef shown,
                                                 std::span<const std::uint32_t> group);

private:
    QLineEdit *m_edit = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace claimline
