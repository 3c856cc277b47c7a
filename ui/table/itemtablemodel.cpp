#include "table/itemtablemodel.h"

#include "document/document.h"
#include "document/structurechange.h"
#include "model/project.h"
#include "model/sidebyside.h"
#include "search/searchtext.h"
#include "text/quotedtext.h"
#include "text/visibletext.h"

#include <QString>

#include <algorithm>
#include <array>
#include <thread>

namespace claimline {

namespace {

// Tables at least this long make and sort their keys on two threads.
constexpr std::uint32_t ParallelRows = 1 << 16;

std::string_view statusLabel(Status status)
{
    static constexpr std::array<std::string_view, 5> Labels {
        "Unverified", "Disputed", "Corroborated", "Refuted", "Retracted"};
    return Labels[std::size_t(status)];
}

std::string_view stanceLabel(Stance stance)
{
    static constexpr std::array<std::string_view, 5> Labels {"", "Affirms", "Denies", "Disputes",
                                                             "Qualifies"};
    return Labels[std::size_t(stance)];
}

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

QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

ItemTableModel::ItemTableModel(Document *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    // Rows are item indices: when items come or go, every row may be another item.
    const auto resetRows = [this] {
        beginResetModel();
        endResetModel();
    };
    connect(m_document, &Document::reset, this, resetRows);
    connect(m_document, &Document::structureChanged, this, [this](const StructureChange &change) {
        m_restructuring = &change;
        beginResetModel();
        endResetModel();
        m_restructuring = nullptr;
    });
    // Names of parties, actors and questions show in every row that refers to them.
    const auto allChanged = [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    };
    connect(m_document, &Document::partyChanged, this, allChanged);
    connect(m_document, &Document::actorChanged, this, allChanged);
    connect(m_document, &Document::questionChanged, this, allChanged);
    connect(m_document, &Document::sourceChanged, this, allChanged);
    connect(m_document, &Document::eventChanged, this, &ItemTableModel::eventChanged);
    connect(m_document, &Document::claimChanged, this, &ItemTableModel::claimChanged);
}

const Project &ItemTableModel::project() const
{
    return m_document->project();
}

void ItemTableModel::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    beginResetModel();
    m_mode = mode;
    endResetModel();
    Q_EMIT modeChanged(mode);
}

void ItemTableModel::setTimeZone(const QTimeZone &zone)
{
    if (zone == m_zone)
        return;
    m_zone = zone;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::DisplayRole});
}

void ItemTableModel::eventChanged(std::uint32_t event)
{
    if (m_mode == Mode::Events) {
        if (int(event) < rowCount())
            Q_EMIT dataChanged(index(int(event), 0), index(int(event), EventColumnCount - 1));
        return;
    }
    // Claims show the title of the event they are about; which claims those are is not
    // worth a scan: the column changes as a whole.
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, ClaimAbout), index(rowCount() - 1, ClaimAbout));
}

void ItemTableModel::claimChanged(std::uint32_t claim)
{
    if (m_mode == Mode::Claims && int(claim) < rowCount())
        Q_EMIT dataChanged(index(int(claim), 0), index(int(claim), ClaimColumnCount - 1));
}

int ItemTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    const Project &p = project();
    return int(m_mode == Mode::Events ? p.events().size() : p.claims().size());
}

int ItemTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_mode == Mode::Events ? int(EventColumnCount) : int(ClaimColumnCount);
}

Qt::ItemFlags ItemTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

ItemTableModel::ColumnType ItemTableModel::columnType(int column) const
{
    if (m_mode == Mode::Events) {
        switch (column) {
        case EventDate:
            return ColumnType::Time;
        case EventSources:
            return ColumnType::Number;
        default:
            return ColumnType::Text;
        }
    }
    switch (column) {
    case ClaimSaid:
        return ColumnType::Time;
    case ClaimSources:
    case ClaimAnswers:
        return ColumnType::Number;
    default:
        return ColumnType::Text;
    }
}

void ItemTableModel::appendCellText(int column, std::uint32_t row, std::string &out) const
{
    const Project &p = project();
    const auto appendJoined = [&out](auto items, auto textOf) {
        bool first = true;
        for (const std::uint32_t item : items) {
            if (!first)
                out += ", ";
            first = false;
            out += textOf(item);
        }
    };
    const auto partyName = [&p](std::uint32_t party) {
        return party < p.parties().size() ? p.view(p.parties()[party].name) : std::string_view();
    };
    if (m_mode == Mode::Events) {
        const Event &event = p.events()[row];
        switch (column) {
        case EventTitle:
            out += p.view(event.title);
            break;
        case EventParties:
            appendJoined(p.indices(event.parties), partyName);
            break;
        case EventKind:
            if (event.kind != NoIndex)
                out += p.word(event.kind);
            break;
        case EventStatus:
            out += statusLabel(event.status);
            break;
        case EventLocation:
            out += p.view(event.locationName);
            break;
        case EventTags:
            appendJoined(p.indices(event.tags), [&p](std::uint32_t w) { return p.word(w); });
            break;
        default:
            break;
        }
        return;
    }
    const Claim &claim = p.claims()[row];
    switch (column) {
    case ClaimClaimant:
        if (claim.claimant.isValid()) {
            out += claim.claimant.isParty ? p.view(p.parties()[claim.claimant.index].name)
                                          : p.view(p.actors()[claim.claimant.index].name);
        }
        break;
    case ClaimParty:
        out += partyName(p.partyOfClaim(row));
        break;
    case ClaimStatement:
        out += p.view(claim.statement);
        break;
    case ClaimAbout:
        if (claim.about < p.events().size())
            out += p.view(p.events()[claim.about].title);
        break;
    case ClaimQuestion:
        if (claim.question < p.questions().size())
            out += p.view(p.questions()[claim.question].text);
        break;
    case ClaimStance:
        out += stanceLabel(claim.stance);
        break;
    case ClaimStatus:
        out += statusLabel(claim.status);
        break;
    default:
        break;
    }
}

std::int64_t ItemTableModel::numberAt(int column, std::uint32_t row) const
{
    const Project &p = project();
    if (m_mode == Mode::Events)
        return column == EventSources ? p.events()[row].sources.count : 0;
    if (column == ClaimSources)
        return p.claims()[row].sources.count;
    if (column == ClaimAnswers)
        return std::int64_t(p.relationsAnswering(row).size());
    return 0;
}

QString ItemTableModel::cellText(int column, int row) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    switch (columnType(column)) {
    case ColumnType::Time: {
        const FuzzyTime &time = m_mode == Mode::Events ? project().events()[row].when
                                                       : project().claims()[row].madeAt;
        return time.toDisplayString(m_zone);
    }
    case ColumnType::Number:
        return QString::number(numberAt(column, std::uint32_t(row)));
    case ColumnType::Text:
        break;
    }
    std::string text;
    appendCellText(column, std::uint32_t(row), text);
    return fromUtf8(text);
}

QString ItemTableModel::displayText(int column, int row) const
{
    return visibleText(cellText(column, row));
}

QString ItemTableModel::toolTipText(int column, int row) const
{
    // The whole text of cells that may be cut short, and what lies behind a title.
    const Project &p = project();
    QString text = displayText(column, row);
    if (m_mode == Mode::Events && column == EventTitle) {
        const QString summary = visibleText(p.text(p.events()[row].summary));
        if (!summary.isEmpty())
            text += QStringLiteral("\n\n") + summary;
    } else if (m_mode == Mode::Claims && column == ClaimStatement) {
        const Claim &claim = p.claims()[row];
        const QString quote = visibleText(p.text(claim.quote));
        if (!quote.isEmpty())
            text += QStringLiteral("\n\n") + inQuotes(quote);
    }
    return text;
}

QVariant ItemTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayText(index.column(), index.row());
    case Qt::ToolTipRole:
        return toolTipText(index.column(), index.row());
    case Qt::TextAlignmentRole:
        if (columnType(index.column()) == ColumnType::Number)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case ItemIndexRole:
        return QVariant::fromValue(quint32(index.row()));
    default:
        return {};
    }
}

QVariant ItemTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const EventHeaders[EventColumnCount][2] = {
        {"Date", "When it happened, in the display time zone"},
        {"Title", "The event's title (hover for its summary)"},
        {"Parties", "The parties involved"},
        {"Kind", "The kind of event"},
        {"Status", "Verification status"},
        {"Sources", "How many sources the event cites"},
        {"Location", "Where it happened"},
        {"Tags", "The event's tags"},
    };
    static const char *const ClaimHeaders[ClaimColumnCount][2] = {
        {"Said", "When the claim was made, in the display time zone"},
        {"Claimant", "Who made the claim"},
        {"Party", "The party the claimant speaks for"},
        {"Statement", "What was claimed (hover for the quote)"},
        {"About", "The event the claim is about"},
        {"Question", "The contested question the claim answers"},
        {"Stance", "The claim's stance on its question"},
        {"Status", "Verification status"},
        {"Sources", "How many sources the claim cites"},
        {"Answers", "How many claims answer this one"},
    };
    const char *const *header
        = m_mode == Mode::Events ? EventHeaders[section] : ClaimHeaders[section];
    switch (role) {
    case Qt::DisplayRole:
        return tr(header[0]);
    case Qt::ToolTipRole:
        return tr(header[1]);
    case Qt::TextAlignmentRole:
        if (columnType(section) == ColumnType::Number)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

// --- sorting -------------------------------------------------------------------------------

bool ItemTableModel::cellView(int column, std::uint32_t row, std::string_view *out) const
{
    const Project &p = project();
    if (m_mode == Mode::Events) {
        const Event &event = p.events()[row];
        switch (column) {
        case EventTitle:
            *out = p.view(event.title);
            return true;
        case EventKind:
            *out = event.kind != NoIndex ? p.word(event.kind) : std::string_view();
            return true;
        case EventStatus:
            *out = statusLabel(event.status);
            return true;
        case EventLocation:
            *out = p.view(event.locationName);
            return true;
        default:
            return false;
        }
    }
    const Claim &claim = p.claims()[row];
    switch (column) {
    case ClaimStatement:
        *out = p.view(claim.statement);
        return true;
    case ClaimAbout:
        *out = claim.about < p.events().size() ? p.view(p.events()[claim.about].title)
                                               : std::string_view();
        return true;
    case ClaimStance:
        *out = stanceLabel(claim.stance);
        return true;
    case ClaimStatus:
        *out = statusLabel(claim.status);
        return true;
    default:
        return false;
    }
}

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
