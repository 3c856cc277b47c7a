#include "common/wheelguard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QWidget>

namespace claimline {

void WheelGuard::guard(QWidget *root)
{
    // One guard per root, a child of it, found again on the next call.
    auto *guard = root->findChild<WheelGuard *>(QString(), Qt::FindDirectChildrenOnly);
    if (!guard)
        guard = new WheelGuard(root);
    const auto protect = [guard](QWidget *field) {
        // Not from the wheel alone: a click or Tab gives the field focus.
        field->setFocusPolicy(Qt::StrongFocus);
        field->installEventFilter(guard); // once, however often it is installed
    };
    for (QComboBox *field : root->findChildren<QComboBox *>())
        protect(field);
    for (QAbstractSpinBox *field : root->findChildren<QAbstractSpinBox *>())
        protect(field);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        auto *field = qobject_cast<QWidget *>(watched);
        if (field && !field->hasFocus()) {
            // Unhandled: QApplication hands it on to the parents, the scroll area among them.
            event->ignore();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace claimline
