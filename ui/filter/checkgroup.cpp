#include "filter/checkgroup.h"

#include "filter/checkmenu.h"

#include <QCheckBox>
#include <QContextMenuEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QScopedValueRollback>

#include <spdlog/spdlog.h>

namespace claimline {

namespace {

constexpr Qt::KeyboardModifiers OnlyModifiers = Qt::AltModifier | Qt::ControlModifier;

} // namespace

CheckGroup::CheckGroup(QWidget *parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(12);
    m_grid->setVerticalSpacing(2);
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(1, 1);
}

QCheckBox *CheckGroup::addBox(const QString &text, const QString &objectName)
{
    auto *box = new QCheckBox(text, this);
    box->setObjectName(objectName);
    box->setChecked(true);
    box->setContextMenuPolicy(Qt::DefaultContextMenu);
    box->installEventFilter(this);
    connect(box, &QCheckBox::toggled, this, [this] {
        if (!m_quiet)
            Q_EMIT checksChanged();
    });
    const int i = count();
    m_grid->addWidget(box, i / 2, i % 2);
    m_boxes.push_back(box);
    return box;
}

bool CheckGroup::isChecked(int i) const
{
    return box(i)->isChecked();
}

void CheckGroup::setChecked(int i, bool checked)
{
    const QScopedValueRollback quiet(m_quiet, true);
    box(i)->setChecked(checked);
}

template<typename Checked>
void CheckGroup::applyChecks(Checked checked)
{
    bool changed = false;
    {
        const QScopedValueRollback quiet(m_quiet, true);
        for (int i = 0; i < count(); ++i) {
            if (box(i)->isChecked() != checked(i)) {
                box(i)->setChecked(checked(i));
                changed = true;
            }
        }
    }
    if (changed)
        Q_EMIT checksChanged();
}

void CheckGroup::checkOnly(int i)
{
    if (i < 0 || i >= count())
        return;
    spdlog::info("filter: only {} checked", box(i)->objectName().toStdString());
    applyChecks([i](int other) { return other == i; });
}

void CheckGroup::setAllChecked(bool checked)
{
    spdlog::info("filter: every box of {} {}", objectName().toStdString(),
                 checked ? "checked" : "unchecked");
    applyChecks([checked](int) { return checked; });
}

QMenu *CheckGroup::createContextMenu(int i)
{
    const bool onRow = i >= 0 && i < count();
    return createCheckMenu(this,
                           {onRow ? box(i)->text() : QString(), [this, i] { checkOnly(i); },
                            [this](bool checked) {
                                setAllChecked(checked);
                            }});
}

// At globalPos, or under box i when that is null (opened from the keyboard).
void CheckGroup::popUpMenu(int i, QPoint globalPos)
{
    QMenu *menu = createContextMenu(i);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (globalPos.isNull())
        globalPos = box(i)->mapToGlobal(QPoint(box(i)->width() / 3, box(i)->height()));
    menu->popup(globalPos);
}

int CheckGroup::indexOf(QObject *object) const
{
    for (int i = 0; i < count(); ++i) {
        if (box(i) == object)
            return i;
    }
    return -1;
}

// A box's Alt/Ctrl-click and context menu. The press with the modifier is taken from the box
// so that it does not toggle on the release as well.
bool CheckGroup::eventFilter(QObject *watched, QEvent *event)
{
    const int i = indexOf(watched);
    if (i < 0)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && (mouse->modifiers() & OnlyModifiers)) {
            m_onlyPressed = i;
            return true;
        }
        break;
    }
    case QEvent::MouseButtonRelease: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && m_onlyPressed >= 0) {
            const bool same
                = m_onlyPressed == i && box(i)->rect().contains(mouse->position().toPoint());
            m_onlyPressed = -1;
            if (same)
                checkOnly(i);
            return true;
        }
        break;
    }
    case QEvent::ContextMenu: {
        const auto *context = static_cast<QContextMenuEvent *>(event);
        popUpMenu(
            i, context->reason() == QContextMenuEvent::Keyboard ? QPoint() : context->globalPos());
        return true;
    }
    case QEvent::KeyPress: {
        // Shift+F10 opens the menu, as the Menu key does.
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_F10 && key->modifiers() == Qt::ShiftModifier) {
            popUpMenu(i, QPoint());
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace claimline
