#pragma once

// CheckGroup: a small fixed set of check boxes in two columns (the Filter panel's statuses and
// stances), with the same ways to narrow to one as CheckList: Alt+click (or Ctrl+click) on a
// box, or its context menu (Menu key or Shift+F10 on the focused box), which offers "Check
// All" and "Uncheck All" too. Each user action is one checksChanged().

#include <QWidget>

#include <vector>

class QCheckBox;
class QGridLayout;
class QMenu;

namespace claimline {

class CheckGroup final : public QWidget
{
    Q_OBJECT

public:
    explicit CheckGroup(QWidget *parent = nullptr);

    // Adds a checked box, in reading order (left to right, then down).
    QCheckBox *addBox(const QString &text, const QString &objectName);
    int count() const { return int(m_boxes.size()); }
    QCheckBox *box(int i) const { return m_boxes[std::size_t(i)]; }
    bool isChecked(int i) const;
    // Shows a box checked or not, without checksChanged(): for following the Filter.
    void setChecked(int i, bool checked);

    // The user's bulk changes, each one checksChanged() (none when nothing changes).
    void checkOnly(int i);
    void setAllChecked(bool checked);

    // The menu of box i: "Only …", "Check All", "Uncheck All". The caller owns it.
    QMenu *createContextMenu(int i);

Q_SIGNALS:
    void checksChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    template<typename Checked>
    void applyChecks(Checked checked);
    int indexOf(QObject *object) const;
    void popUpMenu(int i, QPoint globalPos);

    QGridLayout *m_grid = nullptr;
    std::vector<QCheckBox *> m_boxes;
    bool m_quiet = false;
    // The box an Alt/Ctrl-press went to: its release checks it alone.
    int m_onlyPressed = -1;
};

} // namespace claimline
