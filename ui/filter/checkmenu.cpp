#include "filter/checkmenu.h"

#include <QCoreApplication>
#include <QMenu>

namespace claimline {

QMenu *createCheckMenu(QWidget *parent, const CheckMenuActions &actions)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("CheckMenu", text);
    };
    auto *menu = new QMenu(parent);
    if (!actions.onlyName.isEmpty()) {
        QAction *only = menu->addAction(QString(tr("Only \u201C%1\u201D")).arg(actions.onlyName)
                                        + u'\t' + tr("Alt+Click"));
        only->setObjectName(QStringLiteral("checkOnlyAction"));
        QObject::connect(only, &QAction::triggered, menu, actions.checkOnly);
        menu->addSeparator();
    }
    if (actions.offersAll) {
        QAction *all = menu->addAction(tr("Check All"));
        all->setObjectName(QStringLiteral("checkAllAction"));
        QObject::connect(all, &QAction::triggered, menu,
                         [set = actions.setAllChecked] { set(true); });
    }
    QAction *none = menu->addAction(tr("Uncheck All"));
    none->setObjectName(QStringLiteral("uncheckAllAction"));
    QObject::connect(none, &QAction::triggered, menu,
                     [set = actions.setAllChecked] { set(false); });
    return menu;
}

} // namespace claimline
