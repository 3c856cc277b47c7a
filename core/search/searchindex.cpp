#include "search/searchindex.h"

#include "model/project.h"
#include "model/sidebyside.h"
#include "search/searchtext.h"

#include <QChar>
#include <QString>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace claimline {

namespace {

// Separates the fields of one item's folded copy. 0xFF never occurs in UTF-8, so a folded
// needle (valid UTF-8) never matches across it.
constexpr char Separator = '\xff';

// Below this many items a search runs on the calling thread: starting threads would cost
// more than it saves.
constexpr std::size_t ParallelThreshold = 1 << 16;

constexpr std::array<unsigned char, 256> makeLowerTable()
{
    std::array<unsigned char, 256> table {};
    for (unsigned i = 0; i < 256; ++i)
        table[i] = static_cast<unsigned char>(i >= 'A' && i <= 'Z' ? i + 32 : i);
    return table;
}
// ASCII lower-casing; bytes of multi-byte UTF-8 sequences pass unchanged.
constexpr std::array<unsigned char, 256> Lower = makeLowerTable();

bool isAsciiText(std::string_view text)
{
    const char *p = text.data();
    std::size_t n = text.size();
    std::uint64_t high = 0;
    for (; n >= 8; p += 8, n -= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        high |= word;
    }
    for (; n > 0; ++p, --n)
        high |= static_cast<unsigned char>(*p);
    return (high & 0x8080808080808080ull) == 0;
}

// foldForSearchUtf8() expects composed text; a text with combining marks (и + breve typed as
// two code points) goes through foldForSearch(), which composes it first, so that the index
// folds exactly as the Filter's query is folded.
bool hasCombiningMark(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        if (length == 1 || i + length > text.size())
            return true; // invalid UTF-8: let QString decide what it means
        char32_t c = length == 4 ? b & 0x07 : length == 3 ? b & 0x0F : b & 0x1F;
        for (std::size_t k = 1; k < length; ++k)
            c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        if (c >= 0x300 && QChar::isMark(c))
            return true;
        i += length;
    }
    return false;
}

void appendFolded(std::string_view text, std::string &out)
{
    if (!hasCombiningMark(text)) {
        foldForSearchUtf8(text, out);
        return;
    }
    const QByteArray folded
        = foldForSearch(QString::fromUtf8(text.data(), qsizetype(text.size()))).toUtf8();
    out.append(folded.constData(), std::size_t(folded.size()));
}

// A folded needle, prepared for scanning texts that are either pure ASCII (compared
// lower-cased) or already folded (where lower-casing changes nothing).
//
// The scan tests 16 candidate positions at once (SSE2, every x86-64 has it): a position is a
// candidate when both its first and its last byte match the needle's, either case; only
// candidates are compared in full. Measured on one thread over the titles and summaries of
// the 1M-event project (~250 MB): "zzz" 34 ms, "terr" 53 ms, "intelligence" 77 ms; memchr on
// each case of the first byte then a compare: 36, 236, 208 ms (it stops at every 't');
// std::boyer_moore_horspool_searcher with a case-insensitive predicate: 1141, 1421, 543 ms
// (its table is a hash map once the predicate is not ==); a byte loop: 160, 416, 377 ms.
class Needle
{
public:
    explicit Needle(std::string_view folded)
        : m_text(folded)
        , m_ascii(isAsciiText(folded))
    {
        if (m_text.empty())
            return;
        const auto first = static_cast<unsigned char>(m_text.front());
        const auto last = static_cast<unsigned char>(m_text.back());
        m_first[0] = first;
        m_first[1] = first >= 'a' && first <= 'z' ? first - 32 : first;
        m_last[0] = last;
        m_last[1] = last >= 'a' && last <= 'z' ? last - 32 : last;
#if defined(__SSE2__)
        for (std::size_t c = 0; c < 2; ++c) {
            m_firstVector[c] = _mm_set1_epi8(static_cast<char>(m_first[c]));
            m_lastVector[c] = _mm_set1_epi8(static_cast<char>(m_last[c]));
        }
#endif
    }

    bool isAscii() const
    {
        return m_ascii;
    }

    bool foundIn(std::string_view hay) const
    {
        const std::size_t k = m_text.size();
        const std::size_t n = hay.size();
        if (k == 0)
            return true;
        if (n < k)
            return false;
        const auto *s = reinterpret_cast<const unsigned char *>(hay.data());
        const std::size_t lastStart = n - k; // the last position a match can start at
#if defined(__SSE2__)
        // Fields are short (a title is 30-80 bytes), so the tail matters as much as the
        // blocks: the last block overlaps the one before it instead of falling back to a
        // byte loop, and a text too short for one block is copied into a padded buffer.
        if (lastStart >= 15) {
            std::size_t i = 0;
            for (; i + 15 <= lastStart; i += 16) {
                if (blockMatches(s, i, 0xFFFFu))
                    return true;
            }
            if (i > lastStart)
                return false;
            const std::size_t last = lastStart - 15;
            return blockMatches(s, last, (0xFFFFu << (i - last)) & 0xFFFFu);
        }
        if (n + 16 <= PaddedSize) {
            alignas(16) unsigned char padded[PaddedSize] {};
            std::memcpy(padded, s, n);
            return blockMatches(padded, 0, (2u << lastStart) - 1);
        }
#endif
        for (std::size_t i = 0; i <= lastStart; ++i) {
            if (Lower[s[i]] == m_first[0] && Lower[s[i + k - 1]] == m_last[0]
                && middleMatches(s + i))
                return true;
        }
        return false;
    }

private:
    static constexpr std::size_t PaddedSize = 80;

#if defined(__SSE2__)
    // The candidates among the 16 positions from `at` (those set in `positions`): first
    // and last byte match, either case; each then compared in full.
    bool blockMatches(const unsigned char *s, std::size_t at, unsigned positions) const
    {
        const std::size_t k = m_text.size();
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + at));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + at + k - 1));
        const __m128i firstHit = _mm_or_si128(_mm_cmpeq_epi8(a, m_firstVector[0]),
                                              _mm_cmpeq_epi8(a, m_firstVector[1]));
        const __m128i lastHit
            = _mm_or_si128(_mm_cmpeq_epi8(b, m_lastVector[0]), _mm_cmpeq_epi8(b, m_lastVector[1]));
        auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(firstHit, lastHit)))
            & positions;
        while (mask) {
            if (middleMatches(s + at + unsigned(std::countr_zero(mask))))
                return true;
            mask &= mask - 1;
        }
        return false;
    }
#endif

    // Bytes between the first and the last, lower-cased, at a candidate position.
    bool middleMatches(const unsigned char *at) const
    {
        const std::size_t k = m_text.size();
        const auto *pattern = reinterpret_cast<const unsigned char *>(m_text.data());
        for (std::size_t j = 1; j + 1 < k; ++j) {
            if (Lower[at[j]] != pattern[j])
                return false;
        }
        return true;
    }

    std::string_view m_text;
    bool m_ascii = true;
    std::array<unsigned char, 2> m_first {};
    std::array<unsigned char, 2> m_last {};
#if defined(__SSE2__)
    __m128i m_firstVector[2] {};
    __m128i m_lastVector[2] {};
#endif
};

std::size_t wordsFor(std::size_t bits)
{
    return (bits + 63) / 64;
}

// The searchable texts of each kind of item, in the order the folded copy keeps them.
std::array<TextRef, 1> fieldsOf(const Party &party)
{
    return {party.name};
}
std::array<TextRef, 1> fieldsOf(const Actor &actor)
{
    return {actor.name};
}
std::array<TextRef, 2> fieldsOf(const Source &source)
{
    return {source.outlet, source.title};
}
std::array<TextRef, 3> fieldsOf(const Event &event)
{
    return {event.title, event.summary, event.locationName};
}
std::array<TextRef, 3> fieldsOf(const Claim &claim)
{
    return {claim.statement, claim.quote, claim.quoteTranslation};
}

template<typename Item>
void foldNonAscii(const Project &project, const std::vector<Item> &items, std::size_t begin,
                  std::size_t end, std::vector<SearchIndex::Folded> &out, std::string &folded)
{
    for (auto i = std::uint32_t(begin); i < end; ++i) {
        const auto fields = fieldsOf(items[i]);
        if (std::all_of(fields.begin(), fields.end(),
                        [&project](TextRef f) { return isAsciiText(project.view(f)); }))
            continue;
        SearchIndex::Folded entry;
        entry.item = i;
        entry.offset = folded.size();
        for (std::size_t f = 0; f < fields.size(); ++f) {
            if (f > 0)
                folded += Separator;
            appendFolded(project.view(fields[f]), folded);
        }
        entry.length = static_cast<std::uint32_t>(folded.size() - entry.offset);
        out.push_back(entry);
    }
}

// Scans items [begin, end) of one kind (or only those set in `within`), setting the bit of
// each item whose own text or references match. Ranges start at multiples of 64, so threads
// that scan different ranges never write the same word.
template<typename Item, typename RefsMatch>
void scanItems(const Project &project, const std::vector<Item> &items, const Needle &needle,
               std::string_view folded, const std::vector<SearchIndex::Folded> &foldedItems,
               std::size_t begin, std::size_t end, const std::vector<std::uint64_t> *within,
               std::vector<std::uint64_t> &out, RefsMatch refsMatch)
{
    auto cursor = std::lower_bound(
        foldedItems.begin(), foldedItems.end(), begin,
        [](const SearchIndex::Folded &f, std::size_t item) { return f.item < item; });
    const auto visit = [&](std::uint32_t i) {
        while (cursor != foldedItems.end() && cursor->item < i)
            ++cursor;
        bool hit = false;
        if (cursor != foldedItems.end() && cursor->item == i) {
            hit = needle.foundIn(folded.substr(cursor->offset, cursor->length));
        } else if (needle.isAscii()) {
            for (const TextRef field : fieldsOf(items[i])) {
                if (needle.foundIn(project.view(field))) {
                    hit = true;
                    break;
                }
            }
        }
        if (hit || refsMatch(i))
            out[i >> 6] |= std::uint64_t(1) << (i & 63);
    };
    // Each item's text is a cache miss in a different place of the arena, too irregular for
    // the hardware prefetcher: asking for the texts of items a little ahead cuts a query that
    // is found early in every text ("t") from 72 to 22 ms over 1M events on one thread, and
    // costs the others nothing measurable.
    const auto prefetch = [&](std::size_t i) {
        for (const TextRef field : fieldsOf(items[i]))
            __builtin_prefetch(project.view(field).data());
    };
    if (!within) {
        constexpr std::size_t Ahead = 8;
        for (std::size_t i = begin; i < end; ++i) {
            if (i + Ahead < end)
                prefetch(i + Ahead);
            visit(static_cast<std::uint32_t>(i));
        }
        return;
    }
    for (std::size_t w = begin / 64; w < wordsFor(end); ++w) {
        if (w + 1 < wordsFor(end)) {
            for (std::uint64_t bits = (*within)[w + 1]; bits; bits &= bits - 1) {
                const std::size_t i = (w + 1) * 64 + std::size_t(std::countr_zero(bits));
                if (i < end)
                    prefetch(i);
            }
        }
        for (std::uint64_t bits = (*within)[w]; bits; bits &= bits - 1) {
            const std::size_t i = w * 64 + std::size_t(std::countr_zero(bits));
            if (i >= end)
                break;
            visit(static_cast<std::uint32_t>(i));
        }
    }
}

// Which of a few items (parties, actors, sources) match, one byte each.
template<typename Item>
std::vector<char> matchSmall(const Project &project, const std::vector<Item> &items,
                             const Needle &needle, std::string_view folded,
                             const std::vector<SearchIndex::Folded> &foldedItems, bool *any)
{
    std::vector<std::uint64_t> bits(wordsFor(items.size()), 0);
    scanItems(project, items, needle, folded, foldedItems, 0, items.size(), nullptr, bits,
              [](std::uint32_t) { return false; });
    std::vector<char> result(items.size(), 0);
    *any = false;
    for (std::size_t i = 0; i < items.size(); ++i) {
        result[i] = char((bits[i >> 6] >> (i & 63)) & 1u);
        *any = *any || result[i];
    }
    return result;
}

} // namespace

SearchIndex::SearchIndex(const Project &project)
    : m_eventCount(project.events().size())
    , m_claimCount(project.claims().size())
{
    const auto foldAll = [&](const auto &items, std::vector<Folded> &out) {
        foldNonAscii(project, items, 0, items.size(), out, m_folded);
    };
    foldAll(project.parties(), m_parties);
    foldAll(project.actors(), m_actors);
    foldAll(project.sources(), m_sources);
    // Events and claims are read in two halves at once: the index is built by the first
    // query, which the user is waiting for.
    const auto foldHalves = [&](const auto &items, std::vector<Folded> &out) {
        if (items.size() < ParallelThreshold || std::thread::hardware_concurrency() < 2) {
            foldAll(items, out);
            return;
        }
        const std::size_t half = items.size() / 2;
        std::vector<Folded> second;
        std::string secondText;
        sideBySide(
            true, [&] { foldNonAscii(project, items, 0, half, out, m_folded); },
            [&] { foldNonAscii(project, items, half, items.size(), second, secondText); });
        const std::uint64_t base = m_folded.size();
        m_folded += secondText;
        for (Folded entry : second) {
            entry.offset += base;
            out.push_back(entry);
        }
    };
    foldHalves(project.events(), m_events);
    foldHalves(project.claims(), m_claims);
    m_folded.shrink_to_fit();
    for (auto *list : {&m_parties, &m_actors, &m_sources, &m_events, &m_claims})
        list->shrink_to_fit();
}

std::string SearchIndex::foldQuery(QStringView query)
{
    const QByteArray composed = query.toString().normalized(QString::NormalizationForm_C).toUtf8();
    std::string folded;
    foldForSearchUtf8(std::string_view(composed.constData(), std::size_t(composed.size())), folded);
    return folded;
}

SearchMatches SearchIndex::search(const Project &project, std::string_view foldedNeedle,
                                  const SearchMatches *within) const
{
    Q_ASSERT(project.events().size() == m_eventCount && project.claims().size() == m_claimCount);
    SearchMatches result;
    result.events.assign(wordsFor(m_eventCount), 0);
    result.claims.assign(wordsFor(m_claimCount), 0);
    if (foldedNeedle.empty()) {
        const auto fill = [](std::vector<std::uint64_t> &bits, std::size_t count) {
            std::fill(bits.begin(), bits.end(), ~std::uint64_t(0));
            if (count % 64)
                bits.back() = (std::uint64_t(1) << (count % 64)) - 1;
        };
        fill(result.events, m_eventCount);
        fill(result.claims, m_claimCount);
        return result;
    }
    const Needle needle(foldedNeedle);
    const std::string_view folded = m_folded;

    bool anyParty = false;
    bool anyActor = false;
    bool anySource = false;
    const std::vector<char> partyHit
        = matchSmall(project, project.parties(), needle, folded, m_parties, &anyParty);
    const std::vector<char> actorHit
        = matchSmall(project, project.actors(), needle, folded, m_actors, &anyActor);
    const std::vector<char> sourceHit
        = matchSmall(project, project.sources(), needle, folded, m_sources, &anySource);
    const auto citesHit = [&](IndexRange sources) {
        for (const Citation &citation : project.citations(sources)) {
            if (citation.source < sourceHit.size() && sourceHit[citation.source])
                return true;
        }
        return false;
    };
    const auto eventRefs = [&](std::uint32_t i) {
        const Event &event = project.events()[i];
        if (anyParty) {
            for (const std::uint32_t party : project.indices(event.parties)) {
                if (party < partyHit.size() && partyHit[party])
                    return true;
            }
        }
        return anySource && citesHit(event.sources);
    };
    const auto claimRefs = [&](std::uint32_t i) {
        const Claim &claim = project.claims()[i];
        if (anyActor && claim.claimant.isValid() && !claim.claimant.isParty
            && actorHit[claim.claimant.index])
            return true;
        if (anyParty) {
            const std::uint32_t party = project.partyOfClaim(i);
            if (party < partyHit.size() && partyHit[party])
                return true;
        }
        return anySource && citesHit(claim.sources);
    };

    // Split events and claims alike between threads, each range a multiple of 512 items
    // (whole cache lines of result bits).
    const std::size_t total = m_eventCount + m_claimCount;
    const std::size_t threads = total < ParallelThreshold
        ? 1
        : std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
    const auto part = [threads](std::size_t count, std::size_t t) {
        const std::size_t step = ((count + threads - 1) / threads + 511) / 512 * 512;
        return std::min(count, step * t);
    };
    const auto work = [&](std::size_t t) {
        scanItems(project, project.events(), needle, folded, m_events, part(m_eventCount, t),
                  part(m_eventCount, t + 1), within ? &within->events : nullptr, result.events,
                  eventRefs);
        scanItems(project, project.claims(), needle, folded, m_claims, part(m_claimCount, t),
                  part(m_claimCount, t + 1), within ? &within->claims : nullptr, result.claims,
                  claimRefs);
    };
    std::vector<std::thread> helpers;
    helpers.reserve(threads - 1);
    for (std::size_t t = 1; t < threads; ++t)
        helpers.emplace_back(work, t);
    work(0);
    for (std::thread &helper : helpers)
        helper.join();
    return result;
}

std::size_t SearchIndex::memoryUsage() const
{
    std::size_t bytes = m_folded.capacity();
    for (const auto *list : {&m_parties, &m_actors, &m_sources, &m_events, &m_claims})
        bytes += list->capacity() * sizeof(Folded);
    return bytes;
}

} // namespace claimline
