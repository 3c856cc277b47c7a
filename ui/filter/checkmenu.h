#pragma once

// The context menu of a filter section's boxes (CheckGroup) and rows (CheckList): "Only “X”"
// for the row under the mouse (with its modifier-click shown where shortcuts are, so the menu
// teaches the faster way), then Check All (where the section offers it) and Uncheck All.

#include <QString>

#include <functional>

class QMenu;
class QWidget;

namespace claimline {

struct CheckMenuActions
{
    QString onlyName; // the row's name; empty: no row under the mouse
    std::function<void()> checkOnly;
    std::function<void(bool)> setAllChecked;
    bool offersAll = true;
};

QMenu *createCheckMenu(QWidget *parent, const CheckMenuActions &actions);

} // namespace claimline
