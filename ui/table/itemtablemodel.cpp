#include "table/itemtablemodel.h"

#include "document/document.h"
#include "document/structurechange.h"
#include "model/project.h"
#include "text/quotedtext.h"
#include "text/visibletext.h"

#include <QString>

#include <algorithm>
#include <array>

namespace claimline {

namespace {

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
        case EventStarred:
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
    case ClaimStarred:
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
    if (column == starColumn())
        return m_mode == Mode::Events ? p.events()[row].starred : p.claims()[row].starred;
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
    // A text mark, not a colour: ★ reads the same in light and dark, and in a copy.
    if (column == starColumn())
        return numberAt(column, std::uint32_t(row)) ? QStringLiteral("★") : QString();
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
        if (index.column() == starColumn())
            return int(Qt::AlignCenter);
        if (columnType(index.column()) == ColumnType::Number)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::AccessibleTextRole:
        if (index.column() == starColumn())
            return numberAt(index.column(), std::uint32_t(index.row())) ? tr("starred")
                                                                        : tr("not starred");
        return {};
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
        {"\u2605", "Starred by you (Edit \u25B8 Star)"},
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
        {"\u2605", "Starred by you (Edit \u25B8 Star)"},
    };
    const char *const *header
        = m_mode == Mode::Events ? EventHeaders[section] : ClaimHeaders[section];
    switch (role) {
    case Qt::DisplayRole:
        return tr(header[0]);
    case Qt::ToolTipRole:
        return tr(header[1]);
    case Qt::AccessibleTextRole:
        return section == starColumn() ? tr("Starred") : tr(header[0]);
    case Qt::TextAlignmentRole:
        if (section == starColumn())
            return int(Qt::AlignCenter);
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

} // namespace claimline
