// The sorting half of ItemTableModel (itemtablemodel.h): a key per row, the order of every row,
// and whether a structure change leaves the order standing.

#include "table/itemtablemodel.h"

#include "document/structurechange.h"
#include "model/project.h"
#include "model/sidebyside.h"
#include "model/timeorder.h"
#include "search/searchtext.h"

#include <algorithm>
#include <array>
#include <thread>

namespace claimline {

namespace {

// Tables at least this long make and sort their keys on two threads.
constexpr std::uint32_t ParallelRows = 1 << 16;

std::uint64_t biased(std::int64_t value)
{
    return std::uint64_t(value) ^ (std::uint64_t(1) << 63);
}

bool isAscii(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Folded as a search folds it (lower case, no accents, ё = е); pure ASCII only lower-cased,
// which is the same and much cheaper.
void fold(std::string_view text, std::string &out)
{
    out.clear();
    if (!isAscii(text)) {
        foldForSearchUtf8(text, out);
        return;
    }
    out.resize(text.size());
    std::transform(text.begin(), text.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; });
}

// Bytes [from, from + 8) of text as a big-endian number (zero past the end), so that
// comparing numbers compares bytes.
std::uint64_t packed(std::string_view text, std::size_t from)
{
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        const std::size_t at = from + i;
        value = (value << 8) | (at < text.size() ? static_cast<unsigned char>(text[at]) : 0u);
    }
    return value;
}

} // namespace

ItemTableModel::SortKey ItemTableModel::keyOf(int column, std::uint32_t row, std::size_t offset,
                                              std::string &scratch, std::string &folded) const
{
    SortKey key;
    key.row = row;
    switch (columnType(column)) {
    case ColumnType::Time: {
        const FuzzyTime &time = m_mode == Mode::Events ? project().events()[row].when
                                                       : project().claims()[row].madeAt;
        key.key = {biased(time.start()), biased(time.end()), 0};
        return key;
    }
    case ColumnType::Number:
        key.key[0] = biased(numberAt(column, row));
        return key;
    case ColumnType::Text:
        break;
    }
    constexpr std::size_t KeyBytes = sizeof(key.key);
    std::string_view text;
    if (!cellView(column, row, &text)) {
        scratch.clear();
        appendCellText(column, row, scratch);
        text = scratch;
    }
    // An ASCII prefix folds byte for byte: fold just the bytes the key holds. Anything else is
    // folded whole (ß is two letters, an accent none).
    const std::size_t keyEnd = offset + KeyBytes;
    if (isAscii(text.substr(0, keyEnd))) {
        fold(text.substr(std::min(offset, text.size()), KeyBytes), folded);
        key.longer = text.size() > keyEnd;
    } else {
        fold(text, folded);
        folded.erase(0, std::min(offset, folded.size()));
        key.longer = folded.size() > KeyBytes;
    }
    for (std::size_t i = 0; i < key.key.size(); ++i)
        key.key[i] = packed(folded, 8 * i);
    return key;
}

int ItemTableModel::compare(int column, int left, int right) const
{
    std::string scratch;
    std::string folded;
    for (std::size_t offset = 0;; offset += sizeof(SortKey::key)) {
        const SortKey a = keyOf(column, std::uint32_t(left), offset, scratch, folded);
        const SortKey b = keyOf(column, std::uint32_t(right), offset, scratch, folded);
        for (std::size_t i = 0; i < a.key.size(); ++i) {
            if (a.key[i] != b.key[i])
                return a.key[i] < b.key[i] ? -1 : 1;
        }
        if (!a.longer || !b.longer)
            return int(a.longer) - int(b.longer);
    }
}

void ItemTableModel::fillKeys(int column, std::vector<SortKey> &keys, std::uint32_t begin,
                              std::uint32_t end) const
{
    std::string scratch;
    std::string folded;
    for (std::uint32_t i = begin; i < end; ++i)
        keys[i] = keyOf(column, i, 0, scratch, folded);
}

namespace {

bool sameKey(const std::array<std::uint64_t, 3> &a, const std::array<std::uint64_t, 3> &b)
{
    return a[0] == b[0] && a[1] == b[1] && a[2] == b[2];
}

} // namespace

void ItemTableModel::prefetchItem(std::uint32_t row) const
{
    if (m_mode == Mode::Events)
        __builtin_prefetch(&project().events()[row]);
    else
        __builtin_prefetch(&project().claims()[row]);
}

void ItemTableModel::orderTies(int column, std::vector<SortKey> &keys) const
{
    // Rows whose keys tie and whose text goes on are ordered by the next 24 bytes, and so on:
    // only those rows are read again, and nothing is copied whole.
    struct Run
    {
        std::size_t begin, end, offset;
    };
    std::vector<Run> runs;
    const auto findRuns = [&keys, &runs](std::size_t begin, std::size_t end, std::size_t offset) {
        for (std::size_t first = begin; first < end;) {
            std::size_t last = first + 1;
            bool longer = keys[first].longer;
            while (last < end && sameKey(keys[last].key, keys[first].key)) {
                longer = longer || keys[last].longer;
                ++last;
            }
            if (last - first > 1 && longer)
                runs.push_back({first, last, offset});
            first = last;
        }
    };
    findRuns(0, keys.size(), 0);
    std::string scratch;
    std::string folded;
    while (!runs.empty()) {
        const Run run = runs.back();
        runs.pop_back();
        const std::size_t offset = run.offset + sizeof(SortKey::key);
        for (std::size_t i = run.begin; i < run.end; ++i) {
            // Rows in sorted order are scattered over the project: fetch each item a little
            // ahead, and its text once the item is in cache.
            if (i + 16 < run.end)
                prefetchItem(keys[i + 16].row);
            if (std::string_view ahead;
                i + 8 < run.end && cellView(column, keys[i + 8].row, &ahead))
                __builtin_prefetch(ahead.data());
            if (keys[i].longer) {
                keys[i] = keyOf(column, keys[i].row, offset, scratch, folded);
            } else { // ended within the last key: first among the rest
                keys[i].key = {};
                keys[i].longer = 0;
            }
        }
        std::sort(keys.begin() + std::ptrdiff_t(run.begin), keys.begin() + std::ptrdiff_t(run.end),
                  [](const SortKey &a, const SortKey &b) {
                      if (!sameKey(a.key, b.key))
                          return a.key < b.key;
                      if (a.longer != b.longer)
                          return a.longer < b.longer;
                      return a.row < b.row;
                  });
        findRuns(run.begin, run.end, offset);
    }
}

bool ItemTableModel::keepsValues(const StructureChange &change, int column) const
{
    // Rewritten references (a reassign, a clear, a party taken out of an event's list) change
    // the columns that show other items; a deletion's relations change the answers' count.
    // Dates, titles, statements and the item's own fields stay.
    if (m_mode == Mode::Events) {
        return !change.edited || (column != EventParties && column != EventSources);
    }
    switch (column) {
    case ClaimClaimant:
    case ClaimParty:
    case ClaimAbout:
    case ClaimQuestion:
    case ClaimSources:
        return !change.edited;
    case ClaimAnswers:
        return !change.edited && change.relations.empty();
    default:
        return true;
    }
}

std::vector<std::uint32_t> ItemTableModel::sortedRows(int column, Qt::SortOrder order) const
{
    const auto rows = std::uint32_t(rowCount());
    std::vector<std::uint32_t> result(rows);
    if (column < 0 || column >= columnCount()) {
        for (std::uint32_t i = 0; i < rows; ++i)
            result[i] = i;
        return result;
    }
    // Times: the time index holds the rows sorted by start already (timeorder.h).
    if (columnType(column) == ColumnType::Time) {
        const bool events = m_mode == Mode::Events;
        result = timeOrder(events ? project().eventTimeIndex() : project().claimTimeIndex(), rows,
                           [&](std::uint32_t row) {
                               const FuzzyTime &time = events ? project().events()[row].when
                                                              : project().claims()[row].madeAt;
                               return std::pair(time.start(), time.end());
                           });
        if (order == Qt::DescendingOrder)
            std::reverse(result.begin(), result.end());
        return result;
    }
    // Keys are made and sorted on two threads for large tables (both halves read the project
    // only; the derived indexes that the Answers column reads are built first).
    const bool parallel = rows >= ParallelRows && std::thread::hardware_concurrency() > 1;
    if (parallel)
        (void)project().claimTimeIndex();
    std::vector<SortKey> keys(rows);
    const auto byKey = [](const SortKey &a, const SortKey &b) {
        if (a.key[0] != b.key[0])
            return a.key[0] < b.key[0];
        if (a.key[1] != b.key[1])
            return a.key[1] < b.key[1];
        if (a.key[2] != b.key[2])
            return a.key[2] < b.key[2];
        return a.row < b.row;
    };
    if (parallel) {
        const std::uint32_t half = rows / 2;
        sideBySide(
            true,
            [&] {
                fillKeys(column, keys, half, rows);
                std::sort(keys.begin() + half, keys.end(), byKey);
            },
            [&] {
                fillKeys(column, keys, 0, half);
                std::sort(keys.begin(), keys.begin() + half, byKey);
            });
        std::inplace_merge(keys.begin(), keys.begin() + half, keys.end(), byKey);
    } else {
        fillKeys(column, keys, 0, rows);
        std::sort(keys.begin(), keys.end(), byKey);
    }
    if (columnType(column) == ColumnType::Text)
        orderTies(column, keys);
    for (std::uint32_t i = 0; i < rows; ++i)
        result[i] = keys[i].row;
    if (order == Qt::DescendingOrder)
        std::reverse(result.begin(), result.end());
    return result;
}

} // namespace claimline
