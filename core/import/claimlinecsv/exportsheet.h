#pragma once

// ExportSheet: one file of Claimline's CSV export (events.csv, claims.csv or relations.csv)
// opened for the import: what it is, found from its header, and its rows with their cells
// found by column name. A column a person deleted in the spreadsheet is absent: its field is
// not read, and the project keeps its value.

#include "export/csvcolumns.h"
#include "import/csv/csvreader.h"
#include "import/formats/headercolumns.h"

#include <QFile>
#include <QString>

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace claimline {

enum class SheetRole : std::uint8_t { Events, Claims, Relations };

// The export's columns (export/csvcolumns.h), in its order.
enum class EventColumn : std::uint8_t {
    Id,
    Title,
    When,
    Earliest,
    Latest,
    Kind,
    Status,
    Parties,
    PartyNames,
    Tags,
    Location,
    Latitude,
    Longitude,
    Summary,
    Sources,
    SourceTitles,
    SourceUrls,
};

enum class ClaimColumn : std::uint8_t {
    Id,
    MadeAt,
    Earliest,
    Latest,
    Claimant,
    ClaimantName,
    Party,
    PartyName,
    Via,
    ViaName,
    About,
    AboutTitle,
    Question,
    QuestionText,
    Stance,
    Statement,
    Quote,
    QuoteLanguage,
    QuoteTranslation,
    QuoteSpeaker,
    Credibility,
    Status,
    Sources,
    SourceTitles,
    SourceUrls,
};

// lag_* are derived from the two claims' times, from_party and to_party from their claimants.
enum class RelationColumn : std::uint8_t { From, To, Kind };
inline constexpr std::array<std::string_view, 3> RelationColumnNames {"from", "to", "kind"};

// The role a header says a file has: events.csv has "id" and "when", claims.csv "id" and
// "made_at", relations.csv "from" and "to". nullopt for any other header.
std::optional<SheetRole> sheetRoleOf(std::span<const std::string_view> header);
// "events.csv", "claims.csv", "relations.csv": the export's name for the role.
QString sheetFileName(SheetRole role);

// One row: its physical line and its cells, found through the file's column positions.
class SheetRow
{
public:
    std::int64_t line = 0;
    std::vector<std::string_view> fields;

    void setPositions(const std::vector<int> *positions) { m_positions = positions; }

    template<typename Column>
    bool has(Column column) const
    {
        return (*m_positions)[std::size_t(column)] >= 0;
    }
    // The cell as the file holds it (quotes removed); empty for an absent column.
    template<typename Column>
    std::string_view raw(Column column) const
    {
        return rawAt((*m_positions)[std::size_t(column)]);
    }
    // An id, a word or a number: trimmed, without the export's formula guard.
    template<typename Column>
    std::string_view word(Column column) const
    {
        return wordAt((*m_positions)[std::size_t(column)]);
    }

private:
    std::string_view rawAt(int field) const;
    std::string_view wordAt(int field) const;

    const std::vector<int> *m_positions = nullptr;
};

class ExportSheet
{
public:
    // Opens `path` and reads its header. Returns why it cannot be read as one of the export's
    // files, or an empty string.
    QString open(const QString &path);

    const QString &path() const { return m_path; }
    SheetRole role() const { return m_role; }
    // The role's columns (EventColumn...) → field index, or -1 when absent.
    const std::vector<int> &positions() const { return m_positions; }
    char delimiter() const { return m_reader->delimiter(); }

    // The next row; false at the end of the file or when it cannot be read on (error()). A
    // row that is no row of the header (a quote never closed, a wrong number of fields)
    // comes with `problem` set.
    bool next(SheetRow &row, QString &problem);
    QString error() const { return m_reader->error(); }
    std::int64_t bytesRead() const { return m_reader->bytesRead(); }

private:
    QString m_path;
    QFile m_file;
    std::unique_ptr<CsvReader> m_reader;
    HeaderColumns m_header;
    SheetRole m_role = SheetRole::Events;
    std::vector<int> m_positions; // the role's columns → field index, or -1
    CsvRecord m_record;
};

// The rows of a file kept in memory: claims and relations are read whole before the events
// (a claim names the speakers that the events' parties and other claims refer to); they are
// a few thousand rows where events may be a million.
struct HeldSheet
{
    struct Row
    {
        std::int64_t line = 0;
        std::vector<std::string> cells;
        QString problem; // the reader's, or a wrong number of fields
    };

    QString path;
    SheetRole role = SheetRole::Claims;
    std::vector<int> positions;
    std::vector<Row> rows;
    QString error; // why the file could not be read (whole), or empty

    // A view of row `i` (its views stay valid while the sheet lives).
    void view(std::size_t i, SheetRow &row) const;
};

// Reads the whole of `path`; `bytes` (may be null) grows by what was read.
HeldSheet holdSheet(const QString &path, std::int64_t *bytes = nullptr);

} // namespace claimline
