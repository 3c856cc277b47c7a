#pragma once

// The small menu that asks how one claim answers another, shown when a claim is Alt+dragged
// onto another on the timeline or in the narratives view. One function for both views, so
// that the kinds read the same and come in the same order everywhere.

#include "model/model.h"

#include <QPoint>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace claimline {

// Asks for a relation kind at a global point; nullopt when the user dismisses the question.
// Views hold one of these so that tests can answer instead of a menu.
using AskRelationKind = std::function<std::optional<RelationKind>(const QPoint &globalPos)>;

// "Denies", "Disputes", "Rebuts", "Qualifies", "Corroborates".
QString relationKindLabel(RelationKind kind);

// Pops up a menu of the relation kinds at globalPos, headed by `title` (plain text, elided),
// and returns the chosen kind.
std::optional<RelationKind> execRelationKindMenu(QWidget *parent, const QPoint &globalPos,
                                                 const QString &title);

} // namespace claimline
