#include "import/mappingnotes.h"

#include "import/importer.h"
#include "import/mapping/mappeddate.h"
#include "text/visibletext.h"

#include <QLocale>

#include <algorithm>

namespace claimline {

namespace {

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

// The column's non-empty values in the sample, trimmed.
std::vector<std::string_view> valuesOf(const CsvSample &sample, int column)
{
    std::vector<std::string_view> values;
    if (column < 0)
        return values;
    for (const std::vector<std::string> &row : sample.rows) {
        if (std::size_t(column) >= row.size())
            continue;
        if (const std::string_view value = trimmed(row[std::size_t(column)]); !value.empty())
            values.push_back(value);
    }
    return values;
}

QString qText(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString number(std::int64_t n)
{
    return QLocale().toString(qlonglong(n));
}

} // namespace

QString MappingNotes::firstValue(const CsvSample &sample, int column)
{
    const std::vector<std::string_view> values = valuesOf(sample, column);
    return values.empty() ? QString() : qText(values.front());
}

QString MappingNotes::dateWarning(const CsvSample &sample, const ColumnMapping &mapping)
{
    if (mapping.date.empty())
        return {};
    const auto found = std::find(sample.header.begin(), sample.header.end(), mapping.date);
    if (found == sample.header.end())
        return {};
    const int column = int(found - sample.header.begin());
    const std::vector<std::string_view> values = valuesOf(sample, column);
    QStringList lines;
    if (fitDateColumn(sample, column).ambiguous) {
        // An example the person can check against the file: a date whose two numbers could
        // each be the month ("03/04/2023", not "03/03/2023").
        const auto bothWays = std::find_if(values.begin(), values.end(), [](std::string_view v) {
            const DateCell cell = readDateCell(v, DateOrder::DayFirst);
            return cell.isNumeric() && cell.first <= 12 && cell.second <= 12
                && cell.first != cell.second;
        });
        const std::string_view example = bothWays != values.end() ? *bothWays : values.front();
        lines << tr("Both day-first and month-first readings fit every date in the first rows, "
                    "e.g. “%1”: choose the one the file uses.")
                     .arg(visibleText(qText(example)));
    }
    const auto unread
        = std::int64_t(std::count_if(values.begin(), values.end(), [&mapping](std::string_view v) {
              return readDateCell(v, mapping.dateOrder).problem != DateProblem::None;
          }));
    const auto all = std::int64_t(values.size());
    if (unread > 0) {
        if (all == 1)
            lines << tr("The first date does not read as a day in this format.");
        else if (unread == 1)
            lines << tr("1 of the first %1 dates does not read as a day in this format.")
                         .arg(number(all));
        else
            lines << tr("%1 of the first %2 dates do not read as days in this format.")
                         .arg(number(unread), number(all));
    }
    return lines.join(u'\n');
}

QString MappingNotes::previewSummary(const std::vector<ImportPreviewRow> &rows)
{
    const auto all = std::int64_t(rows.size());
    const auto refused
        = std::int64_t(std::count_if(rows.begin(), rows.end(), [](const ImportPreviewRow &row) {
              return !row.problem.isEmpty();
          }));
    if (all == 0)
        return tr("The file has no rows under its header.");
    if (refused == 0)
        return all == 1 ? tr("The file's first row reads as shown.")
                        : tr("The first %1 rows read as shown.").arg(number(all));
    if (all == 1)
        return tr("The file's first row would be refused: the reason is in the Problem column.");
    return refused == 1
        ? tr("1 of the first %1 rows would be refused: the reason is in the Problem column.")
              .arg(number(all))
        : tr("%1 of the first %2 rows would be refused: the reasons are in the Problem column.")
              .arg(number(refused), number(all));
}

} // namespace claimline
