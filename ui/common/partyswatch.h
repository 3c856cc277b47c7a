#pragma once

// The small square that stands for a party in lists and menus (the Catalog, the Filter, the
// narratives' party picker): the party's colour as the views draw it on this palette (its own
// colour, or the fallback the lanes use for a party without one, lightened on dark; see
// colors.h), framed in the text colour.

#include <QIcon>

#include <cstdint>

class QPalette;

namespace claimline {

class Project;

QIcon partySwatch(const Project &project, std::uint32_t party, const QPalette &palette);

} // namespace claimline
