#pragma once

// WheelGuard: the mouse wheel scrolls a form, never the value of a field it passes over. In a
// scrolled form (the Inspector) a combo box or spin box under the pointer takes the wheel by
// default: scrolling down the form then changes an event's status or a claim's stance without
// the user noticing. Guarded fields take the wheel only once they have focus (a click or Tab);
// until then it goes on to the form's scroll area.

#include <QObject>

class QWidget;

namespace claimline {

class WheelGuard final : public QObject
{
    Q_OBJECT

public:
    // Guards every combo box and spin box in `root` (those made later too, when called again:
    // guarding twice changes nothing).
    static void guard(QWidget *root);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace claimline
