#include "import/sourceresolver.h"

#include "import/importids.h"
#include "model/project.h"

#include <QUrl>

namespace claimline {

namespace {

// A source's outlet when its address is all there is to tell it: the host, without "www.".
std::string outletOf(std::string_view url)
{
    QString host
        = QUrl(QString::fromUtf8(url.data(), qsizetype(url.size())), QUrl::TolerantMode).host();
    if (host.startsWith(QLatin1String("www.")))
        host.remove(0, 4);
    return host.toStdString();
}

} // namespace

SourceResolver::SourceResolver(Project &project)
    : m_project(project)
{
    const auto &sources = project.sources();
    for (std::uint32_t i = 0; i < sources.size(); ++i) {
        m_byTitle.try_emplace(std::string(project.view(sources[i].title)), i);
        if (const std::string_view url = project.view(sources[i].url); !url.empty())
            m_byUrl.try_emplace(std::string(url), i);
    }
}

std::uint32_t SourceResolver::sourceFor(std::string_view name)
{
    if (const auto found = m_byTitle.find(name); found != m_byTitle.end())
        return found->second;
    return add(name, {});
}

std::uint32_t SourceResolver::sourceFor(std::string_view name, std::string_view url)
{
    if (url.empty())
        return sourceFor(name);
    if (const auto found = m_byUrl.find(url); found != m_byUrl.end())
        return found->second;
    if (const auto found = m_byTitle.find(name); found != m_byTitle.end()
        && m_project.view(m_project.sources()[found->second].url).empty()) {
        m_byUrl.emplace(std::string(url), found->second);
        return found->second;
    }
    return add(name, url);
}

std::uint32_t SourceResolver::add(std::string_view name, std::string_view url)
{
    Source source;
    source.title = m_project.addText(name);
    if (url.empty()) {
        source.outlet = source.title;
    } else {
        source.url = m_project.addText(url);
        source.outlet = m_project.addText(outletOf(url));
    }
    const std::string slug = idSlug(name);
    source.id = m_project.addText(
        uniqueId(m_project, slug.empty() ? std::string() : "src-" + slug, "src"));
    auto &sources = m_project.sources();
    sources.push_back(source);
    const auto index = static_cast<std::uint32_t>(sources.size() - 1);
    (void)m_project.registerId({ItemKind::Source, index});
    m_byTitle.try_emplace(std::string(name), index);
    if (!url.empty())
        m_byUrl.emplace(std::string(url), index);
    return index;
}

} // namespace claimline
