#pragma once

// TextSearch: the matches of one text query in one project, remembered between calls.
//
// The Filter is asked, item by item, whether each event and claim matches its query. This
// answers every such question with a bit test, from one search of the project's SearchIndex
// (searchindex.h) made when the query or the project changes (Project::revision()). Typing on
// narrows: a query that contains an earlier one searches only that one's matches. The last
// few results are kept, so deleting back to an earlier query costs no search.

#include "search/searchindex.h"

#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace claimline {

class Project;

class TextSearch
{
public:
    // The matches of a query already folded with foldForSearch() (the Filter's needle). The
    // reference stays valid until the next call.
    const SearchMatches &matches(const Project &project, const QString &foldedQuery);
    // How many searches ran (for tests of the caching).
    int searchCount() const { return m_searchCount; }
    // Drops every remembered result.
    void clear();

private:
    struct Result
    {
        std::string needle;
        SearchMatches matches;
    };
    static constexpr std::size_t MaxResults = 8;

    const Project *m_project = nullptr;
    std::uint64_t m_revision = 0;
    QString m_query; // the query m_results.back() answers
    std::vector<Result> m_results; // oldest first
    int m_searchCount = 0;
};

} // namespace claimline
