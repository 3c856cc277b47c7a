#pragma once

// The look of the narratives HTML page (narrativeshtml.h): its style sheet and the colours of
// parties and stances, those of the light publication palette that the pictures use, computed
// without Qt Gui. Private to the HTML export.
//
// Why the page is CSS only: a published page must read from a 360 px phone to a wide screen
// with no script. The matrix's overview is a table in a scrolling box (the page itself never
// scrolls sideways), the claims are a grid of party cells per question that wraps to as many
// columns as fit (one on a phone), and side by side stacks A, the answer and B on a phone.

#include "model/model.h"

#include <QString>

#include <cstdint>

namespace claimline {

class Project;

// The whole style sheet (without <style>).
QString narrativesPageCss();
// A party's colour as "#rrggbb" (common/colors.h's partyColor() on the publication palette).
QString narrativesPartyCss(const Project &project, std::uint32_t party);
// The class naming a stance's colours: "s-affirms", …, "s-none".
QString narrativesStanceClass(Stance stance);

} // namespace claimline
