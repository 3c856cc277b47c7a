#pragma once

// SourceResolver: the source each source name of a dataset becomes, during one import. Sources
// are deduplicated by name across the whole project: a source whose title is the name is
// reused (the first such), else one is created (id "src-" + the name's slug, title and outlet
// the name). Each name is resolved once and remembered.

#include "import/nametable.h"

#include <cstdint>
#include <string_view>

namespace claimline {

class Project;

class SourceResolver
{
public:
    explicit SourceResolver(Project &project);

    std::uint32_t sourceFor(std::string_view name);

private:
    Project &m_project;
    NameTable m_byTitle;
};

} // namespace claimline
