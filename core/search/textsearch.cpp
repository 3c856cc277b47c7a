#include "search/textsearch.h"

#include "model/project.h"

#include <algorithm>

namespace claimline {

const SearchMatches &TextSearch::matches(const Project &project, const QString &foldedQuery)
{
    const bool sameProject = &project == m_project && project.revision() == m_revision;
    if (sameProject && !m_results.empty() && foldedQuery == m_query)
        return m_results.back().matches;
    if (!sameProject) {
        m_results.clear();
        m_project = &project;
        m_revision = project.revision();
    }
    m_query = foldedQuery;
    std::string needle = SearchIndex::foldQuery(foldedQuery);
    const auto known = std::find_if(m_results.begin(), m_results.end(),
                                    [&needle](const Result &r) { return r.needle == needle; });
    if (known != m_results.end()) {
        std::rotate(known, known + 1, m_results.end());
        return m_results.back().matches;
    }
    // Narrow from the longest remembered needle that this one contains.
    const SearchMatches *within = nullptr;
    std::size_t longest = 0;
    for (const Result &result : m_results) {
        if (result.needle.size() >= longest && needle.find(result.needle) != std::string::npos) {
            within = &result.matches;
            longest = result.needle.size();
        }
    }
    SearchMatches found = project.searchIndex().search(project, needle, within);
    ++m_searchCount;
    if (m_results.size() == MaxResults)
        m_results.erase(m_results.begin());
    m_results.push_back({std::move(needle), std::move(found)});
    return m_results.back().matches;
}

void TextSearch::clear()
{
    m_project = nullptr;
    m_revision = 0;
    m_query.clear();
    m_results.clear();
}

} // namespace claimline
