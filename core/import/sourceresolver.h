#pragma once

// SourceResolver: the source each source name of a dataset becomes, during one import. Sources
// are deduplicated by name across the whole project: a source whose title is the name is
// reused (the first such), else one is created (id "src-" + the name's slug, title and outlet
// the name). Each name is resolved once and remembered.
//
// A source named with its web address (a TimelineJS link) is found by the address first: the
// project's source at that url is reused, whatever its title. Else a source of that title
// without an address of its own is reused (the dataset names a source the project knows); one
// at another address is another source (two links both called "here" are two sources). Else
// one is created with the title, the address, and its host as the outlet.

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
    // The source for a name and its address; without an address, sourceFor(name).
    std::uint32_t sourceFor(std::string_view name, std::string_view url);

private:
    // A new source of that title (and address, when given).
    std::uint32_t add(std::string_view name, std::string_view url);

    Project &m_project;
    NameTable m_byTitle;
    NameTable m_byUrl;
};

} // namespace claimline
