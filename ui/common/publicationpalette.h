#pragma once

// The light palette every published picture uses (PNG, SVG, PDF, print), whatever the
// desktop theme: a reader of a report should not see it in the author's dark mode.

#include <QPalette>

namespace claimline {

// A light palette for publication, whatever the desktop theme.
QPalette publicationPalette();

} // namespace claimline
