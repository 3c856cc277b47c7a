#include "import/timelinejs/timelinejssheet.h"

#include "import/csv/csvreader.h"
#include "import/formats/fieldtext.h"
#include "import/timelinejs/timelinejsdate.h"
#include "text/htmltotext.h"

#include <QStringBuilder>
#include <QStringList>

#include <algorithm>

namespace claimline {

namespace {

// In the order of TimelineJsSheetMapper::Column: the template's own spelling.
constexpr std::array<std::string_view, 16> ColumnNames {
    "Year",         "Month",         "Day",          "Time",     "End Year", "End Month",
    "End Day",      "End Time",      "Display Date", "Headline", "Text",     "Media",
    "Media Credit", "Media Caption", "Type",         "Group"};

constexpr DatePartNames StartNames {"Year", "Month", "Day", {}, {}, {}, "Time"};
constexpr DatePartNames EndNames {"End Year", "End Month", "End Day", {}, {}, {}, "End Time"};

bool sameNameIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               const auto lower = [](char c) {
                   return c >= 'A' && c <= 'Z' ? char(c + 32) : c;
               };
               return lower(x) == lower(y);
           });
}

// Whether the record has the header's fields: only then are they read in consume().
bool isWhole(const CsvRecord &record, std::size_t columns)
{
    return record.problem.isEmpty() && record.fields.size() == columns;
}

} // namespace

QString TimelineJsSheetMapper::setHeader(std::span<const std::string_view> names)
{
    static_assert(ColumnNames.size() == ColumnCount);
    if (QString problem = m_header.set(names); !problem.isEmpty())
        return problem;
    for (std::size_t c = 0; c < ColumnCount; ++c) {
        m_columns[c] = HeaderColumns::Absent;
        for (std::size_t i = 0; i < m_header.count(); ++i) {
            if (sameNameIgnoringCase(m_header.name(i), ColumnNames[c])) {
                m_columns[c] = int(i);
                break;
            }
        }
    }
    QStringList missing;
    for (const Column required : {Year, Headline}) {
        if (m_columns[required] == HeaderColumns::Absent)
            missing.append(QLatin1Char('"') % QLatin1String(ColumnNames[required])
                           % QLatin1Char('"'));
    }
    if (missing.size() == 1)
        return QStringLiteral("no column ") % missing.front();
    if (!missing.isEmpty())
        return QStringLiteral("no columns ") % missing.join(QStringLiteral(" and "));
    m_header.keepAsAttributes(m_columns, {});
    return {};
}

std::string_view TimelineJsSheetMapper::field(const CsvRecord &record, Column column) const
{
    return HeaderColumns::field(record, m_columns[column]);
}

std::string TimelineJsSheetMapper::type(const CsvRecord &record) const
{
    std::string text(field(record, Type));
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; });
    return text;
}

TimelineJsSlide TimelineJsSheetMapper::slide(const CsvRecord &record) const
{
    TimelineJsSlide slide;
    slide.headline = field(record, Headline);
    slide.text = field(record, Text);
    slide.displayDate = field(record, DisplayDate);
    slide.mediaUrl = field(record, Media);
    slide.mediaCaption = field(record, MediaCaption);
    slide.mediaCredit = field(record, MediaCredit);
    slide.group = field(record, Group);
    slide.type = field(record, Type);
    return slide;
}

QString TimelineJsSheetMapper::span(const CsvRecord &record, FuzzyTime &when) const
{
    const DateParts start {
        field(record, Year), field(record, Month), field(record, Day), {}, {}, {},
        field(record, Time)};
    const DateParts end {
        field(record, EndYear), field(record, EndMonth), field(record, EndDay), {}, {}, {},
        field(record, EndTime)};
    return readSpan(start, StartNames, end, EndNames, when);
}

bool TimelineJsSheetMapper::consume(const CsvRecord &record)
{
    if (m_columns[Type] == HeaderColumns::Absent || !isWhole(record, m_header.count()))
        return false;
    const std::string kind = type(record);
    if (kind == "title") {
        // The first title row is the title, as TimelineJS reads it; later ones are not slides.
        if (!m_sawTitle) {
            m_sawTitle = true;
            m_extras.title = trimmedField(htmlToLine(field(record, Headline)));
            m_extras.description = htmlToText(field(record, Text)).text;
        }
        return true;
    }
    if (kind == "era") {
        FuzzyTime when;
        if (!span(record, when).isEmpty())
            return false; // map() refuses it, saying why
        m_extras.periods.push_back({slideTitle(slide(record), when), when});
        return true;
    }
    return false;
}

QString TimelineJsSheetMapper::map(const CsvRecord &record, ImportRow &row)
{
    if (QString problem = m_header.startRow(record, row); !problem.isEmpty())
        return problem;
    if (QString problem = span(record, row.when); !problem.isEmpty())
        return type(record) == "era" ? QStringLiteral("era: ") % problem : problem;
    m_slides.fill(slide(record), row);
    m_header.addAttributes(record, row);
    return {};
}

} // namespace claimline
