#pragma once

// CsvRowSource: a delimited file read as rows: its streaming CsvReader (on a thread of its own
// for a large file, CsvPipeline) and its format's RowMapper. Every CSV format (ACLED, UCDP
// GED, the TimelineJS sheet, Timesketch CSV, any CSV by its column mapping) is read by it.

#include "import/datasetfile.h"
#include "import/rowsource.h"

#include <memory>

namespace claimline {

class CsvPipeline;

class CsvRowSource final : public RowSource
{
public:
    // Takes an opened file; a file of csvPipelineThreshold() bytes or more is read on a
    // second thread while this one maps and builds.
    explicit CsvRowSource(std::unique_ptr<DatasetFile> file);
    ~CsvRowSource() override;

    ImportFormat format() const override { return m_file->format(); }
    bool next(ImportRow &row, QString &problem) override;
    std::int64_t bytesRead() const override;
    QString error() const override;
    const DatasetExtras &extras() const override { return m_file->mapper().extras(); }

    char delimiter() const { return m_file->reader().delimiter(); }

private:
    bool nextRecord();

    std::unique_ptr<DatasetFile> m_file;
    std::unique_ptr<CsvPipeline> m_pipeline;
    CsvRecord m_record;
};

} // namespace claimline
