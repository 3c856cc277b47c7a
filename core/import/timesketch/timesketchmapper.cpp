#include "import/timesketch/timesketchmapper.h"

#include "import/csv/csvreader.h"
#include "import/importrow.h"
#include "import/timesketch/timesketchevent.h"

#include <vector>

namespace claimline {

QString TimesketchMapper::setHeader(std::span<const std::string_view> names)
{
    if (QString problem = m_header.set(names); !problem.isEmpty())
        return problem;
    // Timesketch's own rule: these three, or it does not take the file.
    if (QString problem
        = m_header.missing({TimesketchMessage, TimesketchDatetime, TimesketchTimestampDesc});
        !problem.isEmpty()) {
        return problem;
    }
    m_columns.fill(HeaderColumns::Absent);
    // Read or dropped: every column but those kept as attributes.
    std::vector<int> notKept;
    for (std::size_t c = 0; c < m_header.count(); ++c) {
        const TimesketchField field = timesketchField(m_header.name(c));
        if (field == TimesketchField::Attribute)
            continue;
        notKept.push_back(int(c));
        if (field != TimesketchField::Dropped)
            m_columns[std::size_t(field)] = int(c);
    }
    static_assert(int(TimesketchField::Message) == Message && int(TimesketchField::Tag) == Tag);
    m_header.keepAsAttributes(notKept, {});
    return {};
}

QString TimesketchMapper::map(const CsvRecord &record, ImportRow &row)
{
    if (QString problem = m_header.startRow(record, row); !problem.isEmpty())
        return problem;
    const auto field = [&](Column column) {
        return HeaderColumns::field(record, m_columns[column]);
    };
    TimesketchValues values;
    values.hasMessage = true; // the header has the column
    values.message = field(Message);
    values.datetime = field(Datetime);
    values.timestamp = field(Timestamp);
    values.timestampDesc = field(TimestampDesc);
    values.id = field(Id);
    appendTimesketchTags(field(Tag), row.tags);
    m_header.addAttributes(record, row);
    return mapTimesketchEvent(values, row);
}

} // namespace claimline
