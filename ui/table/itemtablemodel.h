#pragma once

// ItemTableModel: the Document's events, or its claims, as the rows of a table.
//
// Row i is event i (or claim i): the model holds nothing per row, so a million rows cost
// nothing until they are shown, and only the cells on screen are ever asked for. Every text
// cell is file text, shown as plain text through visibleText(); the Date/Said column shows
// the fuzzy time in the display zone; the Starred column ★ for the items the analyst starred
// (sorted as a number: starred after unstarred, ascending).
//
// Sorting is the model's job too, because it knows what each column means: times by start
// then end, counts as numbers, text case- and accent-insensitively (search folding,
// searchtext.h: "élysée" sorts with "elysee", ё with е; otherwise by code point, so Latin
// sorts A-Z and Russian А-Я). sortedRows() orders every row with precomputed keys (no
// QVariant or QString per comparison); compare() answers for two rows, the same way.
//
// Changes: a new project or a switch between events and claims is a model reset; an edited
// event or claim is dataChanged() for its row (the About column of claims, for an edited
// event); a new display zone is dataChanged() of the time column with only Qt::DisplayRole,
// which never changes the order.

#include "model/model.h"

#include <QAbstractTableModel>
#include <QTimeZone>

#include <array>
#include <string>
#include <vector>

namespace claimline {

class Document;
class Project;
struct StructureChange;

class ItemTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Mode { Events, Claims };
    enum EventColumn {
        EventDate,
        EventTitle,
        EventParties,
        EventKind,
        EventStatus,
        EventSources,
        EventLocation,
        EventTags,
        EventStarred, // shown first (ItemTableView), last here: the time stays column 0
        EventColumnCount
    };
    enum ClaimColumn {
        ClaimSaid,
        ClaimClaimant,
        ClaimParty,
        ClaimStatement,
        ClaimAbout,
        ClaimQuestion,
        ClaimStance,
        ClaimStatus,
        ClaimSources,
        ClaimAnswers,
        ClaimStarred,
        ClaimColumnCount
    };
    enum Role {
        // The item's index in the project's events or claims (a quint32).
        ItemIndexRole = Qt::UserRole + 1,
    };

    explicit ItemTableModel(Document *document, QObject *parent = nullptr);

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    ItemKind itemKind() const { return m_mode == Mode::Events ? ItemKind::Event : ItemKind::Claim; }
    ItemRef itemAt(int row) const { return {itemKind(), std::uint32_t(row)}; }
    // The star column of the mode.
    int starColumn() const
    {
        return m_mode == Mode::Events ? int(EventStarred) : int(ClaimStarred);
    }

    QTimeZone timeZone() const { return m_zone; }
    void setTimeZone(const QTimeZone &zone);

    const Project &project() const;
    Document *document() const { return m_document; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The text a cell shows, before visibleText() (empty for the count columns).
    QString cellText(int column, int row) const;

    // Orders two rows by a column: negative, zero (equal) or positive. Slow-ish (a key per
    // call); for sorting everything use sortedRows().
    int compare(int column, int left, int right) const;
    // Every row in the order of the column; rows that compare equal keep their row order.
    // Descending is the exact reverse of ascending.
    std::vector<std::uint32_t> sortedRows(int column, Qt::SortOrder order) const;

    // During the reset that follows a structure change (items added or removed): the change,
    // so that a sorted proxy can follow the renumbering instead of sorting again. Else null.
    const StructureChange *restructuring() const { return m_restructuring; }
    // Whether the rows that stay through the change keep their value in the column (so their
    // order): false when references were rewritten, or the column counts relations and some
    // went or came.
    bool keepsValues(const StructureChange &change, int column) const;

Q_SIGNALS:
    void modeChanged(claimline::ItemTableModel::Mode mode);

private:
    enum class ColumnType { Time, Number, Text };
    // A row's place in a column: 24 bytes decide almost every comparison (a time's start and
    // end, a number, or 24 bytes of folded text).
    struct SortKey
    {
        std::array<std::uint64_t, 3> key {};
        std::uint32_t row = 0;
        std::uint32_t longer = 0; // folded text goes on past the 24 bytes in the key
    };

    ColumnType columnType(int column) const;
    // Raw UTF-8 of a text cell, appended to out.
    void appendCellText(int column, std::uint32_t row, std::string &out) const;
    // The same, for the columns that show one stored text: no copy.
    bool cellView(int column, std::uint32_t row, std::string_view *out) const;
    std::int64_t numberAt(int column, std::uint32_t row) const;
    // The key of a row, for text from byte `offset` of the folded text on.
    SortKey keyOf(int column, std::uint32_t row, std::size_t offset, std::string &scratch,
                  std::string &folded) const;
    void fillKeys(int column, std::vector<SortKey> &keys, std::uint32_t begin,
                  std::uint32_t end) const;
    void orderTies(int column, std::vector<SortKey> &keys) const;
    void prefetchItem(std::uint32_t row) const;
    QString displayText(int column, int row) const;
    QString toolTipText(int column, int row) const;

    void eventChanged(std::uint32_t event);
    void claimChanged(std::uint32_t claim);

    Document *m_document = nullptr;
    Mode m_mode = Mode::Events;
    QTimeZone m_zone = QTimeZone::utc();
    const StructureChange *m_restructuring = nullptr;
};

} // namespace claimline
