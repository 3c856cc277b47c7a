#include "import/claimlinecsv/exportsheet.h"

#include "import/claimlinecsv/sheetcells.h"
#include "import/formats/fieldtext.h"

#include <algorithm>

namespace claimline {

namespace {

bool hasColumns(std::span<const std::string_view> header,
                std::initializer_list<std::string_view> names)
{
    return std::all_of(names.begin(), names.end(), [&](std::string_view name) {
        return std::find(header.begin(), header.end(), name) != header.end();
    });
}

template<std::size_t N>
std::vector<int> positionsOf(const HeaderColumns &header,
                             const std::array<std::string_view, N> &names)
{
    std::vector<int> positions;
    positions.reserve(N);
    for (const std::string_view name : names)
        positions.push_back(header.indexOf(name));
    return positions;
}

} // namespace

std::optional<SheetRole> sheetRoleOf(std::span<const std::string_view> header)
{
    if (hasColumns(header, {"id", "when"}))
        return SheetRole::Events;
    if (hasColumns(header, {"id", "made_at"}))
        return SheetRole::Claims;
    if (hasColumns(header, {"from", "to"}))
        return SheetRole::Relations;
    return std::nullopt;
}

QString sheetFileName(SheetRole role)
{
    switch (role) {
    case SheetRole::Events:
        return QStringLiteral("events.csv");
    case SheetRole::Claims:
        return QStringLiteral("claims.csv");
    case SheetRole::Relations:
        return QStringLiteral("relations.csv");
    }
    return {};
}

std::string_view SheetRow::rawAt(int field) const
{
    return field >= 0 && std::size_t(field) < fields.size() ? fields[std::size_t(field)]
                                                            : std::string_view();
}

std::string_view SheetRow::wordAt(int field) const
{
    return trimmedField(unguarded(trimmedField(rawAt(field))));
}

QString ExportSheet::open(const QString &path)
{
    m_path = path;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot be opened: ") + m_file.errorString();
    m_reader = std::make_unique<CsvReader>(&m_file);
    if (!m_reader->next(m_record)) {
        const QString error = m_reader->error();
        return error.isEmpty() ? QStringLiteral("the file is empty") : error;
    }
    std::vector<std::string_view> names;
    names.reserve(m_record.fields.size());
    for (const std::string_view field : m_record.fields)
        names.push_back(trimmedColumnName(field));
    const std::optional<SheetRole> role = sheetRoleOf(names);
    if (!role)
        return QStringLiteral(
            "not a file of Claimline's CSV export: its header has neither \"id\" and \"when\" "
            "(events.csv), \"id\" and \"made_at\" (claims.csv) nor \"from\" and \"to\" "
            "(relations.csv)");
    m_role = *role;
    if (const QString error = m_header.set(names); !error.isEmpty())
        return error;
    switch (m_role) {
    case SheetRole::Events:
        m_positions = positionsOf(m_header, EventColumnNames);
        break;
    case SheetRole::Claims:
        m_positions = positionsOf(m_header, ClaimColumnNames);
        break;
    case SheetRole::Relations:
        m_positions = positionsOf(m_header, RelationColumnNames);
        // Without the kind a relation is not one.
        if (const QString missing = m_header.missing({"kind"}); !missing.isEmpty())
            return missing;
        break;
    }
    return {};
}

bool ExportSheet::next(SheetRow &row, QString &problem)
{
    if (!m_reader->next(m_record))
        return false;
    row.line = m_record.line;
    row.fields.assign(m_record.fields.begin(), m_record.fields.end());
    row.setPositions(&m_positions);
    problem = m_record.problem;
    if (problem.isEmpty() && m_record.fields.size() != m_header.count())
        problem = fieldCountProblem(m_record.fields.size(), m_header.count());
    return true;
}

void HeldSheet::view(std::size_t i, SheetRow &row) const
{
    const Row &held = rows[i];
    row.line = held.line;
    row.fields.assign(held.cells.begin(), held.cells.end());
    row.setPositions(&positions);
}

HeldSheet holdSheet(const QString &path, std::int64_t *bytes)
{
    HeldSheet held;
    held.path = path;
    ExportSheet sheet;
    if (QString error = sheet.open(path); !error.isEmpty()) {
        held.error = std::move(error);
        return held;
    }
    held.role = sheet.role();
    held.positions = sheet.positions();
    SheetRow row;
    QString problem;
    while (sheet.next(row, problem)) {
        HeldSheet::Row &kept = held.rows.emplace_back();
        kept.line = row.line;
        kept.cells.assign(row.fields.begin(), row.fields.end());
        kept.problem = problem;
    }
    held.error = sheet.error();
    if (bytes)
        *bytes += sheet.bytesRead();
    return held;
}

} // namespace claimline
