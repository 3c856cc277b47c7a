#include "common/relationkindmenu.h"

#include <QAction>
#include <QCoreApplication>
#include <QFontMetrics>
#include <QMenu>

namespace claimline {

QString relationKindLabel(RelationKind kind)
{
    switch (kind) {
    case RelationKind::Denies:
        return QCoreApplication::translate("RelationKindMenu", "Denies");
    case RelationKind::Disputes:
        return QCoreApplication::translate("RelationKindMenu", "Disputes");
    case RelationKind::Rebuts:
        return QCoreApplication::translate("RelationKindMenu", "Rebuts");
    case RelationKind::Qualifies:
        return QCoreApplication::translate("RelationKindMenu", "Qualifies");
    case RelationKind::Corroborates:
        return QCoreApplication::translate("RelationKindMenu", "Corroborates");
    }
    return {};
}

std::optional<RelationKind> execRelationKindMenu(QWidget *parent, const QPoint &globalPos,
                                                 const QString &title)
{
    QMenu menu(parent);
    // A section title is drawn as plain text; elided because claim statements can be long.
    menu.addSection(QFontMetrics(menu.font()).elidedText(title, Qt::ElideMiddle, 360));
    for (std::size_t i = 0; i < RelationKindNames.size(); ++i) {
        const auto kind = RelationKind(i);
        if (kind == RelationKind::Corroborates)
            menu.addSeparator(); // support apart from the counter-claims
        QAction *action = menu.addAction(relationKindLabel(kind));
        action->setData(int(i));
    }
    const QAction *chosen = menu.exec(globalPos);
    if (!chosen || !chosen->data().isValid())
        return std::nullopt;
    return RelationKind(chosen->data().toInt());
}

} // namespace claimline
