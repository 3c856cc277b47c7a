#pragma once

// ColumnMapping: how the columns of any CSV/TSV become events (ImportFormat::Csv): which
// column holds the date (and in which order its numbers come), the title, the party, and so
// on. The wizard's column step builds one with a live preview; it is remembered per header
// signature and can be saved as a file for `claimline import --mapping FILE`.

#include <QString>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace claimline {

struct ImportPreviewRow;

// How a date column writes its days. ISO ("2023-02-16") and written days ("16 February
// 2023", "16 Feb 2023") are read whatever the order: the order decides only numeric days
// with slashes, dots or dashes ("03/04/2023", "03.04.2023").
enum class DateOrder : std::uint8_t {
    Iso, // YYYY-MM-DD
    DayFirst, // DD/MM/YYYY
    MonthFirst, // MM/DD/YYYY
    Written // 16 February 2023
};

// "iso", "dd/mm/yyyy", "mm/dd/yyyy", "written": the mapping file's "date_format".
std::string_view nameOf(DateOrder order);
std::optional<DateOrder> dateOrderFromName(std::string_view name);

struct ColumnMapping
{
    // Column names as the header has them (trimmed); empty: not mapped. `date` and `title`
    // are required; the rest are optional.
    std::string date;
    std::string endDate;
    DateOrder dateOrder = DateOrder::Iso;
    std::string title;
    std::string party; // one or more names, split at partySeparator
    char partySeparator = ';';
    std::string summary;
    std::string sourceUrl; // one or more addresses, split at ';'
    std::string place; // a place name
    std::string latitude;
    std::string longitude;
    std::string coordinates; // "50.45, 30.52" in one column (instead of latitude/longitude)
    std::string id; // the row's own id: a re-import updates the event made from it
    // The header the mapping was made for, in order (its signature, headerSignature()).
    std::vector<std::string> header;

    bool isEmpty() const { return date.empty() && title.empty(); }
    friend bool operator==(const ColumnMapping &, const ColumnMapping &) = default;
};

// A stable text naming a header (its column names, trimmed, in order), so that a mapping is
// found again for the next file with the same columns: the wizard remembers mappings by it.
// Forty hexadecimal digits (a SHA-1 of the names), usable as a settings key.
QString headerSignature(std::span<const std::string_view> header);

// Why the mapping cannot read files of this header, naming the first problem (`no column
// "Datum" in the file`, `no date column chosen`), or empty.
QString checkMapping(const ColumnMapping &mapping, std::span<const std::string_view> header);

// The mapping file: JSON {"format": "claimline-column-mapping", "version": 1, "columns":
// {"date": "Datum", ...}, "date_format": "dd/mm/yyyy", "party_separator": ";", "header":
// [...]}. Reading returns an empty string or the problem with its place (`"columns"."date":
// expected a string`) and leaves `mapping` as it was; writing returns an empty string or why
// the file cannot be saved. Version 1 refuses keys it does not know, naming them (an ignored
// column role would read the file otherwise than the mapping says); a later version that
// adds keys raises "version", which this one refuses by number. date and title are required;
// "date_format" (default "iso"), "party_separator" (";") and "header" may be left out.
QString readMappingFile(const QString &path, ColumnMapping *mapping);
QString writeMappingFile(const QString &path, const ColumnMapping &mapping);
// The same JSON as text (the wizard stores it in the settings under the header signature).
std::string mappingToJson(const ColumnMapping &mapping);
QString mappingFromJson(std::string_view json, ColumnMapping *mapping);

// The header and first records of a CSV/TSV file, held as text: what the wizard's column
// step shows and previews while the person chooses.
struct CsvSample
{
    std::vector<std::string> header; // trimmed names
    std::vector<std::vector<std::string>> rows;
    std::vector<std::int64_t> lines; // the physical line each row starts on
    std::vector<QString> problems; // the reader's problem with each row ("not UTF-8"), or empty
    char delimiter = ',';
    QString error; // why the file cannot be read (then header and rows may be empty)
};
CsvSample readCsvSample(const QString &path, int maxRows = 50);

// How the sample's rows read under the mapping, as the wizard's preview shows them (refused
// rows carry their reason).
std::vector<ImportPreviewRow> previewMapping(const CsvSample &sample, const ColumnMapping &mapping);

// A first guess from the header's names and the sample's values: the date column (names such
// as "date", "Datum", "Дата", or the column whose values read as days) and its order, title
// ("title", "headline", "event", ...), party ("party", "actor", "side", ...), and so on.
ColumnMapping guessMapping(const CsvSample &sample);

// What the sample says of a date column: the orders under which every non-empty value that
// reads at all reads (a typo does not hide the order of the rest: it counts as unreadable);
// empty when no value reads. ISO and written dates read under every order. Ambiguous when both
// DayFirst and MonthFirst fit and a value's two numbers could each be the month ("03/04/2023";
// "03/03/2023" reads the same either way), so the person must choose; the wizard warns then.
// guessMapping() then takes DayFirst, as most of the world writes dates.
struct DateColumnFit
{
    std::vector<DateOrder> fits; // in the order of DateOrder
    bool ambiguous = false;
    std::int64_t unreadable = 0; // non-empty values no order reads
};
DateColumnFit fitDateColumn(const CsvSample &sample, int column);

} // namespace claimline
