#include "import/sourceresolver.h"

#include "import/importids.h"
#include "model/project.h"

namespace claimline {

SourceResolver::SourceResolver(Project &project)
    : m_project(project)
{
    const auto &sources = project.sources();
    for (std::uint32_t i = 0; i < sources.size(); ++i)
        m_byTitle.try_emplace(std::string(project.view(sources[i].title)), i);
}

std::uint32_t SourceResolver::sourceFor(std::string_view name)
{
    if (const auto found = m_byTitle.find(name); found != m_byTitle.end())
        return found->second;
    Source source;
    source.title = m_project.addText(name);
    source.outlet = source.title;
    const std::string slug = idSlug(name);
    source.id = m_project.addText(
        uniqueId(m_project, slug.empty() ? std::string() : "src-" + slug, "src"));
    auto &sources = m_project.sources();
    sources.push_back(source);
    const auto index = static_cast<std::uint32_t>(sources.size() - 1);
    (void)m_project.registerId({ItemKind::Source, index});
    m_byTitle.emplace(std::string(name), index);
    return index;
}

} // namespace claimline
