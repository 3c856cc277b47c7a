#pragma once

// CheckList: a list of check boxes in one widget, for the Filter panel's parties, questions and
// tags (one widget however many rows, not one QCheckBox per party).
//
// Clicking anywhere on a row toggles it. Narrowing to one row takes one gesture, not one click
// per other row: the "only" button a hovered row shows at its right end, Alt+click (or
// Ctrl+click: some window managers take Alt+click) on a row, or the row's context menu (also
// from the keyboard: Menu key or Shift+F10 on the current row), which offers "Check All" and
// "Uncheck All" too. Each user action, one row or many, is one checksChanged(), so that the
// panel changes the Filter once and the views recompute once.

#include <QListWidget>

#include <cstdint>
#include <set>

class QMenu;

namespace claimline {

class CheckList final : public QListWidget
{
    Q_OBJECT

public:
    // As tall as its rows up to maxRows, then it scrolls.
    CheckList(int maxRows, QWidget *parent);

    // Whether checking every row is offered. A list of requirements where every checked row
    // must hold (tags) would show nothing with all checked: it offers "Uncheck All" only.
    void setOffersAll(bool offers) { m_offersAll = offers; }
    bool offersAll() const { return m_offersAll; }

    // A row for `value` (a party, question or word index), unchecked.
    QListWidgetItem *addCheckItem(const QString &text, std::uint32_t value);
    std::uint32_t valueOf(const QListWidgetItem *item) const;
    std::set<std::uint32_t> checkedValues() const;
    // Shows these values checked and the rest unchecked, without checksChanged(): for
    // following the Filter, not for the user's changes.
    void setCheckedValues(const std::set<std::uint32_t> &values);

    // The user's bulk changes, each one checksChanged() (none when nothing changes).
    void checkOnly(int row);
    void setAllChecked(bool checked);

    // The menu of a row (or of the list when row is -1): "Only …", "Check All", "Uncheck All".
    // The caller owns it.
    QMenu *createContextMenu(int row);

    // Where a row of this rectangle (viewport coordinates) shows its "only" button.
    QRect onlyButtonRect(const QRect &rowRect) const;
    static QString onlyButtonText();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // The user changed what is checked: one row, or several at once.
    void checksChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void popUpMenuAtCurrentRow();
    void popUpMenu(int row, const QPoint &globalPos);
    // Sets each row's state to what `checked` says for its row, as one change.
    template<typename Checked>
    void applyChecks(Checked checked);

    int m_maxRows;
    bool m_offersAll = true;
    // Set while rows change as one: their itemChanged() are not the user's single toggles.
    bool m_quiet = false;
};

} // namespace claimline
