#include "import/csvrowsource.h"

#include "import/csv/csvpipeline.h"

namespace claimline {

CsvRowSource::CsvRowSource(std::unique_ptr<DatasetFile> file)
    : m_file(std::move(file))
{
    const std::int64_t size = m_file->reader().size();
    if (size >= csvPipelineThreshold())
        m_pipeline = std::make_unique<CsvPipeline>(m_file->reader());
}

CsvRowSource::~CsvRowSource() = default;

bool CsvRowSource::nextRecord()
{
    return m_pipeline ? m_pipeline->next(m_record) : m_file->reader().next(m_record);
}

bool CsvRowSource::next(ImportRow &row, QString &problem)
{
    RowMapper &mapper = m_file->mapper();
    while (nextRecord()) {
        if (m_record.problem.isEmpty() && mapper.consume(m_record))
            continue;
        problem = m_record.problem;
        // The id the mapper found before it refused the row (mappers clear the row first:
        // importrow.h), else the format's id column.
        std::string_view id;
        if (problem.isEmpty()) {
            problem = mapper.map(m_record, row);
            id = row.id;
        }
        if (!problem.isEmpty()) {
            // A refused row still names the event it is about: a re-import does not take it
            // for gone.
            row.clear();
            row.line = m_record.line;
            row.id = id.empty() ? m_file->idOf(m_record) : id;
        }
        return true;
    }
    return false;
}

std::int64_t CsvRowSource::bytesRead() const
{
    return m_pipeline ? m_pipeline->bytesRead() : m_file->reader().bytesRead();
}

QString CsvRowSource::error() const
{
    return m_pipeline ? m_pipeline->error() : m_file->reader().error();
}

} // namespace claimline
