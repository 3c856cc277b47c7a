#include "inspector/fieldnote.h"

#include <QEvent>
#include <QLabel>
#include <QPalette>

namespace claimline {

namespace {

const char *const ProblemProperty = "claimlineFieldProblem";

// The problem's red, for the window colour the label is drawn on (its parent's: the label's
// own palette holds the red).
void applyProblemColor(QLabel *label)
{
    const QWidget *on = label->parentWidget() ? label->parentWidget() : label;
    const bool dark = on->palette().color(QPalette::Window).lightness() < 128;
    // Only the text colour is the label's own; the rest follows its parent.
    QPalette warning;
    warning.setColor(QPalette::WindowText,
                     dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    label->setPalette(warning);
}

// A problem shown before the theme changed (View ▸ Theme) takes the red of the new palette:
// the light theme's red is unreadable on the dark window, and the dark one's on the light.
class ProblemColor final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ParentChange)
            && watched->property(ProblemProperty).toBool())
            applyProblemColor(static_cast<QLabel *>(watched));
        return false;
    }
};

} // namespace

void showFieldProblem(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setProperty(ProblemProperty, true);
    if (!label->findChild<ProblemColor *>(QString(), Qt::FindDirectChildrenOnly))
        label->installEventFilter(new ProblemColor(label));
    applyProblemColor(label);
    label->setForegroundRole(QPalette::WindowText);
    label->show();
}

void showFieldNote(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setProperty(ProblemProperty, false);
    label->setPalette(QPalette());
    label->setForegroundRole(QPalette::PlaceholderText);
    label->show();
}

} // namespace claimline
