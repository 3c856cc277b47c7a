#include "import/formats/headercolumns.h"

#include "import/csv/csvreader.h"
#include "import/formats/fieldtext.h"
#include "import/importrow.h"

#include <QStringBuilder>
#include <QStringList>

#include <algorithm>

namespace claimline {

namespace {

QString quoted(std::string_view name)
{
    return QLatin1Char('"') % QString::fromUtf8(name.data(), qsizetype(name.size()))
        % QLatin1Char('"');
}

} // namespace

std::string_view headerName(std::string_view name)
{
    name = trimmedField(name);
    constexpr std::string_view Bom = "\xEF\xBB\xBF";
    while (name.substr(0, Bom.size()) == Bom)
        name = trimmedField(name.substr(Bom.size()));
    return name;
}

QString HeaderColumns::set(std::span<const std::string_view> names)
{
    m_attributeColumns.clear(); // until keepAsAttributes() says which
    m_names.assign(names.begin(), names.end());
    for (std::string &name : m_names)
        name = std::string(headerName(name));
    for (std::size_t i = 0; i < m_names.size(); ++i) {
        if (m_names[i].empty())
            continue;
        const auto later
            = std::find(m_names.begin() + std::ptrdiff_t(i) + 1, m_names.end(), m_names[i]);
        if (later != m_names.end())
            return QStringLiteral("column ") % quoted(m_names[i])
                % QStringLiteral(" appears twice");
    }
    return {};
}

int HeaderColumns::indexOf(std::string_view name) const
{
    const auto found = std::find(m_names.begin(), m_names.end(), name);
    return found == m_names.end() ? Absent : int(found - m_names.begin());
}

QString HeaderColumns::missing(std::initializer_list<std::string_view> required) const
{
    QStringList absent;
    for (const std::string_view name : required) {
        if (indexOf(name) == Absent)
            absent.append(quoted(name));
    }
    if (absent.isEmpty())
        return {};
    if (absent.size() == 1)
        return QStringLiteral("no column ") % absent.front();
    const QString last = absent.takeLast();
    return QStringLiteral("no columns ") % absent.join(QStringLiteral(", "))
        % QStringLiteral(" and ") % last;
}

QString HeaderColumns::startRow(const CsvRecord &record, ImportRow &row) const
{
    row.clear();
    row.line = record.line;
    if (!record.problem.isEmpty())
        return record.problem;
    if (record.fields.size() != count())
        return fieldCountProblem(record.fields.size(), count());
    return {};
}

std::string_view HeaderColumns::field(const CsvRecord &record, int column)
{
    return column == Absent ? std::string_view() : trimmedField(record.fields[std::size_t(column)]);
}

void HeaderColumns::keepAsAttributes(std::span<const int> mapped,
                                     std::initializer_list<int> alsoKept)
{
    m_attributeColumns.clear();
    for (std::uint32_t i = 0; i < count(); ++i) {
        if (name(i).empty())
            continue;
        const auto is = [i](int column) {
            return column == int(i);
        };
        if (std::none_of(mapped.begin(), mapped.end(), is)
            || std::any_of(alsoKept.begin(), alsoKept.end(), is))
            m_attributeColumns.push_back(i);
    }
}

void HeaderColumns::addAttributes(const CsvRecord &record, ImportRow &row) const
{
    for (const std::uint32_t column : m_attributeColumns) {
        const std::string_view value = trimmedField(record.fields[column]);
        if (!value.empty())
            row.attributes.push_back({name(column), value, isPlainNumber(value)});
    }
}

} // namespace claimline
