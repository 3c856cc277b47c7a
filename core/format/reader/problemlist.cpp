#include "format/reader/problemlist.h"

#include "format/formatkeys.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <utility>

namespace claimline {

void ProblemList::add(std::string pointer, std::string message)
{
    if (m_beforeAdd)
        m_beforeAdd();
    if (m_problems.size() < MaxProblems)
        m_problems.push_back({std::move(pointer), std::move(message)});
    else if (m_problems.size() == MaxProblems)
        m_problems.push_back({"", "too many problems; only the first 1000 are listed"});
}

bool ProblemList::fail(std::string pointer, std::string message)
{
    if (m_beforeAdd)
        m_beforeAdd();
    m_problems.push_back({std::move(pointer), std::move(message)});
    m_aborted = true;
    return false;
}

void ProblemList::sortInFileOrder()
{
    const auto position = [](const Problem &p) {
        if (p.pointer.empty())
            return std::pair<int, std::uint64_t>(-1, 0);
        const std::string_view pointer(p.pointer);
        const std::size_t second = pointer.find('/', 1);
        const std::string_view top = pointer.substr(
            1, second == std::string_view::npos ? std::string_view::npos : second - 1);
        const int rank = keys::indexOf(keys::RootKeys, top);
        std::uint64_t index = 0;
        if (second != std::string_view::npos) {
            const std::string_view rest = pointer.substr(second + 1);
            std::from_chars(rest.data(), rest.data() + rest.size(), index);
        }
        return std::pair<int, std::uint64_t>(rank < 0 ? int(keys::RootKeys.size()) : rank, index);
    };
    std::stable_sort(m_problems.begin(), m_problems.end(),
                     [&](const Problem &a, const Problem &b) { return position(a) < position(b); });
}

std::string withArticle(std::string_view noun)
{
    const bool vowel
        = !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
    return (vowel ? "an " : "a ") + std::string(noun);
}

} // namespace claimline
